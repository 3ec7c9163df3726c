import { activity, awsSdk, callback, lambda, workflow } from '@typestep/dsl';

/** An order as the shop sends it. */
interface Order {
  id: string;
  total: number;
  items: { sku: string; qty: number }[];
}

interface Charge {
  chargeId: string;
  status: 'captured' | 'declined';
}

const chargeCard = lambda<{ orderId: string; amount: number }, Charge>('${ChargeFunctionArn}', { name: 'Charge card' });
const readStock = awsSdk<{ Bucket: string; Key: string }, { Body: string }>('s3', 'getObject');
const askApproval = callback<{ token: string; orderId: string }, { approved: boolean }>('arn:aws:states:::sqs:sendMessage');
const pack = activity<Order, { parcels: number }>('arn:aws:states:us-east-1:123456789012:activity:pack');

function helper(order: Order): number {
  return order.items.length;
}

export const processOrder = workflow('ProcessOrder', async (order: Order) => {
  const charge: Charge = await chargeCard({ orderId: order.id, amount: order.total });
  await readStock({ Bucket: 'stock', Key: order.id });
  const approval: { approved: boolean } = await askApproval((token: string) => ({ token, orderId: order.id }));
  await pack(order);
  const count: number = helper(order);
  return { chargeId: charge.chargeId, approved: approval.approved, count, status: charge.status };
});
