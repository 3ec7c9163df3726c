import { lambda, sns, workflow } from '@typestep/dsl';

/** An order as the shop sends it. */
export interface Order {
  id: string;
  customer: { email: string };
  items: LineItem[];
  shipping: Shipping;
}

/** One line of an order. */
export interface LineItem {
  sku: string;
  /** How many; at least 1. */
  qty: number;
  unitPrice: number;
}

/** How the parcel travels: a discriminated union. */
export type Shipping = { method: 'standard' } | { method: 'pickup'; pointId: string };

/** What the workflow answers. */
export interface Receipt {
  orderId: string;
  chargeId: string;
  total: number;
  status: 'confirmed' | 'declined';
}

export const priceOrder = lambda<{ items: LineItem[] }, { total: number }>('${PriceFunctionArn}');
export const chargeCard = lambda<{ orderId: string; amount: number }, { chargeId: string; approved: boolean }>('${ChargeFunctionArn}');
export const sendReceipt = sns.publish({ name: 'Send receipt' });

export const processOrder = workflow('ProcessOrder', async (order: Order): Promise<Receipt> => {
  const { total } = await priceOrder({ items: order.items });
  const charge = await chargeCard({ orderId: order.id, amount: total });
  if (!charge.approved) return { orderId: order.id, chargeId: charge.chargeId, total, status: 'declined' };
  await sendReceipt({ TopicArn: '${ReceiptsTopicArn}', Message: { orderId: order.id, total, email: order.customer.email } });
  return { orderId: order.id, chargeId: charge.chargeId, total, status: 'confirmed' };
});
