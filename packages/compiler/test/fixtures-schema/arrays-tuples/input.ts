export interface Subject {
  tags: string[];
  matrix: number[][];
  frozen: readonly string[];
  generic: Array<boolean>;
  pair: [string, number];
  optionalTail: [string, number?];
  rest: [string, ...number[]];
  labelled: readonly [x: number, y: number];
  items: { sku: string; qty: number }[];
}
