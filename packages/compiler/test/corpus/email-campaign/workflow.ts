import { lambda, map, sqs, workflow } from '@typestep/dsl';

interface Campaign { campaignId: string; segments: string[]; subject: string; batchSize?: number; suppressed?: string[] }

const segmentMembers = lambda<{ segment: string }, { emails: string[] }>('${SegmentMembersArn}');
const enqueueBatch = sqs.sendMessage({ name: 'Enqueue batch', retry: { errors: ['SQS.ThrottlingException'], maxAttempts: 3, intervalSeconds: 1 } });
const recordCampaign = lambda<{ campaignId: string; recipients: number; batches: number }, void>('${RecordCampaignArn}');

export const sendCampaign = workflow('SendCampaign', async (campaign: Campaign) => {
  const lists = await Promise.all(campaign.segments.map((segment) => segmentMembers({ segment })));
  const suppressed = new Set((campaign.suppressed ?? []).map((e) => e.toLowerCase()));
  const recipients = Array.from(new Set(lists.flatMap((l) => l.emails).map((e) => e.trim().toLowerCase()))).filter((e) => !suppressed.has(e));

  const size = campaign.batchSize ?? 3;
  const batches = Array.from({ length: Math.ceil(recipients.length / size) }, (_, i) => recipients.slice(i * size, (i + 1) * size));
  await map(
    batches,
    async (batch, index) => {
      await enqueueBatch({
        QueueUrl: '${CampaignQueueUrl}',
        MessageBody: { campaignId: campaign.campaignId, subject: campaign.subject, to: batch },
        MessageDeduplicationId: `${campaign.campaignId}-${index}`,
        MessageGroupId: campaign.campaignId,
      });
    },
    { maxConcurrency: 10 },
  );
  await recordCampaign({ campaignId: campaign.campaignId, recipients: recipients.length, batches: batches.length });
  return { recipients: recipients.length, batches: batches.length, suppressed: suppressed.size };
});
