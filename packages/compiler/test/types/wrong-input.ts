// start() and run() take the machine's input type.
import { StateMachine } from '@typestep/runtime';
import type { ProcessOrderInput, ProcessOrderOutput } from './generated/process-order.js';

declare const definition: object;
const machine = new StateMachine<ProcessOrderInput, ProcessOrderOutput>(definition);

// @ts-expect-error: total must be a number
machine.start({ id: 'o-1', total: '12', items: [] });
// @ts-expect-error: items is required
machine.start({ id: 'o-1', total: 12 });
// @ts-expect-error: a field the input does not have
machine.run({ id: 'o-1', total: 12, items: [], coupon: 'X' });
// @ts-expect-error: the item shape is checked too
machine.run({ id: 'o-1', total: 12, items: [{ sku: 'A' }] });
