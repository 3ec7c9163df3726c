import { lambda, workflow, WorkflowError } from '@typestep/dsl';

interface OrderLine { sku: string; qty: number }
interface Location { sku: string; aisle: number; shelf: string; onHand: number }

const locate = lambda<{ skus: string[] }, { locations: Location[] }>('${LocateArn}');
const printList = lambda<{ picker: string; rows: string[] }, { jobId: string }>('${PrintArn}');

export const buildPickList = workflow('BuildPickList', async (input: { orders: { id: string; lines: OrderLine[] }[]; picker: string }) => {
  const needed: { [sku: string]: number } = {};
  for (const order of input.orders) {
    for (const line of order.lines) {
      needed[line.sku] = (needed[line.sku] || 0) + line.qty;
    }
  }
  const skus = Object.keys(needed);
  if (skus.length === 0) throw new WorkflowError('NothingToPick', 'no order lines');
  const { locations } = await locate({ skus });

  const missing = skus.filter((sku) => !locations.some((l) => l.sku === sku && l.onHand >= needed[sku]));
  const route = locations
    .filter((l) => needed[l.sku] !== undefined && l.onHand >= needed[l.sku])
    .sort((a, b) => a.aisle - b.aisle || a.shelf.localeCompare(b.shelf));
  const rows = route.map((l, i) => `${String(i + 1).padStart(2, '0')}. aisle ${l.aisle}/${l.shelf}: ${needed[l.sku]} × ${l.sku}`);
  const { jobId } = await printList({ picker: input.picker, rows });
  return { jobId, stops: rows.length, missing, units: Object.values(needed).reduce((a, b) => a + b, 0) };
});
