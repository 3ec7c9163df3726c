import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mock, testWorkflow, type HandlersOf } from '@typestep/testing';
import * as billing from './workflow.js';

const customers: billing.Customer[] = [
  { id: 'c1', email: 'ana@example.com', unitPrice: 0.12 },
  { id: 'c2', email: 'ben@example.com', unitPrice: 0.1 },
  { id: 'c3', email: 'cy@example.com', unitPrice: 0.5 },
];
const usage: Record<string, number> = { c1: 1000, c2: 255, c3: 7 };

const handlers = (overrides: HandlersOf<typeof billing> = {}): HandlersOf<typeof billing> => ({
  listCustomers: mock.succeed({ customers }),
  meterUsage: ({ customerId }) => ({ units: usage[customerId]! }),
  renderPdf: ({ invoice }) => ({ pdfKey: `invoices/${invoice.invoiceId}.pdf` }),
  sendEmail: mock.succeed({ MessageId: 'ses-1' }),
  checkPayment: ({ invoiceId }) => ({ paid: invoiceId !== '2026-11-c2' }),
  ...overrides,
});
// The run starts on the 1st; the reminders wait until the 15th, 09:00.
const startTime = '2026-11-01T06:00:00Z';
const subjects = (run: { calls(task: string): Array<{ input: unknown }> }) =>
  run.calls('sendEmail').map((call) => (call.input as billing.SendEmailRequest).Content.Simple.Subject.Data);

const s = suite('example: monthly invoices');

s('every customer is invoiced; on the due date the one unpaid invoice gets a reminder', async () => {
  const run = await testWorkflow(billing.monthlyInvoices, { input: { month: '2026-11' }, handlers: handlers(), startTime });
  assert.equal(run.output, { invoiced: 3, total: 149, failed: [], reminded: ['2026-11-c2'] });
  assert.equal(subjects(run).sort(), ['Invoice 2026-11-c1', 'Invoice 2026-11-c2', 'Invoice 2026-11-c3', 'Reminder: invoice 2026-11-c2']);
  const emails = run.calls('sendEmail').map((call) => call.input as billing.SendEmailRequest);
  const first = emails.find((request) => request.Destination.ToAddresses[0] === 'ana@example.com')!;
  assert.is(first.Content.Simple.Body.Text.Data, 'Amount due by 2026-11-15: 120.00 EUR. PDF: invoices/2026-11-c1.pdf');
  assert.is(run.elapsedSeconds, 14 * 86400 + 3 * 3600);
  assert.equal(run.calls('checkPayment').map((call) => (call.input as { invoiceId: string }).invoiceId), ['2026-11-c1', '2026-11-c2', '2026-11-c3']);
});

s('one customer cannot be metered: the others are still invoiced, the failure is listed', async () => {
  const meterUsage = ({ customerId }: { customerId: string }) => {
    if (customerId === 'c3') throw Object.assign(new Error('no meter for c3'), { name: 'Metering.NotFound' });
    return { units: usage[customerId]! };
  };
  const run = await testWorkflow(billing.monthlyInvoices, { input: { month: '2026-11' }, handlers: handlers({ meterUsage }), startTime });
  assert.equal(run.output, { invoiced: 2, total: 145.5, failed: ['c3'], reminded: ['2026-11-c2'] });
  assert.is(run.calls('renderPdf').length, 2);
});

s('a busy meter is retried after 10 s', async () => {
  const run = await testWorkflow(billing.monthlyInvoices, {
    input: { month: '2026-11' },
    handlers: handlers({ listCustomers: mock.succeed({ customers: [customers[0]!] }), meterUsage: mock.failTimes(1, 'Metering.Busy', { units: 10 }) }),
    startTime,
  });
  assert.equal(run.calls('meterUsage').map((call) => call.attempt), [1, 2]);
  assert.is(run.output?.total, 1.2);
});

s('a run started after the due date sends the reminders at once', async () => {
  const run = await testWorkflow(billing.monthlyInvoices, { input: { month: '2026-11' }, handlers: handlers(), startTime: '2026-11-20T00:00:00Z' });
  assert.is(run.elapsedSeconds, 0);
  assert.equal(run.output?.reminded, ['2026-11-c2']);
});

s('no customer list: the run fails before anything is sent', async () => {
  const run = await testWorkflow(billing.monthlyInvoices, { input: { month: '2026-11' }, handlers: handlers({ listCustomers: mock.fail('Crm.Unavailable', 'down') }), startTime });
  assert.equal([run.status, run.error], ['FAILED', 'Crm.Unavailable']);
  assert.equal(run.path, ['List customers']);
  assert.is(run.calls('sendEmail').length, 0);
});

s.run();
