// Branching, ts2asl style: one Lambda per branch of an if / else if / else.
import * as asl from '@ts2asl/asl-lib';

interface Ticket { id: string; priority: string; amount: number }
interface Handled { handler: string; queue: string }

export const RouteTicket = asl.deploy.asStateMachine(async (input: Ticket) => {
  let handled: Handled;
  if (input.priority === 'high') {
    handled = await escalate({ id: input.id });
  } else if (input.amount > 100) {
    handled = await review({ id: input.id, amount: input.amount });
  } else {
    handled = await autoClose({ id: input.id });
  }
  return { id: input.id, handler: handled.handler, queue: handled.queue };
});

export const escalate = asl.deploy.asLambda(async (input: { id: string }): Promise<Handled> => {
  throw new Error('handled by the bench');
});
export const review = asl.deploy.asLambda(async (input: { id: string; amount: number }): Promise<Handled> => {
  throw new Error('handled by the bench');
});
export const autoClose = asl.deploy.asLambda(async (input: { id: string }): Promise<Handled> => {
  throw new Error('handled by the bench');
});
