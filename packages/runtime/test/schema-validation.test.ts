import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { StateMachine, type MachineSchema } from '../src/index.js';

// A compiler-shaped schema document: parts refer to the shared $defs.
const document: MachineSchema = {
  input: { $ref: '#/$defs/Order' },
  output: {
    type: 'object',
    properties: { chargeId: { type: 'string' }, status: { $ref: '#/$defs/Status' } },
    required: ['chargeId', 'status'],
    additionalProperties: false,
  },
  tasks: {
    chargeCard: {
      resource: '${ChargeFunctionArn}',
      request: { type: 'object', properties: { amount: { type: 'number' } }, required: ['amount'] },
      response: { type: 'object', properties: { chargeId: { type: 'string' } }, required: ['chargeId'] },
    },
  },
  $defs: {
    Order: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        total: { type: 'number' },
        items: { type: 'array', items: { $ref: '#/$defs/Item' } },
        shipping: { oneOf: [{ type: 'object', properties: { kind: { const: 'home' } }, required: ['kind'] }, { type: 'object', properties: { kind: { const: 'pickup' }, point: { type: 'string' } }, required: ['kind', 'point'] }] },
      },
      required: ['id', 'total', 'items'],
      additionalProperties: false,
    },
    Item: { type: 'object', properties: { sku: { type: 'string' }, qty: { type: 'number' } }, required: ['sku', 'qty'], additionalProperties: false },
    Status: { type: 'string', enum: ['captured', 'declined'] },
  },
};

const definition = {
  StartAt: 'Charge',
  States: {
    Charge: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: '${ChargeFunctionArn}', 'Payload.$': '$' },
      ResultSelector: { 'chargeId.$': '$.Payload.chargeId', 'status.$': '$.Payload.status' },
      End: true,
    },
  },
};

interface Order {
  id: string;
  total: number;
  items: { sku: string; qty: number }[];
}
type Tasks = { chargeCard: { request: Order; response: { chargeId: string; status: string } } };

const order: Order = { id: 'o-1', total: 12, items: [{ sku: 'A', qty: 2 }] };
let calls = 0;
const machine = (status = 'captured', validate?: boolean) =>
  new StateMachine<Order, { chargeId: string; status: string }, Tasks>(definition, {
    schema: document,
    ...(validate === undefined ? {} : { validate }),
    handlers: { chargeCard: () => (calls++, { chargeId: 'ch-1', status }) },
  });

const s = suite('schema validation');

s('a valid input and output run as usual; handlers keyed by task name answer', async () => {
  const result = await machine().run(order);
  assert.equal(result, { status: 'SUCCEEDED', output: { chargeId: 'ch-1', status: 'captured' } });
});

s('a wrong input fails before the first state, naming the path and what was expected', async () => {
  calls = 0;
  const execution = machine().start({ ...order, items: [{ sku: 'A', qty: '2' as unknown as number }] });
  const result = await execution.result;
  assert.equal(result, {
    status: 'FAILED',
    error: 'Typestep.InputValidation',
    cause: 'The execution input does not match the input schema: $.items[0].qty must be number (got string "2")',
  });
  assert.equal(calls, 0);
  assert.equal(execution.history.map((event) => event.type), ['ExecutionStarted', 'ExecutionFailed']);
  const failed = execution.history[1] as unknown as { previousEventId: number; executionFailedEventDetails: { error: string } };
  assert.equal(failed.previousEventId, 1);
  assert.equal(failed.executionFailedEventDetails.error, 'Typestep.InputValidation');
});

s('missing, extra and mistyped fields are all listed', async () => {
  const result = await machine().run({ total: 'x', items: [], extra: 1 } as unknown as Order);
  assert.is(result.status, 'FAILED');
  const cause = (result as { cause: string }).cause;
  assert.match(cause, '$.id is required');
  assert.match(cause, '$.extra is not allowed (no such property in the schema)');
  assert.match(cause, '$.total must be number (got string "x")');
});

s('a failing union reports the union, not each member', async () => {
  const result = await machine().run({ ...order, shipping: { kind: 'drone' } } as unknown as Order);
  assert.equal(
    (result as { cause: string }).cause,
    "The execution input does not match the input schema: $.shipping must match exactly one of the union's members (got object)",
  );
});

s('a wrong output fails after the last state with Typestep.OutputValidation', async () => {
  const execution = machine('lost').start(order);
  const result = await execution.result;
  assert.equal(result, {
    status: 'FAILED',
    error: 'Typestep.OutputValidation',
    cause: 'The execution output does not match the output schema: $.status must be one of "captured", "declined" (got "lost")',
  });
  const types = execution.history.map((event) => event.type);
  assert.equal(types.at(-1), 'ExecutionFailed');
  assert.ok(types.includes('TaskStateExited'));
});

s('validate: false turns the checks off', async () => {
  const result = await machine('lost', false).run({ id: 1 } as unknown as Order);
  assert.equal(result, { status: 'SUCCEEDED', output: { chargeId: 'ch-1', status: 'lost' } });
});

s('plain { input, output } schemas work for ASL typestep did not compile', async () => {
  const pass = new StateMachine<{ n: number }, { n: number }>(
    { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
    { schema: { input: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { n: { type: 'integer', minimum: 0 } }, required: ['n'] } } },
  );
  assert.equal(await pass.run({ n: 3 }), { status: 'SUCCEEDED', output: { n: 3 } });
  const negative = await pass.run({ n: -1 });
  assert.equal((negative as { cause: string }).cause, 'The execution input does not match the input schema: $.n must be >= 0');
  const top = await pass.run([] as unknown as { n: number });
  assert.equal((top as { cause: string }).cause, 'The execution input does not match the input schema: $ must be object (got array)');
});

s('keys that are not JSON identifiers are quoted in the path', async () => {
  const pass = new StateMachine({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, {
    schema: { input: { type: 'object', properties: { 'a b': { type: 'object', properties: { 'x/y': { type: 'string' } } } } } },
  });
  const result = await pass.run({ 'a b': { 'x/y': 5 } });
  assert.equal((result as { cause: string }).cause, 'The execution input does not match the input schema: $["a b"]["x/y"] must be string (got number 5)');
});

s.run();
