import { lambda, sns, workflow, WorkflowError } from '@typestep/dsl';

interface CancelRequest { orderId: string; reason: string; requestedBy: string }
interface StoredOrder { status: 'PLACED' | 'PACKED' | 'SHIPPED' | 'CANCELLED'; paymentId: string; amount: number; reservationId: string }

const loadOrder = lambda<{ orderId: string }, StoredOrder>('${LoadOrderArn}');
const stopPacking = lambda<{ orderId: string }, { stopped: boolean }>('${StopPackingArn}');
const refund = lambda<{ paymentId: string; amount: number }, { refundId: string }>('${RefundArn}');
const releaseReservation = lambda<{ reservationId: string }, void>('${ReleaseReservationArn}');
const markCancelled = lambda<{ orderId: string; reason: string }, void>('${MarkCancelledArn}');
const notify = sns.publish({ name: 'Notify cancellation' });

export const cancelOrder = workflow('CancelOrder', async (request: CancelRequest) => {
  const order = await loadOrder({ orderId: request.orderId });
  if (order.status === 'CANCELLED') return { orderId: request.orderId, alreadyCancelled: true };
  if (order.status === 'SHIPPED') {
    throw new WorkflowError('TooLateToCancel', `order ${request.orderId} has shipped; start a return instead`);
  }
  if (order.status === 'PACKED') {
    const { stopped } = await stopPacking({ orderId: request.orderId });
    if (!stopped) throw new WorkflowError('TooLateToCancel', `order ${request.orderId} left the warehouse`);
  }

  const { refundId } = await refund({ paymentId: order.paymentId, amount: order.amount });
  await releaseReservation({ reservationId: order.reservationId });
  await markCancelled({ orderId: request.orderId, reason: request.reason });
  await notify({
    TopicArn: '${OrdersTopicArn}',
    Subject: 'Order cancelled',
    Message: { orderId: request.orderId, refundId, by: request.requestedBy },
  });
  return { orderId: request.orderId, refundId, refunded: order.amount };
});
