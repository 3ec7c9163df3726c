import { awsSdk, lambda, map, workflow } from '@typestep/dsl';

interface ImportRequest { bucket: string; key: string; batchSize?: number }
interface Row { email: string; name: string; plan: string }

const readObject = awsSdk<{ Bucket: string; Key: string }, { Body: string }>('s3', 'getObject', { name: 'Read CSV' });
const upsertCustomers = lambda<{ rows: Row[] }, { inserted: number; updated: number }>('${UpsertCustomersArn}', {
  retry: { errors: ['Throttled'], maxAttempts: 4, intervalSeconds: 2, backoffRate: 2 },
});

const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;

export const importCustomers = workflow('ImportCustomers', async (request: ImportRequest) => {
  const { Body } = await readObject({ Bucket: request.bucket, Key: request.key });
  const [header, ...lines] = Body.trim().split('\n');
  const columns = header.split(',').map((c) => c.trim().toLowerCase());
  const rejected: number[] = [];
  const rows: Row[] = [];
  lines.forEach((line, index) => {
    const cells = line.split(',').map((c) => c.trim());
    const record = Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ''])) as unknown as Row;
    if (!EMAIL.test(record.email)) rejected.push(index + 2);
    else rows.push({ ...record, email: record.email.toLowerCase() });
  });

  const size = request.batchSize ?? 2;
  const batches: Row[][] = [];
  for (let i = 0; i < rows.length; i += size) batches.push(rows.slice(i, i + size));

  const results = await map(batches, async (batch) => upsertCustomers({ rows: batch }), { maxConcurrency: 4 });
  const inserted = results.reduce((n, r) => n + r.inserted, 0);
  const updated = results.reduce((n, r) => n + r.updated, 0);
  return { batches: batches.length, inserted, updated, rejectedLines: rejected };
});
