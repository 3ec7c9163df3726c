import { lambda, map, workflow } from '@typestep/dsl';

interface DocumentJob { documentId: string; pageCount: number; language?: string; stopWords?: string[] }

const ocrPage = lambda<{ documentId: string; page: number; language: string }, { text: string; confidence: number }>('${OcrPageArn}', {
  retry: [
    { errors: ['ProvisionedThroughputExceeded'], maxAttempts: 5, intervalSeconds: 1, backoffRate: 2 },
    { errors: ['States.TaskFailed'], maxAttempts: 1, intervalSeconds: 3 },
  ],
});
const indexDocument = lambda<{ documentId: string; keywords: string[]; lowConfidencePages: number[] }, { indexed: boolean }>('${IndexDocumentArn}');

export const processDocument = workflow('ProcessDocument', async (job: DocumentJob) => {
  const pages = Array.from({ length: job.pageCount }, (_, i) => i + 1);
  const language = job.language ?? 'eng';
  const scanned = await map(pages, async (page) => ({ page, ...(await ocrPage({ documentId: job.documentId, page, language })) }), { maxConcurrency: 5 });

  const stop = new Set((job.stopWords ?? ['the', 'a', 'and', 'of']).map((w) => w.toLowerCase()));
  const words = scanned.flatMap((p) => p.text.toLowerCase().replace(/[^a-z0-9\s]/g, ' ').split(/\s+/)).filter((w) => w.length > 2 && !stop.has(w));
  const keywords = [...new Set(words)].sort();
  const lowConfidencePages = scanned.filter((p) => p.confidence < 0.8).map((p) => p.page);
  const meanConfidence = scanned.length ? scanned.reduce((s, p) => s + p.confidence, 0) / scanned.length : 0;

  const { indexed } = await indexDocument({ documentId: job.documentId, keywords, lowConfidencePages });
  return { documentId: job.documentId, keywords: keywords.slice(0, 5), lowConfidencePages, meanConfidence: Math.round(meanConfidence * 100) / 100, indexed };
});
