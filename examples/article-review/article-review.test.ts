import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mock, startWorkflow, testWorkflow, type HandlersOf } from '@typestep/testing';
import * as review from './workflow.js';

const article: review.Article = { id: 'a-9', title: 'Ports of the Baltic', author: 'jo', draftKey: 'drafts/a-9/1.md' };

const handlers = (overrides: HandlersOf<typeof review> = {}): HandlersOf<typeof review> => ({
  reviseDraft: ({ draftKey }) => ({ draftKey: draftKey.replace(/(\d+)\.md$/, (_, n: string) => `${Number(n) + 1}.md`) }),
  publishArticle: ({ articleId }) => ({ url: `https://example.com/articles/${articleId}` }),
  ...overrides,
});

const messageOf = (request: unknown) => (request as { Message: Record<string, unknown> }).Message;

const s = suite('example: article review (human approval with task tokens)');

s('the editor approves the first draft: published after one round', async () => {
  const running = startWorkflow(review.reviewArticle, { input: article, handlers: handlers() });
  const editor = await running.callback('askEditor');
  const { taskToken, ...request } = messageOf(editor.request);
  assert.type(taskToken, 'string');
  assert.equal(request, { articleId: 'a-9', title: 'Ports of the Baltic', draftKey: 'drafts/a-9/1.md', round: 1 });
  editor.succeed({ decision: 'approve' });
  const run = await running.result;
  assert.equal(run.output, { status: 'published', url: 'https://example.com/articles/a-9', rounds: 1 });
  assert.equal(run.calls('publishArticle')[0]!.input, { articleId: 'a-9', draftKey: 'drafts/a-9/1.md' });
});

s('changes requested twice: each revision goes back to the editor, the third draft is published', async () => {
  const running = startWorkflow(review.reviewArticle, { input: article, handlers: handlers() });
  (await running.callback('askEditor')).succeed({ decision: 'changes', notes: 'shorter intro' });
  const second = await running.callback('askEditor');
  assert.is(messageOf(second.request).draftKey, 'drafts/a-9/2.md');
  second.succeed({ decision: 'changes', notes: 'check the ferry times' });
  const third = await running.callback('askEditor');
  assert.is(messageOf(third.request).round, 3);
  third.succeed({ decision: 'approve' });
  const run = await running.result;
  assert.equal(run.output, { status: 'published', url: 'https://example.com/articles/a-9', rounds: 3 });
  assert.equal(run.calls('reviseDraft').map((call) => (call.input as { notes: string }).notes), ['shorter intro', 'check the ferry times']);
  assert.equal((run.calls('publishArticle')[0]!.input as { draftKey: string }).draftKey, 'drafts/a-9/3.md');
});

s('the editor rejects the article: nothing is published', async () => {
  const running = startWorkflow(review.reviewArticle, { input: article, handlers: handlers() });
  (await running.callback('askEditor')).fail('Rejected', 'off topic for this issue');
  const run = await running.result;
  assert.equal(run.output, { status: 'rejected', reason: 'off topic for this issue', by: 'editor' });
  assert.is(run.calls('publishArticle').length, 0);
});

s('the editor does not answer in two days: the chief editor decides', async () => {
  const running = startWorkflow(review.reviewArticle, { input: article, handlers: handlers() });
  // Nobody answers the editor's request: on the virtual clock its 2-day timeout passes at once.
  const chief = await running.callback('askChiefEditor');
  assert.is((chief.request as { QueueUrl: string }).QueueUrl, '${ChiefEditorQueueUrl}');
  chief.fail('Rejected', 'not this month');
  const run = await running.result;
  assert.equal(run.output, { status: 'rejected', reason: 'not this month', by: 'chief editor' });
  assert.is(run.elapsedSeconds, 2 * 86400);
  assert.ok(run.path.indexOf('Ask editor') < run.path.indexOf('Ask chief editor'), run.path.join('\n'));
  assert.is(run.state('Ask editor').failed, true);
});

s('nobody answers at all: the execution fails with the timeout', async () => {
  const run = await testWorkflow(review.reviewArticle, { input: article, handlers: handlers() });
  assert.equal([run.status, run.error], ['FAILED', 'States.Timeout']);
  assert.is(run.elapsedSeconds, 3 * 86400);
});

s('three rounds of changes: the review gives up', async () => {
  const running = startWorkflow(review.reviewArticle, { input: article, handlers: handlers() });
  for (let round = 1; round <= 3; round++) (await running.callback('askEditor')).succeed({ decision: 'changes', notes: `round ${round}` });
  const run = await running.result;
  assert.equal([run.status, run.error, run.cause], ['FAILED', 'Review.TooManyRounds', '"Ports of the Baltic" was not approved in 3 rounds']);
  assert.is(run.calls('reviseDraft').length, 3);
});

s('a failing publisher fails the execution after approval', async () => {
  const running = startWorkflow(review.reviewArticle, { input: article, handlers: handlers({ publishArticle: mock.fail('Cms.Unavailable', 'maintenance') }) });
  (await running.callback('askEditor')).succeed({ decision: 'approve' });
  const run = await running.result;
  assert.is(run.error, 'Cms.Unavailable');
});

s.run();
