// The four workflow pairs: where each side's source is, the inputs both machines run, and the
// handlers that stand for the Lambda functions. Handlers are keyed by function ARN: typestep calls
// `arn:aws:states:::lambda:invoke` with that FunctionName, ts2asl calls the ARN directly (after the
// bench substitutes ts2asl's `[!lambda[name]arn]` deploy placeholder, as its deploy step would).

import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const arn = (name) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

/** An error whose name is the ASL error a handler raises. */
function failure(name, message) {
  const error = new Error(message);
  error.name = name;
  return error;
}

const customers = {
  c1: { name: 'Ada', tier: 'gold', city: 'Lisbon' },
  c2: { name: 'Brook', tier: 'silver', city: 'Oslo' },
};

/** What the pricing service charges for one line (a discount on bulk lines). */
const priceOf = (sku, amount) => (amount >= 100 ? amount - 10 : amount) + (sku.startsWith('X') ? 1 : 0);

const tickets = {
  escalate: ({ id }) => ({ handler: 'escalate', queue: `urgent/${id}` }),
  review: ({ id, amount }) => ({ handler: 'review', queue: `review/${amount > 500 ? 'large' : 'small'}/${id}` }),
  autoClose: ({ id }) => ({ handler: 'autoClose', queue: `closed/${id}` }),
};

const chargeHandlers = {
  [arn('charge')]: ({ orderId, amount }) => {
    if (amount > 1000) throw failure('CardDeclined', `limit exceeded for ${orderId}`);
    return { chargeId: `ch-${orderId}-${amount}` };
  },
  [arn('notifyFailure')]: ({ orderId, error }) => ({ notified: orderId.length > 0 && error.length > 0 }),
};

const items = (n) =>
  Array.from({ length: n }, (_, i) => ({ sku: `${i % 3 === 0 ? 'X' : 'A'}${i}`, price: 5 + (i % 7) * 9, qty: 1 + (i % 4) }));

/**
 * @typedef {{ name: string, input: unknown, target?: false }} CaseInput  `target: false`: not judged by the transition target
 * @typedef {{
 *   id: string, title: string, heavy: boolean, workflowName: string,
 *   typestep: { file: string, workflow: string },
 *   ts2asl: { file: string, stateMachine: string },
 *   inputs: CaseInput[],
 *   handlers: { typestep: Record<string, Function>, ts2asl: Record<string, Function> },
 * }} WorkflowPair
 */

/** @type {WorkflowPair[]} */
export const pairs = [
  {
    id: 'assign-offer',
    title: '(1) assignment-heavy',
    heavy: true,
    workflowName: 'AssignOffer',
    typestep: { file: here('./typestep/assign-offer.ts'), workflow: 'AssignOffer' },
    ts2asl: { file: here('./ts2asl/assign-offer.ts'), stateMachine: 'AssignOffer' },
    inputs: [
      { name: 'gold customer', input: { customerId: 'c1', campaign: 'Spring' } },
      { name: 'new customer', input: { customerId: 'c2', campaign: 'Autumn' } },
    ],
    handlers: sameForBoth({
      [arn('loadCustomer')]: ({ customerId }) => customers[customerId],
      [arn('sendOffer')]: (offer) => ({ messageId: `m-${offer.code}-${offer.label}-${offer.tags.join('+')}-${offer.recipient.name}` }),
    }),
  },
  {
    id: 'sum-order',
    title: '(2) loop-heavy',
    heavy: true,
    workflowName: 'SumOrder',
    typestep: { file: here('./typestep/sum-order.ts'), workflow: 'SumOrder' },
    ts2asl: { file: here('./ts2asl/sum-order.ts'), stateMachine: 'SumOrder' },
    inputs: [
      { name: '10 items', input: { items: items(10) } },
      { name: '3 items', input: { items: items(3) } },
      // Checked for equal outputs, left out of the transition target: the loop does not run.
      { name: 'no items', input: { items: [] }, target: false },
    ],
    handlers: {
      typestep: { [arn('priceLine')]: ({ sku, amount }) => ({ amount: priceOf(sku, amount) }) },
      // ts2asl's Lambda does the arithmetic the workflow cannot (see ts2asl/sum-order.ts).
      ts2asl: {
        [arn('priceLineAccumulate')]: ({ sku, price, qty, total, count, lines }) => {
          const amount = priceOf(sku, price * qty);
          return { total: total + amount, count: count + 1, lines: [...lines, `${sku}:${amount}`] };
        },
      },
    },
  },
  {
    id: 'route-ticket',
    title: '(3) branching',
    heavy: false,
    workflowName: 'RouteTicket',
    typestep: { file: here('./typestep/route-ticket.ts'), workflow: 'RouteTicket' },
    ts2asl: { file: here('./ts2asl/route-ticket.ts'), stateMachine: 'RouteTicket' },
    inputs: [
      { name: 'high priority', input: { id: 't1', priority: 'high', amount: 20 } },
      { name: 'large amount', input: { id: 't2', priority: 'low', amount: 700 } },
      { name: 'small amount', input: { id: 't3', priority: 'low', amount: 40 } },
    ],
    handlers: sameForBoth({
      [arn('escalate')]: tickets.escalate,
      [arn('review')]: tickets.review,
      [arn('autoClose')]: tickets.autoClose,
    }),
  },
  {
    id: 'charge-or-refund',
    title: '(4) try/catch',
    heavy: false,
    workflowName: 'ChargeOrder',
    typestep: { file: here('./typestep/charge-or-refund.ts'), workflow: 'ChargeOrder' },
    ts2asl: { file: here('./ts2asl/charge-or-refund.ts'), stateMachine: 'ChargeOrder' },
    inputs: [
      { name: 'charged', input: { orderId: 'o1', amount: 250 } },
      { name: 'declined', input: { orderId: 'o2', amount: 5000 } },
    ],
    handlers: sameForBoth(chargeHandlers),
  },
];

function sameForBoth(handlers) {
  return { typestep: handlers, ts2asl: handlers };
}

export { arn };
