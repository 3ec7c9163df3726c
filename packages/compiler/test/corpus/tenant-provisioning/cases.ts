import { failure, flaky, type CorpusCase } from '../corpus-case.js';

const handlers = (invited: (e: string) => boolean = () => true, bucketFails = false) => () => ({
  '${CreateDbArn}': flaky(2, 'Throttling', (i: any) => ({ dbId: `db-${i.tenant}-${i.sizeGb}` })),
  '${CreateBucketArn}': (i: any) => { if (bucketFails) throw failure('BucketExists', i.name); return { bucket: i.name }; },
  '${InviteArn}': (i: any) => ({ invited: invited(i.email) }),
  '${DeleteDbArn}': () => undefined,
});

export const cases: CorpusCase[] = [
  { name: 'business tenant', input: { name: '  Acme Corp! ', tier: 'business', admins: ['a@acme.io', 'b@acme.io'] }, handlers: handlers((e) => e.startsWith('a')), expected: { output: { id: 'acme-corp', dbId: 'db-acme-corp-50', bucket: 'acme-corp-assets', invited: 1, failed: ['b@acme.io'] } } },
  { name: 'no admin invited', input: { name: 'Zed', tier: 'starter', admins: ['x@z.io'] }, handlers: handlers(() => false), expected: { error: 'ProvisioningFailed' } },
  { name: 'bucket fails, database removed', input: { name: 'Zed', tier: 'enterprise', region: 'us-east-1', admins: [] }, handlers: handlers(undefined, true), expected: { error: 'BucketExists' } },
  { name: 'bad name', input: { name: '!!!', tier: 'starter', admins: [] }, handlers: handlers(), expected: { error: 'InvalidName' } },
];
