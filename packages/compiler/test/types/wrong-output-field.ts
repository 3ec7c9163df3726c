// The result's output has the output type: reading a field it does not have is an error.
import { StateMachine } from '@typestep/runtime';
import type { ProcessOrderInput, ProcessOrderOutput } from './generated/process-order.js';

declare const definition: object;
const machine = new StateMachine<ProcessOrderInput, ProcessOrderOutput>(definition);

export async function read(): Promise<void> {
  const result = await machine.run({ id: 'o-1', total: 12, items: [] });
  if (result.status !== 'SUCCEEDED') return;
  // @ts-expect-error: the output has no `total`
  console.log(result.output.total);
  // @ts-expect-error: count is a number, not a string
  const count: string = result.output.count;
  // @ts-expect-error: the output only exists when the execution succeeded
  console.log((await machine.run({ id: 'o', total: 1, items: [] })).output);
  console.log(count);
}
