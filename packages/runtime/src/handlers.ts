/**
 * Local implementations of Task states. A handler is registered by state
 * name or by resource ARN (exact, or with `*` wildcards); it receives the
 * task's effective input and the context object and returns the result, or
 * throws — the thrown error's `name` becomes the ASL error name.
 *
 * @example
 * const handlers = new HandlerRegistry()
 *   .byResource('arn:aws:lambda:*:*:function:charge-card', async (input) => ({ charged: true }))
 *   .byState('Notify', async () => ({ sent: 1 }));
 */
export type TaskHandler<In = any, Out = unknown> = (input: In, context: TaskContext) => Out | Promise<Out>;

/** What a handler learns about the call besides its input. */
export interface TaskContext {
  /** The Task state's name. */
  stateName: string;
  /** The Task's `Resource` field. */
  resource: string;
  /** The context object (`$$`) as the task sees it. */
  context: Record<string, unknown>;
  /** Aborted when the execution stops or the task times out. */
  signal: AbortSignal;
  /**
   * Lets the task take time: on the virtual clock the execution's time moves
   * on at once (so `TimeoutSeconds` can be exceeded without waiting), on the
   * real clock it actually waits.
   *
   * @example
   * handlers: { 'Slow call': async (input, { sleep }) => { await sleep(90); return {}; } }
   */
  sleep(seconds: number): Promise<void>;
}

/** Plain-object form accepted wherever a registry is: `{ 'StateName': fn, 'arn:aws:…': fn }`. */
export type HandlerMap = Record<string, TaskHandler>;

/** A state name's trailing qualifier: ` (on error)`. */
const QUALIFIER = / \([^()]*\)$/;

export class HandlerRegistry {
  private readonly states = new Map<string, TaskHandler>();
  private readonly resources = new Map<string, TaskHandler>();
  private readonly patterns: Array<{ pattern: RegExp; handler: TaskHandler }> = [];

  /** Handles Task states named `stateName`, whatever their resource. Takes precedence over resources. */
  byState(stateName: string, handler: TaskHandler): this {
    this.states.set(stateName, handler);
    return this;
  }

  /** Handles Task states whose `Resource` equals `resource`, or matches it where `*` stands for any text. */
  byResource(resource: string, handler: TaskHandler): this {
    if (resource.includes('*')) {
      const source = resource.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
      this.patterns.push({ pattern: new RegExp(`^${source}$`), handler });
    } else {
      this.resources.set(resource, handler);
    }
    return this;
  }

  /**
   * The handler for a Task state: by state name, then by the state name
   * without a trailing `(…)` qualifier, then exact resource, then the first
   * matching wildcard. The qualifier is how the compiler names the copies of
   * one named task (`Release lock (on error)` in a `finally` block lowered
   * once per path): the handler registered as `Release lock` answers all of
   * them, as it does in a native run.
   */
  find(stateName: string, resource: string): TaskHandler | undefined {
    const unqualified = stateName.replace(QUALIFIER, '');
    return (
      this.states.get(stateName) ??
      (unqualified !== stateName ? this.states.get(unqualified) : undefined) ??
      this.resources.get(resource) ??
      this.patterns.find((entry) => entry.pattern.test(resource))?.handler
    );
  }

  /**
   * Builds a registry from a plain object: keys that look like ARNs (`arn:…`)
   * or deployment placeholders (`${ChargeFunctionArn}`, which stand for an
   * ARN until CloudFormation substitutes it) register by resource, all others
   * by state name.
   */
  static from(handlers: HandlerRegistry | HandlerMap | undefined): HandlerRegistry {
    if (handlers instanceof HandlerRegistry) return handlers;
    const registry = new HandlerRegistry();
    for (const [key, handler] of Object.entries(handlers ?? {})) {
      if (key.startsWith('arn:') || key.startsWith('${')) registry.byResource(key, handler);
      else registry.byState(key, handler);
    }
    return registry;
  }
}
