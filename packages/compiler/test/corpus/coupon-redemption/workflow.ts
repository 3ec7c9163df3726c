import { dynamodb, lambda, workflow, WorkflowError } from '@typestep/dsl';

interface Redemption { code: string; customerId: string; orderTotal: number }

const getCoupon = dynamodb.getItem({ name: 'Get coupon' });
const claimCoupon = dynamodb.updateItem({ name: 'Claim coupon' });
const applyDiscount = lambda<{ customerId: string; amount: number; code: string }, { applied: boolean }>('${ApplyDiscountArn}');

export const redeemCoupon = workflow('RedeemCoupon', async (r: Redemption) => {
  const code = r.code.trim().toUpperCase();
  if (!/^[A-Z0-9]{4,12}$/.test(code)) return { ok: false, reason: 'MALFORMED' };
  const { Item } = await getCoupon({ TableName: '${CouponsTable}', Key: { code: { S: code } } });
  if (!Item) return { ok: false, reason: 'UNKNOWN' };
  const percent = 'N' in Item.percent ? Number(Item.percent.N) : 0;
  const expires = 'S' in Item.expires ? Item.expires.S : '1970-01-01';
  if (expires < '2024-06-15') return { ok: false, reason: 'EXPIRED', expires };

  try {
    await claimCoupon({
      TableName: '${CouponsTable}',
      Key: { code: { S: code } },
      UpdateExpression: 'SET remaining = remaining - :one ADD redeemedBy :who',
      ConditionExpression: 'remaining > :zero AND NOT contains(redeemedBy, :id)',
      ExpressionAttributeValues: { ':one': { N: '1' }, ':zero': { N: '0' }, ':who': { SS: [r.customerId] }, ':id': { S: r.customerId } },
    });
  } catch (e) {
    if (e instanceof WorkflowError && e.name === 'DynamoDB.ConditionalCheckFailedException') return { ok: false, reason: 'ALREADY_USED_OR_EXHAUSTED' };
    throw e;
  }
  const amount = Math.round(r.orderTotal * percent) / 100;
  await applyDiscount({ customerId: r.customerId, amount, code });
  return { ok: true, code, amount };
});
