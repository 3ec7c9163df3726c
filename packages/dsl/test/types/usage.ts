// Type-level checks of the authoring surface: this file must type-check, and every line marked as an
// expected error must be one (an unused marker fails the check too).
import {
  activity,
  callback,
  dynamodb,
  glue,
  lambda,
  map,
  sns,
  workflow,
  type MapItemFailure,
  type Task,
  type Workflow,
} from '../../src/index.js';

const charge = lambda<{ orderId: string; amount: number }, { chargeId: string }>('${ChargeFunctionArn}');
const ask = callback<{ QueueUrl: string; MessageBody: { token: string } }, { approved: boolean }>('arn:aws:states:::sqs:sendMessage');
const review = activity<{ doc: number }, { verdict: 'ok' | 'reject' }>('${ReviewActivityArn}');
const getOrder = dynamodb.getItem();
const publish = sns.publish();
const importJob = glue.startJobRun();

const child: Workflow<{ n: number }, { doubled: number }> = workflow('Child', async (input: { n: number }) => ({ doubled: input.n * 2 }));
const noInput = workflow('NoInput', async () => 'done');

export const parent = workflow('Parent', async (order: { id: string; total: number; items: number[] }) => {
  const { chargeId }: { chargeId: string } = await charge({ orderId: order.id, amount: order.total });
  // @ts-expect-error amount must be a number
  await charge({ orderId: order.id, amount: '10' });
  const { approved }: { approved: boolean } = await ask((token: string) => ({ QueueUrl: 'q', MessageBody: { token } }));
  // @ts-expect-error a callback is called with a function of the token
  await ask({ QueueUrl: 'q', MessageBody: { token: 't' } });
  const { verdict } = await review({ doc: 1 });
  const v: 'ok' | 'reject' = verdict;
  const { Item } = await getOrder({ TableName: 'Orders', Key: { pk: { S: order.id } } });
  // @ts-expect-error DynamoDB numbers travel as strings
  await getOrder({ TableName: 'Orders', Key: { pk: { N: 1 } } });
  const { MessageId }: { MessageId: string } = await publish({ TopicArn: 't', Message: { id: order.id } });
  const { JobRunState } = await importJob({ JobName: 'nightly' });
  const { doubled }: { doubled: number } = await child({ n: 2 });
  const done: string = await noInput();
  const strict: number[] = await map(order.items, async (n) => n + 1);
  const tolerant: Array<number | MapItemFailure> = await map(order.items, async (n) => n + 1, { toleratedFailureCount: 1 });
  // @ts-expect-error a tolerant map may yield failures
  const notOnlyNumbers: number[] = await map(order.items, async (n) => n + 1, { toleratedFailureCount: 1 });
  const reuse: Task<{ orderId: string; amount: number }, { chargeId: string }> = charge;
  return { chargeId, approved, v, Item, MessageId, JobRunState, doubled, done, strict, tolerant, notOnlyNumbers, reuse: typeof reuse };
});

// @ts-expect-error run takes the workflow's input type
void parent.run({ id: 1, total: 1, items: [] });
void parent.run({ id: '1', total: 1, items: [] }, { handlers: { '${ChargeFunctionArn}': () => ({ chargeId: 'c' }) }, clock: 'virtual' });
