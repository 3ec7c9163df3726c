import { lambda, sleep, workflow } from '@typestep/dsl';

interface WebhookEvent { endpoint: string; eventId: string; payload: Record<string, unknown>; maxAttempts?: number }

const post = lambda<{ url: string; body: string; headers: Record<string, string> }, { status: number; retryAfter?: number }>('${HttpPostArn}');
const deadLetter = lambda<{ eventId: string; endpoint: string; lastStatus: number; attempts: number }, void>('${DeadLetterArn}');

export const deliverWebhook = workflow('DeliverWebhook', async (event: WebhookEvent) => {
  const maxAttempts = event.maxAttempts ?? 4;
  const body = JSON.stringify({ id: event.eventId, ...event.payload });
  const history: number[] = [];
  let attempt = 0;
  let waited = 0;
  while (true) {
    attempt++;
    const { status, retryAfter } = await post({ url: event.endpoint, body, headers: { 'content-type': 'application/json', 'x-attempt': String(attempt) } });
    history.push(status);
    if (status >= 200 && status < 300) break;
    const retryable = status === 429 || status >= 500;
    if (!retryable || attempt >= maxAttempts) {
      await deadLetter({ eventId: event.eventId, endpoint: event.endpoint, lastStatus: status, attempts: attempt });
      return { delivered: false, attempts: attempt, history, waited };
    }
    const delay = retryAfter ?? Math.min(2 ** attempt * 5, 60);
    waited += delay;
    await sleep(delay);
  }
  return { delivered: true, attempts: attempt, history, waited };
});
