// Branching: one Lambda per branch of an if / else if / else.
import { workflow, lambda } from '@typestep/dsl';

interface Ticket { id: string; priority: string; amount: number }
interface Handled { handler: string; queue: string }

const escalate = lambda<{ id: string }, Handled>('arn:aws:lambda:us-east-1:123456789012:function:escalate');
const review = lambda<{ id: string; amount: number }, Handled>('arn:aws:lambda:us-east-1:123456789012:function:review');
const autoClose = lambda<{ id: string }, Handled>('arn:aws:lambda:us-east-1:123456789012:function:autoClose');

export const routeTicket = workflow('RouteTicket', async (input: Ticket) => {
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
