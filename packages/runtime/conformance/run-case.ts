import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { StateMachine, type ExecutionResult, type StartOptions } from '../src/index.js';
import { compareHistory } from './compare-history.js';
import { jsonMatches, normalizeOutput, normalizeText, textMatches, type ExtraRule } from './normalize.js';

/** One recorded case of the corpus (see its README, "Case format"). */
export interface ConformanceCase {
  id: string;
  source?: { snapshotKey?: string };
  queryLanguage: string;
  definition: unknown;
  input: unknown;
  expected: {
    status: string;
    output?: unknown;
    error?: string | null;
    cause?: unknown;
    causeIsParsedJson?: boolean;
    states?: string[];
    statesOrder?: 'history' | 'unordered';
    /** GetExecutionHistory's events as recorded and normalized. */
    history?: unknown[];
  };
  context: {
    stateMachineArn: string;
    executionArn: string;
    stateMachineName: string;
    executionName: string;
    roleArn: string;
    account: string;
    region: string;
    partition: string;
    stateMachineType: 'STANDARD' | 'EXPRESS';
    clockStart?: string;
  };
  extraNormalization?: ExtraRule[];
  notes?: string;
}

export interface CaseOutcome {
  id: string;
  area: string;
  passed: boolean;
  /** Why it failed, in one line. */
  reason?: string;
  /** History mode, for cases that carry a recorded history: whether it matched event for event. */
  history?: { passed: boolean; reason?: string };
}

/** Every case file under `dir/cases` (or `dir` itself), sorted by id. */
export function loadCases(dir: string): ConformanceCase[] {
  const root = statSync(join(dir, 'cases'), { throwIfNoEntry: false })?.isDirectory() ? join(dir, 'cases') : dir;
  const cases: ConformanceCase[] = [];
  for (const area of readdirSync(root).sort()) {
    const areaDir = join(root, area);
    if (!statSync(areaDir).isDirectory()) continue;
    for (const file of readdirSync(areaDir).sort()) {
      if (file.endsWith('.json')) cases.push(JSON.parse(readFileSync(join(areaDir, file), 'utf8')));
    }
  }
  return cases;
}

/** How a case starts: its recorded identity and clock start, on the virtual clock. */
export function startOptionsOf(testCase: ConformanceCase): StartOptions {
  const { context } = testCase;
  return {
    startTime: context.clockStart ?? Date.now(),
    identity: {
      stateMachineArn: context.stateMachineArn,
      stateMachineName: context.stateMachineName,
      executionArn: context.executionArn,
      executionName: context.executionName,
      roleArn: context.roleArn,
      account: context.account,
      region: context.region,
      partition: context.partition,
    },
  };
}

/** Runs one case with the recorded identity on the virtual clock and compares as the README says. */
export async function runCase(testCase: ConformanceCase): Promise<CaseOutcome> {
  const area = testCase.id.split('/')[0]!;
  const fail = (reason: string): CaseOutcome => ({ id: testCase.id, area, passed: false, reason });
  const { context, expected } = testCase;
  let machine: StateMachine;
  try {
    machine = new StateMachine(testCase.definition as object, { type: context.stateMachineType });
  } catch (error) {
    return fail(`definition rejected: ${(error as Error).message.split('\n').slice(0, 2).join(' ')}`);
  }
  const execution = machine.start(testCase.input, startOptionsOf(testCase));
  let result: ExecutionResult;
  try {
    result = await execution.result;
  } catch (error) {
    return fail(`crashed: ${(error as Error).stack?.split('\n').slice(0, 2).join(' ')}`);
  }
  const extra = testCase.extraNormalization ?? [];

  if (result.status !== expected.status) {
    const detail = result.status === 'SUCCEEDED' ? '' : ` (${result.error}: ${result.cause?.slice(0, 160)})`;
    return fail(`status ${result.status}${detail}, expected ${expected.status}`);
  }
  if (result.status === 'SUCCEEDED') {
    const output = normalizeOutput(result.output, extra);
    if ('output' in expected && !jsonMatches(expected.output, output)) {
      return fail(`output ${clip(JSON.stringify(output))}, expected ${clip(JSON.stringify(expected.output))}`);
    }
  } else {
    const error = result.error === undefined ? null : normalizeText(result.error, extra);
    if ((expected.error ?? null) !== error) return fail(`error ${error}, expected ${expected.error}`);
    const cause = result.cause === undefined ? null : normalizeText(result.cause, extra);
    if (expected.causeIsParsedJson) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(cause ?? '');
      } catch {
        return fail(`cause is not JSON: ${clip(cause ?? '')}`);
      }
      if (!jsonMatches(expected.cause, parsed)) return fail(`cause ${clip(cause ?? '')}, expected ${clip(JSON.stringify(expected.cause))}`);
    } else if (expected.cause === null || expected.cause === undefined) {
      if (cause !== null) return fail(`cause ${clip(cause)}, expected none`);
    } else if (cause === null || !textMatches(expected.cause as string, cause)) {
      return fail(`cause ${clip(String(cause))}, expected ${clip(String(expected.cause))}`);
    }
  }
  if (expected.states) {
    let states = execution.history.filter((e) => e.type.endsWith('StateEntered')).map((e) => (e.stateEnteredEventDetails as { name: string }).name);
    let want = expected.states;
    if (expected.statesOrder === 'unordered') {
      states = [...states].sort();
      want = [...want].sort();
    }
    if (JSON.stringify(states) !== JSON.stringify(want)) {
      return fail(`states ${clip(JSON.stringify(states))}, expected ${clip(JSON.stringify(want))}`);
    }
  }
  if (expected.history) {
    const mismatch = compareHistory(testCase, execution.history);
    if (mismatch) return { id: testCase.id, area, passed: false, reason: `history ${mismatch}`, history: { passed: false, reason: mismatch } };
    return { id: testCase.id, area, passed: true, history: { passed: true } };
  }
  return { id: testCase.id, area, passed: true };
}

function clip(text: string, max = 220): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
