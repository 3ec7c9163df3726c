// Local stand-ins for the import's Lambda function, Glue job and SNS topic, keyed by task name
// (the exports of workflow.ts).
import { job } from '@typestep/runtime';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export default {
  validateCustomer: ({ record }) => ({ id: record.id, valid: EMAIL.test(record.email) }),
  // A .sync job: Glue answers the submit call at once; the run takes 15 minutes (virtual).
  rebuildIndex: (request) => job({ submitted: { JobRunId: `jr_${request.Arguments['--date']}` }, seconds: 900, output: { JobRunState: 'SUCCEEDED' } }),
  publishSummary: ({ Message }) => {
    console.error(`to the data owners: ${Message}`);
    return { MessageId: 'local-message-1' };
  },
};
