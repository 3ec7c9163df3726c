import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { StateMachine } from '../src/index.js';

const s = suite('StartOptions.context: fields laid over the context object');

s('objects merge field by field over the built context; other values replace; JSONata sees the same', async () => {
  const machine = new StateMachine({
    StartAt: 'Read',
    States: {
      Read: { Type: 'Pass', Parameters: { 'name.$': '$$.Execution.Name', 'id.$': '$$.Execution.Id', 'state.$': '$$.State.Name', 'extra.$': '$$.Extra' }, Next: 'Late' },
      Late: { Type: 'Pass', QueryLanguage: 'JSONata', Output: '{% {"name": $states.input.name, "extra": $states.context.Extra} %}', End: true },
    },
  });
  const execution = machine.start({}, { name: 'real-name', context: { Execution: { Name: 'given' }, Extra: [1] } });
  const result = await execution.result;
  assert.equal(result.output, { name: 'given', extra: [1] });
  const first = JSON.parse((execution.history.find((event) => event.type === 'PassStateExited')!.stateExitedEventDetails as { output: string }).output);
  assert.equal([first.name, first.state, first.extra], ['given', 'Read', [1]]);
  assert.match(first.id, /:real-name$/);
});

s.run();
