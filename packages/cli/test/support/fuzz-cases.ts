/**
 * The fuzzer of issue 16, kept as part of the project: generated definitions,
 * inputs and handler behaviours run in-process; generated requests hit the
 * control channel; generated arguments run the CLI binary. Every case must end
 * with a validation error or a result whose failure is a `States.*` error (or
 * an error the generated handler itself throws), within a hang guard, with a
 * readable history and, for the CLI, no stack on stderr.
 *
 * `npm test` runs a few hundred cases (`fuzz.test.ts`); `npm run fuzz -- --runs N`
 * runs more and prints the tally.
 */
import fc from 'fast-check';
import { DefinitionError, StateMachine, TaskService, type ExecutionResult } from '@typestep/runtime';
import { openControlChannel } from '../../src/control-channel.js';
import { post } from './channel-request.js';
import { scratchFolder, typestep } from './cli-process.js';

/** What a fuzz run found; every field but `cases` must stay 0. */
export interface FuzzTally {
  cases: number;
  hangs: number;
  rejections: number;
  /** A FAILED result whose error is neither `States.*` nor one the handler threw, or a history that cannot be read. */
  unclear: number;
  /** CLI runs with a Node stack on stderr or an exit code outside 0–2. */
  rawStacks: number;
  /** Channel answers outside 200/400/403/413, or a channel that stopped answering. */
  badAnswers: number;
  examples: string[];
}

export function emptyTally(): FuzzTally {
  return { cases: 0, hangs: 0, rejections: 0, unclear: 0, rawStacks: 0, badAnswers: 0, examples: [] };
}

/** Only a hang guard: a case still running after this long has hung. */
const HANG_GUARD_MS = 30_000;
/** Errors the generated handlers raise themselves (`throw 'Boom'` is an `Error` in Lambda's envelope). */
const HANDLER_ERRORS = ['Boom', 'Card.Declined', 'Error'];

const looped = (): unknown => {
  const value: Record<string, unknown> = { id: 1 };
  value.self = value;
  return value;
};
const nested = (levels: number): unknown => {
  let value: unknown = 0;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
};

/** What a generated handler does with its input. */
const BEHAVIOURS: Record<string, (input: unknown) => unknown> = {
  echo: (input) => input,
  asyncEcho: async (input) => input,
  cyclic: () => looped(),
  bigint: () => ({ n: 1n }),
  function: () => ({ f: () => 1 }),
  symbol: () => Symbol('s'),
  deep: () => nested(1500),
  throwNamed: () => {
    throw Object.assign(new Error('declined'), { name: 'Card.Declined' });
  },
  throwNumberName: () => {
    throw Object.assign(new Error('odd'), { name: 42 });
  },
  throwString: () => {
    throw 'Boom';
  },
  throwCyclicCause: () => {
    throw { error: 'Boom', cause: looped() };
  },
  reject: () => Promise.reject(Object.assign(new Error('no'), { name: 'Boom' })),
  never: () => new Promise(() => undefined),
  lateRejection: () => {
    Promise.reject(new Error('late')).catch(() => undefined);
    return {};
  },
};

const JSONATA_OUTPUTS = [
  '{% $states.input %}',
  '{% $count($states.input) %}',
  '{% ($f := function($x){ $x > 3 ? $x : $f($x + 1) }; $f(0)) %}',
  '{% $match("aaab", /a+b/).match %}',
  '{% $states.input.missing.field %}',
  '{% $string($states.input) %}',
];
/** Rare: each takes a second or so before its limit ends it. */
const SLOW_JSONATA_OUTPUTS = ['{% ($f := function($x){ 1 + $f($x) }; $f(0)) %}', '{% $match("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", /^(a+)+$/) %}'];

const retry = fc.option(
  fc.record({
    ErrorEquals: fc.constantFrom(['States.ALL'], ['Boom'], ['States.Timeout'], ['States.TaskFailed']),
    MaxAttempts: fc.constantFrom(0, 1, 3, 99999999),
    BackoffRate: fc.constantFrom(1, 2),
  }),
  { nil: undefined },
);

/** A definition from a few state shapes, each leading to `next`. */
const definitionArbitrary = fc
  .record({
    kind: fc.constantFrom('task', 'choice', 'jsonata', 'map'),
    timeout: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
    executionTimeout: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
    retry,
    catchAll: fc.boolean(),
    pattern: fc.stringMatching(/^[a*\\]{0,24}b?$/),
    output: fc.oneof({ weight: 30, arbitrary: fc.constantFrom(...JSONATA_OUTPUTS) }, { weight: 1, arbitrary: fc.constantFrom(...SLOW_JSONATA_OUTPUTS) }),
  })
  .map(({ kind, timeout, executionTimeout, retry, catchAll, pattern, output }) => {
    const task: Record<string, unknown> = { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: '{% $states.input %}', Output: '{% $states.result.Payload %}', End: true };
    if (timeout !== undefined) task.TimeoutSeconds = timeout;
    if (retry) task.Retry = [retry];
    if (catchAll) {
      task.Catch = [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }];
    }
    const states: Record<string, unknown> = { Caught: { Type: 'Pass', End: true } };
    if (kind === 'task') states.Start = task;
    if (kind === 'jsonata') states.Start = { Type: 'Pass', Output: output, End: true };
    if (kind === 'map') states.Start = { Type: 'Map', Items: '{% [1, 2, 3] %}', ItemProcessor: { StartAt: 'T', States: { T: task } }, End: true };
    if (kind === 'choice') {
      states.Start = { Type: 'Choice', QueryLanguage: 'JSONPath', Choices: [{ Variable: '$.s', StringMatches: pattern, Next: 'Caught' }], Default: 'Caught' };
    }
    if (!catchAll && kind !== 'choice') delete states.Caught;
    const definition: Record<string, unknown> = { QueryLanguage: 'JSONata', StartAt: 'Start', States: states };
    if (executionTimeout !== undefined) definition.TimeoutSeconds = executionTimeout;
    return definition;
  });

const inputArbitrary = fc.oneof(
  { weight: 8, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: fc.record({ s: fc.stringMatching(/^[ab]{0,60}$/) }) },
  { weight: 1, arbitrary: fc.constantFrom(990, 1001, 5000).map(nested) },
);

export const runtimeCase = fc.record({
  definition: fc.oneof({ weight: 9, arbitrary: definitionArbitrary }, { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) }),
  input: inputArbitrary,
  behaviour: fc.constantFrom(...Object.keys(BEHAVIOURS)),
});

function note(tally: FuzzTally, kind: string, detail: unknown): void {
  if (tally.examples.length < 10) tally.examples.push(`${kind}: ${JSON.stringify(detail, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))?.slice(0, 1500)}`);
}

function withHangGuard<T>(promise: Promise<T>): Promise<T | 'hang'> {
  let timer: NodeJS.Timeout | undefined;
  // Unreferenced: the guard must not keep the process busy, or a handler that never answers would never be seen idle.
  const guard = new Promise<'hang'>((resolve) => {
    timer = setTimeout(() => resolve('hang'), HANG_GUARD_MS);
    timer.unref();
  });
  return Promise.race([promise, guard]).finally(() => clearTimeout(timer));
}

function isClear(result: ExecutionResult): boolean {
  if (result.status !== 'FAILED') return true;
  const { error, cause } = result;
  if (error === undefined) return false;
  if (!error.startsWith('States.') && !HANDLER_ERRORS.includes(error)) return false;
  return cause === undefined || typeof cause === 'string';
}

/** Runs one generated definition with one input and one handler behaviour. */
export async function runRuntimeCase(tally: FuzzTally, sample: { definition: unknown; input: unknown; behaviour: string }): Promise<void> {
  tally.cases++;
  let machine: StateMachine;
  try {
    machine = new StateMachine(sample.definition as object, { handlers: { T: BEHAVIOURS[sample.behaviour]!, Start: BEHAVIOURS[sample.behaviour]! }, maxHistoryEvents: 300 });
  } catch (error) {
    if (error instanceof DefinitionError) return;
    tally.unclear++;
    return note(tally, 'constructor threw', { definition: sample.definition, error: String(error) });
  }
  const execution = machine.start(sample.input);
  const result = await withHangGuard(execution.result.then((value) => value, (error: unknown) => ({ rejected: error })));
  if (result === 'hang') {
    tally.hangs++;
    execution.abort();
    return note(tally, 'hang', sample);
  }
  if ('rejected' in result) {
    tally.rejections++;
    return note(tally, 'rejection', { ...sample, error: String(result.rejected) });
  }
  let historyReadable = true;
  try {
    for (const event of execution.history) JSON.stringify(event);
  } catch {
    historyReadable = false;
  }
  if (!isClear(result) || !historyReadable) {
    tally.unclear++;
    note(tally, 'unclear', { definition: sample.definition, behaviour: sample.behaviour, result, historyReadable });
  }
}

export const channelCase = fc.record({
  method: fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT'),
  target: fc.oneof(
    fc.constantFrom('SendTaskSuccess', 'SendTaskFailure', 'SendTaskHeartbeat', 'constructor', '__proto__', 'toString', 'StartExecution').map((op) => `AWSStepFunctions.${op}`),
    fc.string({ maxLength: 30 }).map((text) => text.replace(/[^\x21-\x7e]/g, '')),
  ),
  host: fc.constantFrom('bound', 'bound', 'localhost', 'evil.example', 'other-port'),
  body: fc.oneof(
    fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
    fc.record({ taskToken: fc.string(), output: fc.string(), error: fc.anything({ maxDepth: 1 }) }).map((value) => JSON.stringify(value)),
    fc.string({ maxLength: 50 }),
    fc.constant('x'.repeat(1024 * 1024 + 1)),
  ),
});

const CHANNEL_STATUSES = new Set<number | string>([200, 400, 403, 413]);

/** Sends generated requests to one control channel; afterwards it must still answer. */
export async function runChannelCases(tally: FuzzTally, samples: Array<typeof channelCase extends fc.Arbitrary<infer T> ? T : never>): Promise<void> {
  const channel = await openControlChannel(new TaskService(), 0);
  const port = Number(new URL(channel.endpoint).port);
  const hosts: Record<string, string> = { bound: `127.0.0.1:${port}`, localhost: `localhost:${port}`, 'evil.example': `evil.example:${port}`, 'other-port': `127.0.0.1:${port + 1}` };
  try {
    for (const sample of samples) {
      tally.cases++;
      const answer = await withHangGuard(post(channel.endpoint, { method: sample.method, target: sample.target, host: hosts[sample.host], body: sample.body }));
      if (answer === 'hang') {
        tally.hangs++;
        note(tally, 'channel hang', { ...sample, body: sample.body.slice(0, 80) });
      } else if (!CHANNEL_STATUSES.has(answer.status)) {
        tally.badAnswers++;
        note(tally, 'channel answer', { ...sample, body: sample.body.slice(0, 80), answer });
      }
    }
    const alive = await post(channel.endpoint, { target: 'AWSStepFunctions.SendTaskHeartbeat', body: '{"taskToken":"x"}' });
    if (alive.status !== 400) {
      tally.badAnswers++;
      note(tally, 'channel stopped answering', alive);
    }
  } finally {
    await channel.close();
  }
}

const { file: scratchFile } = scratchFolder('typestep-fuzz-');
const CLI_FILES = {
  pass: scratchFile('pass.json', { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }),
  task: scratchFile('task.json', { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', TimeoutSeconds: 5, End: true } } }),
  notJson: scratchFile('not.json', '{'),
  handlers: scratchFile('handlers.mjs', "export default { T: () => new Promise(() => {}) };"),
  throwingHandlers: scratchFile('throwing.mjs', "throw new Error('module fails to load');"),
  deep: scratchFile('deep.json', `${'['.repeat(5000)}${']'.repeat(5000)}`),
};

export const cliCase = fc.tuple(
  fc.constantFrom('run', 'validate', 'compile', 'types', 'send-task-success', 'nonsense'),
  fc.array(
    fc.oneof(
      fc.constantFrom(...Object.values(CLI_FILES), '--json', '--history', '--input', '{"a":1}', '--input-file', '--handlers', '--out', '--clock', 'real', '--listen', '-1', '--tsconfig', '--task-token', '--endpoint', 'http://127.0.0.1:1'),
      fc.string({ maxLength: 12 }).map((text) => text.replace(/\0/g, '')),
    ),
    { maxLength: 6 },
  ),
);

/** Runs the CLI binary with generated arguments: exit 0–2, never a Node stack. */
export function runCliCase(tally: FuzzTally, [command, args]: [string, string[]]): void {
  tally.cases++;
  const result = typestep(command, ...args);
  if (result.code === null) {
    tally.hangs++;
    return note(tally, 'cli hang', [command, ...args]);
  }
  if (![0, 1, 2].includes(result.code) || /^\s+at /m.test(result.stderr)) {
    tally.rawStacks++;
    note(tally, 'cli', { args: [command, ...args], code: result.code, stderr: result.stderr.slice(0, 300) });
  }
}

/** Runs `runtime` + `channel` + `cli` generated cases from `seed`; the tally says what went wrong. */
export async function fuzz(counts: { runtime: number; channel: number; cli: number }, seed: number): Promise<FuzzTally> {
  const tally = emptyTally();
  for (const sample of fc.sample(runtimeCase, { numRuns: counts.runtime, seed })) await runRuntimeCase(tally, sample);
  if (counts.channel > 0) await runChannelCases(tally, fc.sample(channelCase, { numRuns: counts.channel, seed }));
  for (const sample of fc.sample(cliCase, { numRuns: counts.cli, seed })) runCliCase(tally, sample);
  return tally;
}
