import { dynamodb, lambda, sleep, workflow } from '@typestep/dsl';

interface Subscription { subscriptionId: string; customerId: string; plan: 'monthly' | 'yearly'; priceCents: number; currentPeriodEnd: string }

const PERIOD_DAYS = { monthly: 30, yearly: 365 } as const;
const RETRY_DAYS = [1, 3, 7];

const charge = lambda<{ customerId: string; amountCents: number; idempotencyKey: string }, { chargeId: string }>('${ChargeArn}', {
  retry: { errors: ['Lambda.ServiceException', 'Lambda.TooManyRequestsException'], maxAttempts: 2, intervalSeconds: 5 },
});
const updateSubscription = dynamodb.updateItem({ name: 'Update subscription' });
const sendDunningEmail = lambda<{ customerId: string; attempt: number }, void>('${DunningEmailArn}');

export const renewSubscription = workflow('RenewSubscription', async (sub: Subscription) => {
  const periodEnd = new Date(sub.currentPeriodEnd);
  const nextEnd = new Date(periodEnd.getTime() + PERIOD_DAYS[sub.plan] * 24 * 3600 * 1000);

  for (let attempt = 0; attempt <= RETRY_DAYS.length; attempt++) {
    try {
      const { chargeId } = await charge({ customerId: sub.customerId, amountCents: sub.priceCents, idempotencyKey: `${sub.subscriptionId}:${nextEnd.toISOString()}` });
      await updateSubscription({
        TableName: '${SubscriptionsTable}',
        Key: { id: { S: sub.subscriptionId } },
        UpdateExpression: 'SET periodEnd = :end, lastCharge = :charge',
        ExpressionAttributeValues: { ':end': { S: nextEnd.toISOString() }, ':charge': { S: chargeId } },
      });
      return { renewed: true, periodEnd: nextEnd.toISOString(), attempts: attempt + 1 };
    } catch (e: any) {
      if (e.name !== 'CardDeclined' || attempt === RETRY_DAYS.length) break;
      await sendDunningEmail({ customerId: sub.customerId, attempt: attempt + 1 });
      await sleep(RETRY_DAYS[attempt] * 86400);
    }
  }
  await updateSubscription({
    TableName: '${SubscriptionsTable}',
    Key: { id: { S: sub.subscriptionId } },
    UpdateExpression: 'SET #s = :s',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':s': { S: 'CANCELLED' } },
  });
  return { renewed: false, periodEnd: periodEnd.toISOString(), attempts: RETRY_DAYS.length + 1 };
});
