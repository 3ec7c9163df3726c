import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { StateMachine } from '../src/index.js';
import { executionSeed, lazySeededRandom, seededRandom } from '../src/random.js';

const random = suite('random sources');

random('lazySeededRandom draws what seededRandom draws, and works the seed out at the first draw only', () => {
  let seedsComputed = 0;
  const lazy = lazySeededRandom(() => {
    seedsComputed++;
    return 1234;
  });
  assert.is(seedsComputed, 0);
  const eager = seededRandom(1234);
  const drawn = Array.from({ length: 5 }, () => lazy());
  assert.equal(drawn, Array.from({ length: 5 }, () => eager()));
  assert.is(seedsComputed, 1);
});

random("an execution without a seed draws from its ARN and start time, as a resume expects", async () => {
  const definition = { StartAt: 'Id', States: { Id: { Type: 'Pass', Parameters: { 'id.$': 'States.UUID()' }, End: true } } };
  const machine = new StateMachine(definition, { name: 'ids' });
  const startTime = '2025-03-01T12:00:00Z';
  const unseeded = machine.start({}, { name: 'run-1', startTime });
  const seeded = machine.start({}, { name: 'run-1', startTime, seed: executionSeed(unseeded.executionArn, Date.parse(startTime)) });
  const [a, b] = await Promise.all([unseeded.result, seeded.result]);
  assert.is(a.status, 'SUCCEEDED');
  assert.equal(a, b);
  const other = await machine.run({}, { name: 'run-2', startTime });
  assert.not.equal(other, a);
});

random.run();
