import { failure, type CorpusCase } from '../corpus-case.js';

const contents = [
  { Key: 'logs/a', LastModified: '2024-01-01T10:00:00Z', Size: 1048576 },
  { Key: 'logs/b', LastModified: '2024-02-20T10:00:00Z', Size: 2097152 },
  { Key: 'logs/c', LastModified: '2024-01-15T08:00:00Z', Size: 524288 },
  { Key: 'logs/d', LastModified: '2023-12-31T23:59:59Z', Size: 10 },
  { Key: 'logs/e', LastModified: '2024-01-05T00:00:00Z', Size: 3145728 },
];
const handlers = (list: object, overrides: Record<string, unknown> = {}) => () => ({
  'List logs': () => list,
  'Delete old logs': (i: any) => ({
    Deleted: i.Delete.Objects.filter((o: any) => o.Key !== 'logs/e'),
    Errors: i.Delete.Objects.filter((o: any) => o.Key === 'logs/e').map((o: any) => ({ Key: o.Key, Code: 'AccessDenied' })),
  }),
  '${ReportFreedArn}': () => null,
  ...overrides,
});
const req = { bucket: 'app-logs', prefix: 'logs/', retentionDays: 30, now: '2024-03-01T00:00:00Z' };

export const cases: CorpusCase[] = [
  { name: 'four expired, one denied', input: req, handlers: handlers({ Contents: contents }), expected: { output: { cutoff: '2024-01-31', scanned: 5, deleted: 3, freedMb: 1.5, errors: ['logs/e: AccessDenied'] } } },
  { name: 'keep a legal-hold day', input: { ...req, keepDays: ['2024-01-01'] }, handlers: handlers({ Contents: contents }), expected: { output: { cutoff: '2024-01-31', scanned: 5, deleted: 2, freedMb: 0.5, errors: ['logs/e: AccessDenied'] } } },
  { name: 'empty prefix has no Contents', input: req, handlers: handlers({}), expected: { output: { cutoff: '2024-01-31', scanned: 0, deleted: 0, freedMb: 0, errors: [] } } },
  { name: 'bucket missing', input: req, handlers: handlers({}, { 'List logs': () => { throw failure('S3.NoSuchBucketException', 'no bucket'); } }), expected: { error: 'S3.NoSuchBucketException' } },
];
