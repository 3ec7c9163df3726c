// Assertions shared by the expression tests: lowering succeeds and both runs give the same JSON.
import * as assert from 'uvu/assert';
import { both, lowerRun, lowerSnippet, type Inputs, type Lowered } from './harness.js';

async function check(lowered: Lowered, valueSets: Record<string, unknown>[], label: string): Promise<void> {
  assert.equal(lowered.diagnostics.map((d) => d.toString()), [], `no diagnostics for ${label}`);
  for (const values of valueSets) {
    const { native, compiled } = await both(lowered, values);
    if (!native.ok) throw new Error(`native run of ${label} threw: ${native.error}`);
    assert.equal(compiled, native, `${label} with ${JSON.stringify(values)}\nJSONata: ${lowered.jsonata}`);
  }
}

/**
 * Lowers `expression` and checks that the runtime gives what JavaScript gives for every value set.
 *
 * @example
 * await agree({ n: 'number' }, 'Math.round(n)', [{ n: 2.5 }, { n: -2.5 }]);
 */
export async function agree(inputs: Inputs, expression: string, valueSets: Record<string, unknown>[], options: { prelude?: string; condition?: boolean } = {}): Promise<Lowered> {
  const lowered = lowerSnippet(inputs, expression, options);
  await check(lowered, valueSets, expression);
  return lowered;
}

/** The same for an await-free run of statements assigning `assigned`. */
export async function agreeRun(inputs: Inputs, body: string, assigned: string[], valueSets: Record<string, unknown>[], options: { prelude?: string } = {}): Promise<Lowered> {
  const lowered = lowerRun(inputs, body, assigned, options);
  await check(lowered, valueSets, body);
  return lowered;
}

/** Lowers `expression` and returns the codes of its diagnostics (with the spanned text). */
export function diagnosticsOf(inputs: Inputs, expression: string, options: { prelude?: string } = {}): { code: string; text: string }[] {
  const lowered = lowerSnippet(inputs, expression, { ...options, allowTypeErrors: true });
  return lowered.diagnostics.map((d) => ({ code: d.code, text: spanText(d) }));
}

/** Lowers statements and returns the codes of its diagnostics (with the spanned text). */
export function runDiagnosticsOf(inputs: Inputs, body: string, assigned: string[]): { code: string; text: string }[] {
  const lowered = lowerRun(inputs, body, assigned);
  return lowered.diagnostics.map((d) => ({ code: d.code, text: spanText(d) }));
}

function spanText(d: { frame: string; span: { line: number; column: number; endLine: number; endColumn: number } }): string {
  // The frame's marked line holds the source; the caret line under it marks the span.
  const lines = d.frame.split('\n');
  const marked = lines.findIndex((line) => line.startsWith('>'));
  const source = lines[marked].replace(/^>\s*\d+ \| /, '');
  return d.span.line === d.span.endLine ? source.slice(d.span.column - 1, d.span.endColumn - 1) : source.slice(d.span.column - 1);
}
