import { failure, flaky, type CorpusCase } from '../corpus-case.js';

const texts: Record<number, [string, number]> = {
  1: ['The Quick brown fox, and the lazy dog.', 0.95],
  2: ['Invoice #123: total of 40 EUR', 0.7],
  3: ['quick QUICK quick!', 0.9],
};
const ocr = (i: any) => ({ text: texts[i.page][0], confidence: texts[i.page][1] });

export const cases: CorpusCase[] = [
  { name: 'three pages', input: { documentId: 'd1', pageCount: 3 }, handlers: () => ({ '${OcrPageArn}': ocr, '${IndexDocumentArn}': () => ({ indexed: true }) }), expected: { output: { documentId: 'd1', keywords: ['123', 'brown', 'dog', 'eur', 'fox'], lowConfidencePages: [2], meanConfidence: 0.85, indexed: true } } },
  { name: 'throttled OCR with custom stop words', input: { documentId: 'd2', pageCount: 1, stopWords: ['QUICK', 'lazy'] }, handlers: () => ({ '${OcrPageArn}': flaky(3, 'ProvisionedThroughputExceeded', ocr), '${IndexDocumentArn}': () => ({ indexed: true }) }), expected: { output: { documentId: 'd2', keywords: ['and', 'brown', 'dog', 'fox', 'the'], lowConfidencePages: [], meanConfidence: 0.95, indexed: true } } },
  { name: 'empty document', input: { documentId: 'd3', pageCount: 0 }, handlers: () => ({ '${OcrPageArn}': ocr, '${IndexDocumentArn}': () => ({ indexed: false }) }), expected: { output: { documentId: 'd3', keywords: [], lowConfidencePages: [], meanConfidence: 0, indexed: false } } },
  { name: 'unreadable page', input: { documentId: 'd4', pageCount: 2 }, handlers: () => ({ '${OcrPageArn}': () => { throw failure('UnreadablePage', 'blank'); }, '${IndexDocumentArn}': () => ({ indexed: true }) }), expected: { error: 'UnreadablePage' } },
];
