import type { CorpusCase } from '../corpus-case.js';

const sequence = (...statuses: string[]) => () => {
  let i = 0;
  return {
    '${GetStatusArn}': () => {
      const status = statuses[Math.min(i++, statuses.length - 1)];
      return { status, updatedAt: '2025-01-01T00:00:00Z', ...(status === 'SHIPPED' && i % 2 === 0 ? { carrier: 'UPS' } : {}) };
    },
    '${NotifyArn}': () => undefined,
  };
};

export const cases: CorpusCase[] = [
  { name: 'ships on third check', input: { orderId: 'o1' }, handlers: sequence('PENDING', 'PROCESSING', 'SHIPPED'), expected: { output: { orderId: 'o1', final: 'SHIPPED', checks: 3, transitions: 'PENDING -> PROCESSING -> SHIPPED' } } },
  { name: 'ships with carrier', input: { orderId: 'o2', intervalSeconds: 5 }, handlers: sequence('PENDING', 'SHIPPED'), expected: { output: { orderId: 'o2', final: 'SHIPPED', checks: 2, transitions: 'PENDING -> SHIPPED' } } },
  { name: 'cancelled immediately', input: { orderId: 'o3' }, handlers: sequence('CANCELLED'), expected: { output: { orderId: 'o3', final: 'CANCELLED', checks: 1, transitions: 'CANCELLED' } } },
  { name: 'never done', input: { orderId: 'o4' }, handlers: sequence('PENDING', 'PENDING', 'PROCESSING'), expected: { error: 'StillPending' } },
];
