import { Node, type CallExpression, type Expression } from '../../../ts-morph.js';
import type { DiagnosticCode, DiagnosticFix } from '../../../diagnostics/index.js';
import type { ExpressionScope } from './index.js';
import type { Flow } from './statements.js';
import { helperVariable, type HelperName } from './runtime-helpers.js';

/** JSONata names a local must not shadow: the built-in functions the lowering emits, and Step Functions' own. */
const RESERVED = new Set([
  'abs', 'append', 'average', 'boolean', 'ceil', 'contains', 'count', 'distinct', 'each', 'error', 'exists', 'filter',
  'floor', 'join', 'keys', 'length', 'lookup', 'lowercase', 'map', 'match', 'max', 'merge', 'min', 'not', 'number',
  'pad', 'parse', 'power', 'reduce', 'replace', 'reverse', 'round', 'sort', 'split', 'sqrt', 'string', 'substring',
  'substringAfter', 'substringBefore', 'sum', 'trim', 'type', 'uppercase', 'states', 'partition', 'range', 'hash',
  'random', 'uuid', 'now', 'millis', 'zip', 'spread', 'single', 'shuffle', 'sift', 'assert', 'eval',
]);

/**
 * The expression lowering's visitors, created once (`visitors.ts`) and
 * carried by every `LowerContext`: the files that recurse into each other (an
 * operand is an expression; an expression statement may be a `forEach` loop
 * or fold a callback) call through it instead of importing each other in a
 * ring.
 */
export interface ExpressionVisitors {
  /** One expression node, by its syntax kind (`lowerExpressionNode`). */
  expression(node: Expression, ctx: LowerContext): string;
  /** `xs.forEach(callback)` as a statement: a loop over the items (`lowerForEach`). */
  forEach(call: CallExpression, flow: Flow, rest: (flow: Flow) => string, ctx: LowerContext): string;
  /** An array method whose callback changes the variables around it (`lowerCallbackFold`). */
  callbackFold(call: CallExpression, flow: Flow, ctx: LowerContext, then: (result: string, flow: Flow) => string): string;
}

/**
 * Lowers one expression node to JSONata text, through the context's visitor
 * table.
 *
 * @example
 * lowerNode(`a + 1`, ctx) // '$a + 1' (with NaN and string checks where the types need them)
 */
export function lowerNode(node: Expression, ctx: LowerContext): string {
  return ctx.visit.expression(node, ctx);
}

/**
 * What one lowering run carries: the compiler's scope, the JSONata names of
 * locals (by their declaration node, so shadowing resolves as TypeScript does),
 * the runtime helpers used and a counter for temporaries.
 */
export class LowerContext {
  private readonly locals = new Map<Node, string>();
  private readonly taken = new Set<string>();
  readonly helpers = new Set<HelperName>();
  /** Local helper functions already bound in the prelude, by declaration. */
  readonly functions = new Map<Node, { variable: string; text: string | undefined }>();
  private counter = 0;
  /** Variables of the await-free run being lowered that the compiler assigns (by name), and its top-level statements. */
  readonly runVariables = new Map<string, string>();
  readonly runStatements = new Set<Node>();
  /** Text that stands for an expression already evaluated (a call that changed its receiver, hoisted before its statement). */
  readonly substitutions = new Map<Node, string>();

  constructor(
    readonly scope: ExpressionScope,
    readonly visit: ExpressionVisitors,
  ) {}

  /** Binds a local declared at `declaration` to a fresh JSONata variable and returns it. */
  declareLocal(declaration: Node, name: string): string {
    let variable = RESERVED.has(name) || name.startsWith('__') ? `$${name}_` : `$${name}`;
    // A name already used by another local gets a suffix, so a closure never sees the wrong binding.
    for (let n = 2; this.taken.has(variable); n++) variable = `$${name}_${n}`;
    this.taken.add(variable);
    this.locals.set(declaration, variable);
    return variable;
  }

  /** The JSONata variable of the local declared at `declaration`, if it is one. */
  localFor(declaration: Node): string | undefined {
    return this.locals.get(declaration);
  }

  /**
   * The JSONata variable for `name` when it is one of the run's assigned
   * variables and `at` may bind it: a use anywhere, or a top-level declaration
   * of the run (which sets the workflow variable rather than a new local).
   */
  runVariable(name: string, at: Node): string | undefined {
    const variable = this.runVariables.get(name);
    if (!variable) return undefined;
    if (Node.isVariableStatement(at) && !this.runStatements.has(at)) return undefined;
    return variable;
  }

  /** Binds a name the run assigns to a JSONata variable. */
  declareRunVariable(name: string): string {
    let variable = RESERVED.has(name) || name.startsWith('__') ? `$${name}_` : `$${name}`;
    for (let n = 2; this.taken.has(variable); n++) variable = `$${name}_${n}`;
    this.taken.add(variable);
    this.runVariables.set(name, variable);
    return variable;
  }

  /** A fresh temporary variable (`$__t1`, …). */
  temporary(): string {
    return `$__t${++this.counter}`;
  }

  /** Marks a helper as used and returns the variable to call. */
  helper(name: HelperName): string {
    this.helpers.add(name);
    return helperVariable(name);
  }

  report(code: DiagnosticCode, node: Node, params?: Record<string, string | number>, fix?: DiagnosticFix): string {
    this.scope.diagnostics.report(code, node, params, fix);
    // A placeholder that keeps the surrounding text well formed; the compile writes nothing anyway.
    return 'null';
  }
}
