import { lambda, sns, workflow, WorkflowError } from '@typestep/dsl';

enum RefundStatus {
  Approved = 'APPROVED',
  NeedsReview = 'NEEDS_REVIEW',
  Rejected = 'REJECTED',
}

interface RefundRequest { orderId: string; amount: string | number; reason: string }

const loadOrder = lambda<{ orderId: string }, { paid: number; refunded: number; placedAt: string; paymentId: string }>('${LoadOrderArn}');
const issueRefund = lambda<{ paymentId: string; amount: number }, { refundId: string }>('${IssueRefundArn}');
const flagForReview = sns.publish({ name: 'Flag for review' });

const REFUND_WINDOW_DAYS = 30;

export const processRefund = workflow('ProcessRefund', async (req: RefundRequest) => {
  const amount = typeof req.amount === 'string' ? parseFloat(req.amount) : req.amount;
  if (Number.isNaN(amount) || amount <= 0) throw new WorkflowError('InvalidAmount', `cannot refund ${req.amount}`);

  const order = await loadOrder({ orderId: req.orderId });
  const refundable = order.paid - order.refunded;
  const ageDays = Math.floor((Date.parse('2024-06-30T00:00:00Z') - new Date(order.placedAt).getTime()) / 86_400_000);

  let status: RefundStatus;
  if (amount > refundable) status = RefundStatus.Rejected;
  else if (ageDays > REFUND_WINDOW_DAYS || amount > 500) status = RefundStatus.NeedsReview;
  else status = RefundStatus.Approved;

  switch (status) {
    case RefundStatus.Approved: {
      const { refundId } = await issueRefund({ paymentId: order.paymentId, amount });
      return { status, refundId, remaining: +(refundable - amount).toFixed(2) };
    }
    case RefundStatus.NeedsReview:
      await flagForReview({ TopicArn: '${ReviewTopicArn}', Message: JSON.stringify({ orderId: req.orderId, amount, ageDays, reason: req.reason }) });
      return { status, ageDays };
    default:
      return { status, refundable };
  }
});
