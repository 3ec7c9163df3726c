// A typed machine that must type-check: generated types in, handlers checked per task.
import { StateMachine } from '@typestep/runtime';
import type { ChargeCardResponse, ProcessOrderInput, ProcessOrderOutput, ProcessOrderTasks } from './generated/process-order.js';

declare const definition: object;
declare const schema: object;

const machine = new StateMachine<ProcessOrderInput, ProcessOrderOutput, ProcessOrderTasks>(definition, {
  schema,
  handlers: {
    chargeCard: ({ orderId, amount }): ChargeCardResponse => ({ chargeId: `${orderId}-${amount.toFixed(2)}`, status: 'captured' }),
    pack: async (order) => ({ parcels: order.items.length }),
  },
});

export async function run(): Promise<string | undefined> {
  const result = await machine.run({ id: 'o-1', total: 12, items: [{ sku: 'A', qty: 2 }] });
  if (result.status !== 'SUCCEEDED') return result.cause;
  const status: 'captured' | 'declined' = result.output.status;
  return `${result.output.chargeId} ${status} ${result.output.count}`;
}

// Per-execution handlers are typed the same way.
machine.start({ id: 'o-2', total: 1, items: [] }, { handlers: { readStock: ({ Bucket, Key }) => ({ Body: `${Bucket}/${Key}` }) } });

// An untyped machine still takes any handler map.
new StateMachine(definition, { handlers: { 'Any state': () => 42, 'arn:aws:lambda:*': (input: unknown) => input } });
