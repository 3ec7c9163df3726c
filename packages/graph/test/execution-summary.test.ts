import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { StateMachine, type HandlerMap } from '@typestep/runtime';
import { summarizeExecution, type StateOutcome } from '../src/index.js';

/** Runs `definition` on the runtime and summarizes its history. */
async function run(definition: object, handlers: HandlerMap = {}, input: unknown = {}) {
  // No 25,000-event limit of Standard workflows: the 10,000-iteration Map writes 40,000 events.
  const execution = new StateMachine(definition, { handlers, maxHistoryEvents: Infinity }).start(input);
  await execution.result;
  return summarizeExecution(definition, execution.history);
}

function outcomes(summary: ReturnType<typeof summarizeExecution>): Record<string, StateOutcome> {
  return Object.fromEntries([...summary.states].map(([name, state]) => [name, state.outcome]));
}

function failing(name: string, message = 'no'): Error {
  return Object.assign(new Error(message), { name });
}

const s = suite('summarizeExecution');

s('success: every visited state succeeded, the others not reached; status and output', async () => {
  const summary = await run(
    {
      StartAt: 'Check',
      States: {
        Check: { Type: 'Choice', Choices: [{ Variable: '$.big', BooleanEquals: true, Next: 'Review' }], Default: 'Ship' },
        Review: { Type: 'Pass', Next: 'Ship' },
        Ship: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:1:function:ship', End: true },
      },
    },
    { Ship: async (input: unknown) => ({ shipped: input }) },
    { big: false },
  );
  assert.equal(outcomes(summary), { Check: 'succeeded', Review: 'not-reached', Ship: 'succeeded' });
  assert.is(summary.execution.status, 'SUCCEEDED');
  assert.equal(JSON.parse(summary.execution.output!.text), { shipped: { big: false } });
  const ship = summary.states.get('Ship')!;
  assert.equal([ship.visits, ship.retries, ship.detailed[0]!.attempts], [1, 0, [{}]]);
  assert.equal(JSON.parse(ship.detailed[0]!.input!.text), { big: false });
});

s('a retried task, a caught error and the failure that ends the run, with errors and causes', async () => {
  let calls = 0;
  const summary = await run(
    {
      StartAt: 'Charge',
      States: {
        Charge: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:1:function:charge', Retry: [{ ErrorEquals: ['Busy'], MaxAttempts: 3, IntervalSeconds: 1 }], Next: 'Reserve' },
        Reserve: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:1:function:reserve', Catch: [{ ErrorEquals: ['OutOfStock'], Next: 'Notify' }], Next: 'Done' },
        Notify: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:1:function:notify', End: true },
        Done: { Type: 'Succeed' },
      },
    },
    {
      Charge: async () => {
        calls += 1;
        if (calls < 3) throw failing('Busy', `busy ${calls}`);
        return {};
      },
      Reserve: async () => {
        throw failing('OutOfStock', 'none left');
      },
      Notify: async () => {
        throw failing('MailDown', 'smtp');
      },
    },
  );
  assert.equal(outcomes(summary), { Charge: 'retried', Reserve: 'caught', Notify: 'failed', Done: 'not-reached' });
  const charge = summary.states.get('Charge')!;
  assert.is(charge.retries, 2);
  assert.equal(charge.detailed[0]!.attempts.map((attempt) => attempt.error), ['Busy', 'Busy', undefined]);
  assert.match(charge.detailed[0]!.attempts[1]!.cause!, 'busy 2');
  const reserve = summary.states.get('Reserve')!.detailed[0]!;
  assert.equal([reserve.error, reserve.exitedEventId !== undefined], ['OutOfStock', true]);
  assert.match(reserve.cause!, 'none left');
  assert.equal([summary.execution.status, summary.execution.error], ['FAILED', 'MailDown']);
  assert.is(summary.states.get('Notify')!.detailed[0]!.error, 'MailDown');
});

s('a Fail state fails with the execution error; JSONata Assign is recorded, JSONPath states say not recorded', async () => {
  const summary = await run({
    QueryLanguage: 'JSONata',
    StartAt: 'Count',
    States: {
      Count: { Type: 'Pass', Assign: { n: 3, label: '{% "x" & "y" %}' }, Next: 'Stop' },
      Stop: { Type: 'Fail', Error: 'Stopped', Cause: 'on purpose' },
    },
  });
  assert.equal(outcomes(summary), { Count: 'succeeded', Stop: 'failed' });
  const count = summary.states.get('Count')!.detailed[0]!;
  assert.equal(count.assignedVariables, { n: { text: '3', length: 1 }, label: { text: '"xy"', length: 4 } });
  assert.equal([summary.states.get('Stop')!.detailed[0]!.error, summary.states.get('Stop')!.detailed[0]!.cause], ['Stopped', 'on purpose']);
  const plain = await run({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
  assert.equal([plain.states.get('P')!.detailed[0]!.assignedVariables, plain.states.get('P')!.assigns, summary.states.get('Count')!.assigns], [undefined, false, true]);
});

s('Map: iterations counted on the Map and its inner states, one failed iteration fails the Map', async () => {
  const summary = await run(
    {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          MaxConcurrency: 1,
          ItemProcessor: { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:1:function:work', End: true } } },
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Recover' }],
          End: true,
        },
        Recover: { Type: 'Pass', End: true },
      },
    },
    {
      Work: async (item: unknown) => {
        if (item === 3) throw failing('BadItem', 'three');
        return item;
      },
    },
    { items: [0, 1, 2, 3, 4] },
  );
  assert.equal(outcomes(summary), { Each: 'caught', Work: 'failed', Recover: 'succeeded' });
  const work = summary.states.get('Work')!;
  assert.equal([work.visits, work.counts.succeeded, work.counts.failed], [4, 3, 1]);
  assert.equal(work.detailed.find((visit) => visit.outcome === 'failed')!.where, 'Each[3] › ');
  const each = summary.states.get('Each')!.detailed[0]!;
  assert.equal(each.iterations, { total: 5, succeeded: 3, failed: 1 });
  assert.is(each.error, 'BadItem');
});

s('Parallel: each branch with its outcome; a failed branch fails the Parallel', async () => {
  const summary = await run(
    {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Left', States: { Left: { Type: 'Pass', End: true } } },
            { StartAt: 'Right', States: { Right: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:1:function:right', End: true } } },
          ],
          Next: 'After',
        },
        After: { Type: 'Pass', End: true },
      },
    },
    {
      Right: async () => {
        throw failing('RightFailed');
      },
    },
  );
  assert.equal(outcomes(summary), { Both: 'failed', Left: 'succeeded', Right: 'failed', After: 'not-reached' });
  const both = summary.states.get('Both')!.detailed[0]!;
  assert.equal(both.branches, [
    { index: 0, outcome: 'succeeded' },
    { index: 1, outcome: 'failed' },
  ]);
  assert.is(both.error, 'RightFailed');
  assert.is(summary.execution.error, 'RightFailed');
});

s('a branch cut short by its sibling failing is unfinished, and so is the state it was in', async () => {
  const summary = await run(
    {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Wait a day', States: { 'Wait a day': { Type: 'Wait', Seconds: 86400, Next: 'Later' }, Later: { Type: 'Pass', End: true } } },
            { StartAt: 'Boom', States: { Boom: { Type: 'Fail', Error: 'Boom' } } },
          ],
          End: true,
        },
      },
    },
  );
  assert.equal(outcomes(summary), { Both: 'failed', 'Wait a day': 'unfinished', Later: 'not-reached', Boom: 'failed' });
  assert.equal(summary.states.get('Both')!.detailed[0]!.branches, [
    { index: 0, outcome: 'unfinished' },
    { index: 1, outcome: 'failed' },
  ]);
});

s('a 10,000-iteration Map keeps counts, a few visits in detail and a bounded event table', async () => {
  const items = Array.from({ length: 10_000 }, (_, index) => index);
  const summary = await run(
    { StartAt: 'Each', States: { Each: { Type: 'Map', ItemsPath: '$.items', ItemProcessor: { StartAt: 'Double', States: { Double: { Type: 'Pass', End: true } } }, End: true } } },
    {},
    { items },
  );
  assert.is(summary.execution.status, 'SUCCEEDED');
  const double = summary.states.get('Double')!;
  assert.equal([double.visits, double.counts.succeeded, double.detailed.length], [10_000, 10_000, 5]);
  assert.ok(summary.events.length <= 1200, `${summary.events.length} event rows`);
  assert.is(summary.events.length + summary.eventsOmitted, summary.events.at(-1)!.id);
});

s.run();
