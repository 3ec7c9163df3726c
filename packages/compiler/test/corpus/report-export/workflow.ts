import { lambda, sleep, workflow, WorkflowError } from '@typestep/dsl';

interface ExportRequest { reportId: string; format: 'csv' | 'xlsx'; recipients: string[]; filters?: Record<string, string> }

const startQuery = lambda<{ reportId: string; filters: Record<string, string> }, { queryId: string }>('${StartQueryArn}');
const queryStatus = lambda<{ queryId: string }, { state: 'RUNNING' | 'SUCCEEDED' | 'FAILED'; rows?: number; error?: string }>('${QueryStatusArn}');
const convert = lambda<{ queryId: string; format: string }, { key: string; bytes: number }>('${ConvertArn}');
const presign = lambda<{ key: string; expiresIn: number }, { url: string }>('${PresignArn}');
const mail = lambda<{ to: string; url: string; note: string }, void>('${MailArn}');

async function waitForQuery(queryId: string, maxPolls = 5): Promise<number> {
  for (let poll = 1; poll <= maxPolls; poll++) {
    const status = await queryStatus({ queryId });
    if (status.state === 'SUCCEEDED') return status.rows ?? 0;
    if (status.state === 'FAILED') throw new WorkflowError('QueryFailed', status.error ?? 'unknown');
    await sleep(poll * 30);
  }
  throw new WorkflowError('QueryTimedOut', `${queryId} still running after ${maxPolls} polls`);
}

async function deliver(key: string, recipients: string[], rows: number) {
  const { url } = await presign({ key, expiresIn: 7 * 24 * 3600 });
  for (const to of recipients) await mail({ to, url, note: `${rows} rows` });
  return url;
}

export const exportReport = workflow('ExportReport', async (req: ExportRequest) => {
  const { queryId } = await startQuery({ reportId: req.reportId, filters: req.filters ?? {} });
  const rows = await waitForQuery(queryId);
  if (rows === 0) return { reportId: req.reportId, rows, delivered: 0 };
  const file = await convert({ queryId, format: req.format });
  const url = await deliver(file.key, req.recipients, rows);
  return { reportId: req.reportId, rows, delivered: req.recipients.length, url, sizeKb: Math.ceil(file.bytes / 1024) };
});
