import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { StateMachine, TaskService, TaskServiceError } from '../src/index.js';
import { describeNonJson, describeProblem, MAX_JSON_DEPTH, stringifyJson, writeJsonIteratively } from '../src/json-value.js';

const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:f';

const values = suite('values that are not JSON');

const oneTask = { StartAt: 'Charge', States: { Charge: { Type: 'Task', Resource: LAMBDA, End: true } } };

async function runTask(handler: (input: unknown) => unknown, input: unknown = {}) {
  const execution = new StateMachine(oneTask, { handlers: { Charge: handler } }).start(input);
  const result = await execution.result;
  return { result, types: execution.history.map((event) => event.type), history: execution.history };
}

const looped: Record<string, unknown> = { id: 1 };
looped.self = looped;
const nonJsonResults: Array<[string, unknown, string]> = [
  ['a cyclic object', { order: looped }, 'a cycle at $.order.self (it contains itself)'],
  ['a BigInt', { total: 10n }, 'a BigInt at $.total'],
  ['a function', { items: [1, () => 2] }, 'a function at $.items[1]'],
  ['a symbol', Symbol('x'), 'a symbol at $'],
];
for (const [what, value, where] of nonJsonResults) {
  values(`a handler returning ${what} fails the task with States.Runtime naming it`, async () => {
    for (const handler of [() => value, async () => value]) {
      const { result, types } = await runTask(handler);
      assert.equal(result, {
        status: 'FAILED',
        error: 'States.Runtime',
        cause: `The result of Task state 'Charge' (from its handler, job or mock) is not a JSON value: ${where}.`,
      });
      assert.equal(types.slice(-2), ['LambdaFunctionFailed', 'ExecutionFailed']);
    }
  });
}

values('a shared (not cyclic) object and a Date are JSON', async () => {
  const shared = { n: 1 };
  const { result } = await runTask(() => ({ a: shared, b: shared, at: new Date(0) }));
  assert.equal(result, { status: 'SUCCEEDED', output: { a: { n: 1 }, b: { n: 1 }, at: '1970-01-01T00:00:00.000Z' } });
});

values('an error whose name is not a string fails with States.Runtime, not a TypeError', async () => {
  const { result } = await runTask(() => {
    const error = new Error('boom');
    (error as { name: unknown }).name = 42;
    throw error;
  });
  assert.is(result.status, 'FAILED');
  assert.is((result as { error: string }).error, 'States.Runtime');
  assert.match((result as { cause: string }).cause, /Task state 'Charge' threw an error whose name is not a string \(number\)/);
});

values('a thrown object whose cause JSON cannot write still gives a cause', async () => {
  const cause: Record<string, unknown> = {};
  cause.cause = cause;
  const { result } = await runTask(() => {
    throw { error: 'Card.Declined', cause };
  });
  assert.is((result as { error: string }).error, 'Card.Declined');
  assert.match((result as { cause: string }).cause, '[object Object]');
});

values('an input nested 5,000 levels fails with States.DataLimitExceeded; result and history never throw', async () => {
  let deep: unknown = {};
  for (let i = 0; i < 5000; i++) deep = { a: deep };
  for (const definition of [oneTask, { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }]) {
    const execution = new StateMachine(definition, { handlers: { Charge: (input) => input } }).start(deep);
    const result = await execution.result;
    assert.is(result.status, 'FAILED');
    assert.is((result as { error: string }).error, 'States.DataLimitExceeded');
    assert.match((result as { cause: string }).cause, new RegExp(`nesting deeper than ${MAX_JSON_DEPTH} levels`));
    assert.is(JSON.parse(execution.history[0]!.executionStartedEventDetails!.input as string).a.a.a !== undefined, true);
  }
});

values('a handler result nested too deeply fails the task; a deep but allowed one passes', async () => {
  const nest = (levels: number) => {
    let value: unknown = 0;
    for (let i = 0; i < levels; i++) value = [value];
    return value;
  };
  const tooDeep = await runTask(() => nest(MAX_JSON_DEPTH + 1));
  assert.is((tooDeep.result as { error: string }).error, 'States.DataLimitExceeded');
  const allowed = await runTask(() => nest(MAX_JSON_DEPTH - 1));
  assert.is(allowed.result.status, 'SUCCEEDED');
  assert.ok(allowed.history.every((event) => JSON.stringify(event).length > 0));
});

values('an interpreter error resolves the result as FAILED States.Runtime instead of rejecting', async () => {
  const input = {
    get broken(): never {
      throw new Error('getter failed');
    },
  };
  const execution = new StateMachine(oneTask, { handlers: { Charge: () => ({}) } }).start(input);
  const result = await execution.result;
  assert.is(result.status, 'FAILED');
  assert.is((result as { error: string }).error, 'States.Runtime');
  assert.match((result as { cause: string }).cause, /interpreter error, not an ASL one\): Error: getter failed/);
  assert.is(execution.history.at(-1)!.type, 'ExecutionFailed');
});

values('sendTaskSuccess refuses output JSON cannot hold', () => {
  const service = new TaskService();
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  assert.throws(() => service.sendTaskSuccess('no-such-token', cyclic), (error: Error) => error instanceof TaskServiceError);
});

values('stringifyJson writes what JSON.stringify writes, at any depth', () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (value, indent) => {
      assert.is(writeJsonIteratively(value, indent), JSON.stringify(value, null, indent));
    }),
    { numRuns: 500, seed: 16 },
  );
  assert.is(writeJsonIteratively({ a: undefined, b: [undefined, () => 1], c: new Date(0) }), JSON.stringify({ a: undefined, b: [undefined, () => 1], c: new Date(0) }));
  let deep: unknown = 1;
  for (let i = 0; i < 100_000; i++) deep = [deep];
  assert.is(stringifyJson(deep).length, 200_001);
});

// describeNonJson answers plain JSON with a quick walk and looks closer only when that walk finds something.
values('the quick walk agrees with the full walk on any value', () => {
  const anything = fc.anything({ withBigInt: true, withDate: true, withBoxedValues: true, withNullPrototype: true, withSparseArray: true, maxDepth: 4 });
  fc.assert(
    fc.property(anything, fc.boolean(), (generated, loop) => {
      let value: unknown = generated;
      // Close a loop through the value: the cycle is then somewhere below the top.
      if (loop && generated !== null && typeof generated === 'object') value = { wrapper: [generated] };
      if (loop && generated !== null && typeof generated === 'object') (generated as Record<string, unknown>).back = value;
      assert.is(describeNonJson(value), describeProblem(value, MAX_JSON_DEPTH));
    }),
    { numRuns: 300 },
  );
});

values('problems past the quick walk\'s depth and beside array elements are still found', () => {
  let deep: Record<string, unknown> = {};
  const top = deep;
  for (let i = 0; i < 100; i++) deep = (deep.next = {}) as Record<string, unknown>;
  deep.loop = top;
  assert.match(describeNonJson(top)!, /^a cycle at \$(\.next){100}\.loop/);
  deep.loop = 1n;
  assert.match(describeNonJson(top)!, /^a BigInt at \$(\.next){100}\.loop$/);
  const list: unknown[] & { extra?: unknown } = [1, 2];
  list.extra = () => 0;
  assert.is(describeNonJson({ list }), 'a function at $.list[extra]');
  assert.is(describeNonJson({ list: [1, { at: new Date(0) }] }), undefined);
});

values.run();
