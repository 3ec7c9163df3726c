import { failure, type CorpusCase } from '../corpus-case.js';

const levels = [
  { sku: 'bolt', onHand: 5, reorderPoint: 20, reorderQty: 100, supplier: 'acme' },
  { sku: 'nut', onHand: 50, reorderPoint: 20, reorderQty: 100, supplier: 'acme' },
  { sku: 'gear', onHand: 0, reorderPoint: 2, reorderQty: 10, supplier: 'zeta' },
  { sku: 'belt', onHand: 3, reorderPoint: 3, reorderQty: 7, supplier: 'acme' },
];
const handlers = (list: object[], overrides: Record<string, unknown> = {}) => () => ({
  '${LoadLevelsArn}': () => ({ levels: list }),
  '${CreatePurchaseOrderArn}': (i: any) => ({ poNumber: `PO-${i.supplier}-${i.lines.length}`, eta: i.supplier === 'zeta' ? '2024-07-10' : '2024-07-03' }),
  ...overrides,
});

export const cases: CorpusCase[] = [
  { name: 'two suppliers', input: { warehouseId: 'w1' }, handlers: handlers(levels), expected: { output: { orders: [{ supplier: 'acme', poNumber: 'PO-acme-2', eta: '2024-07-03', units: 122 }, { supplier: 'zeta', poNumber: 'PO-zeta-1', eta: '2024-07-10', units: 12 }], deferred: [], latestEta: '2024-07-10' } } },
  { name: 'small orders deferred', input: { warehouseId: 'w1', minOrderLines: 2 }, handlers: handlers(levels), expected: { output: { orders: [{ supplier: 'acme', poNumber: 'PO-acme-2', eta: '2024-07-03', units: 122 }], deferred: ['zeta'], latestEta: '2024-07-03' } } },
  { name: 'nothing to order', input: { warehouseId: 'w2' }, handlers: handlers([levels[1]]), expected: { output: { orders: [], deferred: [], latestEta: null } } },
  { name: 'supplier API rejects', input: { warehouseId: 'w1' }, handlers: handlers(levels, { '${CreatePurchaseOrderArn}': () => { throw failure('SupplierRejected', 'credit hold'); } }), expected: { error: 'SupplierRejected' } },
];
