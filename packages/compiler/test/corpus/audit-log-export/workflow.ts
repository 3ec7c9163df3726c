import { lambda, workflow } from '@typestep/dsl';

interface AuditEvent { id: string; actor: string; action: string; at: string; details?: Record<string, unknown> }

const query = lambda<{ from: string; to: string; cursor?: string }, { events: AuditEvent[]; cursor?: string }>('${QueryArn}');
const upload = lambda<{ key: string; body: string; contentType: string }, { etag: string }>('${UploadArn}');

function csvEscape(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const exportAuditLog = workflow('ExportAuditLog', async (input: { month: string; actions?: string[] }) => {
  const [year, month] = input.month.split('-').map(Number);
  const from = new Date(Date.UTC(year, month - 1, 1)).toISOString();
  const to = new Date(Date.UTC(year, month, 1)).toISOString();
  const lines = ['id,actor,action,at,details'];
  let cursor: string | undefined = undefined;
  let total = 0;
  for (let page = 0; page < 20; page++) {
    const result: { events: AuditEvent[]; cursor?: string } = await query({ from, to, cursor });
    for (const e of result.events) {
      if (input.actions && !input.actions.includes(e.action)) continue;
      lines.push([e.id, e.actor, e.action, e.at, e.details ? JSON.stringify(e.details) : ''].map(csvEscape).join(','));
      total++;
    }
    if (!result.cursor) break;
    cursor = result.cursor;
  }
  const { etag } = await upload({ key: `audit/${year}/${String(month).padStart(2, '0')}.csv`, body: lines.join('\n'), contentType: 'text/csv' });
  return { from, to, total, etag };
});
