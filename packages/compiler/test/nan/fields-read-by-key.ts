import { workflow } from '@typestep/dsl';

// A field read under a computed key (`row[input.key]`): the NaN analysis follows fields only by name,
// so in this file a NaN is checked where it is written to a field instead.
export const fieldsReadByKey = workflow('FieldsReadByKey', async (input: { cost: string; key: 'cost' | 'qty' }) => {
  const row = { cost: Number(input.cost), qty: 1 };
  return { picked: row[input.key], cost: row.cost > 0 };
});
