import { jsonSyntaxErrorAt } from '../validation/json-syntax-error.js';
import { parseInvocationKey, type InvocationRange } from './invocation-range.js';
import { formatMockMessage, type MockConfigCode, type MockMessageParams } from './messages.js';
import { MockConfigError, type MockConfig, type MockConfigProblem } from './mock-config.js';

/** What {@link parseMockConfigText} found. */
export interface ParsedMockConfig {
  /** The parsed configuration; absent when the text is not JSON. */
  config?: unknown;
  problems: MockConfigProblem[];
}

/**
 * Lists every problem in a mock configuration (already parsed from JSON):
 * its shape, each invocation key (`"0"`, `"1-2"`, no overlaps), `Return` or
 * `Throw` (exactly one; `Throw` with string `Error` and `Cause`), and test
 * cases that name a mocked response `MockedResponses` does not define.
 * Returns an empty array for a valid configuration; never throws.
 *
 * @example
 * validateMockConfig({ StateMachines: {}, MockedResponses: { R: { '0': {} } } });
 * // [{ code: 'return_or_throw',
 * //    message: 'Invocation "0" of mocked response "R" has neither "Return" nor "Throw"; a response is exactly one of them',
 * //    location: '/MockedResponses/R/0' }]
 */
export function validateMockConfig(config: unknown): MockConfigProblem[] {
  const problems: MockConfigProblem[] = [];
  const report = <C extends MockConfigCode>(code: C, location: string, params: MockMessageParams<C>): void => {
    problems.push({ code, message: formatMockMessage(code, params), location });
  };

  if (!isObject(config)) {
    report('wrong_type', '', { owner: 'the mock configuration', expected: 'a JSON object', actual: describeType(config) });
    return problems;
  }
  checkFields(report, config, '', 'the mock configuration', ['StateMachines', 'MockedResponses']);
  const responses = isObject(config.MockedResponses) ? config.MockedResponses : undefined;

  const machines = config.StateMachines;
  if (machines !== undefined && expectObject(report, machines, '/StateMachines', '"StateMachines"')) {
    for (const [machine, machineConfig] of Object.entries(machines)) {
      const at = `/StateMachines/${escapePointer(machine)}`;
      const owner = `state machine "${machine}"`;
      if (!expectObject(report, machineConfig, at, owner)) continue;
      checkFields(report, machineConfig, at, owner, ['TestCases']);
      const testCases = machineConfig.TestCases;
      if (testCases === undefined || !expectObject(report, testCases, `${at}/TestCases`, `"TestCases" of ${owner}`)) continue;
      for (const [testCase, mappings] of Object.entries(testCases)) {
        const caseAt = `${at}/TestCases/${escapePointer(testCase)}`;
        if (!expectObject(report, mappings, caseAt, `test case "${testCase}" of ${owner}`)) continue;
        for (const [state, response] of Object.entries(mappings)) {
          const stateAt = `${caseAt}/${escapePointer(state)}`;
          if (typeof response !== 'string') {
            const stateOwner = `state "${state}" in test case "${testCase}" of ${owner}`;
            report('wrong_type', stateAt, { owner: stateOwner, expected: 'the name of a mocked response', actual: describeType(response) });
          } else if (responses && !Object.hasOwn(responses, response)) {
            report('unknown_mocked_response', stateAt, { machine, testCase, state, response });
          }
        }
      }
    }
  }

  if (config.MockedResponses !== undefined && expectObject(report, config.MockedResponses, '/MockedResponses', '"MockedResponses"')) {
    for (const [name, entries] of Object.entries(config.MockedResponses)) {
      checkMockedResponse(report, name, entries, `/MockedResponses/${escapePointer(name)}`);
    }
  }
  return problems;
}

/**
 * Loads a mock configuration from its JSON text and validates it. Malformed
 * JSON gives a single `invalid_json` problem naming the line and column.
 *
 * @example
 * const { config, problems } = parseMockConfigText(await readFile('MockConfigFile.json', 'utf8'));
 * for (const p of problems) console.error(`${p.location || '/'}: ${p.message}`);
 */
export function parseMockConfigText(text: string): ParsedMockConfig {
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (error) {
    return { problems: [problem('invalid_json', '', jsonSyntaxErrorAt(text, error))] };
  }
  return { config, problems: validateMockConfig(config) };
}

/**
 * A validated JSON copy of `config` (an object or JSON text), so that later
 * changes to the caller's object cannot change a run. Throws
 * {@link MockConfigError} with every problem found.
 */
export function loadMockConfig(config: MockConfig | object | string): MockConfig {
  let parsed: ParsedMockConfig;
  if (typeof config === 'string') {
    parsed = parseMockConfigText(config);
  } else {
    let copy: unknown;
    try {
      copy = JSON.parse(JSON.stringify(config));
    } catch (error) {
      throw new MockConfigError([problem('not_serializable', '', { reason: (error as Error).message })]);
    }
    parsed = { config: copy, problems: validateMockConfig(copy) };
  }
  if (parsed.problems.length > 0) throw new MockConfigError(parsed.problems);
  return parsed.config as MockConfig;
}

type Report = <C extends MockConfigCode>(code: C, location: string, params: MockMessageParams<C>) => void;

/** One mocked response: its keys, each entry's `Return` or `Throw`, and keys that cover an invocation twice. */
function checkMockedResponse(report: Report, name: string, entries: unknown, at: string): void {
  if (!expectObject(report, entries, at, `mocked response "${name}"`, 'an object keyed by invocation number')) return;
  const ranges: Array<InvocationRange & { key: string }> = [];
  for (const [key, entry] of Object.entries(entries)) {
    const entryAt = `${at}/${escapePointer(key)}`;
    const range = parseInvocationKey(key);
    if (range === 'invalid') report('invalid_invocation_key', entryAt, { response: name, key });
    else if (range === 'reversed') report('reversed_invocation_range', entryAt, { response: name, key });
    else ranges.push({ ...range, key });
    checkEntry(report, entry, entryAt, `invocation "${key}" of mocked response "${name}"`);
  }
  // Keys may come in any order; what matters is that no invocation has two responses.
  ranges.sort((a, b) => a.from - b.from);
  let widest: (typeof ranges)[number] | undefined;
  for (const range of ranges) {
    if (widest && range.from <= widest.to) {
      report('overlapping_invocations', `${at}/${escapePointer(range.key)}`, { response: name, key: range.key, other: widest.key, invocation: range.from });
    }
    if (!widest || range.to > widest.to) widest = range;
  }
}

function checkEntry(report: Report, entry: unknown, at: string, owner: string): void {
  if (!expectObject(report, entry, at, owner)) return;
  const hasReturn = Object.hasOwn(entry, 'Return');
  const hasThrow = Object.hasOwn(entry, 'Throw');
  if (hasReturn === hasThrow) report('return_or_throw', at, { owner, both: hasReturn });
  for (const field of Object.keys(entry)) {
    if (field !== 'Return' && field !== 'Throw') report('unknown_field', `${at}/${escapePointer(field)}`, { owner, field, allowed: ['Return', 'Throw'], oneOf: true });
  }
  if (!hasThrow) return;
  const throwOwner = `"Throw" of ${owner}`;
  const thrown = entry.Throw;
  if (!expectObject(report, thrown, `${at}/Throw`, throwOwner, 'an object with "Error" and "Cause"')) return;
  checkFields(report, thrown, `${at}/Throw`, throwOwner, ['Error', 'Cause']);
  for (const field of ['Error', 'Cause'] as const) {
    const value = thrown[field];
    if (value !== undefined && typeof value !== 'string') {
      report('wrong_type', `${at}/Throw/${field}`, { owner: `"${field}" of ${throwOwner}`, expected: 'a string', actual: describeType(value) });
    }
  }
  if (thrown.Error === '') report('empty_error_name', `${at}/Throw/Error`, { owner: throwOwner });
}

/** Reports missing and unknown fields of an object that takes exactly `fields`. */
function checkFields(report: Report, value: Record<string, unknown>, at: string, owner: string, fields: string[]): void {
  for (const field of fields) {
    if (!Object.hasOwn(value, field)) report('missing_field', at, { owner, field });
  }
  for (const field of Object.keys(value)) {
    if (!fields.includes(field)) report('unknown_field', `${at}/${escapePointer(field)}`, { owner, field, allowed: fields });
  }
}

function expectObject(
  report: Report,
  value: unknown,
  at: string,
  owner: string,
  expected = 'a JSON object',
): value is Record<string, unknown> {
  if (isObject(value)) return true;
  report('wrong_type', at, { owner, expected, actual: describeType(value) });
  return false;
}

function problem<C extends MockConfigCode>(code: C, location: string, params: MockMessageParams<C>): MockConfigProblem {
  return { code, message: formatMockMessage(code, params), location };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeType(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value === 'string' ? 'the string' : `the ${typeof value}`} ${JSON.stringify(value)}`;
}

/** RFC 6901: `~` and `/` inside a key are escaped. */
export function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
