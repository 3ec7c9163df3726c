// Measures a corpus of workflows (`<dir>/<name>/workflow.ts` + `cases.ts`): does each case's native run
// give what the case expects, and does the compiled workflow give what the native run gives? Used by
// corpus.test.ts and by scripts/corpus-report.mjs (which measures any directory of the same layout).
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { validateDefinition } from '@typestep/runtime';
import { compile, type CompileResult } from '../src/index.js';
import type { CorpusCase } from './corpus/corpus-case.js';
import { mainWorkflow, normalize, runCompiled, runNatively, type NativeWorkflow, type Outcome } from './differential-run.js';

/** Why a workflow does not yet compile and behave like its native run (the codes of the tally). */
export type BlockKind = 'diagnostic' | 'compiler_crash' | 'invalid_definition' | 'run_mismatch' | 'run_crash';

export interface CorpusWorkflowResult {
  /** The workflow's folder name. */
  name: string;
  /** Cases whose native run does not give `expected`: a mistake in the corpus (or in the native run). */
  nativeProblems: string[];
  /** Number of cases. */
  cases: number;
  /** Undefined when it compiles and every case matches the native run. */
  blocked?: { kind: BlockKind; reason: string; codes: string[] };
}

/** A run that has not ended after this long (real time) has hung: a failure of that run. */
const RUN_TIMEOUT_MS = 20_000;

/** The folders of `dir` that hold a `workflow.ts`, sorted. */
export function corpusWorkflows(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'workflow.ts')))
    .sort();
}

/** Measures every workflow of the corpus in `dir`. */
export async function measureCorpus(dir: string): Promise<CorpusWorkflowResult[]> {
  const names = corpusWorkflows(dir);
  const compiled = await compileCorpus(dir, names);
  const results: CorpusWorkflowResult[] = [];
  for (const name of names) results.push(await measureWorkflow(dir, name, compiled.get(name)!));
  return results;
}

type CompileOutcome = { result: CompileResult } | { crash: string };

/** One compile over all files; if the compiler throws, one per file so one crash costs one workflow. */
async function compileCorpus(dir: string, names: string[]): Promise<Map<string, CompileOutcome>> {
  const byName = new Map<string, CompileOutcome>();
  try {
    const result = await compile({ files: names.map((name) => join(dir, name, 'workflow.ts')) });
    for (const name of names) {
      const mine = (file: string) => relative(dir, file).split(/[\\/]/)[0] === name;
      byName.set(name, { result: { workflows: result.workflows.filter((w) => mine(w.file)), diagnostics: result.diagnostics.filter((d) => mine(d.span.file)) } });
    }
  } catch {
    for (const name of names) {
      try {
        byName.set(name, { result: await compile({ files: [join(dir, name, 'workflow.ts')] }) });
      } catch (error) {
        byName.set(name, { crash: firstLine(error instanceof Error ? (error.stack ?? error.message) : String(error)) });
      }
    }
  }
  return byName;
}

async function measureWorkflow(dir: string, name: string, compiled: CompileOutcome): Promise<CorpusWorkflowResult> {
  const module = (await import(pathToFileURL(join(dir, name, 'workflow.ts')).href)) as Record<string, unknown>;
  const { cases } = (await import(pathToFileURL(join(dir, name, 'cases.ts')).href)) as { cases: CorpusCase[] };
  const main = mainWorkflow(module);
  if (!main) return { name, cases: cases.length, nativeProblems: ['workflow.ts exports no workflow'] };

  const natives: Outcome[] = [];
  const nativeProblems: string[] = [];
  for (const testCase of cases) {
    const native = await runNativeCase(main, testCase);
    natives.push(native);
    const problem = expectationProblem(testCase, native);
    if (problem) nativeProblems.push(`${testCase.name}: ${problem}`);
  }
  const result = { name, cases: cases.length, nativeProblems };

  if ('crash' in compiled) return { ...result, blocked: { kind: 'compiler_crash', reason: `compiler_crash: ${compiled.crash}`, codes: ['compiler_crash'] } };
  const { workflows, diagnostics } = compiled.result;
  if (diagnostics.length > 0) {
    const first = diagnostics[0];
    const where = `${relative(join(dir, name), first.span.file)}:${first.span.line}`;
    const codes = [...new Set(diagnostics.map((d) => d.code as string))];
    return { ...result, blocked: { kind: 'diagnostic', reason: `${first.code} (${where}): ${firstLine(first.message)}`, codes } };
  }
  const machine = workflows.find((w) => w.name === main.workflowName);
  if (!machine) return { ...result, blocked: { kind: 'compiler_crash', reason: `no compiled workflow named ${main.workflowName}`, codes: ['compiler_crash'] } };
  for (const workflow of workflows) {
    const problems = validateDefinition(workflow.definition);
    if (problems.length > 0) {
      const reason = `invalid_definition: ${workflow.name}: ${problems[0].code} at ${problems[0].location}: ${problems[0].message}`;
      return { ...result, blocked: { kind: 'invalid_definition', reason, codes: ['invalid_definition'] } };
    }
  }
  // The compiled runs get handlers of their own: a case's handlers may keep state made when cases.ts was
  // evaluated (a `flaky(2, …)` counter), which the native runs have used up. A second instance of the module
  // (a query on its URL) starts it afresh.
  const { cases: freshCases } = (await import(`${pathToFileURL(join(dir, name, 'cases.ts')).href}?compiled`)) as { cases: CorpusCase[] };
  for (const [index, testCase] of freshCases.entries()) {
    let viaAsl: Outcome;
    try {
      viaAsl = normalize(await withTimeout(runCompiled(machine, workflows, testCase), `case "${testCase.name}" did not end`));
    } catch (error) {
      const reason = `run_crash: case "${testCase.name}": ${firstLine(error instanceof Error ? error.message : String(error))}`;
      return { ...result, blocked: { kind: 'run_crash', reason, codes: ['run_crash'] } };
    }
    const native = normalize(natives[index]);
    if (!isDeepStrictEqual(viaAsl, native)) {
      const reason = `run_mismatch: case "${testCase.name}": compiled ${clip(JSON.stringify(viaAsl))} vs native ${clip(JSON.stringify(native))}`;
      return { ...result, blocked: { kind: 'run_mismatch', reason, codes: ['run_mismatch'] } };
    }
  }
  return result;
}

/**
 * A native run that throws something else than a `WorkflowError` (a bug in the body, a plain `Error`
 * subclass, a hang) ends as `native:<that error's name>`, which no case expects.
 */
async function runNativeCase(main: NativeWorkflow, testCase: CorpusCase): Promise<Outcome> {
  try {
    return await withTimeout(runNatively(main, testCase), `the native run of case "${testCase.name}" did not end`);
  } catch (error) {
    const thrown = error as Error;
    return { status: 'FAILED', error: `native:${thrown?.name}`, cause: thrown?.message };
  }
}

function expectationProblem(testCase: CorpusCase, native: Outcome): string | undefined {
  const expected = testCase.expected;
  if ('error' in expected) {
    if (native.status === 'FAILED' && native.error === expected.error) return undefined;
    return `expected error ${expected.error}, native run gave ${clip(JSON.stringify(native))}`;
  }
  if (native.status === 'SUCCEEDED' && isDeepStrictEqual(native.output, expected.output)) return undefined;
  return `expected output ${clip(JSON.stringify(expected.output))}, native run gave ${clip(JSON.stringify(native))}`;
}

function withTimeout<T>(promise: Promise<T>, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} within ${RUN_TIMEOUT_MS / 1000} s`)), RUN_TIMEOUT_MS);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function firstLine(text: string): string {
  return clip(text.split('\n')[0], 240);
}

function clip(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The progress line and the codes that stop the failing workflows, e.g.
 * `corpus: 12 of 47 workflows compile and match the native run (35 known failing)` and
 * `blocking codes (workflows): await_in_expression 9, unsupported_expression 7, …`.
 */
export function tallyLines(results: CorpusWorkflowResult[], knownFailing: number): string[] {
  const passing = results.filter((r) => !r.blocked).length;
  const counts = new Map<string, number>();
  for (const result of results) for (const code of result.blocked?.codes ?? []) counts.set(code, (counts.get(code) ?? 0) + 1);
  const codes = [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([code, n]) => `${code} ${n}`);
  return [
    `corpus: ${passing} of ${results.length} workflows compile and match the native run (${knownFailing} known failing)`,
    `blocking codes (workflows): ${codes.join(', ') || 'none'}`,
  ];
}
