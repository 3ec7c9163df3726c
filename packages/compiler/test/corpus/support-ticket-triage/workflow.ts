import { lambda, sqs, workflow } from '@typestep/dsl';

interface Ticket { id: string; subject: string; body: string; customerTier: 'free' | 'pro' | 'enterprise'; email: string }
type Priority = 'P1' | 'P2' | 'P3';

const classify = lambda<{ text: string }, { category: 'billing' | 'bug' | 'question' | 'outage'; sentiment: number }>('${ClassifyArn}');
const route = sqs.sendMessage({ name: 'Route ticket' });
const autoReply = lambda<{ to: string; ticketId: string; template: string }, void>('${AutoReplyArn}');

export const triageTicket = workflow('TriageTicket', async (ticket: Ticket) => {
  const text = `${ticket.subject}\n${ticket.body}`
    .replace(/\b\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{4}\b/g, '[card]')
    .replace(/[\w.+-]+@[\w-]+\.[\w.]+/g, '[email]');
  const { category, sentiment } = await classify({ text });

  let priority: Priority;
  switch (category) {
    case 'outage':
      priority = 'P1';
      break;
    case 'bug':
    case 'billing':
      priority = ticket.customerTier === 'enterprise' || sentiment < -0.5 ? 'P1' : 'P2';
      break;
    default:
      priority = 'P3';
  }
  if (/urgent|asap|down/i.test(ticket.subject) && priority === 'P3') priority = 'P2';

  const queue = priority === 'P1' ? '${OnCallQueueUrl}' : `\${${category[0].toUpperCase()}${category.slice(1)}QueueUrl}`;
  await route({ QueueUrl: queue, MessageBody: { ticketId: ticket.id, priority, category, redacted: text } });
  if (priority !== 'P1') await autoReply({ to: ticket.email, ticketId: ticket.id, template: `ack-${priority.toLowerCase()}` });
  return { id: ticket.id, priority, category, queue, redacted: text.includes('[card]') || text.includes('[email]') };
});
