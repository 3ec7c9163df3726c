import type { CorpusCase } from '../corpus-case.js';

const cart = { cartId: 'c1', customerId: 'k1', items: [{ sku: 'a', name: 'Mug', price: 12.5, qty: 2 }, { sku: 'b', name: 'Tea', price: 4.99, qty: 3 }] };
const handlers = (statuses: (string | null)[], sentFlags: boolean[] = [true, true]) => () => {
  let loads = 0;
  let sends = 0;
  const seen: unknown[] = [];
  return {
    'Load cart': () => {
      const status = statuses[loads++];
      return status === null ? {} : { Item: { cartId: { S: 'c1' }, status: { S: status } } };
    },
    '${ReminderArn}': (i: any) => { seen.push(i); if (i.lines.length !== (i.discountCode ? 3 : 2)) throw new Error('bad lines ' + JSON.stringify(i.lines)); return { sent: sentFlags[sends++] }; },
  };
};

export const cases: CorpusCase[] = [
  { name: 'never comes back', input: cart, handlers: handlers(['OPEN', 'OPEN']), expected: { output: { cartId: 'c1', outcome: 'abandoned', remindersSent: 2 } } },
  { name: 'checks out after first reminder', input: cart, handlers: handlers(['OPEN', 'CHECKED_OUT']), expected: { output: { cartId: 'c1', outcome: 'converted', remindersSent: 1 } } },
  { name: 'cart deleted', input: cart, handlers: handlers([null]), expected: { output: { cartId: 'c1', outcome: 'converted', remindersSent: 0 } } },
  { name: 'one reminder bounced', input: cart, handlers: handlers(['OPEN', 'OPEN'], [false, true]), expected: { output: { cartId: 'c1', outcome: 'abandoned', remindersSent: 1 } } },
];
