import { failure, type CorpusCase } from '../corpus-case.js';

const items = [
  { description: 'Seats', quantity: 12, unitPriceCents: 1500, taxable: true },
  { description: 'Support', quantity: 1, unitPriceCents: 9999, taxable: false },
];
let puts: any[] = [];
const handlers = (overrides: Record<string, unknown> = {}) => () => ({
  '${InvoiceSequenceArn}': () => ({ seq: 42 }),
  '${RenderPdfArn}': (i: any) => ({ pdfKey: `pdf/${i.invoiceNumber}.pdf` }),
  'Save invoice': (i: any) => { puts.push(i); return {}; },
  ...overrides,
});

export const cases: CorpusCase[] = [
  { name: 'two items with tax', input: { accountId: 'acme', period: '2024-05', items, taxRate: 0.19 }, handlers: handlers(), expected: { output: { invoiceNumber: 'INV-202405-00042', total: '314.19', tax: '34.20', lineCount: 2 } } },
  { name: 'with a PO number', input: { accountId: 'acme', period: '2024-06', items: items.slice(0, 1), taxRate: 0.075, poNumber: 'PO-9' }, handlers: handlers(), expected: { output: { invoiceNumber: 'INV-202406-00042', total: '193.50', tax: '13.50', lineCount: 1 } } },
  { name: 'no items', input: { accountId: 'acme', period: '2024-07', items: [], taxRate: 0.2 }, handlers: handlers(), expected: { output: { invoiceNumber: 'INV-202407-00042', total: '0.00', tax: '0.00', lineCount: 0 } } },
  {
    name: 'duplicate invoice',
    input: { accountId: 'acme', period: '2024-05', items, taxRate: 0.19 },
    handlers: handlers({ 'Save invoice': () => { throw failure('DynamoDB.ConditionalCheckFailedException', 'The conditional request failed'); } }),
    expected: { error: 'DynamoDB.ConditionalCheckFailedException' },
  },
];
