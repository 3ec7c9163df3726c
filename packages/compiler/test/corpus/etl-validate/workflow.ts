import { lambda, workflow, WorkflowError } from '@typestep/dsl';

interface Row { [column: string]: string | number | null }
interface ValidationIssue { row: number; column: string; problem: string }

const readFile = lambda<{ bucket: string; key: string }, { header: string[]; rows: Row[] }>('${ReadFileArn}');
const writeClean = lambda<{ key: string; rows: Row[] }, { written: number }>('${WriteCleanArn}');
const report = lambda<{ key: string; issues: ValidationIssue[] }, void>('${ReportArn}');

const REQUIRED = ['id', 'email', 'amount'];

export const validateFile = workflow('EtlValidate', async (input: { bucket: string; key: string; maxIssues?: number }) => {
  console.log('validating', input.key);
  const file = await readFile({ bucket: input.bucket, key: input.key });
  const missingColumns = REQUIRED.filter((c) => !file.header.includes(c));
  if (missingColumns.length) {
    throw new WorkflowError('BadHeader', `missing columns: ${missingColumns.join(', ')}`);
  }
  const issues: ValidationIssue[] = [];
  const clean: Row[] = [];
  file.rows.forEach((row, index) => {
    const problems: ValidationIssue[] = [];
    if (typeof row.email !== 'string' || !/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(row.email)) {
      problems.push({ row: index + 1, column: 'email', problem: 'invalid email' });
    }
    const amount = typeof row.amount === 'number' ? row.amount : parseFloat(String(row.amount ?? ''));
    if (Number.isNaN(amount) || amount < 0) problems.push({ row: index + 1, column: 'amount', problem: 'not a positive number' });
    if (problems.length === 0) clean.push({ ...row, email: String(row.email).trim().toLowerCase(), amount });
    else issues.push(...problems);
  });
  const limit = input.maxIssues ?? 10;
  if (issues.length > limit) {
    await report({ key: input.key, issues: issues.slice(0, limit) });
    throw new WorkflowError('TooManyIssues', `${issues.length} issues (limit ${limit})`);
  }
  const { written } = await writeClean({ key: input.key.replace(/\.csv$/, '.clean.json'), rows: clean });
  if (issues.length) await report({ key: input.key, issues });
  return { written, rejected: file.rows.length - clean.length, issues: issues.length };
});
