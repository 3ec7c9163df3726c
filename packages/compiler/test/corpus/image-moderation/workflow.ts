import { lambda, sns, workflow } from '@typestep/dsl';

interface ModerationBatch { batchId: string; images: { id: string; url: string; uploader: string }[]; strict?: boolean }
interface Label { name: string; confidence: number }

const detectLabels = lambda<{ url: string }, { labels: Label[] }>('${DetectModerationLabelsArn}', {
  retry: { errors: ['Rekognition.ThrottlingException'], maxAttempts: 3, intervalSeconds: 1, backoffRate: 1.5 },
});
const quarantine = lambda<{ imageIds: string[] }, { moved: number }>('${QuarantineArn}');
const warnUploader = sns.publish({ name: 'Warn uploader' });

const BLOCKED = ['Explicit Nudity', 'Violence', 'Hate Symbols'];

export const moderateImages = workflow('ModerateImages', async (batch: ModerationBatch) => {
  const threshold = batch.strict ? 50 : 80;
  const results = await Promise.all(
    batch.images.map(async (image) => {
      const { labels } = await detectLabels({ url: image.url });
      const hits = labels.filter((l) => BLOCKED.includes(l.name) && l.confidence >= threshold);
      return { id: image.id, uploader: image.uploader, ok: hits.length === 0, top: hits.map((h) => h.name) };
    }),
  );
  const failed: string[] = [];
  const offenders: Record<string, number> = {};
  results.forEach((r) => {
    if (!r.ok) {
      failed.push(r.id);
      offenders[r.uploader] = (offenders[r.uploader] || 0) + 1;
    }
  });
  if (failed.length) await quarantine({ imageIds: failed });
  for (const [uploader, count] of Object.entries(offenders)) {
    await warnUploader({ TopicArn: '${ModerationTopicArn}', Message: `${uploader} uploaded ${count} blocked image${count === 1 ? '' : 's'}` });
  }
  return { batchId: batch.batchId, approved: results.length - failed.length, quarantined: failed, offenders };
});
