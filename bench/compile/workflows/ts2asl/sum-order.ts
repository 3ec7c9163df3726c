// Loop-heavy, ts2asl style. ts2asl 0.1.55 cannot compute `+`, `*` or append to an array at run time
// (it folds only literal operands: "unable to resolve binary expression"; `lines.push(x)` and
// `[...lines, x]` are rejected), so the accumulators travel through the Lambda, which returns them
// updated. Same Lambda calls per item as the typestep workflow; the arithmetic moves into the Lambda.
// The loop walks a shrinking copy of the array (`while (rest[0])` … `jsonPathSlice(rest, 1)`):
// ts2asl's own `for…of` reads `$.foreach.items[1]` when one item is left, which typestep's runtime
// fails with States.Runtime (a missing path in Parameters); `rest[0] !== undefined` lowers to a
// Choice on a missing path, which fails the same way, so the condition is truthiness (IsPresent).
import * as asl from '@ts2asl/asl-lib';

interface Item { sku: string; price: number; qty: number }
interface Running { total: number; count: number; lines: string[] }

export const SumOrder = asl.deploy.asStateMachine(async (input: { items: Item[] }) => {
  let total = 0;
  let count = 0;
  let lines: string[] = [];
  let rest = input.items;
  while (rest[0]) {
    const item = rest[0];
    const priced = await priceLineAccumulate({ sku: item.sku, price: item.price, qty: item.qty, total, count, lines });
    total = priced.total;
    count = priced.count;
    lines = priced.lines;
    rest = asl.jsonPathSlice(rest, 1);
  }
  return { total, count, lines };
});
// The bench registers a handler for this; the body is never deployed.
export const priceLineAccumulate = asl.deploy.asLambda(
  async (input: { sku: string; price: number; qty: number } & Running): Promise<Running> => {
    throw new Error('handled by the bench');
  },
);
