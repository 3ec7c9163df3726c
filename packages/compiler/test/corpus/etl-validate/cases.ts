import type { CorpusCase } from '../corpus-case.js';

const rows = [
  { id: '1', email: 'Ann@Example.com ', amount: 12.5 },
  { id: '2', email: 'bob@example', amount: 3 },
  { id: '3', email: 'cy@example.org', amount: '7.25' },
  { id: '4', email: null, amount: 'x' },
  { id: '5', email: 'di@example.net', amount: -1 },
];
const handlers = (header = ['id', 'email', 'amount'], data: object[] = rows) => () => ({
  '${ReadFileArn}': () => ({ header, rows: data }),
  '${WriteCleanArn}': (i: any) => ({ written: i.rows.length }),
  '${ReportArn}': () => undefined,
});

export const cases: CorpusCase[] = [
  { name: 'mixed rows', input: { bucket: 'b', key: 'in/a.csv' }, handlers: handlers(), expected: { output: { written: 1, rejected: 4, issues: 5 } } },
  { name: 'too many issues', input: { bucket: 'b', key: 'in/a.csv', maxIssues: 2 }, handlers: handlers(), expected: { error: 'TooManyIssues' } },
  { name: 'bad header', input: { bucket: 'b', key: 'in/a.csv' }, handlers: handlers(['id', 'mail']), expected: { error: 'BadHeader' } },
  { name: 'all clean', input: { bucket: 'b', key: 'in/b.csv' }, handlers: handlers(undefined, [rows[0], rows[2]]), expected: { output: { written: 1, rejected: 1, issues: 1 } } },
];
