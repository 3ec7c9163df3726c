import { lambda, sns, sqs, workflow } from '@typestep/dsl';

type Channel = 'email' | 'sms' | 'push' | 'webhook';
interface Notification { userId: string; channels: Channel[]; template: string; data: Record<string, string> }

const renderTemplate = lambda<{ template: string; data: Record<string, string> }, { subject: string; body: string }>('${RenderTemplateArn}');
const sendEmail = lambda<{ userId: string; subject: string; body: string }, { messageId: string }>('${SendEmailArn}');
const sendSms = sns.publish({ name: 'Send SMS' });
const enqueuePush = sqs.sendMessage({ name: 'Queue push' });
const callWebhook = lambda<{ userId: string; payload: unknown }, { status: number }>('${WebhookArn}');

export const dispatchNotification = workflow('DispatchNotification', async (n: Notification) => {
  const { subject, body } = await renderTemplate({ template: n.template, data: n.data });
  const channels = [...new Set(n.channels)];
  const results = await Promise.allSettled(
    channels.map(async (channel) => {
      switch (channel) {
        case 'email':
          await sendEmail({ userId: n.userId, subject, body });
          break;
        case 'sms':
          await sendSms({ PhoneNumber: n.data.phone, Message: body.slice(0, 140) });
          break;
        case 'push':
          await enqueuePush({ QueueUrl: '${PushQueueUrl}', MessageBody: { userId: n.userId, title: subject } });
          break;
        default:
          const { status } = await callWebhook({ userId: n.userId, payload: { subject, body } });
          if (status >= 400) throw new Error(`webhook answered ${status}`);
      }
      return channel;
    }),
  );
  const delivered = results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<Channel>).value);
  const failed = channels.filter((c) => !delivered.includes(c));
  return { delivered, failed, allDelivered: failed.length === 0 };
});
