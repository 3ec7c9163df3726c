import { workflow } from '@typestep/dsl';

// A value that may be NaN and may be null cannot be told apart compiled.
export const ambiguous = workflow('Ambiguous', async (input: { text: string | null }) => {
  const n = input.text === null ? null : Number(input.text);
  return { missing: n === null };
});
