import { failure, flaky, type CorpusCase } from '../corpus-case.js';

const handlers = (enrichHandler: unknown) => () => ({
  '${EnrichLeadArn}': enrichHandler as any,
  '${AssignRepArn}': (i: any) => ({ repId: `rep-${i.region}` }),
  'Route to sales': () => ({}),
  '${NurtureArn}': () => null,
});
const lead = { leadId: 'l1', email: 'cto@bigcorp.com', company: 'BigCorp', country: 'US', source: 'ad' };

export const cases: CorpusCase[] = [
  { name: 'big company goes to sales', input: lead, handlers: handlers(() => ({ employees: 5000, industry: 'retail', found: true })), expected: { output: { leadId: 'l1', route: 'sales', repId: 'rep-americas', enriched: true } } },
  { name: 'small company nurtured, rate limited', input: { ...lead, country: 'DE' }, handlers: handlers(flaky(2, 'Enrichment.RateLimited', () => ({ employees: 12, industry: 'saas', found: true }))), expected: { output: { leadId: 'l1', route: 'nurture', track: 'saas-emea', enriched: true } } },
  { name: 'enrichment down, referral still qualifies', input: { leadId: 'l2', email: 'x@y.z', country: 'FR', source: 'referral' }, handlers: handlers(() => { throw failure('Enrichment.Down', '500'); }), expected: { output: { leadId: 'l2', route: 'sales', repId: 'rep-emea', enriched: false } } },
  { name: 'enrichment down, generic nurture', input: { leadId: 'l3', email: 'x@y.z', country: 'FR', source: 'ad' }, handlers: handlers(() => { throw failure('Enrichment.Down', '500'); }), expected: { output: { leadId: 'l3', route: 'nurture', track: 'generic', enriched: false } } },
];
