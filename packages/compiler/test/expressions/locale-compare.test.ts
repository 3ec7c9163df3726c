// String.prototype.localeCompare: the collation table is Node's own order (re-measured here), and the lowering
// agrees with Node on random printable-ASCII strings; any other character fails the compiled run loudly.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { PRIMARY_GROUPS } from '../../src/phases/3-lower/expressions/collation-table.js';
import { measurePrimaryGroups } from '../../scripts/measure-collation.mjs';
import { agree, diagnosticsOf } from './agree.js';
import { lowerSnippet } from './harness.js';

const s = suite('expressions: localeCompare');
const seed = process.env.TYPESTEP_SEED ? Number(process.env.TYPESTEP_SEED) : Number(new Date().toISOString().slice(0, 10).replaceAll('-', ''));
const PRINTABLE = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));

s('the collation table is what this Node measures', () => {
  assert.equal([...PRIMARY_GROUPS], measurePrimaryGroups(), 'regenerate with node scripts/measure-collation.mjs');
  assert.is(PRIMARY_GROUPS.join('').length, PRINTABLE.length, 'every printable ASCII character has a place');
});

// Strings close to each other: shared prefixes, case variants and equal strings are where the levels matter.
const text = fc.string({ unit: fc.constantFrom(...PRINTABLE), maxLength: 8 });
const letters = fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'B', 'z', 'Z', '_', '-', ' ', '1'), maxLength: 5 });
const related = fc.oneof(
  fc.tuple(text, text),
  fc.tuple(letters, letters),
  text.map((t) => [t, t] as [string, string]),
  fc.tuple(text, text).map(([t, u]) => [t, t + u] as [string, string]),
  fc.tuple(letters, fc.func(fc.boolean())).map(([t, upper]) => [t, [...t].map((c, i) => (upper(c, i) ? c.toUpperCase() : c.toLowerCase())).join('')] as [string, string]),
);

s('agrees with Node on random printable ASCII pairs (results -1/0/1)', async () => {
  const lowered = lowerSnippet({ pairs: '[string, string][]' }, 'pairs.map(([a, b]) => a.localeCompare(b))');
  assert.equal(lowered.diagnostics.map(String), []);
  const batches = fc.sample(fc.array(related, { minLength: 50, maxLength: 50 }), { seed, numRuns: 8 });
  for (const pairs of batches) {
    const native = lowered.native({ pairs });
    assert.equal(await lowered.compiled({ pairs }), native, `seed ${seed}: ${JSON.stringify(pairs)}`);
    assert.ok((native as { value: number[] }).value.every((r) => r === -1 || r === 0 || r === 1));
  }
});

s('sorts as Node sorts, as a comparator and within a larger one', async () => {
  const words = fc.sample(fc.array(fc.oneof(text, letters), { maxLength: 12 }), { seed, numRuns: 6 }).map((xs) => ({ xs }));
  await agree({ xs: 'string[]' }, 'xs.toSorted((a, b) => a.localeCompare(b))', words);
  await agree({ xs: 'string[]' }, 'xs.toSorted((a, b) => b.length - a.length || a.localeCompare(b))', words);
  await agree({ a: 'string', b: 'string' }, '[a.localeCompare(b), b.localeCompare(a), a.localeCompare(a), "".localeCompare(a), a.localeCompare("")]', [
    { a: 'a', b: 'A' }, { a: 'ab', b: 'Ab' }, { a: 'aB', b: 'Ab' }, { a: 'a', b: 'ab' }, { a: 'a-b', b: 'ab' }, { a: 'a b', b: 'a_b' },
    { a: '10', b: '9' }, { a: 'Z', b: 'a' }, { a: '~', b: '$' }, { a: '', b: '' }, { a: 'resume', b: 'RESUME' },
  ]);
});

s('a character outside printable ASCII fails the compiled run, naming it', async () => {
  const lowered = lowerSnippet({ a: 'string', b: 'string' }, 'a.localeCompare(b)');
  for (const values of [{ a: 'résumé', b: 'resume' }, { a: 'x', b: 'tab\there' }, { a: 'Ω', b: 'Ω' }]) {
    assert.ok(lowered.native(values).ok);
    const compiled = await lowered.compiled(values);
    assert.is(compiled.ok, false, JSON.stringify(values));
    assert.match((compiled as { error: string }).error, /States\.QueryEvaluationError.*localeCompare.*found \\?"(é|\t|Ω)/s);
  }
});

s('a locale or options stay a diagnostic', () => {
  assert.equal(diagnosticsOf({ a: 'string', b: 'string' }, 'a.localeCompare(b, "de")').map((d) => d.code), ['expression_unsupported_call']);
  assert.equal(diagnosticsOf({ a: 'string', b: 'string' }, 'a.localeCompare(b, undefined, { numeric: true })').map((d) => d.code), ['expression_unsupported_call']);
});

s.run();
