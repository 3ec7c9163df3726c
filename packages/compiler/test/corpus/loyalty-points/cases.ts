import { failure, type CorpusCase } from '../corpus-case.js';

const accounts: Record<string, object> = {
  ann: { pk: { S: 'ann' }, points: { N: '990' }, tier: { S: 'bronze' } },
  bob: { pk: { S: 'bob' }, points: { N: '6000' }, tier: { S: 'gold' } },
};
const handlers = (overrides: Record<string, unknown> = {}) => () => ({
  'Get loyalty account': (i: any) => (accounts[i.Key.pk.S] ? { Item: accounts[i.Key.pk.S] } : {}),
  'Save loyalty account': () => ({}),
  '${TierUpgradeArn}': () => null,
  ...overrides,
});

export const cases: CorpusCase[] = [
  { name: 'upgrade to silver', input: { customerId: 'ann', orderId: 'o1', amountCents: 1299, category: 'grocery' }, handlers: handlers(), expected: { output: { earned: 24, balance: 1014, tier: 'silver', upgraded: true, newMember: false } } },
  { name: 'gold stays gold, unknown category', input: { customerId: 'bob', orderId: 'o2', amountCents: 50, category: 'books' }, handlers: handlers(), expected: { output: { earned: 0, balance: 6000, tier: 'gold', upgraded: false, newMember: false } } },
  { name: 'new member has no item', input: { customerId: 'cem', orderId: 'o3', amountCents: 25000, category: 'travel' }, handlers: handlers(), expected: { output: { earned: 750, balance: 750, tier: 'bronze', upgraded: false, newMember: true } } },
  { name: 'table throttled', input: { customerId: 'ann', orderId: 'o4', amountCents: 100, category: 'travel' }, handlers: handlers({ 'Get loyalty account': () => { throw failure('DynamoDB.ProvisionedThroughputExceededException', 'slow'); } }), expected: { error: 'DynamoDB.ProvisionedThroughputExceededException' } },
];
