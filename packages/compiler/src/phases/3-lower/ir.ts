import type { Node } from 'ts-morph';
import type { RetrierDefinition } from '@typestep/runtime';

/**
 * The state-graph IR: what lowering produces and emit turns into ASL.
 * Expressions are JSONata text (without `{% %}`); everything else is
 * target-neutral (a JSONPath back end would re-lower the expressions only).
 * Nodes are mutable while lowering wires the graph; `Label` is a join point
 * that emit resolves to the first real state after it.
 */
export type IrNode = IrState | IrLabel;

/** A join point (loop head, catch handler, end of a branch), resolved away at emit. */
export interface IrLabel {
  kind: 'label';
  next?: IrNode;
  /** How many exits jump here; a label nobody reaches is dead code. */
  incoming: number;
}

/** Fields every state has. */
interface IrStateBase {
  /** Name hint derived from the source (`Charge card`, `If total > 1000`); emit makes it unique. */
  hint: string;
  /** The source node, for `Comment` and the source map. */
  node: Node;
  /** Variable → value (JSONata over the state's entry values and `$states.result`). */
  assign: Map<string, string>;
}

/** A retrier, as AWS spells it. */
export type IrRetry = RetrierDefinition;

/** A catcher: every error (`States.ALL`) goes to `next` with `assign`. */
export interface IrCatch {
  errors: string[];
  assign: Map<string, string>;
  next?: IrNode;
}

/** A JSON template whose string leaves may be JSONata (`{ expression }`) or literal text. */
export type IrTemplate = { expression: string } | { literal: unknown } | { object: Record<string, IrTemplate> };

export interface IrTask extends IrStateBase {
  kind: 'task';
  resource: string;
  arguments?: IrTemplate;
  output?: string;
  retry: IrRetry[];
  catch: IrCatch[];
  /** A number, or JSONata computing it at run time. */
  timeoutSeconds?: number | { expression: string };
  heartbeatSeconds?: number | { expression: string };
  next?: IrNode;
  end?: boolean;
}

export interface IrPass extends IrStateBase {
  kind: 'pass';
  output?: string;
  next?: IrNode;
  end?: boolean;
}

export interface IrWait extends IrStateBase {
  kind: 'wait';
  seconds?: string;
  timestamp?: string;
  next?: IrNode;
}

export interface IrChoiceRule {
  condition: string;
  /** A matched rule's Assign replaces the state's, so each rule starts with the state's carried values. */
  assign?: Map<string, string>;
  next?: IrNode;
}

export interface IrChoice extends IrStateBase {
  kind: 'choice';
  rules: IrChoiceRule[];
  default?: IrNode;
}

export interface IrSucceed extends IrStateBase {
  kind: 'succeed';
  output?: string;
}

export interface IrFail extends IrStateBase {
  kind: 'fail';
  /** JSONata text of the Error, unless `errorLiteral` gives it as plain text. */
  error: string;
  errorLiteral?: string;
  cause?: string;
}

/** A nested machine: a Parallel branch or a Map iteration. */
export interface IrGraph {
  start: IrNode;
}

export interface IrParallel extends IrStateBase {
  kind: 'parallel';
  branches: IrGraph[];
  output?: string;
  catch: IrCatch[];
  next?: IrNode;
  end?: boolean;
}

export interface IrMap extends IrStateBase {
  kind: 'map';
  items: string;
  itemSelector: Record<string, string>;
  processor: IrGraph;
  /** Tolerated failures need a Distributed Map: its iterations are child executions with no outer variables. */
  distributed?: boolean;
  /** `map(s3Items({ bucket, key, inputType }), …)`: the items come from an S3 object (an ItemReader), not `items`. */
  itemReader?: { bucket: string; key: string; inputType: string };
  maxConcurrency?: number;
  toleratedFailurePercentage?: number;
  toleratedFailureCount?: number;
  output?: string;
  catch: IrCatch[];
  next?: IrNode;
  end?: boolean;
}

export type IrState = IrTask | IrPass | IrWait | IrChoice | IrSucceed | IrFail | IrParallel | IrMap;

/** One compiled workflow before emit. */
export interface IrMachine {
  name: string;
  /** Variables stored as `{"v": value}` (they may hold `undefined`): emit boxes their Assign entries. */
  boxed: ReadonlySet<string>;
  comment?: string;
  timeoutSeconds?: number;
  graph: IrGraph;
}
