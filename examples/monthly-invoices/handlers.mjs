// Local stand-ins for the CRM, the usage meter, the PDF renderer, SES and the payments ledger, keyed
// by task name (the exports of workflow.ts). Ben has not paid by the 15th.
const customers = [
  { id: 'c1', email: 'ana@example.com', unitPrice: 0.12 },
  { id: 'c2', email: 'ben@example.com', unitPrice: 0.1 },
  { id: 'c3', email: 'cy@example.com', unitPrice: 0.5 },
];
const usage = { c1: 1000, c2: 255, c3: 7 };

export default {
  listCustomers: () => ({ customers }),
  meterUsage: ({ customerId }) => ({ units: usage[customerId] }),
  renderPdf: ({ invoice }) => ({ pdfKey: `invoices/${invoice.invoiceId}.pdf` }),
  sendEmail: ({ Destination, Content }) => {
    console.error(`to ${Destination.ToAddresses[0]}: ${Content.Simple.Subject.Data}`);
    return { MessageId: `ses-${Destination.ToAddresses[0]}` };
  },
  checkPayment: ({ invoiceId }) => ({ paid: !invoiceId.endsWith('-c2') }),
};
