import { awsSdk, lambda, workflow } from '@typestep/dsl';

interface CleanupRequest { bucket: string; prefix: string; retentionDays: number; now: string; keepDays?: string[] }

const listObjects = awsSdk<{ Bucket: string; Prefix: string }, { Contents?: { Key: string; LastModified: string; Size: number }[] }>('s3', 'listObjectsV2', { name: 'List logs' });
const deleteObjects = awsSdk<{ Bucket: string; Delete: { Objects: { Key: string }[]; Quiet: boolean } }, { Deleted?: { Key: string }[]; Errors?: { Key: string; Code: string }[] }>(
  's3',
  'deleteObjects',
  { name: 'Delete old logs' },
);
const reportFreed = lambda<{ bucket: string; bytes: number; files: number }, void>('${ReportFreedArn}');

const DAY_MS = 86_400_000;

export const cleanupLogs = workflow('CleanupLogs', async (req: CleanupRequest) => {
  const cutoff = new Date(new Date(req.now).getTime() - req.retentionDays * DAY_MS);
  const { Contents = [] } = await listObjects({ Bucket: req.bucket, Prefix: req.prefix });
  const keep = new Set(req.keepDays ?? []);
  const expired = Contents.filter((o) => new Date(o.LastModified) < cutoff && !keep.has(o.LastModified.slice(0, 10)));

  let deleted = 0;
  let bytes = 0;
  const errors: string[] = [];
  for (let i = 0; i < expired.length; i += 2) {
    const chunk = expired.slice(i, i + 2);
    const result = await deleteObjects({ Bucket: req.bucket, Delete: { Objects: chunk.map(({ Key }) => ({ Key })), Quiet: false } });
    const gone = new Set((result.Deleted ?? []).map((d) => d.Key));
    deleted += gone.size;
    bytes += chunk.filter((o) => gone.has(o.Key)).reduce((n, o) => n + o.Size, 0);
    errors.push(...(result.Errors ?? []).map((e) => `${e.Key}: ${e.Code}`));
  }
  if (deleted > 0) await reportFreed({ bucket: req.bucket, bytes, files: deleted });
  return { cutoff: cutoff.toISOString().slice(0, 10), scanned: Contents.length, deleted, freedMb: +(bytes / 1_048_576).toFixed(1), errors };
});
