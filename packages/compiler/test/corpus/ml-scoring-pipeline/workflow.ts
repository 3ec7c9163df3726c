import { awsSdk, lambda, workflow } from '@typestep/dsl';

interface Applicant { id: string; income: number; debts: number[]; age: number; country: string }
interface ScoringRequest { modelVersion?: string; applicants: Applicant[] }

const BANDS = { A: 0.85, B: 0.6, C: 0.3 } as const;
type Band = keyof typeof BANDS | 'D';

const invokeEndpoint = awsSdk<{ EndpointName: string; ContentType: string; Body: string }, { Body: string }>('sagemakerruntime', 'invokeEndpoint', {
  name: 'Score batch',
  retry: { errors: ['SageMakerRuntime.ModelNotReadyException'], maxAttempts: 3, intervalSeconds: 10 },
});
const storeScores = lambda<{ modelVersion: string; scores: { id: string; score: number; band: Band }[] }, { stored: number }>('${StoreScoresArn}');

function bandFor(score: number): Band {
  for (const [band, min] of Object.entries(BANDS)) if (score >= min) return band as Band;
  return 'D';
}

export const scoreApplicants = workflow('ScoreApplicants', async (req: ScoringRequest) => {
  const modelVersion = req.modelVersion ?? 'v3';
  const features = req.applicants.map((a) => {
    const totalDebt = a.debts.reduce((s, d) => s + d, 0);
    return [a.income / 1000, totalDebt / Math.max(a.income, 1), a.age, a.country === 'DE' ? 1 : 0].map((x) => Number(x.toFixed(3)));
  });
  const response = await invokeEndpoint({ EndpointName: `credit-${modelVersion}`, ContentType: 'text/csv', Body: features.map((f) => f.join(',')).join('\n') });
  const raw = response.Body.split('\n').map(Number);
  const scores = req.applicants.map((a, i) => ({ id: a.id, score: raw[i], band: bandFor(raw[i]) }));
  const { stored } = await storeScores({ modelVersion, scores });
  const histogram = scores.reduce<Record<string, number>>((h, s) => ({ ...h, [s.band]: (h[s.band] ?? 0) + 1 }), {});
  return { stored, histogram, best: scores.length ? scores.reduce((a, b) => (b.score > a.score ? b : a)).id : null };
});
