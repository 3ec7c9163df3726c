// `npm run fuzz -- [--runtime N] [--channel N] [--cli N] [--seed S]`: the fuzzer of issue 16 at any size.
// Prints the tally; exits 1 on any hang, rejection, unclear failure, raw stack or bad channel answer.
import { fuzz } from '../packages/cli/test/support/fuzz-cases.ts';

const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? fallback : Number(process.argv[at + 1]);
};
const counts = { runtime: option('runtime', 10_000), channel: option('channel', 1_000), cli: option('cli', 50) };
const seed = option('seed', 16);
let finished = false;
// Hang guards do not keep the process alive: if it goes idle with a case unfinished, that case hung.
process.on('exit', () => {
  if (!finished) {
    console.log('fuzz: the process went idle with a case unfinished (a hang)');
    process.exitCode = 1;
  }
});
const started = Date.now();
const tally = await fuzz(counts, seed);
finished = true;
console.log(`fuzz seed ${seed}: ${tally.cases} cases (runtime ${counts.runtime}, channel ${counts.channel}, cli ${counts.cli}) in ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`hangs ${tally.hangs}, rejections ${tally.rejections}, unclear failures ${tally.unclear}, raw stacks ${tally.rawStacks}, bad channel answers ${tally.badAnswers}`);
for (const example of tally.examples) console.log(`  ${example}`);
process.exitCode = tally.hangs + tally.rejections + tally.unclear + tally.rawStacks + tally.badAnswers > 0 ? 1 : 0;
