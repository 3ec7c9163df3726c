import type { Transaction } from './tasks.js';

export const DEFAULT_VAT = 0.19;

/** `2024-Q2` → the first and last day of the quarter. */
export function quarterRange(quarter: string): { from: string; to: string } {
  const [year, q] = quarter.split('-Q').map(Number);
  const firstMonth = (q - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { from: `${year}-${String(firstMonth).padStart(2, '0')}-01`, to: `${year}-${String(lastMonth).padStart(2, '0')}-${lastDay}` };
}

export function vatOf(t: Transaction): number {
  return Math.round(t.amountCents * (t.vatRate ?? DEFAULT_VAT));
}
