import type { DiagnosticCollector } from '../../diagnostics/index.js';
import type { TaskTable } from '../1-discover/index.js';
import type { VariableNames } from '../2-analyze/index.js';
import type { ArrowFunction, Block, Expression, FunctionExpression, KindToNodeMappings, Node, ParameterDeclaration, Statement, SyntaxKind } from 'ts-morph';
import type { Sink } from './awaited/result-binding.js';
import type { Flow } from './flow.js';
import type { IrGraph, IrLabel } from './ir.js';
import type { Override, Reader } from './pending.js';
import type { ThrownError } from './statements/throw-statement.js';

/** A loop's jump targets. */
export interface LoopTargets {
  breakTo: IrLabel;
  continueTo: IrLabel;
  /** `switch` takes `break` but not `continue`. */
  isSwitch?: boolean;
  /** A labeled block: only `break label` targets it. */
  labeledOnly?: boolean;
  /** The labels of the statement (`outer: for …`): `break outer`/`continue outer` target it. */
  labels?: string[];
}

/** A `finally` block, with the stacks as they are outside its `try` (where its own code runs). */
export interface FinallyFrame {
  block: Block;
  catches: number;
  loops: number;
}

/** The innermost `try`'s handler: where errors go, and the variable that receives them. */
export interface CatchTarget {
  handler: IrLabel;
  /** The `catch (e)` variable, or undefined for `catch {}`. */
  variable: string | undefined;
}

/**
 * What lowering one workflow (or one Map iteration, which starts with empty
 * loop and catch stacks) shares across visitors.
 */
export interface LoweringContext {
  /** The visitor table (see `visitors.ts`): how one part of the lowering reaches another without importing it. */
  visit: LoweringVisitors;
  names: VariableNames;
  tasks: TaskTable;
  diagnostics: DiagnosticCollector;
  /** Variables read as something else (a callback's token parameter, a local function). */
  overrides: Map<string, Override>;
  loops: LoopTargets[];
  /** Labels of the statement being lowered (`outer: for …`), given to the loop target it pushes next. */
  nextLabels?: string[];
  catches: CatchTarget[];
  /** Catch variables: a `throw e` of one of them re-throws the caught error. */
  catchVariables: Set<string>;
  /** Inside a Map iteration or Parallel branch: an error leaving it keeps only its name and cause. */
  nested?: boolean;
  /** The `finally` blocks around the current point, innermost last: a jump out of one runs it first. */
  finallies: FinallyFrame[];
  /** The state names given to named tasks so far (copies of a call are qualified: `Release lock (on error)`). */
  namedStateNames: Set<string>;
  /**
   * Why the code being lowered is a copy (`on error`, `on return`…: a
   * `finally` block is lowered once per path). A named task in a copy gets it
   * as its state name's qualifier; see `namedStateOf`.
   */
  copy?: string;
  /** The async helpers being inlined around the current point, outermost first (a call of one of them again is recursion). */
  inlining: Node[];
  /** Inside an inlined async helper: where its `return` sends the value, and the join after its body. */
  helperReturn?: HelperReturn;
}

/** Lowers one statement of syntax kind `K`: the table looks it up by kind, so it gets the node already narrowed. */
export type StatementVisitor<K extends SyntaxKind = SyntaxKind> = (statement: KindToNodeMappings[K], flow: Flow, ctx: LoweringContext) => void;

/** Statement visitors by syntax kind; each gets the node type of its own kind. */
export type StatementVisitors = { [K in SyntaxKind]?: StatementVisitor<K> };

/**
 * The lowering's visitors, created once (`visitors.ts`) and carried on the
 * context, so the folders that recurse into each other (a helper's body is
 * statements, a statement holds awaited values, a Map callback is a body)
 * call through it instead of importing each other in a ring.
 */
export interface LoweringVisitors {
  /** One visitor per statement kind that awaits or moves control; a kind missing here is `unsupported_statement`. */
  statement: StatementVisitors;
  /** A list of statements, await-free runs kept pending (`lowerStatements`). */
  statements(statements: Statement[], flow: Flow, ctx: LoweringContext): void;
  /** An expression that may await, its value sent to a sink (`lowerValue`). */
  value(expression: Expression, sink: Sink, flow: Flow, ctx: LoweringContext): void;
  /** A value an async function returns: a returned promise is awaited (`lowerReturnedValue`). */
  returnedValue(expression: Expression, sink: Sink, flow: Flow, ctx: LoweringContext): void;
  /** The awaits inside an expression, run first into variables of their own (`hoistAwaits`). */
  hoistAwaits(expression: Node, flow: Flow, ctx: LoweringContext): void;
  /** Raises an error at this point: a jump to the enclosing `catch`, or a Fail (`raise`, in `throw-statement.ts`). */
  raise(hint: string, node: Node, error: (read: Reader) => ThrownError, causeMayBeMissing: boolean, flow: Flow, ctx: LoweringContext): void;
  /** A function body as a graph of its own: the workflow's, a Map iteration's, a Parallel branch's (`lowerBody`). */
  body(fn: ArrowFunction | FunctionExpression, parameters: Array<[ParameterDeclaration, string]>, ctx: LoweringContext, variables?: Array<[string, string]>): IrGraph;
}

/** Where the `return` statements of one inlined helper call go. */
export interface HelperReturn {
  sink: Sink;
  /** The join after the inlined body; a `return` that is not the body's last statement jumps there. */
  after: IrLabel;
  /** The helper's body block: its last statement, a `return`, just falls through to the code after the call. */
  body: Node;
}

/** The context of a nested machine (Map iteration): same names, fresh control stacks; a `return` ends the iteration. */
export function nestedContext(ctx: LoweringContext): LoweringContext {
  return { ...ctx, loops: [], catches: [], finallies: [], helperReturn: undefined, nested: true };
}
