// try/catch, ts2asl style: the caught error is ASL's error output ({ Error, Cause }).
import * as asl from '@ts2asl/asl-lib';

export const ChargeOrder = asl.deploy.asStateMachine(async (input: { orderId: string; amount: number }) => {
  try {
    const charged = await charge({ orderId: input.orderId, amount: input.amount });
    return { status: 'charged', chargeId: charged.chargeId };
  } catch (err) {
    const error = (err as asl.AslError).Error;
    const notice = await notifyFailure({ orderId: input.orderId, error });
    return { status: 'failed', error, notified: notice.notified };
  }
});

export const charge = asl.deploy.asLambda(async (input: { orderId: string; amount: number }): Promise<{ chargeId: string }> => {
  throw new Error('handled by the bench');
});
export const notifyFailure = asl.deploy.asLambda(
  async (input: { orderId: string; error: string }): Promise<{ notified: boolean }> => {
    throw new Error('handled by the bench');
  },
);
