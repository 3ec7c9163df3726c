// The generated-workflow harness itself: the generator gives the same programs for the same seeds, the check fails on
// a definition that is not the program's, and `npm run test:generated`'s pool (workers, recycling, the record) counts
// every program once.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ProgramChecker } from './generated/differential.js';
import { moduleSource } from './generated/program-source.js';

const s = suite('generated-workflow harness');
const root = new URL('../../..', import.meta.url).pathname;

s('the generator gives the same modules for the same seeds', () => {
  const hash = createHash('sha256');
  for (let seed = 1; seed <= 500; seed++) for (const optional of [false, true]) hash.update(moduleSource(seed, { optional }));
  // The generator before and after it moved to generated/program-source.ts gives this; a change to what it generates changes this
  // (and every seed's program: record the new value on purpose, with the reason in the commit).
  assert.is(hash.digest('hex'), '5752994e82fe54dfaacc9760f7fc46e5d4186ab3ed2eed176533808efd874f12');
});

s("a definition that is not the program's fails the check", async () => {
  const checker = new ProgramChecker();
  const first = checker.program(1, { optional: false });
  const second = checker.program(2, { optional: false });
  await checker.compare(first, await checker.compile(first));
  const wrong = await checker.compile(second);
  try {
    await checker.compare(first, wrong);
  } catch (error) {
    assert.is((error as Error).name, 'Assertion');
    return;
  }
  assert.unreachable('seed 2 compiled passed for seed 1');
});

s('the worker pool checks each program once and writes the record', () => {
  const report = join(mkdtempSync(join(tmpdir(), 'typestep-generated-report-')), 'report.json');
  // --recycle 1: every program in a new worker process.
  const run = spawnSync(process.execPath, ['scripts/generated-workflows.mjs', '--from', '3', '--count', '2', '--optional', '1', '--jobs', '2', '--recycle', '1', '--report', report], { cwd: root, encoding: 'utf8' });
  const line = run.stdout.trim().split('\n').pop()!;
  assert.match(line, /^generated workflows: 3 of 3 programs agree \(seeds 3\.\.4, 1 also with optional fields\), 0 mismatches, 0 do not compile, 0 errors, \d+ s, [\d.]+ programs\/s \(2 jobs, load [\d.]+\)$/);
  assert.is(run.status, 0, run.stderr);
  const record = JSON.parse(readFileSync(report, 'utf8'));
  assert.equal([record.programs, record.agree, record.mismatch, record.compile, record.error, record.failing], [3, 3, 0, 0, 0, []]);
});

s.run();
