// try/catch around a Lambda call; the catch block calls another Lambda.
import { workflow, lambda, WorkflowError } from '@typestep/dsl';

const charge = lambda<{ orderId: string; amount: number }, { chargeId: string }>('arn:aws:lambda:us-east-1:123456789012:function:charge');
const notifyFailure = lambda<{ orderId: string; error: string }, { notified: boolean }>('arn:aws:lambda:us-east-1:123456789012:function:notifyFailure');

export const chargeOrder = workflow('ChargeOrder', async (input: { orderId: string; amount: number }) => {
  try {
    const charged = await charge({ orderId: input.orderId, amount: input.amount });
    return { status: 'charged', chargeId: charged.chargeId };
  } catch (err) {
    const error = (err as WorkflowError).name;
    const notice = await notifyFailure({ orderId: input.orderId, error });
    return { status: 'failed', error, notified: notice.notified };
  }
});
