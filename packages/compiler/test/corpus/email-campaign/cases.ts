import { failure, flaky, type CorpusCase } from '../corpus-case.js';

const segments: Record<string, string[]> = {
  vip: ['Ann@example.com', 'bob@example.com', ' carl@example.com'],
  trial: ['bob@example.com', 'dee@example.com', 'eve@example.com', 'fay@example.com'],
};
const handlers = (enqueue: unknown = () => ({})) => () => ({
  '${SegmentMembersArn}': (i: any) => ({ emails: segments[i.segment] ?? [] }),
  'Enqueue batch': enqueue as any,
  '${RecordCampaignArn}': () => null,
});

export const cases: CorpusCase[] = [
  { name: 'two segments deduplicated', input: { campaignId: 'spring', segments: ['vip', 'trial'], subject: 'Spring sale' }, handlers: handlers(), expected: { output: { recipients: 6, batches: 2, suppressed: 0 } } },
  { name: 'suppressions and throttling', input: { campaignId: 'spring', segments: ['vip', 'trial'], subject: 'x', batchSize: 4, suppressed: ['ANN@example.com', 'zed@example.com'] }, handlers: handlers(flaky(1, 'SQS.ThrottlingException', () => ({}))), expected: { output: { recipients: 5, batches: 2, suppressed: 2 } } },
  { name: 'empty segment', input: { campaignId: 'none', segments: ['ghosts'], subject: 'x' }, handlers: handlers(), expected: { output: { recipients: 0, batches: 0, suppressed: 0 } } },
  { name: 'queue missing', input: { campaignId: 'spring', segments: ['vip'], subject: 'x' }, handlers: handlers(() => { throw failure('SQS.QueueDoesNotExistException', 'no queue'); }), expected: { error: 'SQS.QueueDoesNotExistException' } },
];
