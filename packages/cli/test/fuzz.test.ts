import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fuzz } from './support/fuzz-cases.js';

const s = suite('fuzz (issue 16): no hang, no rejection, no unclear failure, no stack');

s('generated definitions, inputs, handler behaviours, channel requests and CLI arguments', async () => {
  const tally = await fuzz({ runtime: 300, channel: 100, cli: 8 }, 16);
  assert.equal({ ...tally, cases: 0 }, { cases: 0, hangs: 0, rejections: 0, unclear: 0, rawStacks: 0, badAnswers: 0, examples: [] });
  assert.is(tally.cases, 408);
});

s.run();
