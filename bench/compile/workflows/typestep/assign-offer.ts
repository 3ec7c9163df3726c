// Assignment-heavy: seven computed values between two Lambda calls.
import { workflow, lambda } from '@typestep/dsl';

interface Customer { name: string; tier: string; city: string }
interface Offer {
  greeting: string;
  label: string;
  subject: string;
  headline: string;
  recipient: { name: string; city: string };
  tags: string[];
  code: string;
}

const loadCustomer = lambda<{ customerId: string }, Customer>('arn:aws:lambda:us-east-1:123456789012:function:loadCustomer');
const sendOffer = lambda<Offer, { messageId: string }>('arn:aws:lambda:us-east-1:123456789012:function:sendOffer');

export const assignOffer = workflow('AssignOffer', async (input: { customerId: string; campaign: string }) => {
  const customer = await loadCustomer({ customerId: input.customerId });
  const greeting = `Hello ${customer.name}`;
  const label = `${customer.tier}/${customer.city}/${input.customerId}`;
  let code = 'WELCOME';
  if (customer.tier === 'gold') code = 'GOLD10';
  const subject = `${input.campaign} for ${customer.city}`;
  const headline = `${greeting}, ${subject}`;
  const recipient = { name: customer.name, city: customer.city };
  const tags = [customer.tier, input.campaign];
  const sent = await sendOffer({ greeting, label, subject, headline, recipient, tags, code });
  return { messageId: sent.messageId, headline, label, code };
});
