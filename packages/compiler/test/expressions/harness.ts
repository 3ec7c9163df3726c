// Lowers TypeScript snippets with the expressions phase and runs them two ways: natively (the snippet
// transpiled and evaluated as JavaScript) and compiled (the JSONata through @typestep/runtime, the judge of ASL).
import { Node, Project, ts, type Expression, type FunctionDeclaration, type Statement } from 'ts-morph';
import { StateMachine } from '@typestep/runtime';
import { DiagnosticCollector, type CompileDiagnostic } from '../../src/diagnostics/index.js';
import { lowerCondition, lowerExpression, lowerPureStatements, type ExpressionScope } from '../../src/phases/3-lower/expressions/index.js';

/** Workflow values of a snippet: name → TypeScript type. */
export type Inputs = Record<string, string>;

export const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { strict: true, target: ts.ScriptTarget.ES2023, lib: ['lib.es2023.d.ts'] } });
let fileCounter = 0;

function sourceFor(inputs: Inputs, body: string, prelude = ''): { fn: FunctionDeclaration; text: string } {
  const params = Object.entries(inputs).map(([name, type]) => `${name}: ${type}`).join(', ');
  const text = `export {};\n${prelude}\nfunction __snippet(${params}) {\n${body}\n}\n`;
  const file = project.createSourceFile(`/snippet${++fileCounter}.ts`, text, { overwrite: true });
  return { fn: file.getFunctionOrThrow('__snippet'), text };
}

export function scopeFor(inputs: Inputs, diagnostics = new DiagnosticCollector()): ExpressionScope {
  return {
    diagnostics,
    lookup(name, node) {
      if (!(name in inputs)) return undefined;
      // Only the snippet's own parameters are workflow values.
      const declaration = Node.isIdentifier(node) ? node.getSymbol()?.getDeclarations()[0] : undefined;
      if (declaration && !Node.isParameterDeclaration(declaration)) return undefined;
      return `$${name}`;
    },
  };
}

/** TypeScript errors in a snippet (a test snippet must type-check). */
export function typeErrors(fn: FunctionDeclaration): string[] {
  // "This kind of expression is always truthy/nullish" (2869, 2872, 2873) are lint-like notes about well-typed code.
  return fn.getSourceFile().getPreEmitDiagnostics().filter((d) => ![2869, 2871, 2872, 2873].includes(d.getCode())).map((d) => `${d.getLineNumber()}: ${ts.flattenDiagnosticMessageText(d.compilerObject.messageText, '\n')}`);
}

export interface Lowered {
  jsonata: string;
  diagnostics: CompileDiagnostic[];
  native: (values: Record<string, unknown>) => Outcome;
  compiled: (values: Record<string, unknown>) => Promise<Outcome>;
}

export type Outcome = { ok: true; value: unknown } | { ok: false; error: string };

function nativeRunner(text: string, inputs: Inputs): (values: Record<string, unknown>) => Outcome {
  const js = ts.transpileModule(text.replace('export {};\n', ''), { compilerOptions: { target: ts.ScriptTarget.ES2023, module: ts.ModuleKind.ESNext } }).outputText;
  const run = new Function('__values', `${js}\nreturn __snippet(${Object.keys(inputs).map((name) => `__values[${JSON.stringify(name)}]`).join(', ')});`);
  return (values) => {
    try {
      // Both sides see JSON: the result as JSON.stringify writes it.
      const value = run(structuredClone(values));
      return { ok: true, value: JSON.parse(JSON.stringify({ v: value })).v };
    } catch (error) {
      return { ok: false, error: String(error) };
    }
  };
}

function machine(inputs: Inputs, output: string) {
  return { QueryLanguage: 'JSONata', StartAt: 'Inputs', States: { Inputs: { Type: 'Pass', Assign: Object.fromEntries(Object.keys(inputs).map((name) => [name, `{% $lookup($states.input, ${JSON.stringify(name)}) %}`])), Next: 'E' }, E: { Type: 'Pass', Output: `{% ${output} %}`, End: true } } };
}

export function compiledRunner(inputs: Inputs, output: string): (values: Record<string, unknown>) => Promise<Outcome> {
  let sm: StateMachine | undefined;
  return async (values) => {
    sm ??= new StateMachine(machine(inputs, output));
    // A missing input stays unassigned: JSONata then reads it as undefined.
    const present = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
    const definition = machine(Object.fromEntries(Object.keys(present).map((k) => [k, inputs[k]])), output);
    const runner = Object.keys(present).length === Object.keys(inputs).length ? sm : new StateMachine(definition);
    const result = await runner.start(present).result;
    if (result.status === 'SUCCEEDED') return { ok: true, value: (result.output as { v?: unknown }).v };
    return { ok: false, error: `${(result as any).error}: ${(result as any).cause}` };
  };
}

/**
 * Lowers `expression` over workflow values `inputs` (with optional module-level `prelude`, e.g. helper functions).
 *
 * @example
 * const l = lowerSnippet({ n: 'number' }, 'n * 2'); await l.compiled({ n: 3 }) // { ok: true, value: 6 }
 */
export function lowerSnippet(inputs: Inputs, expression: string, options: { prelude?: string; condition?: boolean; allowTypeErrors?: boolean } = {}): Lowered {
  const { fn, text } = sourceFor(inputs, `return (${expression});`, options.prelude);
  if (!options.allowTypeErrors) {
    const errors = typeErrors(fn);
    if (errors.length) throw new Error(`snippet does not type-check: ${errors.join('; ')}\n${text}`);
  }
  const statement = fn.getStatements()[0];
  let node = (statement as any).getExpression() as Expression;
  if (Node.isParenthesizedExpression(node)) node = node.getExpression();
  const scope = scopeFor(inputs);
  const jsonata = options.condition ? lowerCondition(node, scope) : lowerExpression(node, scope);
  const nativeText = options.condition ? `${options.prelude ?? ''}\nfunction __snippet(${Object.keys(inputs).join(', ')}) { return (${expression}) ? true : false; }` : text;
  return { jsonata, diagnostics: scope.diagnostics.diagnostics, native: nativeRunner(nativeText, inputs), compiled: compiledRunner(inputs, `{"v": ${jsonata}}`) };
}

/**
 * Lowers the statements `body` as one await-free run assigning `assigned` (parameters or variables the body declares at
 * its top level); natively the body runs and returns those variables.
 */
export function lowerRun(inputs: Inputs, body: string, assigned: string[], options: { prelude?: string } = {}): Lowered & { entries: Record<string, string> } {
  const { fn, text } = sourceFor(inputs, `${body}\nreturn { ${assigned.join(', ')} };`, options.prelude);
  const errors = typeErrors(fn);
  if (errors.length) throw new Error(`snippet does not type-check: ${errors.join('; ')}\n${text}`);
  const statements = fn.getStatements().slice(0, -1) as Statement[];
  const scope = scopeFor(inputs);
  const entries = lowerPureStatements(statements, scope, assigned);
  const output = `{${assigned.map((name) => `${JSON.stringify(name)}: ${entries[name]}`).join(', ')}}`;
  return { jsonata: output, entries, diagnostics: scope.diagnostics.diagnostics, native: nativeRunner(text, inputs), compiled: compiledRunner(inputs, `{"v": ${output}}`) };
}

/** Runs both ways and returns both outcomes. */
export async function both(lowered: Lowered, values: Record<string, unknown>): Promise<{ native: Outcome; compiled: Outcome }> {
  return { native: lowered.native(values), compiled: await lowered.compiled(values) };
}
