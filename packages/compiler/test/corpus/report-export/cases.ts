import type { CorpusCase } from '../corpus-case.js';

const poller = (states: object[]) => {
  let n = 0;
  return () => states[Math.min(n++, states.length - 1)];
};
const handlers = (states: object[]) => () => ({
  '${StartQueryArn}': (i: any) => ({ queryId: `q-${i.reportId}` }),
  '${QueryStatusArn}': poller(states),
  '${ConvertArn}': (i: any) => ({ key: `exports/${i.queryId}.${i.format}`, bytes: 5000 }),
  '${PresignArn}': (i: any) => ({ url: `https://s3/${i.key}?ttl=${i.expiresIn}` }),
  '${MailArn}': () => null,
});
const req = { reportId: 'r1', format: 'csv', recipients: ['a@x.io', 'b@x.io'] };

export const cases: CorpusCase[] = [
  { name: 'ready after two polls', input: req, handlers: handlers([{ state: 'RUNNING' }, { state: 'SUCCEEDED', rows: 120 }]), expected: { output: { reportId: 'r1', rows: 120, delivered: 2, url: 'https://s3/exports/q-r1.csv?ttl=604800', sizeKb: 5 } } },
  { name: 'empty result', input: { ...req, filters: { region: 'none' } }, handlers: handlers([{ state: 'SUCCEEDED' }]), expected: { output: { reportId: 'r1', rows: 0, delivered: 0 } } },
  { name: 'query fails', input: req, handlers: handlers([{ state: 'FAILED', error: 'syntax error' }]), expected: { error: 'QueryFailed' } },
  { name: 'query never finishes', input: req, handlers: handlers([{ state: 'RUNNING' }]), expected: { error: 'QueryTimedOut' } },
];
