// Assignment-heavy, ts2asl style: the same seven computed values between two Lambda calls.
// Avoided: `xs.length` (ts2asl emits the path `$.xs.length()`, which Step Functions rejects:
// functions are not supported in paths), and any `+ - * /` on run-time values (ts2asl folds
// only literals), and a comparison as a value: `const isGold = a === 'gold'` and
// `a === 'gold' ? x : y` both read `$.tmp.result[0]` of a boolean (States.Runtime, or the wrong
// branch), so the comparison sits in an `if`. Template strings become States.Format.
import * as asl from '@ts2asl/asl-lib';

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

export const AssignOffer = asl.deploy.asStateMachine(async (input: { customerId: string; campaign: string }) => {
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

// The bench registers handlers for these; the bodies are never deployed.
export const loadCustomer = asl.deploy.asLambda(async (input: { customerId: string }): Promise<Customer> => {
  throw new Error('handled by the bench');
});
export const sendOffer = asl.deploy.asLambda(async (input: Offer): Promise<{ messageId: string }> => {
  throw new Error('handled by the bench');
});
