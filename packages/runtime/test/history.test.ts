import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { HistoryEvent } from '../src/index.js';
import { runDefinition } from './helpers.js';

/** `[id, previousEventId, type]` of every event: the chain AWS records. */
function chain(history: readonly HistoryEvent[]) {
  return history.map((event) => [event.id, event.previousEventId, event.type]);
}

const History = suite('history events');

History('a Map with two items chains iterations as AWS does', async () => {
  const { history } = await runDefinition(
    {
      StartAt: 'M',
      States: { M: { Type: 'Map', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } },
    },
    [1, 2],
  );
  assert.equal(chain(history), [
    [1, 0, 'ExecutionStarted'],
    [2, 0, 'MapStateEntered'],
    [3, 2, 'MapStateStarted'],
    [4, 3, 'MapIterationStarted'],
    [5, 4, 'PassStateEntered'],
    [6, 5, 'PassStateExited'],
    [7, 6, 'MapIterationSucceeded'],
    // The next iteration follows the previous one's last state event, not its MapIterationSucceeded.
    [8, 6, 'MapIterationStarted'],
    [9, 8, 'PassStateEntered'],
    [10, 9, 'PassStateExited'],
    [11, 10, 'MapIterationSucceeded'],
    // MapStateSucceeded does not move the chain: MapStateExited points where it does.
    [12, 11, 'MapStateSucceeded'],
    [13, 11, 'MapStateExited'],
    [14, 13, 'ExecutionSucceeded'],
  ]);
  assert.equal(history[2]!.mapStateStartedEventDetails, { length: 2 });
  assert.equal(history[7]!.mapIterationStartedEventDetails, { index: 1, name: 'M' });
});

History('a retried Map starts again without MapStateFailed; the last failure writes it', async () => {
  const { history } = await runDefinition(
    {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemProcessor: { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Boom' } } },
          Retry: [{ ErrorEquals: ['Boom'], MaxAttempts: 1 }],
          End: true,
        },
      },
    },
    [1],
  );
  assert.equal(chain(history), [
    [1, 0, 'ExecutionStarted'],
    [2, 0, 'MapStateEntered'],
    [3, 2, 'MapStateStarted'],
    [4, 3, 'MapIterationStarted'],
    [5, 4, 'FailStateEntered'],
    [6, 5, 'MapIterationFailed'],
    [7, 5, 'MapStateStarted'],
    [8, 7, 'MapIterationStarted'],
    [9, 8, 'FailStateEntered'],
    [10, 9, 'MapIterationFailed'],
    [11, 9, 'MapStateFailed'],
    [12, 11, 'ExecutionFailed'],
  ]);
});

History('a Parallel whose branch fails, caught: ParallelStateFailed, then StateExited', async () => {
  const { result, history } = await runDefinition({
    StartAt: 'P',
    States: {
      P: {
        Type: 'Parallel',
        Branches: [
          { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } },
          { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Boom', Cause: 'bad' } } },
        ],
        Catch: [{ ErrorEquals: ['Boom'], Next: 'Handled' }],
        End: true,
      },
      Handled: { Type: 'Pass', End: true },
    },
  });
  assert.equal(result, { status: 'SUCCEEDED', output: { Error: 'Boom', Cause: 'bad' } });
  assert.equal(chain(history), [
    [1, 0, 'ExecutionStarted'],
    [2, 0, 'ParallelStateEntered'],
    [3, 2, 'ParallelStateStarted'],
    [4, 3, 'PassStateEntered'],
    [5, 4, 'PassStateExited'],
    // Each branch starts from ParallelStateStarted.
    [6, 3, 'FailStateEntered'],
    [7, 6, 'ParallelStateFailed'],
    [8, 7, 'ParallelStateExited'],
    [9, 8, 'PassStateEntered'],
    [10, 9, 'PassStateExited'],
    [11, 10, 'ExecutionSucceeded'],
  ]);
});

History('a succeeding Parallel writes ParallelStateSucceeded beside the chain', async () => {
  const { history } = await runDefinition({
    StartAt: 'P',
    States: {
      P: {
        Type: 'Parallel',
        Branches: [
          { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } },
          { StartAt: 'B', States: { B: { Type: 'Pass', End: true } } },
        ],
        End: true,
      },
    },
  });
  assert.equal(chain(history).slice(-3), [
    [8, 7, 'ParallelStateSucceeded'],
    [9, 7, 'ParallelStateExited'],
    [10, 9, 'ExecutionSucceeded'],
  ]);
});

History('a JSONata evaluation failure writes EvaluationFailed with its location', async () => {
  const { history } = await runDefinition({
    QueryLanguage: 'JSONata',
    StartAt: 'First',
    States: {
      First: { Type: 'Pass', Next: 'Bad' },
      Bad: { Type: 'Pass', Output: { result: '{% $nope %}' }, End: true },
    },
  });
  assert.equal(chain(history), [
    [1, 0, 'ExecutionStarted'],
    [2, 0, 'PassStateEntered'],
    [3, 2, 'PassStateExited'],
    [4, 3, 'PassStateEntered'],
    // AWS points it at the event before the StateEntered.
    [5, 3, 'EvaluationFailed'],
    [6, 5, 'ExecutionFailed'],
  ]);
  assert.equal(history[4]!.evaluationFailedEventDetails, {
    error: 'States.QueryEvaluationError',
    cause:
      "An error occurred while executing the state 'Bad' (entered at the event id #4). The JSONata expression '$nope' specified for the field 'Output/result' returned nothing (undefined).",
    location: 'Output/result',
    state: 'Bad',
  });
});

History('assignedVariables are written only when Assign set something', async () => {
  const { history } = await runDefinition({
    StartAt: 'A',
    States: {
      A: { Type: 'Pass', Assign: {}, Next: 'B' },
      B: { Type: 'Pass', Assign: { x: [1] }, End: true },
    },
  });
  assert.not.ok('assignedVariables' in (history[2]!.stateExitedEventDetails as object));
  assert.equal(history[4]!.stateExitedEventDetails, {
    name: 'B',
    output: '{}',
    outputDetails: { truncated: false },
    assignedVariables: { x: '[1]' },
    assignedVariablesDetails: { truncated: false },
  });
});

History('a history of thousands of events reads back whole: ids, chain, details, and what onEvent saw', async () => {
  const definition = {
    StartAt: 'Count',
    States: {
      Count: { Type: 'Pass', Parameters: { 'n.$': 'States.MathAdd($.n, 1)' }, ResultPath: '$', Next: 'More' },
      More: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericLessThan: 2500, Next: 'Count' }], Default: 'Done' },
      Done: { Type: 'Succeed' },
    },
  };
  const seen: HistoryEvent[] = [];
  const { result, history } = await runDefinition(definition, { n: 0 }, { start: { onEvent: (event) => seen.push(event) } });
  assert.is(result.status, 'SUCCEEDED');
  // Started, 2,500 × (Count entered/exited, More entered/exited), Done entered/exited, Succeeded.
  assert.is(history.length, 1 + 2500 * 4 + 2 + 1);
  // Each event follows the one before it, except the first state's, which AWS chains to nothing (0) like ExecutionStarted.
  assert.ok(history.every((event, index) => event.id === index + 1 && event.previousEventId === (index === 1 ? 0 : index)));
  assert.ok(seen.length === history.length && seen.every((event, index) => event === history[index]));
  // Event 9,002 is in the third chunk of the history's storage: Count entered for the 2,251st time, with n = 2,250.
  assert.equal(history[9001], {
    id: 9002,
    previousEventId: 9001,
    timestamp: history[9001]!.timestamp,
    type: 'PassStateEntered',
    stateEnteredEventDetails: { name: 'Count', input: '{"n":2250}', inputDetails: { truncated: false } },
  });
  assert.equal(history[9002]!.stateExitedEventDetails, { name: 'Count', output: '{"n":2251}', outputDetails: { truncated: false } });
  assert.is(history.at(-1)!.type, 'ExecutionSucceeded');
});

History.run();
