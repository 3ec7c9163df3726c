import type { WorkflowSchemaDocument } from '@typestep/compiler';
import { Annotations, ArnFormat, Stack } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { checkLiteralInput } from './literal-input.js';
import { loadDefinition, type DefinitionSourceProps } from './definition-source.js';
import { placeholderNeeds, rolePolicyNeeds, type Placeholder } from './definition-needs.js';
import { placeholderText, type PlaceholderValue } from './placeholder-value.js';
import { toPolicyStatements } from './role-policy.js';
import type { TypedInput } from './typed-input.js';

/**
 * The properties of a {@link TypestepStateMachine}: where the definition
 * comes from, the value of each placeholder, and the state machine's own
 * settings (`stateMachineType`, `logs`, `tracingEnabled`, `role`, …).
 */
export interface TypestepStateMachineProps
  extends DefinitionSourceProps,
    Omit<sfn.StateMachineProps, 'definition' | 'definitionBody' | 'definitionSubstitutions' | 'queryLanguage'> {
  /**
   * The value of every `${Name}` placeholder of the definition: a string, or
   * a resource whose ARN, name or URL is used as the placeholder needs.
   */
  readonly placeholders?: Readonly<Record<string, PlaceholderValue>>;
}

/** The settings of {@link TypestepStateMachine.startExecutionTask}: those of a JSONata `StepFunctionsStartExecution` with a typed input. */
export interface TypedStartExecutionProps<In> extends Omit<tasks.StepFunctionsStartExecutionJsonataProps, 'stateMachine' | 'input'> {
  /** The execution's input; its parts are values or `expression<T>('{% … %}')`. */
  readonly input: TypedInput<In>;
}

/**
 * A Step Functions state machine from a typestep workflow or a compiled ASL
 * definition. It binds the definition's placeholders to resources through
 * `DefinitionSubstitutions`, failing the synth on any placeholder without a
 * value or value without a placeholder, and grants its role the
 * least-privilege policy the definition needs. `In` is the execution input's
 * type, which types {@link taskInput} and {@link startExecutionTask}.
 *
 * @example
 * const orders = new TypestepStateMachine<Order>(this, 'Orders', {
 *   workflow: 'workflows/process-order.ts',
 *   placeholders: { PriceFunctionArn: priceFn, ChargeFunctionArn: chargeFn, ReceiptsTopicArn: receipts },
 * });
 * orders.grantStartExecution(api);
 */
export class TypestepStateMachine<In = unknown> extends Construct {
  /** The deployed state machine. */
  readonly stateMachine: sfn.StateMachine;
  /** The ASL definition, placeholders unreplaced. */
  readonly definition: Record<string, unknown>;
  /** The JSON Schemas of input, output and tasks, when known (always for a compiled workflow). */
  readonly schema?: WorkflowSchemaDocument;
  /** The workflow's name, when compiled from TypeScript. */
  readonly workflowName?: string;
  /** The `DefinitionSubstitutions`: each placeholder's value (tokens for resources). */
  readonly definitionSubstitutions: Readonly<Record<string, string>>;
  /** The statements granted to the role for what the definition calls. */
  readonly policyStatements: readonly iam.PolicyStatement[];

  constructor(scope: Construct, id: string, props: TypestepStateMachineProps) {
    super(scope, id);
    const { workflow, workflowName, tsconfig, definition, definitionFile, schema, placeholders, ...machineProps } = props;
    const loaded = loadDefinition({ workflow, workflowName, tsconfig, definition, definitionFile, schema });
    this.definition = loaded.definition;
    this.schema = loaded.schema;
    this.workflowName = loaded.name;
    this.definitionSubstitutions = bindPlaceholders(placeholderNeeds(loaded.definition), placeholders ?? {}, loaded.name ?? id);
    this.stateMachine = new sfn.StateMachine(this, 'Resource', {
      ...machineProps,
      stateMachineType: machineProps.stateMachineType ?? (loaded.type === 'EXPRESS' ? sfn.StateMachineType.EXPRESS : sfn.StateMachineType.STANDARD),
      definitionBody: sfn.DefinitionBody.fromString(JSON.stringify(loaded.definition)),
      definitionSubstitutions: { ...this.definitionSubstitutions },
    });
    // Only a fixed name gives the machine's ARN without a cycle (the role's policy would need the machine, which waits for its role).
    const ownArn = machineProps.stateMachineName
      ? Stack.of(this).formatArn({ service: 'states', resource: 'stateMachine', resourceName: machineProps.stateMachineName, arnFormat: ArnFormat.COLON_RESOURCE_NAME })
      : undefined;
    const policy = rolePolicyNeeds(loaded.definition, ownArn);
    this.policyStatements = toPolicyStatements(policy.statements, this.definitionSubstitutions);
    for (const statement of this.policyStatements) this.stateMachine.addToRolePolicy(statement);
    // Shown by `cdk synth`: where the policy is wider than the resources, and why.
    for (const note of policy.notes) Annotations.of(this).addWarningV2('@typestep/cdk:policy-note', note);
  }

  /** The state machine's ARN. */
  get stateMachineArn(): string {
    return this.stateMachine.stateMachineArn;
  }

  /** Lets `grantee` start executions of this machine (`states:StartExecution`). */
  grantStartExecution(grantee: iam.IGrantable): iam.Grant {
    return this.stateMachine.grantStartExecution(grantee);
  }

  /** Lets `grantee` run synchronous Express executions (`states:StartSyncExecution`). */
  grantStartSyncExecution(grantee: iam.IGrantable): iam.Grant {
    return this.stateMachine.grantStartSyncExecution(grantee);
  }

  /**
   * A task input of this machine's input type, for any task that starts it
   * (a JSONPath `StepFunctionsStartExecution`, an EventBridge target…). An
   * input of values only (no expression) is checked against the input schema,
   * when the machine has one: a mismatch fails the synth.
   *
   * @example
   * orders.taskInput({ id: expression<string>('{% $orderId %}'), customer, items: [], shipping: { method: 'standard' } });
   */
  taskInput(input: TypedInput<In>): sfn.TaskInput {
    checkLiteralInput(this.schema, input, this.workflowName ?? this.node.path);
    // The whole input as one expression: JSONata text as it is, a JSONPath path read at run time.
    if (typeof input === 'string') return /^\$/.test(input) ? sfn.TaskInput.fromJsonPathAt(input) : sfn.TaskInput.fromText(input);
    return sfn.TaskInput.fromObject(input as Record<string, unknown>);
  }

  /**
   * A JSONata task, for another state machine built with CDK, that starts
   * this one with an input type-checked against `In`.
   *
   * @example
   * const start = orders.startExecutionTask(this, 'Process order', {
   *   input: { id: expression<string>('{% $states.input.orderId %}'), customer, items, shipping },
   *   integrationPattern: sfn.IntegrationPattern.RUN_JOB,
   * });
   */
  startExecutionTask(scope: Construct, id: string, props: TypedStartExecutionProps<In>): tasks.StepFunctionsStartExecution {
    const { input, ...taskProps } = props;
    return tasks.StepFunctionsStartExecution.jsonata(scope, id, { ...taskProps, stateMachine: this.stateMachine, input: this.taskInput(input) });
  }
}

/**
 * The substitutions of every placeholder; throws one error listing every
 * placeholder without a value, every value without a placeholder and every
 * value that cannot stand for its placeholder.
 */
function bindPlaceholders(needs: Placeholder[], values: Readonly<Record<string, PlaceholderValue>>, machine: string): Record<string, string> {
  const problems: string[] = [];
  const substitutions: Record<string, string> = {};
  const needed = new Set(needs.map((need) => need.name));
  const missing = needs.filter((need) => !Object.hasOwn(values, need.name));
  if (missing.length > 0) {
    problems.push(`missing a value for ${missing.map((need) => `${need.name}${usedIn(need)}`).join(', ')}`);
  }
  const unknown = Object.keys(values).filter((name) => !needed.has(name));
  if (unknown.length > 0) {
    problems.push(`no placeholder named ${unknown.join(', ')} (the definition's placeholders: ${[...needed].join(', ') || 'none'})`);
  }
  for (const need of needs) {
    if (!Object.hasOwn(values, need.name)) continue;
    const bound = placeholderText(need.name, need.kind, values[need.name]!);
    if ('problem' in bound) problems.push(`${need.name} ${bound.problem}`);
    else substitutions[need.name] = bound.text;
  }
  if (problems.length > 0) throw new Error(`typestep: the placeholders of ${machine} do not match: ${problems.join('; ')}`);
  return substitutions;
}

function usedIn(need: Placeholder): string {
  const states = [...new Set(need.uses.map((use) => use.state))];
  return states.length > 0 ? ` (used in ${states.map((state) => JSON.stringify(state)).join(', ')})` : '';
}
