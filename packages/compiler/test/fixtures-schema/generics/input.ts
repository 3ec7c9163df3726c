interface Page<T> {
  items: T[];
  next?: string;
}

interface Pair<A, B> {
  first: A;
  second: B;
}

interface Order {
  id: string;
}

type Envelope<T> = { body: T; receivedAt: string };

export interface Subject {
  orders: Page<Order>;
  names: Page<string>;
  pair: Pair<string, number>;
  envelope: Envelope<Order>;
}
