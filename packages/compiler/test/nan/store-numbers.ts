import { workflow } from '@typestep/dsl';

// A NaN stored in an array is not followed by the compiler: it must fail the evaluation there.
export const storeNumbers = workflow('StoreNumbers', async (input: { values: string[] }) => ({ parsed: input.values.map((v) => Number(v)) }));
