import { callback, dynamodb, sleep, workflow, WorkflowError } from '@typestep/dsl';

interface SurveyRequest { customerId: string; orderId: string; email: string }
interface SurveyAnswer { score: number; comment?: string }

const askForFeedback = callback<{ TopicArn: string; Message: { token: string; email: string; orderId: string } }, SurveyAnswer>('arn:aws:states:::sns:publish', {
  name: 'Ask for feedback',
  timeoutSeconds: 604800,
});
const saveAnswer = dynamodb.putItem({ name: 'Save answer' });

export const collectFeedback = workflow('CollectFeedback', async (request: SurveyRequest) => {
  await sleep(7 * 24 * 60 * 60);
  let answer: SurveyAnswer;
  try {
    answer = await askForFeedback((token) => ({ TopicArn: '${SurveysTopicArn}', Message: { token, email: request.email, orderId: request.orderId } }));
  } catch (error) {
    if (error instanceof WorkflowError && error.name === 'States.Timeout') return { orderId: request.orderId, answered: false };
    throw error;
  }
  if (answer.score < 0 || answer.score > 10) throw new WorkflowError('InvalidScore', String(answer.score));
  const category = answer.score >= 9 ? 'promoter' : answer.score >= 7 ? 'passive' : 'detractor';
  await saveAnswer({
    TableName: '${FeedbackTable}',
    Item: {
      pk: { S: request.customerId },
      sk: { S: request.orderId },
      score: { N: String(answer.score) },
      category: { S: category },
      comment: { S: answer.comment ?? '' },
    },
  });
  return { orderId: request.orderId, answered: true, category };
});
