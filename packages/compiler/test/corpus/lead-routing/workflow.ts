import { lambda, sqs, workflow } from '@typestep/dsl';

interface Lead { leadId: string; email: string; company?: string; country: string; source: 'webinar' | 'ad' | 'referral' }

const enrich = lambda<{ email: string; company?: string }, { employees: number; industry: string; found: boolean }>('${EnrichLeadArn}', {
  retry: { errors: ['Enrichment.RateLimited'], maxAttempts: 4, intervalSeconds: 1, backoffRate: 2 },
});
const assignRep = lambda<{ region: string; industry: string }, { repId: string }>('${AssignRepArn}');
const routeToSales = sqs.sendMessage({ name: 'Route to sales' });
const addToNurture = lambda<{ email: string; track: string }, void>('${NurtureArn}');

export const routeLead = workflow('RouteLead', async (lead: Lead) => {
  let profile = { employees: 0, industry: 'unknown', found: false };
  try {
    profile = await enrich({ email: lead.email, company: lead.company });
  } catch (err) {
    // Enrichment is nice to have: route on what we know.
  }
  const region = ['US', 'CA', 'MX'].includes(lead.country) ? 'americas' : 'emea';
  const qualified = profile.employees >= 200 || lead.source === 'referral';
  if (qualified) {
    const { repId } = await assignRep({ region, industry: profile.industry });
    await routeToSales({ QueueUrl: '${SalesQueueUrl}', MessageBody: { leadId: lead.leadId, repId, employees: profile.employees } });
    return { leadId: lead.leadId, route: 'sales', repId, enriched: profile.found };
  }
  const track = profile.found ? `${profile.industry}-${region}` : 'generic';
  await addToNurture({ email: lead.email, track });
  return { leadId: lead.leadId, route: 'nurture', track, enriched: profile.found };
});
