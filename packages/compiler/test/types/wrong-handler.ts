// Handlers of a typed machine are checked against their task's request and response.
import { StateMachine } from '@typestep/runtime';
import type { ProcessOrderInput, ProcessOrderOutput, ProcessOrderTasks } from './generated/process-order.js';

declare const definition: object;

new StateMachine<ProcessOrderInput, ProcessOrderOutput, ProcessOrderTasks>(definition, {
  handlers: {
    // @ts-expect-error: the response's status must be 'captured' | 'declined'
    chargeCard: () => ({ chargeId: 'c', status: 'lost' }),
    // @ts-expect-error: parcels must be a number
    pack: async () => ({ parcels: 'two' }),
    // @ts-expect-error: the request has no field `bucket` (it is `Bucket`)
    readStock: ({ bucket }) => ({ Body: bucket }),
  },
});

new StateMachine<ProcessOrderInput, ProcessOrderOutput, ProcessOrderTasks>(definition, {
  handlers: {
    // @ts-expect-error: not a task of this workflow
    refund: () => ({}),
  },
});

const machine = new StateMachine<ProcessOrderInput, ProcessOrderOutput, ProcessOrderTasks>(definition);
machine.start(
  { id: 'o', total: 1, items: [] },
  // @ts-expect-error: per-execution handlers are checked too (approved must be boolean)
  { handlers: { askApproval: () => ({ approved: 'yes' }) } },
);
