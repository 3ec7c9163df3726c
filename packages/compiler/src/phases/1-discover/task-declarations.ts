import * as dsl from '@typestep/dsl';
import type { TaskDescription } from '@typestep/dsl';
import { Node, type CallExpression, type VariableDeclaration } from '../../ts-morph.js';
import type { DiagnosticCollector } from '../../diagnostics/index.js';
import { constDeclarationOf, dslNameOf } from './dsl-symbols.js';
import { NOT_STATIC, staticValue } from './static-value.js';

/** Declaration functions of the dsl: calling one at module level declares a task. */
const DECLARATIONS = new Set([
  'lambda', 'awsSdk', 'callback', 'activity',
  'sns.publish', 'sqs.sendMessage', 'dynamodb.getItem', 'dynamodb.putItem', 'dynamodb.updateItem', 'dynamodb.deleteItem',
  'eventBridge.putEvents', 'ecs.runTask', 'glue.startJobRun', 'batch.submitJob', 'sagemaker.createTrainingJob',
]);

/**
 * True when `callee` names a task or a workflow declared at module level
 * (`const charge = lambda(…)`): its call's first argument is the request.
 */
export function isTaskCallee(callee: Node): boolean {
  const declaration = constDeclarationOf(callee);
  const initializer = declaration && Node.isVariableDeclaration(declaration) ? declaringCall(declaration) : undefined;
  const name = initializer && dslNameOf(initializer.getExpression());
  return name === 'workflow' || (name !== undefined && DECLARATIONS.has(name));
}

/** The call a `const` is initialized with, through parentheses, `as` and `satisfies`. */
function declaringCall(declaration: VariableDeclaration): CallExpression | undefined {
  let initializer = declaration.getInitializer();
  while (initializer && (Node.isAsExpression(initializer) || Node.isSatisfiesExpression(initializer) || Node.isParenthesizedExpression(initializer))) {
    initializer = initializer.getExpression();
  }
  return initializer && Node.isCallExpression(initializer) ? initializer : undefined;
}

/**
 * Task declarations by their `const`: the dsl's own description of each
 * (`taskDescription`), built by calling the dsl declaration function at
 * compile time with the declaration's static arguments, so the compiler and
 * native execution can never disagree on resources, defaults or validation.
 *
 * @example
 * tasks.describe(callee) // { kind: 'lambda', resource: 'arn:aws:states:::lambda:invoke', functionArn: '${ChargeFunctionArn}', … }
 */
export class TaskTable {
  private readonly cache = new Map<Node, TaskDescription | null>();

  constructor(private readonly diagnostics: DiagnosticCollector) {}

  /** The description of the task `callee` names, or undefined when it names no task. Reports a declaration it cannot read (once) and describes it by a placeholder. */
  describe(callee: Node): TaskDescription | undefined {
    const declaration = constDeclarationOf(callee);
    if (!declaration || !Node.isVariableDeclaration(declaration)) return undefined;
    if (!this.cache.has(declaration)) this.cache.set(declaration, this.read(declaration) ?? null);
    return this.cache.get(declaration) ?? undefined;
  }

  /** The `const` declaring the task `callee` names. */
  declarationOf(callee: Node): VariableDeclaration | undefined {
    const declaration = constDeclarationOf(callee);
    return declaration && Node.isVariableDeclaration(declaration) ? declaration : undefined;
  }

  private read(declaration: VariableDeclaration): TaskDescription | undefined {
    const initializer = declaringCall(declaration);
    if (!initializer) return undefined;
    const name = dslNameOf(initializer.getExpression());
    if (name === 'workflow') return describeWorkflow(initializer);
    if (!name || !DECLARATIONS.has(name)) return undefined;
    const args = initializer.getArguments().map((argument) => staticValue(argument));
    const bad = args.findIndex((value) => value === NOT_STATIC);
    if (bad >= 0) {
      this.diagnostics.report('task_declaration_not_static', initializer.getArguments()[bad]!, { declaration: name });
      return placeholderFor(args);
    }
    try {
      const factory = name.split('.').reduce<unknown>((owner, key) => (owner as Record<string, unknown>)[key], dsl) as (...a: unknown[]) => dsl.Task<unknown, unknown>;
      return dsl.taskDescription(factory(...args));
    } catch (error) {
      this.diagnostics.report('task_declaration_invalid', initializer, { text: error instanceof Error ? error.message : String(error) });
      return placeholderFor(args);
    }
  }
}

/**
 * What stands in for a declaration that was reported: a Lambda task, named
 * as the declaration's options say when they are static. Its calls are
 * still lowered, so their own problems (call options, a reused name) are
 * reported in the same run.
 */
function placeholderFor(args: unknown[]): TaskDescription {
  const options = args.find((value): value is { name?: unknown } => typeof value === 'object' && value !== null && !Array.isArray(value));
  const name = typeof options?.name === 'string' ? options.name : undefined;
  return { kind: 'lambda', resource: 'arn:aws:states:::lambda:invoke', pattern: 'request-response', invoke: 'envelope', functionArn: '<unresolved>', retry: [], ...(name !== undefined ? { name } : {}) };
}

/** A workflow called from another workflow: a nested execution (`startExecution.sync:2`). */
function describeWorkflow(call: CallExpression): TaskDescription {
  const [nameNode, , optionsNode] = call.getArguments();
  const name = staticValue(nameNode);
  const options = optionsNode ? staticValue(optionsNode) : {};
  // A name that is not static is reported where the workflow is discovered.
  if (typeof name !== 'string') return placeholderFor([]);
  const arn = options !== NOT_STATIC && typeof (options as { stateMachineArn?: unknown })?.stateMachineArn === 'string'
    ? (options as { stateMachineArn: string }).stateMachineArn
    : `\${${name}StateMachineArn}`;
  return { kind: 'workflow', resource: 'arn:aws:states:::states:startExecution.sync:2', pattern: 'sync:2', workflowName: name, stateMachineArn: arn, retry: [] };
}
