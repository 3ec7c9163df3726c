import { failure, flaky, type CorpusCase } from '../corpus-case.js';

const labels: Record<string, object[]> = {
  'u/1.jpg': [{ name: 'Beach', confidence: 99 }],
  'u/2.jpg': [{ name: 'Violence', confidence: 85 }, { name: 'Crowd', confidence: 90 }],
  'u/3.jpg': [{ name: 'Explicit Nudity', confidence: 60 }],
  'u/4.jpg': [{ name: 'Hate Symbols', confidence: 97 }],
};
const detect = (i: any) => ({ labels: labels[i.url] ?? [] });
const images = [
  { id: 'i1', url: 'u/1.jpg', uploader: 'ann' },
  { id: 'i2', url: 'u/2.jpg', uploader: 'bob' },
  { id: 'i3', url: 'u/3.jpg', uploader: 'bob' },
  { id: 'i4', url: 'u/4.jpg', uploader: 'bob' },
];
const handlers = (detectHandler: unknown = detect) => () => ({ '${DetectModerationLabelsArn}': detectHandler as any, '${QuarantineArn}': (i: any) => ({ moved: i.imageIds.length }), 'Warn uploader': () => ({}) });

export const cases: CorpusCase[] = [
  { name: 'default threshold', input: { batchId: 'b1', images }, handlers: handlers(), expected: { output: { batchId: 'b1', approved: 2, quarantined: ['i2', 'i4'], offenders: { bob: 2 } } } },
  { name: 'strict mode, throttled once', input: { batchId: 'b2', images: images.slice(0, 3), strict: true }, handlers: handlers(flaky(1, 'Rekognition.ThrottlingException', detect)), expected: { output: { batchId: 'b2', approved: 1, quarantined: ['i2', 'i3'], offenders: { bob: 2 } } } },
  { name: 'empty batch', input: { batchId: 'b3', images: [] }, handlers: handlers(), expected: { output: { batchId: 'b3', approved: 0, quarantined: [], offenders: {} } } },
  { name: 'image unreachable', input: { batchId: 'b4', images }, handlers: handlers(() => { throw failure('Rekognition.InvalidS3ObjectException', 'no object'); }), expected: { error: 'Rekognition.InvalidS3ObjectException' } },
];
