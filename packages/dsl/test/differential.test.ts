import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { StateMachine, TaskService, getActivityTask, sendTaskFailure, sendTaskSuccess, type HandlerMap, type TaskContext } from '@typestep/runtime';
import { activity, awsSdk, callback, context, lambda, sleep, workflow, WorkflowError, type Workflow } from '../src/index.js';

/**
 * The same workflow twice: natively through the DSL, and as hand-written ASL
 * (what the compiler should emit) in the runtime, with the same handlers.
 * Both must end the same way. This is the compiler's differential test in miniature.
 */

const START = '2025-01-01T00:00:00Z';
type Outcome = { status: 'SUCCEEDED'; output: unknown } | { status: string; error?: string; cause?: string };

async function native<In>(wf: Workflow<In, unknown>, input: In, handlers: HandlerMap, taskService?: TaskService): Promise<Outcome> {
  try {
    return { status: 'SUCCEEDED', output: await wf.run(input, { handlers, startTime: START, taskService }) };
  } catch (error) {
    if (!(error instanceof WorkflowError)) throw error;
    const outcome: Outcome = { status: 'FAILED', error: error.name };
    if (error.cause !== undefined) outcome.cause = error.cause;
    return outcome;
  }
}

async function compiled(definition: object, input: unknown, handlers: HandlerMap, options: { taskService?: TaskService; stateMachines?: StateMachine[] } = {}): Promise<Outcome> {
  const machine = new StateMachine(definition, { handlers, ...options });
  return machine.run(input, { startTime: START });
}

async function same<In>(wf: Workflow<In, unknown>, definition: object, input: In, makeHandlers: () => HandlerMap, options: { stateMachines?: StateMachine[] } = {}): Promise<Outcome> {
  const a = await native(wf, input, makeHandlers());
  const b = await compiled(definition, input, makeHandlers(), options);
  assert.equal(a, b);
  return a;
}

const named = (name: string, message: string) => Object.assign(new Error(message), { name });
const differential = suite('native vs runtime (hand-written ASL)');

// ---- Lambda call with retry and catch ------------------------------------------------------------

const charge = lambda<{ amount: number }, { chargeId: string }>('${ChargeFunctionArn}', {
  retry: { errors: ['Lambda.TooManyRequestsException'], intervalSeconds: 2, maxAttempts: 2 },
});
const payment = workflow('Payment', async (order: { amount: number }) => {
  try {
    const { chargeId } = await charge({ amount: order.amount });
    return { chargeId, at: context().state.enteredTime };
  } catch (e) {
    const error = e as WorkflowError;
    return { error: error.name, cause: error.message };
  }
});
const paymentAsl = {
  QueryLanguage: 'JSONata',
  StartAt: 'Charge',
  States: {
    Charge: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Arguments: { FunctionName: '${ChargeFunctionArn}', Payload: { amount: '{% $states.input.amount %}' } },
      Retry: [{ ErrorEquals: ['Lambda.TooManyRequestsException'], IntervalSeconds: 2, MaxAttempts: 2 }],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught', Output: '{% $states.errorOutput %}' }],
      Output: '{% $states.result.Payload %}',
      Next: 'Done',
    },
    Done: { Type: 'Pass', Output: '{% { "chargeId": $states.input.chargeId, "at": $states.context.State.EnteredTime } %}', End: true },
    Caught: { Type: 'Pass', Output: '{% { "error": $states.input.Error, "cause": $states.input.Cause } %}', End: true },
  },
};

differential('lambda: success, function error, retried throttling, exhausted retries', async () => {
  const behaviours: Array<(n: number) => unknown> = [
    () => ({ chargeId: 'ch_1' }),
    () => { throw named('CardDeclined', 'insufficient funds'); },
    (n) => { if (n < 2) throw named('Lambda.TooManyRequestsException', 'slow down'); return { chargeId: 'ch_late' }; },
    () => { throw named('Lambda.TooManyRequestsException', 'always'); },
  ];
  const seen: unknown[] = [];
  for (const behaviour of behaviours) {
    const calls: number[] = [];
    const outcome = await same(payment, paymentAsl, { amount: 10 }, () => {
      let n = 0;
      calls.push(0);
      return { '${ChargeFunctionArn}': () => { calls[calls.length - 1]++; return behaviour(n++); } };
    });
    assert.is(calls[0], calls[1], 'the same number of attempts');
    seen.push(outcome);
  }
  assert.equal((seen[2] as { output: { at: string } }).output.at, '2025-01-01T00:00:06.000Z');
});

// ---- Callback ------------------------------------------------------------------------------------

const approve = callback<{ QueueUrl: string; MessageBody: { token: string; id: string } }, { ok: boolean }>('arn:aws:states:::sqs:sendMessage', { name: 'Ask' });
const approval = workflow('Approval', async (input: { id: string }) => {
  try {
    return await approve((token) => ({ QueueUrl: 'q', MessageBody: { token, id: input.id } }));
  } catch (e) {
    return { rejected: (e as WorkflowError).name, why: (e as WorkflowError).message };
  }
});
const approvalAsl = {
  QueryLanguage: 'JSONata',
  StartAt: 'Ask',
  States: {
    Ask: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      Arguments: { QueueUrl: 'q', MessageBody: { token: '{% $states.context.Task.Token %}', id: '{% $states.input.id %}' } },
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Rejected' }],
      End: true,
    },
    Rejected: { Type: 'Pass', Output: '{% { "rejected": $states.input.Error, "why": $states.input.Cause } %}', End: true },
  },
};

differential('callback: answered by sendTaskSuccess, failed by sendTaskFailure', async () => {
  const answer = (fn: (token: string) => void) => () => ({ Ask: (request: { MessageBody: { token: string } }) => void setTimeout(() => fn(request.MessageBody.token), 1) });
  const ok = await same(approval, approvalAsl, { id: 'a' }, answer((token) => sendTaskSuccess(token, { ok: true })));
  assert.equal(ok, { status: 'SUCCEEDED', output: { ok: true } });
  const no = await same(approval, approvalAsl, { id: 'b' }, answer((token) => sendTaskFailure(token, 'Rejected', 'too big')));
  assert.equal(no, { status: 'SUCCEEDED', output: { rejected: 'Rejected', why: 'too big' } });
});

// ---- Activity ------------------------------------------------------------------------------------

differential('activity: a worker answers the same way in both', async () => {
  const arn = 'arn:aws:states:us-east-1:123456789012:activity:dsl-differential';
  const review = activity<{ doc: number }, { verdict: string }>(arn);
  const wf = workflow('Review', async (doc: number) => review({ doc }));
  const asl = { QueryLanguage: 'JSONata', StartAt: 'Review', States: { Review: { Type: 'Task', Resource: arn, Arguments: { doc: '{% $states.input %}' }, End: true } } };
  const worker = async () => {
    const { taskToken, input } = await getActivityTask(arn, 'w', { waitSeconds: 5 });
    sendTaskSuccess(taskToken!, { verdict: `seen ${(input as { doc: number }).doc}` });
  };
  const [a] = await Promise.all([native(wf, 4, {}), worker()]);
  const [b] = await Promise.all([compiled(asl, 4, {}), worker()]);
  assert.equal(a, { status: 'SUCCEEDED', output: { verdict: 'seen 4' } });
  assert.equal(a, b);
});

// ---- Map, sleep, Parallel-like Promise.all --------------------------------------------------------

// A real function ARN: the runtime recognises a placeholder Resource as Lambda only once it is substituted.
const DOUBLE = 'arn:aws:lambda:us-east-1:123456789012:function:double';
const double = lambda<number, number>(DOUBLE, { invoke: 'direct' });
const fanout = workflow('Fanout', async (items: number[]) => {
  const doubled = await Promise.all(items.map(async (n) => double(n)));
  await sleep(30);
  return { doubled, at: context().state.enteredTime };
});
const fanoutAsl = {
  QueryLanguage: 'JSONata',
  StartAt: 'Double all',
  States: {
    'Double all': {
      Type: 'Map',
      ItemProcessor: { StartAt: 'Double', States: { Double: { Type: 'Task', Resource: DOUBLE, End: true } } },
      Next: 'Wait',
    },
    Wait: { Type: 'Wait', Seconds: 30, Next: 'Report' },
    Report: { Type: 'Pass', Output: '{% { "doubled": $states.input, "at": $states.context.State.EnteredTime } %}', End: true },
  },
};

differential('map over items with a direct Lambda, then a wait: the same output and the same virtual time', async () => {
  const outcome = await same(fanout, fanoutAsl, [1, 2, 3], () => ({ [DOUBLE]: (n: number) => n * 2 }));
  assert.equal(outcome, { status: 'SUCCEEDED', output: { doubled: [2, 4, 6], at: '2025-01-01T00:00:30.000Z' } });
  // A direct Lambda's function error is named the same way too.
  await same(fanout, fanoutAsl, [1, -1], () => ({ [DOUBLE]: (n: number) => { if (n < 0) throw named('Negative', `n=${n}`); return n; } }));
});

// ---- Timeout and uncaught errors -----------------------------------------------------------------

differential('task timeout and an uncaught error fail both executions the same way', async () => {
  const slow = lambda<unknown, unknown>('${SlowFunctionArn}', { timeoutSeconds: 5 });
  const wf = workflow('Slow', async () => slow({}));
  const asl = {
    QueryLanguage: 'JSONata',
    StartAt: 'Slow',
    States: {
      Slow: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Arguments: { FunctionName: '${SlowFunctionArn}', Payload: {} },
        TimeoutSeconds: 5,
        Output: '{% $states.result.Payload %}',
        End: true,
      },
    },
  };
  const timedOut = await same(wf, asl, undefined, () => ({ '${SlowFunctionArn}': async (_: unknown, { sleep }: TaskContext) => { await sleep(10); return 1; } }));
  assert.equal(timedOut, { status: 'FAILED', error: 'States.Timeout' });
  const failed = await same(wf, asl, undefined, () => ({ '${SlowFunctionArn}': () => { throw named('Broken', 'it broke'); } }));
  assert.is((failed as { error: string }).error, 'Broken');
});

differential('aws-sdk errors: the same name, the same cause up to the request id', async () => {
  const getObject = awsSdk<{ Bucket: string; Key: string }, unknown>('s3', 'getObject');
  const wf = workflow('Read', async () => getObject({ Bucket: 'b', Key: 'k' }));
  const asl = { QueryLanguage: 'JSONata', StartAt: 'Read', States: { Read: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:s3:getObject', Arguments: { Bucket: 'b', Key: 'k' }, End: true } } };
  const handlers = { 'arn:aws:states:::aws-sdk:s3:getObject': () => { throw named('NoSuchKey', 'The specified key does not exist.'); } };
  const a = (await native(wf, undefined, handlers)) as { error: string; cause: string };
  const b = (await compiled(asl, undefined, handlers)) as { error: string; cause: string };
  const withoutId = (cause: string) => cause.replace(/Request ID: [0-9a-f-]+/, 'Request ID: …');
  assert.is(a.error, 'S3.NoSuchKeyException');
  assert.is(a.error, b.error);
  assert.is(withoutId(a.cause), withoutId(b.cause));
});

differential('nested workflow: the child failure reaches the parent as States.TaskFailed with the same description fields', async () => {
  const child = workflow('Child', async (n: number) => {
    if (n < 0) throw new WorkflowError('NegativeInput', `got ${n}`);
    return { n };
  });
  const parent = workflow('Parent', async (n: number) => {
    try {
      return await child(n);
    } catch (e) {
      const described = JSON.parse((e as WorkflowError).message);
      return { error: (e as WorkflowError).name, status: described.Status, childError: described.Error, childCause: described.Cause, input: described.Input };
    }
  });
  const childMachine = new StateMachine(
    {
      QueryLanguage: 'JSONata',
      StartAt: 'Check',
      States: {
        Check: { Type: 'Choice', Choices: [{ Condition: '{% $states.input < 0 %}', Next: 'Fail' }], Default: 'Ok' },
        Fail: { Type: 'Fail', Error: 'NegativeInput', Cause: '{% "got " & $string($states.input) %}' },
        Ok: { Type: 'Pass', Output: '{% { "n": $states.input } %}', End: true },
      },
    },
    { name: 'Child' },
  );
  const parentAsl = {
    QueryLanguage: 'JSONata',
    StartAt: 'Child',
    States: {
      Child: {
        Type: 'Task',
        Resource: 'arn:aws:states:::states:startExecution.sync:2',
        Arguments: { StateMachineArn: childMachine.stateMachineArn, Input: '{% $states.input %}' },
        Output: '{% $states.result.Output %}',
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
        End: true,
      },
      Caught: {
        Type: 'Pass',
        Output: '{% ($d := $parse($states.input.Cause); { "error": $states.input.Error, "status": $d.Status, "childError": $d.Error, "childCause": $d.Cause, "input": $d.Input }) %}',
        End: true,
      },
    },
  };
  assert.equal(await same(parent, parentAsl, 2, () => ({}), { stateMachines: [childMachine] }), { status: 'SUCCEEDED', output: { n: 2 } });
  assert.equal(await same(parent, parentAsl, -2, () => ({}), { stateMachines: [childMachine] }), {
    status: 'SUCCEEDED',
    output: { error: 'States.TaskFailed', status: 'FAILED', childError: 'NegativeInput', childCause: 'got -2', input: -2 },
  });
});

differential.run();
