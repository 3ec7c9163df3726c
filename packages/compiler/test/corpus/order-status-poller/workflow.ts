import { lambda, sleep, workflow, WorkflowError } from '@typestep/dsl';

type Status = 'PENDING' | 'PROCESSING' | 'SHIPPED' | 'CANCELLED';
interface StatusResponse { status: Status; updatedAt: string; carrier?: string }

const getStatus = lambda<{ orderId: string }, StatusResponse>('${GetStatusArn}');
const notify = lambda<{ orderId: string; message: string }, void>('${NotifyArn}');

const MAX_CHECKS = 5;

export const pollOrder = workflow('PollOrderStatus', async (input: { orderId: string; intervalSeconds?: number }) => {
  const interval = input.intervalSeconds ?? 30;
  const history: Status[] = [];
  let attempt = 0;
  let last: StatusResponse | undefined;
  while (attempt < MAX_CHECKS) {
    attempt++;
    last = await getStatus({ orderId: input.orderId });
    if (history[history.length - 1] !== last.status) history.push(last.status);
    if (last.status === 'SHIPPED' || last.status === 'CANCELLED') break;
    await sleep(interval * attempt);
  }
  if (!last || (last.status !== 'SHIPPED' && last.status !== 'CANCELLED')) {
    throw new WorkflowError('StillPending', `order ${input.orderId} not done after ${attempt} checks`);
  }
  const message = last.status === 'SHIPPED' ? `Your order shipped with ${last.carrier ?? 'our carrier'}` : 'Your order was cancelled';
  await notify({ orderId: input.orderId, message });
  return { orderId: input.orderId, final: last.status, checks: attempt, transitions: history.join(' -> ') };
});
