class Money {
  constructor(readonly cents: number) {}
  format(): string {
    return `${this.cents / 100}`;
  }
}

class PlainData {
  id = '';
}

const marker = Symbol('marker');

export interface Subject {
  createdAt: Date;
  onDone: () => void;
  big: bigint;
  tag: symbol;
  price: Money;
  plain: PlainData;
  lookup: Map<string, number>;
  pending: Promise<string>;
  [marker]: string;
  method(): void;
}
