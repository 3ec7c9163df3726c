import { lambda, sns, workflow } from '@typestep/dsl';

enum Priority { Low = 'low', Normal = 'normal', High = 'high', Urgent = 'urgent' }
interface Ticket { id: string; priority: Priority; openedAt: string; assignee?: string; tags: string[] }

const SLA_HOURS: Record<Priority, number> = { [Priority.Low]: 72, [Priority.Normal]: 24, [Priority.High]: 8, [Priority.Urgent]: 1 };

const listOpen = lambda<{ queue: string }, { tickets: Ticket[]; now: string }>('${ListOpenArn}');
const reassign = lambda<{ ticketId: string; to: string }, { ok: boolean }>('${ReassignArn}');
const page = sns.publish({ name: 'Page on-call' });

export const escalate = workflow('SlaEscalation', async (input: { queue: string; onCall: string; managers: string[] }) => {
  const { tickets, now } = await listOpen({ queue: input.queue });
  const nowMs = new Date(now).getTime();
  const breached = tickets
    .map((t) => ({ ...t, ageHours: Math.floor((nowMs - new Date(t.openedAt).getTime()) / 3_600_000) }))
    .filter((t) => t.ageHours >= SLA_HOURS[t.priority])
    .sort((a, b) => b.ageHours - a.ageHours);

  let reassigned = 0;
  let paged = 0;
  for (const [i, ticket] of breached.entries()) {
    switch (ticket.priority) {
      case Priority.Urgent:
      case Priority.High:
        await page({ TopicArn: '${OnCallTopicArn}', Subject: `SLA breach ${ticket.id}`, Message: `${ticket.priority.toUpperCase()} ticket open ${ticket.ageHours}h` });
        paged++;
        break;
      default: {
        const to = input.managers[i % input.managers.length];
        if (ticket.assignee === to) continue;
        const { ok } = await reassign({ ticketId: ticket.id, to });
        if (ok) reassigned++;
      }
    }
  }
  return { checked: tickets.length, breached: breached.map((t) => `${t.id}:${t.ageHours}h`), reassigned, paged };
});
