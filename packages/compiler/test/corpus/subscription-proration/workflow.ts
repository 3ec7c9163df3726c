import { lambda, workflow, WorkflowError } from '@typestep/dsl';

type Plan = { id: string; monthlyCents: number; seats: number };
interface ChangeRequest { subscriptionId: string; newPlanId: string; effective: string }

const getSubscription = lambda<{ id: string }, { planId: string; periodStart: string; periodEnd: string; seatsUsed: number }>('${GetSubArn}');
const getPlans = lambda<Record<string, never>, { plans: Plan[] }>('${GetPlansArn}');
const charge = lambda<{ subscriptionId: string; amountCents: number; description: string }, { invoiceId: string }>('${ChargeArn}');
const credit = lambda<{ subscriptionId: string; amountCents: number }, { creditId: string }>('${CreditArn}');
const switchPlan = lambda<{ subscriptionId: string; planId: string }, void>('${SwitchArn}');

const DAY_MS = 86_400_000;

export const changePlan = workflow('ChangePlan', async (req: ChangeRequest) => {
  const [sub, { plans }] = await Promise.all([getSubscription({ id: req.subscriptionId }), getPlans({})]);
  const current = plans.find((p) => p.id === sub.planId);
  const next = plans.find((p) => p.id === req.newPlanId);
  if (!current || !next) throw new WorkflowError('UnknownPlan', `no plan ${!current ? sub.planId : req.newPlanId}`);
  if (next.seats < sub.seatsUsed) throw new WorkflowError('TooManySeats', `${sub.seatsUsed} seats in use, ${next.id} allows ${next.seats}`);

  const start = Date.parse(sub.periodStart);
  const end = Date.parse(sub.periodEnd);
  const at = Math.min(Math.max(Date.parse(req.effective), start), end);
  const remaining = (end - at) / (end - start);
  const delta = Math.round((next.monthlyCents - current.monthlyCents) * remaining);
  const days = Math.round((end - at) / DAY_MS);

  let receipt: { kind: 'charge' | 'credit' | 'none'; id?: string } = { kind: 'none' };
  if (delta > 0) {
    const { invoiceId } = await charge({ subscriptionId: req.subscriptionId, amountCents: delta, description: `Upgrade to ${next.id} (${days} days)` });
    receipt = { kind: 'charge', id: invoiceId };
  } else if (delta < 0) {
    const { creditId } = await credit({ subscriptionId: req.subscriptionId, amountCents: -delta });
    receipt = { kind: 'credit', id: creditId };
  }
  await switchPlan({ subscriptionId: req.subscriptionId, planId: next.id });
  return { from: current.id, to: next.id, delta, days, receipt };
});
