import { workflow } from '@typestep/dsl';

// Items that may be NaN, read by `join`, which the NaN analysis does not follow: the items are checked where they are made.
export const itemsJoined = workflow('ItemsJoined', async (input: { values: string[] }) => {
  const numbers = input.values.map((v) => Number(v));
  const positive = numbers.filter((n) => n > 0);
  return { joined: numbers.join(','), positive };
});
