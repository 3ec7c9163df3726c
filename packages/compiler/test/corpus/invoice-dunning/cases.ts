import { failure, type CorpusCase } from '../corpus-case.js';

const paidAfter = (checks: number) => () => {
  let n = 0;
  return {
    '${InvoicePaidArn}': () => (++n > checks ? { paid: true, paidAt: '2024-06-09' } : { paid: false }),
    '${SendReminderArn}': () => null,
    'Hand to collections': () => ({}),
  };
};
const invoice = { invoiceId: 'inv-1', customerEmail: 'ap@corp.com', amountCents: 12345, dueDate: '2024-06-01' };

export const cases: CorpusCase[] = [
  { name: 'paid after the first reminder', input: invoice, handlers: paidAfter(1), expected: { output: { invoiceId: 'inv-1', outcome: 'PAID', paidAt: '2024-06-09', remindersSent: 1, fee: 0 } } },
  { name: 'never paid', input: { ...invoice, lateFeePercent: 10 }, handlers: paidAfter(99), expected: { output: { invoiceId: 'inv-1', outcome: 'COLLECTIONS', paidAt: null, remindersSent: 3, fee: 1235 } } },
  { name: 'paid before any reminder', input: invoice, handlers: paidAfter(0), expected: { output: { invoiceId: 'inv-1', outcome: 'PAID', paidAt: '2024-06-09', remindersSent: 0, fee: 0 } } },
  { name: 'mail server rejects', input: invoice, handlers: () => ({ '${InvoicePaidArn}': () => ({ paid: false }), '${SendReminderArn}': () => { throw failure('MailRejected', 'spf'); } }), expected: { error: 'MailRejected' } },
];
