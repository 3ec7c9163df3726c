import { context, lambda, sleep, sns, workflow } from '@typestep/dsl';

interface OverdueInvoice { invoiceId: string; customerEmail: string; amountCents: number; dueDate: string; lateFeePercent?: number }

const isPaid = lambda<{ invoiceId: string }, { paid: boolean; paidAt?: string }>('${InvoicePaidArn}');
const sendReminder = lambda<{ to: string; subject: string; body: string; correlationId: string }, void>('${SendReminderArn}');
const handToCollections = sns.publish({ name: 'Hand to collections' });

const SCHEDULE = [
  { afterDays: 3, tone: 'friendly' },
  { afterDays: 7, tone: 'firm' },
  { afterDays: 14, tone: 'final' },
] as const;

export const dunInvoice = workflow('DunInvoice', async (invoice: OverdueInvoice) => {
  const { execution } = context();
  let elapsed = 0;
  let fee = 0;
  for (const step of SCHEDULE) {
    await sleep((step.afterDays - elapsed) * 86400);
    elapsed = step.afterDays;
    const status = await isPaid({ invoiceId: invoice.invoiceId });
    if (status.paid) return { invoiceId: invoice.invoiceId, outcome: 'PAID', paidAt: status.paidAt ?? null, remindersSent: SCHEDULE.indexOf(step), fee };
    if (step.tone === 'final') fee = Math.round((invoice.amountCents * (invoice.lateFeePercent ?? 5)) / 100);
    const amount = ((invoice.amountCents + fee) / 100).toFixed(2);
    await sendReminder({
      to: invoice.customerEmail,
      subject: step.tone === 'final' ? `FINAL NOTICE: invoice ${invoice.invoiceId}` : `Invoice ${invoice.invoiceId} is overdue`,
      body: `Please pay ${amount} (due ${invoice.dueDate}).`,
      correlationId: `${execution.name}/${step.afterDays}`,
    });
  }
  await handToCollections({ TopicArn: '${CollectionsTopicArn}', Message: { invoiceId: invoice.invoiceId, amountCents: invoice.amountCents + fee, execution: execution.id } });
  return { invoiceId: invoice.invoiceId, outcome: 'COLLECTIONS', paidAt: null, remindersSent: SCHEDULE.length, fee };
});
