import { lambda, workflow } from '@typestep/dsl';

const echo = lambda('${EchoFunctionArn}');

export function makeWorkflow<T>() {
  return workflow('Generic', async (input: T) => {
    await echo(input);
    return { input };
  });
}
