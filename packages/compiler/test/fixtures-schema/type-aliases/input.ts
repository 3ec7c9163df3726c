type Sku = string;

type LineItem = {
  sku: Sku;
  qty: number;
};

type Basket = LineItem[];

type Status = 'open' | 'closed';

export type Subject = {
  basket: Basket;
  status: Status;
  first: LineItem;
};
