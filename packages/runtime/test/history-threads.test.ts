import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { describeFailureOrigin, eventThreads, failureOrigin, StateMachine, StateVisitTracker } from '../src/index.js';

const fn = 'arn:aws:lambda:us-east-1:123456789012:function:work';
// A Parallel whose second branch holds a Map of two states; a state after the Parallel.
const definition = {
  QueryLanguage: 'JSONata',
  StartAt: 'Both',
  States: {
    Both: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'Left', States: { Left: { Type: 'Pass', End: true } } },
        {
          StartAt: 'Each',
          States: {
            Each: {
              Type: 'Map',
              Items: '{% $states.input.items %}',
              ItemProcessor: { StartAt: 'Prepare', States: { Prepare: { Type: 'Pass', Next: 'Work' }, Work: { Type: 'Task', Resource: fn, End: true } } },
              End: true,
            },
          },
        },
      ],
      Next: 'After',
    },
    After: { Type: 'Pass', End: true },
  },
};

const s = suite('history threads');

s('each state entered is placed in its Map iteration or Parallel branch, and the top level after them', async () => {
  const execution = new StateMachine(definition, { handlers: { [fn]: (n: number) => n * 2 } }).start({ items: [1, 2] });
  assert.is((await execution.result).status, 'SUCCEEDED');
  const threads = eventThreads(execution.history);
  const path = execution.history
    .filter((event) => event.type.endsWith('StateEntered'))
    .map((event) => threads.get(event.id)!.label + (event.stateEnteredEventDetails as { name: string }).name);
  assert.equal(path.sort(), [
    'After',
    'Both',
    'Both[branch 0] › Left',
    'Both[branch 1] › Each',
    'Both[branch 1] › Each[0] › Prepare',
    'Both[branch 1] › Each[0] › Work',
    'Both[branch 1] › Each[1] › Prepare',
    'Both[branch 1] › Each[1] › Work',
  ]);
});

s('a Map with MaxConcurrency: an iteration started when another ended is still its own iteration, inside the Map', async () => {
  const limited = structuredClone(definition);
  (limited.States.Both.Branches[1]!.States.Each as { MaxConcurrency?: number }).MaxConcurrency = 1;
  const execution = new StateMachine(limited, { handlers: { [fn]: (n: number) => n * 2 } }).start({ items: [1, 2, 3] });
  assert.is((await execution.result).status, 'SUCCEEDED');
  const threads = eventThreads(execution.history);
  const started = execution.history.filter((event) => event.type === 'MapIterationStarted');
  // The later iterations follow the previous one's last event, not MapStateStarted.
  assert.ok(started.slice(1).every((event) => execution.history[event.previousEventId - 1]!.type !== 'MapStateStarted'));
  const works = execution.history.filter((event) => event.type === 'TaskStateEntered').map((event) => threads.get(event.id)!.label);
  assert.equal(works, ['Both[branch 1] › Each[0] › ', 'Both[branch 1] › Each[1] › ', 'Both[branch 1] › Each[2] › ']);
  const after = execution.history.find((event) => event.type === 'PassStateEntered' && (event.stateEnteredEventDetails as { name: string }).name === 'After')!;
  assert.is(threads.get(after.id)!.label, '');
});

s('a failure is traced back to the state it started in, with its Map index', async () => {
  const handler = (n: number) => {
    if (n === 2) throw Object.assign(new Error('two'), { name: 'Bad.Item' });
    return n;
  };
  const execution = new StateMachine(definition, { handlers: { [fn]: handler } }).start({ items: [1, 2] });
  assert.equal((await execution.result).status, 'FAILED');
  const origin = failureOrigin(execution.history)!;
  assert.equal([origin.stateName, origin.thread.label, origin.thread.mapIndex], ['Work', 'Both[branch 1] › Each[1] › ', 1]);
  assert.equal(describeFailureOrigin(origin), ["in state 'Work' (Both[branch 1] › Each[1])"]);
  assert.equal(describeFailureOrigin(origin, { Work: { file: 'src/work.ts', line: 7, column: 3 } }), [
    "in state 'Work' (Both[branch 1] › Each[1])",
    'at src/work.ts:7:3',
  ]);
});

s('a failure at the top level names the state alone; a source map without it adds no line', async () => {
  const failing = { StartAt: 'Stop', States: { Stop: { Type: 'Fail', Error: 'Nope' } } };
  const execution = new StateMachine(failing).start({});
  await execution.result;
  assert.equal(describeFailureOrigin(failureOrigin(execution.history)!, { Other: { file: 'x.ts', line: 1, column: 1 } }), ["in state 'Stop'"]);
});

s('StateVisitTracker: each visit with its type, place, attempts, last error and exit; a caught failure stays failed', async () => {
  const flaky = {
    StartAt: 'Call',
    States: {
      Call: { Type: 'Task', Resource: fn, Retry: [{ ErrorEquals: ['Busy'], MaxAttempts: 2, IntervalSeconds: 1 }], Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Recover' }], End: true },
      Recover: { Type: 'Pass', End: true },
    },
  };
  let calls = 0;
  const busy = () => {
    calls += 1;
    throw Object.assign(new Error('try later'), { name: calls < 3 ? 'Busy' : 'Broken' });
  };
  const execution = new StateMachine(flaky, { handlers: { [fn]: busy } }).start({});
  assert.is((await execution.result).status, 'SUCCEEDED');
  const tracker = new StateVisitTracker();
  for (const event of execution.history) tracker.add(event);
  const seen = tracker.visits.map((visit) => [visit.name, visit.type, visit.thread.label, visit.attempts, visit.failed, visit.error, visit.exited !== undefined]);
  assert.equal(seen, [
    ['Call', 'Task', '', 3, true, 'Broken', true],
    ['Recover', 'Pass', '', 0, false, undefined, true],
  ]);
  assert.equal(tracker.openVisits(), []);
});

s.run();
