// Order fulfilment: validate, hold a large order for review, reserve stock and charge the card side
// by side, pack every line, tell the customer. The TypeScript twin of ../hand-written-asl.
import { dynamodb, lambda, map, sleep, sns, workflow, WorkflowError } from '@typestep/dsl';

export interface OrderLine {
  sku: string;
  quantity: number;
  unitPrice: number;
}

export interface Order {
  orderId: string;
  customer: { email: string };
  lines: OrderLine[];
}

export interface Parcel {
  parcel: string;
  items: number;
}

/** Orders above this total wait a day for the fraud team before anything is charged. */
const REVIEW_THRESHOLD = 1000;
const ONE_DAY = 24 * 60 * 60;

export const validateOrder = lambda<Order, { valid: boolean }>('${ValidateOrderFunctionArn}', {
  name: 'Validate order',
  retry: { errors: ['Lambda.TooManyRequestsException'], intervalSeconds: 2, maxAttempts: 3, backoffRate: 2 },
});
export const reserveStock = dynamodb.updateItem({ name: 'Reserve stock' });
export const chargeCard = lambda<{ orderId: string; amount: number }, { chargeId: string; amount: number }>('${ChargeCardFunctionArn}', {
  name: 'Charge card',
  // A declined card is final; anything else (the provider throttling) is worth two more tries.
  retry: [
    { errors: ['Payment.Declined'], maxAttempts: 0 },
    { errors: ['States.ALL'], intervalSeconds: 5, maxAttempts: 2 },
  ],
});
export const packLine = lambda<{ sku: string; quantity: number; position: number }, Parcel>('${PackLineFunctionArn}', { name: 'Pack line' });
export const notifyCustomer = sns.publish({ name: 'Notify customer' });

/** The order cannot be fulfilled: the execution fails with this error. */
export class OrderRejected extends WorkflowError {}

export const fulfilOrder = workflow('FulfilOrder', async (order: Order) => {
  await validateOrder(order);
  const total = order.lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
  const reviewed = total > REVIEW_THRESHOLD;
  if (reviewed) await sleep(ONE_DAY);

  let charge: { chargeId: string; amount: number };
  try {
    const [, payment] = await Promise.all([
      reserveStock({
        TableName: 'Inventory',
        Key: { orderId: { S: order.orderId } },
        UpdateExpression: 'SET reserved = :skus',
        ExpressionAttributeValues: { ':skus': { SS: order.lines.map((line) => line.sku) } },
      }),
      chargeCard({ orderId: order.orderId, amount: total }),
    ]);
    charge = payment;
  } catch (e) {
    if (e instanceof WorkflowError && e.name === 'Payment.Declined') {
      throw new OrderRejected(`Payment for order ${order.orderId} was declined`);
    }
    throw e;
  }

  const parcels = await map(order.lines, async (line, index) => packLine({ sku: line.sku, quantity: line.quantity, position: index + 1 }), {
    maxConcurrency: 4,
  });
  await notifyCustomer({ TopicArn: '${OrdersTopicArn}', Message: `Order ${order.orderId} ships in ${parcels.length} parcel(s)` });
  return { orderId: order.orderId, total, reviewed, parcels: parcels.map((p) => p.parcel), chargeId: charge.chargeId };
});
