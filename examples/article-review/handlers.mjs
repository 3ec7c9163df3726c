// Local stand-ins for the author's revision tool and the CMS, keyed by task name (the exports of
// workflow.ts). The editors answer the callbacks themselves: see README.md.
export default {
  reviseDraft: ({ draftKey, notes }) => {
    console.error(`revising ${draftKey}: ${notes}`);
    return { draftKey: draftKey.replace(/(\d+)\.md$/, (_, n) => `${Number(n) + 1}.md`) };
  },
  publishArticle: ({ articleId }) => ({ url: `https://example.com/articles/${articleId}` }),
};
