import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { expression, TypestepStateMachine } from '../src/index.js';
import { fixture, newStack, restockPlaceholders } from './support.js';
import type { RestockRequest } from './fixtures/restock.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const s = suite('typed start-execution input');

s('types/*.ts type-check, and every @ts-expect-error line fails to', () => {
  const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '--pretty', 'false', '-p', 'packages/cdk/test/types/tsconfig.json'], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.is(tsc.stdout + tsc.stderr, '');
  assert.is(tsc.status, 0);
});

s('startExecutionTask puts the input, expressions as written, into the calling machine', () => {
  const stack = newStack();
  const restock = new TypestepStateMachine<RestockRequest>(stack, 'Restock', {
    workflow: fixture('restock.ts'),
    workflowName: 'Restock',
    placeholders: restockPlaceholders,
  });
  const start = restock.startExecutionTask(stack, 'Restock tea', { input: { sku: 'tea', quantity: expression<number>('{% $states.input.count %}') } });
  const callerMachine = new sfn.StateMachine(stack, 'Caller', { queryLanguage: sfn.QueryLanguage.JSONATA, definitionBody: sfn.DefinitionBody.fromChainable(start) });
  const template = Template.fromStack(stack);
  const caller = template.findResources('AWS::StepFunctions::StateMachine')[stack.getLogicalId(callerMachine.node.defaultChild as CfnElement)] as {
    Properties: { DefinitionString: { 'Fn::Join': [string, unknown[]] } };
  };
  // The definition is joined from text and references; each reference becomes a marker naming it.
  const text = caller.Properties.DefinitionString['Fn::Join'][1].map((part) => (typeof part === 'string' ? part : `<${JSON.stringify(part).replace(/"/g, "'")}>`)).join('');
  assert.equal(JSON.parse(text).States['Restock tea'], {
    End: true,
    Type: 'Task',
    Arguments: { Input: { sku: 'tea', quantity: '{% $states.input.count %}' }, StateMachineArn: `<{'Ref':'${stack.getLogicalId(restock.stateMachine.node.defaultChild as CfnElement)}'}>` },
    Resource: "arn:<{'Ref':'AWS::Partition'}>:states:::states:startExecution",
  });
});

s('an input of values only is checked against the input schema at synth; one with expressions is left to run time', () => {
  const restock = new TypestepStateMachine<RestockRequest>(newStack(), 'Restock', { workflow: fixture('restock.ts'), workflowName: 'Restock', placeholders: restockPlaceholders });
  restock.taskInput({ sku: 'tea', quantity: 3 });
  const wrong = { sku: 'tea', quantity: 'ten' } as unknown as RestockRequest;
  assert.throws(() => restock.taskInput(wrong), /typestep: an input for Restock does not match its input schema: \$\.quantity must be number \(got string "ten"\)/);
  const missing = { quantity: 3 } as unknown as RestockRequest;
  assert.throws(() => restock.taskInput(missing), /does not match its input schema: \$\.sku is required$/);
  restock.taskInput({ sku: 'tea', quantity: expression<number>('{% $count %}') });
  restock.taskInput(expression<RestockRequest>('{% $states.input.request %}'));
});

s('a whole-input expression stays one expression: JSONata text, or a JSONPath path', () => {
  const restock = new TypestepStateMachine<RestockRequest>(newStack(), 'Restock', { definition: { StartAt: 'Done', States: { Done: { Type: 'Succeed' } } } });
  const jsonata = restock.taskInput(expression<RestockRequest>('{% $states.input.request %}'));
  assert.equal([jsonata.type, jsonata.value], [sfn.InputType.TEXT, '{% $states.input.request %}']);
  const jsonPath = restock.taskInput(expression<RestockRequest>('$.request'));
  assert.ok(sfn.JsonPath.isEncodedJsonPath(jsonPath.value), 'a JsonPath.stringAt token');
});

s('taskInput gives the object as a TaskInput', () => {
  const restock = new TypestepStateMachine<RestockRequest>(newStack(), 'Restock', { definition: { StartAt: 'Done', States: { Done: { Type: 'Succeed' } } } });
  const input = restock.taskInput({ sku: 'tea', quantity: 3 });
  assert.is(input.type, sfn.InputType.OBJECT);
  assert.equal(input.value, { sku: 'tea', quantity: 3 });
});

s.run();
