import { failure, type CorpusCase } from '../corpus-case.js';

const stock: Record<string, number> = { apple: 10, pear: 1 };
const handlers = (overrides: Record<string, unknown> = {}) => () => ({
  'Read stock level': (i: any) => (i.Key.sku.S in stock ? { Item: { sku: i.Key.sku, onHand: { N: String(stock[i.Key.sku.S]) } } } : {}),
  'Decrement stock': () => ({}),
  '${RestoreStockArn}': () => null,
  ...overrides,
});
const req = (items: { sku: string; qty: number }[]) => ({ orderId: 'o-1', warehouse: 'ham', items });

export const cases: CorpusCase[] = [
  { name: 'all in stock', input: req([{ sku: 'apple', qty: 3 }, { sku: 'pear', qty: 1 }]), handlers: handlers(), expected: { output: { orderId: 'o-1', status: 'RESERVED', lines: 2 } } },
  { name: 'second line short', input: req([{ sku: 'apple', qty: 3 }, { sku: 'pear', qty: 2 }]), handlers: handlers(), expected: { output: { orderId: 'o-1', status: 'BACKORDERED', sku: 'pear', available: 1, rolledBack: 1 } } },
  { name: 'unknown sku has no item', input: req([{ sku: 'kiwi', qty: 1 }]), handlers: handlers(), expected: { output: { orderId: 'o-1', status: 'BACKORDERED', sku: 'kiwi', available: 0, rolledBack: 0 } } },
  {
    name: 'race on the condition',
    input: req([{ sku: 'apple', qty: 3 }]),
    handlers: handlers({ 'Decrement stock': () => { throw failure('DynamoDB.ConditionalCheckFailedException', 'The conditional request failed'); } }),
    expected: { error: 'DynamoDB.ConditionalCheckFailedException' },
  },
];
