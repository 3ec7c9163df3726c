import { lambda, workflow } from '@typestep/dsl';

interface ExportRequest { userId: string; email: string; sources: string[] }
interface SourceData { source: string; records: Record<string, unknown>[]; truncated: boolean }

const collect = lambda<{ userId: string; source: string }, SourceData>('${CollectArn}', { retry: { errors: ['Throttled'], maxAttempts: 3, intervalSeconds: 2, backoffRate: 2 } });
const writeArchive = lambda<{ key: string; files: { name: string; content: string }[] }, { url: string; bytes: number }>('${ArchiveArn}');
const sendEmail = lambda<{ to: string; subject: string; body: string }, void>('${EmailArn}');

function fileName(source: string): string {
  return source.toLowerCase().replace(/[^a-z0-9]+/g, '-') + '.json';
}

export const exportUserData = workflow('GdprExport', async (req: ExportRequest) => {
  const results = await Promise.all(req.sources.map((source) => collect({ userId: req.userId, source })));
  const files = results
    .filter((r) => r.records.length > 0)
    .map((r) => ({ name: fileName(r.source), content: JSON.stringify(r.records) }));
  const truncated = results.filter((r) => r.truncated).map((r) => r.source);
  const recordCount = results.reduce((n, r) => n + r.records.length, 0);
  const { url, bytes } = await writeArchive({ key: `exports/${req.userId}/export.zip`, files });
  const sizeKb = Math.ceil(bytes / 1024);
  let body = `Your data export is ready: ${url} (${sizeKb} KB, ${recordCount} records).`;
  if (truncated.length) body += `\nSome sources were truncated: ${truncated.join(', ')}.`;
  await sendEmail({ to: req.email, subject: 'Your data export', body });
  return { files: files.map((f) => f.name), recordCount, sizeKb, truncated };
});
