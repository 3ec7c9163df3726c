import { lambda, sns, workflow, WorkflowError } from '@typestep/dsl';

interface OrderLine { sku: string; qty: number; unitPrice: number }
interface Order { orderId: string; customerId: string; lines: OrderLine[]; couponCode?: string }

class PaymentDeclined extends WorkflowError {
  constructor(reason: string) {
    super('PaymentDeclined', reason);
  }
}

const reserveStock = lambda<{ orderId: string; lines: OrderLine[] }, { reservationId: string }>('${ReserveStockArn}');
const releaseStock = lambda<{ reservationId: string }, void>('${ReleaseStockArn}');
const chargeCard = lambda<{ customerId: string; amount: number }, { status: 'ok' | 'declined'; chargeId?: string; reason?: string }>(
  '${ChargeCardArn}',
  { retry: { errors: ['Lambda.TooManyRequestsException'], maxAttempts: 3, intervalSeconds: 1, backoffRate: 2 } },
);
const refundCharge = lambda<{ chargeId: string }, void>('${RefundChargeArn}');
const createShipment = lambda<{ orderId: string; reservationId: string }, { trackingNumber: string }>('${CreateShipmentArn}');
const notifyCustomer = sns.publish({ name: 'Notify customer' });

export const placeOrder = workflow('PlaceOrder', async (order: Order) => {
  const compensations: string[] = [];
  const subtotal = order.lines.reduce((sum, line) => sum + line.qty * line.unitPrice, 0);
  const amount = order.couponCode === 'TENOFF' ? Math.max(subtotal - 10, 0) : subtotal;

  const { reservationId } = await reserveStock({ orderId: order.orderId, lines: order.lines });
  compensations.push('stock');
  let chargeId: string | undefined;
  try {
    const charge = await chargeCard({ customerId: order.customerId, amount });
    if (charge.status === 'declined') throw new PaymentDeclined(charge.reason ?? 'unknown');
    chargeId = charge.chargeId;
    compensations.push('charge');
    const shipment = await createShipment({ orderId: order.orderId, reservationId });
    await notifyCustomer({ TopicArn: '${OrdersTopicArn}', Message: { orderId: order.orderId, tracking: shipment.trackingNumber } });
    return { orderId: order.orderId, amount, tracking: shipment.trackingNumber };
  } catch (err) {
    for (const step of compensations.reverse()) {
      if (step === 'charge' && chargeId) await refundCharge({ chargeId });
      if (step === 'stock') await releaseStock({ reservationId });
    }
    if (err instanceof PaymentDeclined) {
      return { orderId: order.orderId, declined: true, reason: err.message };
    }
    throw err;
  }
});
