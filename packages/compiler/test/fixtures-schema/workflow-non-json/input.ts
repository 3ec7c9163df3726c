import { lambda, workflow } from '@typestep/dsl';

interface Booking {
  id: string;
  start: Date;
}

const book = lambda<{ id: string }, { confirmation: bigint }>('${BookFunctionArn}');

export const reserve = workflow('Reserve', async (booking: Booking) => {
  await book({ id: booking.id });
  return { done: true as const, at: new Date() };
});
