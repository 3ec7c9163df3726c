// Monthly invoices: every customer's usage is metered, priced, rendered and e-mailed, each customer
// on its own (one failure does not stop the others: Promise.allSettled); on the due date, the
// invoices still unpaid get a reminder.
import { awsSdk, lambda, sleepUntil, workflow } from '@typestep/dsl';

export interface Customer {
  id: string;
  email: string;
  /** Price of one unit of usage, in EUR. */
  unitPrice: number;
}

export interface Invoice {
  invoiceId: string;
  customerId: string;
  email: string;
  amount: number;
}

/** The part of SES v2's SendEmail request the invoices use. */
export interface SendEmailRequest {
  FromEmailAddress: string;
  Destination: { ToAddresses: string[] };
  Content: { Simple: { Subject: { Data: string }; Body: { Text: { Data: string } } } };
}

const BILLING = 'billing@example.com';
/** Invoices are due on the 15th, at 09:00 UTC. */
const DUE_DAY = '15T09:00:00Z';

export const listCustomers = lambda<{ month: string }, { customers: Customer[] }>('${ListCustomersArn}', { name: 'List customers' });
export const meterUsage = lambda<{ customerId: string; month: string }, { units: number }>('${MeterUsageArn}', {
  name: 'Meter usage',
  retry: { errors: ['Metering.Busy'], intervalSeconds: 10, maxAttempts: 3 },
});
export const renderPdf = lambda<{ invoice: Invoice }, { pdfKey: string }>('${RenderPdfArn}', { name: 'Render PDF' });
export const sendEmail = awsSdk<SendEmailRequest, { MessageId: string }>('sesv2', 'sendEmail', { name: 'Send e-mail' });
export const checkPayment = lambda<{ invoiceId: string }, { paid: boolean }>('${CheckPaymentArn}', { name: 'Check payment' });

const email = (to: string, subject: string, text: string): SendEmailRequest => ({
  FromEmailAddress: BILLING,
  Destination: { ToAddresses: [to] },
  Content: { Simple: { Subject: { Data: subject }, Body: { Text: { Data: text } } } },
});

export const monthlyInvoices = workflow('MonthlyInvoices', async (input: { month: string }) => {
  const { customers } = await listCustomers({ month: input.month });
  const outcomes = await Promise.allSettled(
    customers.map(async (customer) => {
      const { units } = await meterUsage({ customerId: customer.id, month: input.month });
      const amount = Math.round(units * customer.unitPrice * 100) / 100;
      const invoice: Invoice = { invoiceId: `${input.month}-${customer.id}`, customerId: customer.id, email: customer.email, amount };
      const { pdfKey } = await renderPdf({ invoice });
      await sendEmail(email(customer.email, `Invoice ${invoice.invoiceId}`, `Amount due by ${input.month}-15: ${amount.toFixed(2)} EUR. PDF: ${pdfKey}`));
      return invoice;
    }),
  );
  const invoices: Invoice[] = [];
  const failed: string[] = [];
  outcomes.forEach((outcome, i) => {
    if (outcome.status === 'fulfilled') invoices.push(outcome.value);
    else failed.push(customers[i]!.id);
  });

  await sleepUntil(`${input.month}-${DUE_DAY}`);
  const reminded: string[] = [];
  for (const invoice of invoices) {
    const { paid } = await checkPayment({ invoiceId: invoice.invoiceId });
    if (paid) continue;
    await sendEmail(email(invoice.email, `Reminder: invoice ${invoice.invoiceId}`, `${invoice.amount.toFixed(2)} EUR were due today.`));
    reminded.push(invoice.invoiceId);
  }
  const total = invoices.reduce((sum, invoice) => sum + invoice.amount, 0);
  return { invoiced: invoices.length, total: Math.round(total * 100) / 100, failed, reminded };
});
