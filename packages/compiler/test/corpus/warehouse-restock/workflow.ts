import { lambda, workflow } from '@typestep/dsl';

interface StockLevel { sku: string; onHand: number; reorderPoint: number; reorderQty: number; supplier: string }

const loadLevels = lambda<{ warehouseId: string }, { levels: StockLevel[] }>('${LoadLevelsArn}');
const createPurchaseOrder = lambda<{ supplier: string; lines: { sku: string; qty: number }[] }, { poNumber: string; eta: string }>('${CreatePurchaseOrderArn}');

export const restockWarehouse = workflow('RestockWarehouse', async (input: { warehouseId: string; minOrderLines?: number }) => {
  const { levels } = await loadLevels({ warehouseId: input.warehouseId });
  const bySupplier = new Map<string, { sku: string; qty: number }[]>();
  for (const level of levels.filter((l) => l.onHand <= l.reorderPoint)) {
    const lines = bySupplier.get(level.supplier) ?? [];
    lines.push({ sku: level.sku, qty: level.reorderQty + (level.reorderPoint - level.onHand) });
    bySupplier.set(level.supplier, lines);
  }

  const orders: { supplier: string; poNumber: string; eta: string; units: number }[] = [];
  const deferred: string[] = [];
  for (const [supplier, lines] of [...bySupplier.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (lines.length < (input.minOrderLines ?? 1)) {
      deferred.push(supplier);
      continue;
    }
    const { poNumber, eta } = await createPurchaseOrder({ supplier, lines });
    orders.push({ supplier, poNumber, eta, units: lines.reduce((n, l) => n + l.qty, 0) });
  }
  const latest = orders.map((o) => o.eta).sort().at(-1) ?? null;
  return { orders, deferred, latestEta: latest };
});
