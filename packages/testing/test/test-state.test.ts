import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mock, StateTestConfigError, testState, testWorkflow } from '../src/index.js';
import * as expenses from '../guide/expenses.js';

const s = suite('testState and mock configurations');

s('a Choice state: its next state, without the rest of the machine', async () => {
  const choice = { Type: 'Choice', Choices: [{ Condition: '{% $states.input.total > 100 %}', Next: 'Review' }], Default: 'Ship' };
  assert.equal(await testState(choice, { input: { total: 120 }, queryLanguage: 'JSONata' }), { status: 'SUCCEEDED', output: { total: 120 }, nextState: 'Review' });
  assert.equal((await testState(choice, { input: { total: 5 }, queryLanguage: 'JSONata' })).nextState, 'Ship');
});

s('a Task state: one attempt; an error a retrier takes is RETRIABLE, one a catcher takes is CAUGHT_ERROR', async () => {
  const task = {
    Type: 'Task',
    Resource: 'arn:aws:lambda:us-east-1:123456789012:function:charge',
    Retry: [{ ErrorEquals: ['Bank.Busy'], MaxAttempts: 2 }],
    Catch: [{ ErrorEquals: ['Card.Declined'], Next: 'Tell customer' }],
    Next: 'Ship',
  };
  const answer = (handler: (input: unknown) => unknown) => ({ handlers: { State: handler }, input: { amount: 5 } });
  assert.equal(await testState(task, answer(() => ({ ok: true }))), { status: 'SUCCEEDED', output: { ok: true }, nextState: 'Ship' });
  const busy = await testState(task, answer(mock.fail('Bank.Busy', 'try later')));
  assert.equal([busy.status, busy.error], ['RETRIABLE', 'Bank.Busy']);
  const declined = await testState(task, answer(mock.fail('Card.Declined', 'expired')));
  assert.equal([declined.status, declined.error, declined.nextState], ['CAUGHT_ERROR', 'Card.Declined', 'Tell customer']);
  const other = await testState(task, answer(mock.fail('Oops', 'no')));
  assert.equal([other.status, other.error], ['FAILED', 'Oops']);
});

s('context is laid over $$; retrierRetryCount spends the matching retrier; errorCausedByState stands for a Map', async () => {
  const pass = { Type: 'Pass', Parameters: { 'name.$': '$$.Execution.Name', 'index.$': '$$.Map.Item.Index' }, End: true };
  assert.equal((await testState(pass, { context: { Execution: { Name: 'run-1' }, Map: { Item: { Index: 2 } } } })).output, { name: 'run-1', index: 2 });
  const task = { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: [{ ErrorEquals: ['Oops'], MaxAttempts: 1, IntervalSeconds: 4 }], End: true };
  const oops = { handlers: { State: mock.fail('Oops', 'no') } };
  const first = await testState(task, oops);
  assert.equal([first.status, first.error, first.errorDetails], ['RETRIABLE', 'Oops', { retryIndex: 0, retryBackoffIntervalSeconds: 4 }]);
  assert.equal((await testState(task, { ...oops, retrierRetryCount: 1 })).status, 'FAILED');
  const map = { Type: 'Map', ItemProcessor: { StartAt: 'Inner', States: { Inner: { Type: 'Pass', End: true } } }, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Handle' }], End: true };
  const caught = await testState(map, { handlers: { State: mock.fail('Inner.Failed', 'x') }, errorCausedByState: 'Inner' });
  assert.equal([caught.status, caught.nextState, caught.errorDetails], ['CAUGHT_ERROR', 'Handle', { catchIndex: 0 }]);
  const refused = await testState(map, { errorCausedByState: 'Missing' }).then(() => undefined, (error: unknown) => error);
  assert.instance(refused, StateTestConfigError);
});

s('variables in scope and the variables a state assigns', async () => {
  const pass = { Type: 'Pass', Assign: { total: '{% $subtotal * 2 %}' }, Output: '{% $subtotal %}', End: true };
  assert.equal(await testState(pass, { variables: { subtotal: 21 }, queryLanguage: 'JSONata' }), { status: 'SUCCEEDED', output: 21, variables: { total: 42 } });
});

s('a Step Functions Local mock configuration answers the compiled run\'s tasks', async () => {
  const config = {
    StateMachines: { ReviewExpense: { TestCases: { Declined: { 'Ask manager': 'No' } } } },
    MockedResponses: { No: { '0': { Return: { approved: false } } } },
  };
  const handlers = { checkPolicy: mock.succeed({ allowed: true, limit: 500 }), auditLine: mock.succeed({ ok: true }), fetchReport: mock.succeed({ pages: 1 }), notify: mock.succeed({ MessageId: 'm' }) };
  const run = await testWorkflow(expenses.reviewExpense, { input: { id: 'e-2', amount: 300, lines: [] }, handlers, mode: 'compiled', mocks: { config, testCase: 'Declined' } });
  assert.equal([run.status, (run.output as { approved: boolean }).approved], ['SUCCEEDED', false]);
});

s('inputs with properties the type does not name run, as TypeScript allows; a wrong type fails before the first state', async () => {
  const handlers = { checkPolicy: mock.succeed({ allowed: true, limit: 500 }), auditLine: mock.succeed({ ok: true }), fetchReport: mock.succeed({ pages: 1 }), notify: mock.succeed({ MessageId: 'm' }) };
  const extra = { id: 'e-3', amount: 10, lines: [], submittedBy: 'ada' } as expenses.Expense;
  assert.is((await testWorkflow(expenses.reviewExpense, { input: extra, handlers })).status, 'SUCCEEDED');
  const wrong = { id: 'e-4', amount: '10', lines: [] } as unknown as expenses.Expense;
  const run = await testWorkflow(expenses.reviewExpense, { input: wrong, handlers, mode: 'compiled' });
  assert.equal([run.status, run.error, run.path], ['FAILED', 'Typestep.InputValidation', []]);
  assert.match(run.cause!, '$.amount must be number');
});

const distributed = (extra: Record<string, unknown>) => ({
  Type: 'Map',
  ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' }, Parameters: { Bucket: 'orders', Key: 'today.csv' } },
  ItemSelector: { 'sku.$': '$$.Map.Item.Value.sku', 'index.$': '$$.Map.Item.Index' },
  ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'Pick', States: { Pick: { Type: 'Pass', End: true } } },
  Next: 'Ship',
  ...extra,
});

s('mapItemReaderData: a Distributed Map reads its items from the given text, through ItemSelector and ItemBatcher', async () => {
  const read = await testState(distributed({}), { mapItemReaderData: 'sku,qty\na1,2\nb2,5\n' });
  assert.equal(read, { status: 'SUCCEEDED', output: [{ sku: 'a1', index: 0 }, { sku: 'b2', index: 1 }], nextState: 'Ship' });
  const json = distributed({ ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON' }, Parameters: { 'Bucket.$': '$.bucket', Key: 'k' } } });
  const batched = await testState({ ...json, ItemSelector: undefined, ItemBatcher: { MaxItemsPerBatch: 2 } }, { mapItemReaderData: '[{"sku":"x"},{"sku":"y"},{"sku":"z"}]' });
  assert.equal(batched.output, [{ Items: [{ sku: 'x' }, { sku: 'y' }] }, { Items: [{ sku: 'z' }] }]);
  const listing = { ...json, ItemReader: { Resource: 'arn:aws:states:::s3:listObjectsV2', Parameters: { Bucket: 'b' } } };
  for (const [state, message] of [[listing, 'InputType'], [{ Type: 'Pass', End: true }, 'Map state'], [{ ...json, ItemReader: undefined }, 'ItemReader']] as const) {
    const error = await testState(state, { mapItemReaderData: '[]' }).catch((thrown: Error) => thrown);
    assert.ok(error instanceof StateTestConfigError, message);
    assert.match((error as Error).message, message);
  }
});

s('mapIterationFailureCount: past ToleratedFailureCount/Percentage the Map fails with States.ExceedToleratedFailureThreshold, which Retry and Catch handle', async () => {
  const data = 'sku\na\nb\nc\nd\n';
  const catching = distributed({ ToleratedFailureCount: 1, Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'Report' }] });
  assert.is((await testState(catching, { mapItemReaderData: data, mapIterationFailureCount: 1 })).status, 'SUCCEEDED');
  const caught = await testState(catching, { mapItemReaderData: data, mapIterationFailureCount: 2, input: { day: 1 } });
  assert.equal([caught.status, caught.error, caught.nextState, (caught.output as { failure: { Error: string } }).failure.Error], ['CAUGHT_ERROR', 'States.ExceedToleratedFailureThreshold', 'Report', 'States.ExceedToleratedFailureThreshold']);
  // 2 of 4 is 50%: within ToleratedFailurePercentage 50, past 49.
  assert.is((await testState(distributed({ ToleratedFailurePercentage: 50 }), { mapItemReaderData: data, mapIterationFailureCount: 2 })).status, 'SUCCEEDED');
  const failed = await testState(distributed({ ToleratedFailurePercentage: 49 }), { mapItemReaderData: data, mapIterationFailureCount: 2 });
  assert.equal([failed.status, failed.error], ['FAILED', 'States.ExceedToleratedFailureThreshold']);
  const retried = await testState({ ...distributed({}), Retry: [{ ErrorEquals: ['States.ExceedToleratedFailureThreshold'], MaxAttempts: 1 }] }, { mapItemReaderData: data, mapIterationFailureCount: 1 });
  assert.equal([retried.status, retried.errorDetails?.retryIndex], ['RETRIABLE', 0]);
  const inline = { Type: 'Map', ItemsPath: '$.items', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true };
  assert.is((await testState(inline, { input: { items: [1, 2] }, mapIterationFailureCount: 1 })).error, 'States.ExceedToleratedFailureThreshold');
  for (const [state, count, message] of [[{ Type: 'Pass', End: true }, 1, 'Map state'], [inline, 3, 'more than'], [{ ...inline, ToleratedFailureCountPath: '$.n' }, 1, 'ToleratedFailureCountPath']] as const) {
    const error = await testState(state, { input: { items: [1, 2], n: 1 }, mapIterationFailureCount: count }).catch((thrown: Error) => thrown);
    assert.ok(error instanceof StateTestConfigError, message);
    assert.match((error as Error).message, message);
  }
});

s('a JSONata Task state: the request after Arguments and the result', async () => {
  const task = { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: 'charge', Payload: { cents: '{% $states.input.total * 100 %}' } }, Output: '{% $states.result.Payload %}', End: true };
  const tested = await testState(task, { queryLanguage: 'JSONata', input: { total: 3 }, handlers: { State: (payload: { cents: number }) => ({ charged: payload.cents }) } });
  assert.equal(tested.jsonataDataFlow?.afterArguments, { FunctionName: 'charge', Payload: { cents: 300 } });
  assert.equal((tested.jsonataDataFlow?.result as { Payload: unknown }).Payload, { charged: 300 });
  assert.equal(tested.output, { charged: 300 });
  assert.is(tested.dataFlow, undefined);
});

s.run();
