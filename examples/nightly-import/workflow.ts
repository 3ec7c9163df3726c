// The nightly customer import: a Distributed Map validates every record of the day's JSONL export,
// read from S3 by its ItemReader; a Glue job rebuilds the search index (a .sync job); a nested
// workflow tells the data owners.
import { glue, lambda, map, s3Items, sns, workflow } from '@typestep/dsl';

/** One line of the export. */
export interface CustomerRecord {
  id: string;
  email: string;
  country: string;
  spend: number;
}

export interface ImportSummary {
  date: string;
  accepted: number;
  rejected: string[];
  /** The search index rebuild: `SUCCEEDED`, or `FAILED: <error>`. */
  index: string;
}

export const validateCustomer = lambda<{ record: CustomerRecord; date: string }, { id: string; valid: boolean }>('${ValidateCustomerFunctionArn}', {
  name: 'Validate customer',
  retry: { errors: ['Lambda.TooManyRequestsException'], intervalSeconds: 2, maxAttempts: 4, backoffRate: 2 },
});
export const rebuildIndex = glue.startJobRun({ name: 'Rebuild search index', timeoutSeconds: 3600 });
export const publishSummary = sns.publish({ name: 'Publish summary' });

/** Tells the data owners how the import went; its own state machine, started by the import. */
export const notifyOwners = workflow('NotifyOwners', async (summary: ImportSummary) => {
  const { MessageId } = await publishSummary({
    TopicArn: '${DataOwnersTopicArn}',
    Subject: `Customer import ${summary.date}`,
    Message: `${summary.accepted} accepted, ${summary.rejected.length} rejected; search index: ${summary.index}`,
  });
  return { notified: true, messageId: MessageId, index: summary.index };
});

export const nightlyImport = workflow('NightlyImport', async (input: { date: string }) => {
  // A few broken lines are expected in an export; more than 5 % means something upstream is wrong.
  const checks = await map(
    s3Items<CustomerRecord>({ bucket: 'imports', key: `records/${input.date}.jsonl`, inputType: 'JSONL' }),
    async (record) => validateCustomer({ record, date: input.date }),
    { maxConcurrency: 10, toleratedFailurePercentage: 5 },
  );
  const accepted = checks.filter((check) => 'valid' in check && check.valid).length;
  const rejected = checks.flatMap((check) => ('valid' in check && !check.valid ? [check.id] : []));

  let index: string;
  try {
    const run = await rebuildIndex({ JobName: 'rebuild-customer-index', Arguments: { '--date': input.date } });
    index = run.JobRunState ?? 'UNKNOWN';
  } catch (e) {
    index = `FAILED: ${(e as Error).name}`;
  }
  return notifyOwners({ date: input.date, accepted, rejected, index });
});
