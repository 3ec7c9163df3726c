import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { diagnosticsOf, runDiagnosticsOf } from './agree.js';
import { lowerSnippet } from './harness.js';

const s = suite('expressions: diagnostics');

const cases: [Record<string, string>, string, { code: string; text: string }[]][] = [
  [{ a: '{ x: number }', b: '{ x: number }' }, 'a === b', [{ code: 'expression_reference_equality', text: 'a === b' }]],
  [{ xs: 'number[]', ys: 'number[]' }, 'xs !== ys', [{ code: 'expression_reference_equality', text: 'xs !== ys' }]],
  [{ n: 'number', s: 'string' }, 'n == (s as any)', [{ code: 'expression_loose_equality', text: 'n == (s as any)' }]],
  [{ a: 'any', b: 'number' }, 'a + b', [{ code: 'expression_any_type', text: 'a + b' }]],
  [{ n: 'number' }, 'n | 0', [{ code: 'expression_unsupported_operator', text: 'n | 0' }]],
  [{ n: 'number' }, '~n', [{ code: 'expression_unsupported_operator', text: '~n' }]],
  [{ s: 'string' }, 's.replace(/a/y, "b")', [{ code: 'expression_unsupported_call', text: '/a/y' }]],
  [{ s: 'string' }, 's.replace("a", "$&$&")', [{ code: 'expression_unsupported_call', text: 's.replace("a", "$&$&")' }]],
  [{ xs: 'number[]' }, 'xs.sort()', [{ code: 'expression_mutation', text: 'xs.sort()' }]],
  [{}, 'new Date(2024, 0, 1).toISOString()', [{ code: 'expression_unsupported_call', text: 'new Date(2024, 0, 1)' }]],
  [{}, 'Math.random()', [{ code: 'expression_unsupported_call', text: 'Math.random()' }]],
  [{}, 'NaN', [{ code: 'unsupported_expression', text: 'NaN' }]],
  [{ o: '{ a: number }' }, 'Object.assign(o, { a: 1 })', [{ code: 'expression_mutation', text: 'Object.assign(o, { a: 1 })' }]],
  [{ o: 'Record<string, number>' }, 'delete o.a', [{ code: 'expression_mutation', text: 'delete o.a' }]],
  [{}, 'missing + 1', [{ code: 'expression_unknown_identifier', text: 'missing' }]],
  [{ xs: 'number[]' }, 'xs.forEach((x) => x)', [{ code: 'expression_unsupported_call', text: 'xs.forEach((x) => x)' }]],
  [{ xs: 'number[]' }, 'xs.entries()', [{ code: 'expression_unsupported_call', text: 'xs.entries()' }]],
  [{ s: 'string' }, 's.localeCompare("b", "sv")', [{ code: 'expression_unsupported_call', text: 's.localeCompare("b", "sv")' }]],
];

s('unsupported constructs report a stable code at the offending span', () => {
  for (const [inputs, expression, expected] of cases) {
    assert.equal(diagnosticsOf(inputs, expression), expected, expression);
  }
});

s('impure helpers are refused', () => {
  const prelude = 'async function fetchIt(n: number) { return n; }\nlet counter = 0;\nfunction bump(n: number) { counter += n; return counter; }';
  assert.equal(diagnosticsOf({ n: 'number' }, 'fetchIt(n)', { prelude }).map((d) => d.code), ['helper_not_awaited']);
  assert.equal(diagnosticsOf({ n: 'number' }, 'bump(n)', { prelude }).map((d) => d.code), ['expression_unsupported_statement', 'expression_unknown_identifier']);
});

s('statement runs: mutation of shared values, throw, return, unknown targets', () => {
  // A workflow value is a fresh JSON copy per run: changing it in place is rebinding it, unless an alias reads it later.
  assert.equal(runDiagnosticsOf({ xs: 'number[]' }, 'xs.push(1);', ['xs']).map((d) => d.code), []);
  assert.equal(runDiagnosticsOf({ o: '{ a: number }' }, 'const p = o;\np.a = 2;', []).map((d) => d.code), []);
  assert.equal(runDiagnosticsOf({ o: '{ a: number }' }, 'const p = o;\np.a = 2;\nconst q = o.a;', ['q']).map((d) => d.code), ['expression_mutation_aliased']);
  assert.equal(runDiagnosticsOf({}, 'const a: number[] = [];\nconst b = a;\na.push(1);\nconst out = b;', ['out']).map((d) => d.code), ['expression_mutation_aliased']);
  assert.equal(runDiagnosticsOf({ n: 'number' }, 'if (n > 1) throw new Error("x");', []).map((d) => d.code), ['expression_unsupported_statement']);
  assert.equal(runDiagnosticsOf({ n: 'number' }, 'let t = 0;\nouter: for (let i = 0; i < n; i++) { for (const x of [1, 2]) { if (x > 1) break outer; } }', ['t']).map((d) => d.code), ['expression_unsupported_statement']);
  const d = runDiagnosticsOf({ n: 'number' }, 'n = 2;', []);
  assert.equal(d, [{ code: 'expression_unsupported_statement', text: 'n' }]);
});

s('statement runs: a statement several entries need is reported once, one no entry needs is still reported', () => {
  const shared = 'const t: number[] = [];\nconst u = t;\nt.push(n);\nconst a = u.length;\nconst b = u.length * 2;';
  assert.equal(runDiagnosticsOf({ n: 'number' }, shared, ['a', 'b']).map((d) => d.code), ['expression_mutation_aliased']);
  const unused = 'const a = n + 1;\nif (n > 1) { const t = [n]; const u = t; t.push(1); const v = u.length; }\nconst b = a * 2;';
  assert.equal(runDiagnosticsOf({ n: 'number' }, unused, ['a', 'b']).map((d) => d.code), ['expression_mutation_aliased']);
});

s('a diagnostic renders file, line, column and a code frame', () => {
  const lowered = lowerSnippet({ a: 'number[]', b: 'number[]' }, 'a === b', { allowTypeErrors: true });
  const [diagnostic] = lowered.diagnostics;
  assert.match(diagnostic.toString(), /snippet\d+\.ts:4:9 - error expression_reference_equality/);
  assert.match(diagnostic.frame, '^^^^^^^');
  assert.equal(Object.keys(diagnostic.toJSON()).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message']);
});

s.run();
