// The typed test: the compiled machine runs with the generated types and the
// schema, so a wrong input, handler or output field is a type error here, and
// a wrong value at run time fails the execution with Typestep.InputValidation.
import { readFileSync } from 'node:fs';
import { generateDeclarations } from '@typestep/compiler';
import { StateMachine, type MachineSchema } from '@typestep/runtime';
import { testWorkflow } from '@typestep/testing';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compiledWorkflow } from './generate.js';
import type { ProcessOrderInput, ProcessOrderOutput, ProcessOrderTasks } from './ProcessOrder.js';
import { processOrder } from './workflow.js';

const here = (name: string) => new URL(`./${name}`, import.meta.url);
const schema = JSON.parse(readFileSync(here('ProcessOrder.schema.json'), 'utf8')) as MachineSchema;
const definition = readFileSync(here('ProcessOrder.asl.json'), 'utf8');

const order: ProcessOrderInput = {
  id: 'o-1',
  customer: { email: 'ada@example.com' },
  items: [{ sku: 'tea', qty: 2, unitPrice: 4.5 }, { sku: 'mug', qty: 1, unitPrice: 9 }],
  shipping: { method: 'pickup', pointId: 'P-7' },
};

const sent: unknown[] = [];
// Keyed by task name; each handler is type-checked against its task's request and response.
const handlers = {
  priceOrder: ({ items }: ProcessOrderTasks['priceOrder']['request']) => ({ total: items.reduce((sum, item) => sum + item.qty * item.unitPrice, 0) }),
  chargeCard: ({ orderId, amount }: ProcessOrderTasks['chargeCard']['request']) => ({ chargeId: `ch-${orderId}`, approved: amount < 100 }),
  sendReceipt: (request: ProcessOrderTasks['sendReceipt']['request']) => (sent.push(request.Message), { MessageId: 'm-1' }),
};
const machine = new StateMachine<ProcessOrderInput, ProcessOrderOutput, ProcessOrderTasks>(definition, { schema, handlers });

const s = suite('example: typed orders');

s('the ASL, the schema and the .d.ts are up to date with workflow.ts', async () => {
  const workflow = await compiledWorkflow();
  assert.fixture(definition, workflow.text);
  assert.equal(workflow.schema, schema);
  const declarations = await generateDeclarations(schema as Parameters<typeof generateDeclarations>[0], { source: 'ProcessOrder.schema.json' });
  assert.fixture(readFileSync(here('ProcessOrder.d.ts'), 'utf8'), declarations);
});

s('a valid order is charged and confirmed', async () => {
  const result = await machine.run(order);
  assert.equal(result, { status: 'SUCCEEDED', output: { orderId: 'o-1', chargeId: 'ch-o-1', total: 18, status: 'confirmed' } });
  if (result.status === 'SUCCEEDED') {
    const status: 'confirmed' | 'declined' = result.output.status; // typed output
    assert.is(status, 'confirmed');
  }
  assert.equal(sent.at(-1), { orderId: 'o-1', total: 18, email: 'ada@example.com' });
});

s('a declined charge ends early, typed the same way', async () => {
  const big: ProcessOrderInput = { ...order, items: [{ sku: 'teapot', qty: 3, unitPrice: 40 }] };
  const before = sent.length;
  assert.equal(await machine.run(big), { status: 'SUCCEEDED', output: { orderId: 'o-1', chargeId: 'ch-o-1', total: 120, status: 'declined' } });
  assert.is(sent.length, before);
});

s('the same handlers, keyed by task name, give the same answer natively and compiled', async () => {
  // testWorkflow runs workflow.ts itself and its compiled ASL, and fails if the two end differently.
  const run = await testWorkflow(processOrder, { input: order, handlers, mode: 'both' });
  assert.equal(run.output, { orderId: 'o-1', chargeId: 'ch-o-1', total: 18, status: 'confirmed' });
  assert.equal(run.path, ['Price order', 'Charge card', 'If !charge.approved', 'Send receipt']);
  assert.equal(run.calls('chargeCard').map((call) => call.input), [{ orderId: 'o-1', amount: 18 }]);
});

s('an invalid order fails before the first state, saying where and what', async () => {
  const bad = { ...order, shipping: { method: 'drone' }, items: [{ sku: 'tea', qty: '2', unitPrice: 4.5 }] } as unknown as ProcessOrderInput;
  const execution = machine.start(bad);
  assert.equal(await execution.result, {
    status: 'FAILED',
    error: 'Typestep.InputValidation',
    cause:
      'The execution input does not match the input schema: $.items[0].qty must be number (got string "2"); ' +
      "$.shipping must match exactly one of the union's members (got object)",
  });
  assert.equal(execution.history.map((event) => event.type), ['ExecutionStarted', 'ExecutionFailed']);
});

s.run();
