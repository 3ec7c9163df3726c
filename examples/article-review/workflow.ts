// Human review with task tokens: an editor reads each draft and approves it or asks for changes;
// the author's revision goes back to the editor, up to three rounds. An editor who does not answer
// within two days hands the decision to the chief editor.
import { callback, lambda, workflow, WorkflowError } from '@typestep/dsl';

export interface Article {
  id: string;
  title: string;
  author: string;
  /** Where the draft lies (an S3 key); every revision is a new one. */
  draftKey: string;
}

/** What a reviewer sends back with SendTaskSuccess; SendTaskFailure('Rejected', reason) turns the article down. */
export type Review = { decision: 'approve' } | { decision: 'changes'; notes: string };

export type Outcome = { status: 'published'; url: string; rounds: number } | { status: 'rejected'; reason: string; by: string };

interface ReviewRequest {
  taskToken: string;
  articleId: string;
  title: string;
  draftKey: string;
  round: number;
}

const ONE_DAY = 24 * 60 * 60;
const MAX_ROUNDS = 3;

/** The editors' topic delivers the request (with its token) to the editors' review tool. */
export const askEditor = callback<{ TopicArn: string; Message: ReviewRequest }, Review>('arn:aws:states:::sns:publish', {
  name: 'Ask editor',
  timeoutSeconds: 2 * ONE_DAY,
});
export const askChiefEditor = callback<{ QueueUrl: string; MessageBody: ReviewRequest }, Review>('arn:aws:states:::sqs:sendMessage', {
  name: 'Ask chief editor',
  timeoutSeconds: ONE_DAY,
});
export const reviseDraft = lambda<{ articleId: string; draftKey: string; notes: string }, { draftKey: string }>('${ReviseDraftArn}', { name: 'Revise draft' });
export const publishArticle = lambda<{ articleId: string; draftKey: string }, { url: string }>('${PublishArticleArn}', { name: 'Publish article' });

export const reviewArticle = workflow('ReviewArticle', async (article: Article): Promise<Outcome> => {
  let draftKey = article.draftKey;
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const request = { articleId: article.id, title: article.title, draftKey, round };
    let review: Review;
    let reviewer = 'editor';
    try {
      try {
        review = await askEditor((token) => ({ TopicArn: '${EditorsTopicArn}', Message: { taskToken: token, ...request } }));
      } catch (e) {
        if (!(e instanceof WorkflowError && e.name === 'States.Timeout')) throw e;
        reviewer = 'chief editor';
        review = await askChiefEditor((token) => ({ QueueUrl: '${ChiefEditorQueueUrl}', MessageBody: { taskToken: token, ...request } }));
      }
    } catch (e) {
      if (e instanceof WorkflowError && e.name === 'Rejected') return { status: 'rejected', reason: e.message, by: reviewer };
      throw e;
    }
    if (review.decision === 'approve') {
      const { url } = await publishArticle({ articleId: article.id, draftKey });
      return { status: 'published', url, rounds: round };
    }
    draftKey = (await reviseDraft({ articleId: article.id, draftKey, notes: review.notes })).draftKey;
  }
  throw new WorkflowError('Review.TooManyRounds', `"${article.title}" was not approved in ${MAX_ROUNDS} rounds`);
});
