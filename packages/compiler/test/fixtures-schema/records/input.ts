interface Price {
  amount: number;
  currency: string;
}

export interface Subject {
  byId: Record<string, Price>;
  counts: { [key: string]: number };
  fixedKeys: Record<'small' | 'large', number>;
  byIndex: { [index: number]: string };
  mixed: { total: number; [key: string]: number };
  partial: Partial<Price>;
  picked: Pick<Price, 'amount'>;
}
