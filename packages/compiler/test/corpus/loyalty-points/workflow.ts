import { dynamodb, lambda, workflow } from '@typestep/dsl';

interface Purchase { customerId: string; orderId: string; amountCents: number; category: string }

const MULTIPLIERS: Record<string, number> = { electronics: 1, grocery: 2, travel: 3 };
const TIERS = [
  { name: 'gold', min: 5000 },
  { name: 'silver', min: 1000 },
  { name: 'bronze', min: 0 },
] as const;

const getAccount = dynamodb.getItem({ name: 'Get loyalty account' });
const saveAccount = dynamodb.updateItem({ name: 'Save loyalty account' });
const sendTierUpgrade = lambda<{ customerId: string; tier: string }, void>('${TierUpgradeArn}');

export const awardPoints = workflow('AwardPoints', async (purchase: Purchase) => {
  const res = await getAccount({ TableName: '${LoyaltyTable}', Key: { pk: { S: purchase.customerId } }, ConsistentRead: true });
  const item = res.Item;
  const balance = item && 'N' in item.points ? parseInt(item.points.N, 10) : 0;
  const oldTier = item && 'S' in item.tier ? item.tier.S : 'bronze';

  const earned = Math.floor(purchase.amountCents / 100) * (MULTIPLIERS[purchase.category] ?? 1);
  const newBalance = balance + earned;
  const tier = TIERS.find((t) => newBalance >= t.min)!.name;

  await saveAccount({
    TableName: '${LoyaltyTable}',
    Key: { pk: { S: purchase.customerId } },
    UpdateExpression: 'SET points = :p, tier = :t, lastOrder = :o',
    ExpressionAttributeValues: { ':p': { N: `${newBalance}` }, ':t': { S: tier }, ':o': { S: purchase.orderId } },
  });
  if (tier !== oldTier) await sendTierUpgrade({ customerId: purchase.customerId, tier });
  return { earned, balance: newBalance, tier, upgraded: tier !== oldTier, newMember: !item };
});
