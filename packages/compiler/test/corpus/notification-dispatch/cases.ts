import { failure, type CorpusCase } from '../corpus-case.js';

const handlers = (overrides: Record<string, unknown> = {}) => () => ({
  '${RenderTemplateArn}': (i: any) => ({ subject: `Hello ${i.data.name}`, body: `Your code is ${i.data.code}` }),
  '${SendEmailArn}': () => ({ messageId: 'm1' }),
  'Send SMS': () => ({}),
  'Queue push': () => ({}),
  '${WebhookArn}': () => ({ status: 200 }),
  ...overrides,
});
const note = (channels: string[]) => ({ userId: 'u1', channels, template: 'otp', data: { name: 'Ann', code: '1234', phone: '+4912345' } });

export const cases: CorpusCase[] = [
  { name: 'email and sms', input: note(['email', 'sms', 'email']), handlers: handlers(), expected: { output: { delivered: ['email', 'sms'], failed: [], allDelivered: true } } },
  { name: 'email bounces', input: note(['email', 'push']), handlers: handlers({ '${SendEmailArn}': () => { throw failure('Bounced', 'mailbox full'); } }), expected: { output: { delivered: ['push'], failed: ['email'], allDelivered: false } } },
  { name: 'webhook 500', input: note(['webhook', 'sms']), handlers: handlers({ '${WebhookArn}': () => ({ status: 500 }) }), expected: { output: { delivered: ['sms'], failed: ['webhook'], allDelivered: false } } },
  { name: 'template missing', input: note(['email']), handlers: handlers({ '${RenderTemplateArn}': () => { throw failure('TemplateNotFound', 'otp'); } }), expected: { error: 'TemplateNotFound' } },
];
