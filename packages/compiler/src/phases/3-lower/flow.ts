import type { Node } from 'ts-morph';
import type { IrCatch, IrChoice, IrLabel, IrNode, IrState } from './ir.js';
import { applyPending, pendingVariables, readerOf, type PendingItem, type Reader } from './pending.js';
import type { LoweringContext } from './context.js';

/** Where control leaves a state (its Next, a Choice rule, a catcher): wiring sets its target. */
export interface Exit {
  set(target: IrNode): void;
  /** The Assign that runs on this exit (a state's, or a Choice rule's), when later pure work may join it. */
  carrier?: { assign: Map<string, string> };
}

/** States whose Assign runs on their normal exit, so later pure work can join it. */
const CARRIERS = new Set(['task', 'pass', 'wait', 'parallel', 'map']);

/**
 * The lowering cursor of one straight run of control: the exits still open,
 * and the pure work not yet given to a state. Pure statements cost no
 * transition: they fold into the Assign of the state before them (when it is
 * the only way here) or are carried by the state after them (its Assign, and
 * its inputs read their values); only when neither can, a Pass carries them.
 *
 * @example
 * flow.pending.push({ kind: 'statements', statements: [stmt] });
 * flow.add(task, (read) => { task.arguments = … });   // carries the pending work
 */
export class Flow {
  pending: PendingItem[] = [];

  constructor(
    private readonly ctx: LoweringContext,
    public exits: Exit[],
  ) {}

  /** True when control can reach the current point. */
  get live(): boolean {
    return this.exits.length > 0;
  }

  /**
   * Adds `state` after the open exits. Pending work is folded back into the
   * previous state when it is the only way here, else carried by `state`
   * (its Assign and, through `read`, its inputs). `fill` sets the inputs.
   */
  add<S extends IrState>(state: S, fill: (read: Reader) => void = () => {}): S {
    if (this.pending.length > 0 && this.canFoldBack()) this.foldBack();
    const carried = applyPending(this.pending, new Map(), this.ctx.names, this.ctx.diagnostics, this.ctx.overrides);
    this.pending = [];
    for (const [variable, value] of carried) state.assign.set(variable, value);
    fill(readerOf(carried, this.ctx.names.boxed, this.ctx.overrides));
    for (const catcher of catchersOf(state)) {
      // A catcher's Assign replaces the state's: the work before the state must happen on that path too.
      for (const [variable, value] of carried) if (!catcher.assign.has(variable)) catcher.assign.set(variable, value);
    }
    for (const exit of this.exits) exit.set(state);
    this.exits = normalExits(state);
    return state;
  }

  /** Gives pending work to a state now (the previous one, or a Pass): needed before a join. */
  flush(node: Node): void {
    if (this.pending.length === 0 || !this.live) {
      this.pending = [];
      return;
    }
    if (this.canFoldBack()) {
      this.foldBack();
      return;
    }
    const variables = pendingVariables(this.pending, this.ctx.names);
    this.add({ kind: 'pass', hint: `Set ${variables.join(', ') || 'values'}`, node, assign: new Map() });
  }

  /** Control goes to `label` from here (a loop head, a join after a branch, a break): flushes first. */
  jump(target: IrLabel, node: Node): void {
    this.flush(node);
    for (const exit of this.exits) exit.set(target);
    target.incoming += this.exits.length;
    this.exits = [];
  }

  /** Continues from a label (a join point): nothing pending, nothing to fold into. */
  resumeAt(label: IrLabel): void {
    this.exits = [{ set: (target) => (label.next = target) }];
    this.pending = [];
  }

  /**
   * Ends here with an output, without a state of its own when it can: the
   * previous state (the only way here) ends with `Output` (computed over its
   * own Assign, as AWS evaluates both from the same entry values). Returns
   * false when a Succeed is needed instead.
   */
  endWithOutput(output: (read: Reader) => string): boolean {
    const carrier = this.exits.length === 1 ? this.exits[0]!.carrier : undefined;
    if (!carrier || !('kind' in carrier)) return false;
    const state = carrier as IrState & { output?: string; end?: boolean; next?: IrNode };
    // A Choice's default exit carries its Assign too, but a Choice cannot end with an Output.
    if (!CARRIERS.has(state.kind)) return false;
    if (state.output !== undefined) return false;
    if (this.pending.length > 0) this.foldBack();
    state.output = output(readerOf(state.assign, this.ctx.names.boxed, this.ctx.overrides));
    state.end = true;
    delete state.next;
    this.exits = [];
    return true;
  }

  /** A flow from other exits (a branch of a Choice), sharing the context. */
  fork(exits: Exit[]): Flow {
    return new Flow(this.ctx, exits);
  }

  /** Continues after a join point, or stops when nothing reaches it. */
  continueAfter(target: IrLabel): void {
    if (target.incoming > 0) this.resumeAt(target);
    else this.exits = [];
    this.pending = [];
  }

  private canFoldBack(): boolean {
    return this.exits.length === 1 && this.exits[0]!.carrier !== undefined;
  }

  private foldBack(): void {
    const carrier = this.exits[0]!.carrier!;
    const values = applyPending(this.pending, carrier.assign, this.ctx.names, this.ctx.diagnostics, this.ctx.overrides);
    carrier.assign.clear();
    for (const [variable, value] of values) carrier.assign.set(variable, value);
    this.pending = [];
  }
}

/** A fresh join point. */
export function label(): IrLabel {
  return { kind: 'label', incoming: 0 };
}

function catchersOf(state: IrState): IrCatch[] {
  return state.kind === 'task' || state.kind === 'parallel' || state.kind === 'map' ? state.catch : [];
}

function normalExits(state: IrState): Exit[] {
  switch (state.kind) {
    case 'succeed':
    case 'fail':
      return [];
    case 'choice':
      return choiceExits(state);
    default:
      if ('end' in state && state.end) return [];
      return [{ set: (target) => ((state as { next?: IrNode }).next = target), carrier: CARRIERS.has(state.kind) ? state : undefined }];
  }
}

/** A Choice's exits: each open rule (its Assign starts as the state's carried values) and the default. */
function choiceExits(state: IrChoice): Exit[] {
  const exits: Exit[] = [];
  for (const rule of state.rules) {
    rule.assign = new Map(state.assign);
    if (rule.next !== undefined) continue;
    exits.push({ set: (target: IrNode) => (rule.next = target), carrier: rule as { assign: Map<string, string> } });
  }
  if (state.default === undefined) exits.push({ set: (target: IrNode) => (state.default = target), carrier: state });
  return exits;
}
