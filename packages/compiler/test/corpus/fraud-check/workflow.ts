import { lambda, workflow, WorkflowError } from '@typestep/dsl';

interface Payment { paymentId: string; cardFingerprint: string; amount: number; ip: string; email: string }
interface Signal { ok: boolean; score: number; reason?: string }

const velocity = lambda<{ fingerprint: string }, Signal>('${VelocityCheckArn}');
const geoIp = lambda<{ ip: string }, Signal & { country: string }>('${GeoIpArn}');
const emailAge = lambda<{ email: string }, Signal>('${EmailAgeArn}');
const blockCard = lambda<{ fingerprint: string; reasons: string[] }, void>('${BlockCardArn}');

const DISPOSABLE = /@(mailinator|tempmail|10minutemail)\./i;

export const screenPayment = workflow('ScreenPayment', async (p: Payment) => {
  const reasons: string[] = [];
  let risk = 0;
  if (!(await velocity({ fingerprint: p.cardFingerprint })).ok) reasons.push('velocity');
  const geo = await geoIp({ ip: p.ip });
  risk += geo.score;
  if (geo.country !== 'DE' && p.amount > 1000) reasons.push(`foreign:${geo.country}`);
  if (DISPOSABLE.test(p.email)) {
    reasons.push('disposable-email');
  } else {
    risk += (await emailAge({ email: p.email })).score;
  }
  risk += reasons.length * 25;
  const verdict = risk >= 70 ? 'block' : risk >= 40 ? 'review' : 'allow';
  if (verdict === 'block') {
    await blockCard({ fingerprint: p.cardFingerprint, reasons });
    throw new WorkflowError('FraudSuspected', `risk ${risk}: ${reasons.join(', ')}`);
  }
  return { paymentId: p.paymentId, verdict, risk, reasons };
});
