import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { StateMachine, StatesError, TaskService, type ChildExecutionRequest } from '../src/index.js';

const s = suite('states:startExecution: the startChildExecution hook and .waitForTaskToken');

const CHILD = { StartAt: 'Echo', States: { Echo: { Type: 'Pass', End: true } } };

function parent(resource: string, parameters: Record<string, unknown> = {}) {
  return {
    StartAt: 'Child',
    States: { Child: { Type: 'Task', Resource: resource, Parameters: { StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:child', Input: { n: 1 }, ...parameters }, End: true } },
  };
}

s('the hook starts the child instead of stateMachines, with the parent and the name; undefined and a thrown StatesError fail the task', async () => {
  const requests: ChildExecutionRequest[] = [];
  const child = new StateMachine(CHILD, { name: 'child' });
  const startChildExecution = (request: ChildExecutionRequest) => {
    requests.push(request);
    if (request.name === 'taken') throw new StatesError('StepFunctions.ExecutionAlreadyExistsException', 'taken');
    if (request.name === 'none') return undefined;
    const execution = child.start(request.input, { name: request.name });
    return { executionArn: execution.executionArn, stateMachineArn: 'arn:hosted', result: execution.result, history: execution.history };
  };
  const run = (name: string) => new StateMachine(parent('arn:aws:states:::states:startExecution.sync:2', { Name: name }), { name: 'parent', startChildExecution }).run({});
  const ok = await run('kid');
  assert.is(ok.status, 'SUCCEEDED');
  assert.equal([(ok.output as { Output: unknown }).Output, (ok.output as { StateMachineArn: string }).StateMachineArn], [{ n: 1 }, 'arn:hosted']);
  assert.equal([requests[0]!.name, requests[0]!.input], ['kid', { n: 1 }]);
  assert.match(requests[0]!.parentExecutionArn, ':execution:parent:');
  assert.equal([(await run('taken')).error, (await run('none')).error], ['StepFunctions.ExecutionAlreadyExistsException', 'StepFunctions.StateMachineDoesNotExistException']);
});

s('.waitForTaskToken starts the child with the token and waits for the answer, not for the child', async () => {
  const service = new TaskService();
  const child = new StateMachine(CHILD, { name: 'child' });
  const started: string[] = [];
  const machine = new StateMachine(parent('arn:aws:states:::states:startExecution.waitForTaskToken', { Input: { 'token.$': '$$.Task.Token' } }), {
    stateMachines: [child],
    taskService: service,
  });
  const execution = machine.start({});
  for await (const event of execution.events()) {
    if (event.type !== 'TaskSubmitted') continue;
    started.push((JSON.parse((event.taskSubmittedEventDetails as { output: string }).output) as { ExecutionArn: string }).ExecutionArn);
    break;
  }
  assert.match(started[0]!, ':execution:child:');
  const token = (execution.history.find((event) => event.type === 'TaskScheduled')!.taskScheduledEventDetails as { parameters: string }).parameters;
  service.sendTaskSuccess((JSON.parse(token) as { Input: { token: string } }).Input.token, { answered: true });
  assert.equal(await execution.result, { status: 'SUCCEEDED', output: { answered: true } });
});

s.run();
