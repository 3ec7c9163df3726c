import { lambda, sqs, workflow } from '@typestep/dsl';

interface Employee { id: string; name: string; salaryCents: number; hoursOvertime?: number; bank?: string }
interface PayrollRun { month: string; employees: Employee[] }

const computeGross = lambda<{ employeeId: string; salaryCents: number; overtime: number }, { amount: number }>('${ComputeGrossArn}');
const computeTax = lambda<{ employeeId: string; gross: number }, { withheld: number }>('${ComputeTaxArn}');
const queuePayment = sqs.sendMessage({ name: 'Queue bank transfer' });

export const runPayroll = workflow('RunPayroll', async (run: PayrollRun) => {
  let totalGross = 0;
  let totalTax = 0;
  const missingBank: string[] = [];
  const payslips: string[] = [];
  for (const [i, employee] of run.employees.entries()) {
    const gross = (await computeGross({ employeeId: employee.id, salaryCents: employee.salaryCents, overtime: employee.hoursOvertime ?? 0 })).amount;
    const { withheld } = await computeTax({ employeeId: employee.id, gross });
    totalGross += gross;
    totalTax += withheld;
    if (!employee.bank) {
      missingBank.push(employee.name);
      continue;
    }
    await queuePayment({
      QueueUrl: '${PaymentsQueueUrl}',
      MessageBody: { ref: `${run.month}-${String(i + 1).padStart(3, '0')}`, iban: employee.bank, cents: gross - withheld },
      MessageGroupId: run.month,
    });
    payslips.push(`${employee.name}: ${((gross - withheld) / 100).toFixed(2)}`);
  }
  return { month: run.month, totalGross, totalTax, net: totalGross - totalTax, payslips, missingBank };
});
