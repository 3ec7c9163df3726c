import * as ts from '@typestep/dsl';
import { dynamodb, sns, workflow } from '@typestep/dsl';

interface Report {
  orderId: string;
  lines: number;
}

const notify = sns.publish({ name: 'Notify' });
const saveOrder = dynamodb.putItem();
const audit = ts.lambda<Report, { stored: boolean }>('${AuditFunctionArn}');

export const writeReport = workflow('WriteReport', async (report: Report) => {
  await saveOrder({ TableName: 'reports', Item: { id: { S: report.orderId } } });
  return { written: report.lines };
});

export const closeOrder = workflow('CloseOrder', async (orderId: string) => {
  const { MessageId } = await notify({ TopicArn: '${Topic}', Message: { orderId } });
  const { written } = await writeReport({ orderId, lines: 3 });
  const { stored } = await audit({ orderId, lines: written });
  return { messageId: MessageId, stored };
});
