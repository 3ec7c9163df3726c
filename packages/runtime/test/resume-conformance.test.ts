import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { StateMachine, type ExecutionResult, type HistoryEvent } from '../src/index.js';
import { conformanceCasesDir } from '../conformance/cases-dir.js';
import { loadCases, startOptionsOf, type ConformanceCase } from '../conformance/run-case.js';

const s = suite('resume: every prefix of every conformance case');
const corpus = conformanceCasesDir();

/** The run of a case: its result and its history as plain JSON. */
async function run(machine: StateMachine, testCase: ConformanceCase, resumeFrom?: readonly HistoryEvent[]) {
  const execution = machine.start(testCase.input, { ...startOptionsOf(testCase), seed: 5, resumeFrom });
  let result: ExecutionResult | { rejected: string };
  try {
    result = await execution.result;
  } catch (error) {
    result = { rejected: String(error) };
  }
  return { result, history: execution.history, plain: JSON.parse(JSON.stringify(execution.history)) as unknown[] };
}

if (!corpus.exists && process.env.TYPESTEP_REQUIRE_CONFORMANCE === '1') {
  s('the conformance corpus is there', () => assert.unreachable(`TYPESTEP_REQUIRE_CONFORMANCE=1, but ${corpus.dir} is absent`));
} else if (!corpus.exists) {
  console.log(`resume-conformance: skipped — the conformance corpus (${corpus.dir}) is absent; set TYPESTEP_CONFORMANCE to run it`);
  s.skip('every prefix of every Standard case', () => undefined);
} else {
  s('resuming from every prefix of a Standard case reproduces its history and result', async () => {
    let runs = 0;
    const failures: string[] = [];
    for (const testCase of loadCases(corpus.dir)) {
      if (testCase.context.stateMachineType !== 'STANDARD') continue;
      let machine: StateMachine;
      try {
        machine = new StateMachine(testCase.definition as object);
      } catch {
        continue; // a case whose definition AWS rejects has no history to resume
      }
      const full = await run(machine, testCase);
      for (let k = 1; k <= full.history.length && failures.length < 5; k++) {
        const resumed = await run(machine, testCase, full.history.slice(0, k));
        runs++;
        try {
          assert.equal(resumed.result, full.result);
          assert.equal(resumed.plain, full.plain);
        } catch {
          const detail = 'rejected' in resumed.result ? resumed.result.rejected : 'history or result differs';
          failures.push(`${testCase.id} from ${k} of ${full.history.length} events: ${detail}`);
          break;
        }
      }
    }
    assert.equal(failures, [], failures.join('\n'));
    assert.ok(runs > 1000, `only ${runs} resumed runs: is the corpus there?`);
    console.log(`resume-conformance: ${runs} resumed runs reproduced their histories`);
  });
}

s.run();
