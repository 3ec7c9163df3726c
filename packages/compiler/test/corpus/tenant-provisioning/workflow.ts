import { lambda, workflow, WorkflowError } from '@typestep/dsl';

type Tier = 'starter' | 'business' | 'enterprise';
interface Tenant { name: string; tier: Tier; region?: string; admins: string[] }

const createDatabase = lambda<{ tenant: string; sizeGb: number; region: string }, { dbId: string }>('${CreateDbArn}', { retry: { errors: ['Throttling'], maxAttempts: 4, intervalSeconds: 2, backoffRate: 2 } });
const createBucket = lambda<{ name: string; region: string }, { bucket: string }>('${CreateBucketArn}');
const inviteAdmin = lambda<{ tenant: string; email: string }, { invited: boolean }>('${InviteArn}');
const deleteDatabase = lambda<{ dbId: string }, void>('${DeleteDbArn}');

class ProvisioningError extends Error {
  constructor(message: string, readonly step: string) {
    super(message);
  }
}

const SIZES: Record<Tier, number> = { starter: 5, business: 50, enterprise: 500 };

function slug(name: string) {
  const s = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  if (!s) throw new WorkflowError('InvalidName', `cannot make a slug of "${name}"`);
  return s;
}

export const provisionTenant = workflow('ProvisionTenant', async (tenant: Tenant) => {
  const id = slug(tenant.name);
  const region = tenant.region ?? 'eu-west-1';
  let dbId: string | undefined;
  try {
    ({ dbId } = await createDatabase({ tenant: id, sizeGb: SIZES[tenant.tier], region }));
    const { bucket } = await createBucket({ name: `${id}-assets`, region });
    const invites = await Promise.all(tenant.admins.map((email) => inviteAdmin({ tenant: id, email })));
    const failed = tenant.admins.filter((_, i) => !invites[i].invited);
    if (failed.length === tenant.admins.length && failed.length > 0) throw new ProvisioningError('no admin could be invited', 'invite');
    return { id, dbId, bucket, invited: tenant.admins.length - failed.length, failed };
  } catch (err) {
    if (dbId) await deleteDatabase({ dbId });
    if (err instanceof ProvisioningError) throw new WorkflowError('ProvisioningFailed', `${err.step}: ${err.message}`);
    throw err;
  }
});
