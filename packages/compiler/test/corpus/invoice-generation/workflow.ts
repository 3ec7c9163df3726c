import { dynamodb, lambda, workflow } from '@typestep/dsl';

interface LineItem { description: string; quantity: number; unitPriceCents: number; taxable: boolean }
interface InvoiceRequest { accountId: string; period: string; items: LineItem[]; taxRate: number; poNumber?: string }

const nextInvoiceNumber = lambda<{ accountId: string }, { seq: number }>('${InvoiceSequenceArn}');
const renderPdf = lambda<{ invoiceNumber: string; lines: string[]; totalCents: number }, { pdfKey: string }>('${RenderPdfArn}', { timeoutSeconds: 60 });
const saveInvoice = dynamodb.putItem({ name: 'Save invoice' });

export const generateInvoice = workflow('GenerateInvoice', async (req: InvoiceRequest) => {
  const subtotal = req.items.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0);
  const taxable = req.items.filter((item) => item.taxable).reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0);
  const tax = Math.round(taxable * req.taxRate);
  const totalCents = subtotal + tax;

  const { seq } = await nextInvoiceNumber({ accountId: req.accountId });
  const invoiceNumber = `INV-${req.period.replace('-', '')}-${String(seq).padStart(5, '0')}`;
  const money = (cents: number) => (cents / 100).toFixed(2);
  const lines = req.items.map((item) => `${item.quantity} x ${item.description} @ ${money(item.unitPriceCents)}`);
  lines.push(`Tax: ${money(tax)}`, `Total: ${money(totalCents)}`);

  const { pdfKey } = await renderPdf({ invoiceNumber, lines, totalCents });
  await saveInvoice({
    TableName: '${InvoicesTable}',
    Item: {
      pk: { S: `ACCOUNT#${req.accountId}` },
      sk: { S: `INVOICE#${invoiceNumber}` },
      total: { N: String(totalCents) },
      pdf: { S: pdfKey },
      ...(req.poNumber ? { po: { S: req.poNumber } } : {}),
    },
    ConditionExpression: 'attribute_not_exists(sk)',
  });
  return { invoiceNumber, total: money(totalCents), tax: money(tax), lineCount: req.items.length };
});
