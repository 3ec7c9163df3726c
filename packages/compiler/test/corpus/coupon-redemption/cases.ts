import { failure, type CorpusCase } from '../corpus-case.js';

const coupons: Record<string, object> = {
  SUMMER24: { code: { S: 'SUMMER24' }, percent: { N: '15' }, expires: { S: '2024-08-31' } },
  WINTER23: { code: { S: 'WINTER23' }, percent: { N: '20' }, expires: { S: '2024-02-28' } },
};
const handlers = (claim: unknown = () => ({})) => () => ({
  'Get coupon': (i: any) => (coupons[i.Key.code.S] ? { Item: coupons[i.Key.code.S] } : {}),
  'Claim coupon': claim as any,
  '${ApplyDiscountArn}': () => ({ applied: true }),
});

export const cases: CorpusCase[] = [
  { name: 'valid coupon', input: { code: ' summer24 ', customerId: 'c1', orderTotal: 79.99 }, handlers: handlers(), expected: { output: { ok: true, code: 'SUMMER24', amount: 12 } } },
  { name: 'expired', input: { code: 'winter23', customerId: 'c1', orderTotal: 10 }, handlers: handlers(), expected: { output: { ok: false, reason: 'EXPIRED', expires: '2024-02-28' } } },
  { name: 'unknown and malformed', input: { code: 'NOPE1', customerId: 'c1', orderTotal: 10 }, handlers: handlers(), expected: { output: { ok: false, reason: 'UNKNOWN' } } },
  { name: 'already used', input: { code: 'SUMMER24', customerId: 'c1', orderTotal: 10 }, handlers: handlers(() => { throw failure('DynamoDB.ConditionalCheckFailedException', 'The conditional request failed'); }), expected: { output: { ok: false, reason: 'ALREADY_USED_OR_EXHAUSTED' } } },
  { name: 'throttled claim is not swallowed', input: { code: 'SUMMER24', customerId: 'c1', orderTotal: 10 }, handlers: handlers(() => { throw failure('DynamoDB.ProvisionedThroughputExceededException', 'slow'); }), expected: { error: 'DynamoDB.ProvisionedThroughputExceededException' } },
];
