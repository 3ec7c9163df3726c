// An order workflow: reserve stock, charge the card (retried while the payment service is unavailable,
// caught when the card is declined), then ship. `npm run build` compiles it to build/ProcessOrder.asl.json.
import { lambda, workflow, WorkflowError } from '@typestep/dsl';

/** An order as the shop sends it. */
export interface Order {
  id: string;
  email: string;
  items: Array<{ sku: string; qty: number }>;
}

/** What the workflow answers. */
export interface OrderResult {
  orderId: string;
  status: 'shipped' | 'payment-declined';
  total: number;
  trackingId: string | null;
}

// Each task is a Lambda function; `${…Arn}` placeholders are filled in when you deploy.
export const reserveStock = lambda<{ orderId: string; items: Order['items'] }, { reserved: boolean; total: number }>('${ReserveStockArn}');
export const chargeCard = lambda<{ orderId: string; amount: number }, { chargeId: string }>('${ChargeCardArn}', {
  // Retried with backoff (2 s, then 4 s) while the payment service is unavailable.
  retry: { errors: ['Payment.Unavailable'], maxAttempts: 3, intervalSeconds: 2, backoffRate: 2 },
});
export const shipOrder = lambda<{ orderId: string; email: string }, { trackingId: string }>('${ShipOrderArn}');

export const processOrder = workflow('ProcessOrder', async (order: Order): Promise<OrderResult> => {
  const stock = await reserveStock({ orderId: order.id, items: order.items });
  if (!stock.reserved) throw new WorkflowError('Order.OutOfStock', `order ${order.id}: an item is out of stock`);
  let paid = true;
  try {
    await chargeCard({ orderId: order.id, amount: stock.total });
  } catch {
    // Any other error of the charge (a declined card, or still unavailable after the retries) lands here.
    paid = false;
  }
  if (!paid) return { orderId: order.id, status: 'payment-declined', total: stock.total, trackingId: null };
  const shipment = await shipOrder({ orderId: order.id, email: order.email });
  return { orderId: order.id, status: 'shipped', total: stock.total, trackingId: shipment.trackingId };
});
