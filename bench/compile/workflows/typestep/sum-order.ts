// Loop-heavy: a for…of over the items, a Lambda call per item, a running total,
// a count and a list, with arithmetic around the call.
import { workflow, lambda } from '@typestep/dsl';

interface Item { sku: string; price: number; qty: number }

const priceLine = lambda<{ sku: string; amount: number }, { amount: number }>('arn:aws:lambda:us-east-1:123456789012:function:priceLine');

export const sumOrder = workflow('SumOrder', async (input: { items: Item[] }) => {
  let total = 0;
  let count = 0;
  let lines: string[] = [];
  for (const item of input.items) {
    const gross = item.price * item.qty;
    const priced = await priceLine({ sku: item.sku, amount: gross });
    total = total + priced.amount;
    count = count + 1;
    lines = [...lines, `${item.sku}:${priced.amount}`];
  }
  return { total, count, lines };
});
