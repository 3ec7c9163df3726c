import { lambda, sleep, workflow } from '@typestep/dsl';

interface Rollout { flag: string; stages?: number[]; soakMinutes?: number; maxErrorRate?: number }

const setPercentage = lambda<{ flag: string; percent: number; note: string }, void>('${SetFlagPercentageArn}');
const errorRate = lambda<{ flag: string; windowMinutes: number }, { rate: number; requests: number }>('${ErrorRateArn}');
const log = lambda<{ message: string }, void>('${LogArn}');

export const rolloutFlag = workflow('RolloutFlag', async (rollout: Rollout) => {
  const stages = rollout.stages ?? [1, 10, 50, 100];
  const soak = rollout.soakMinutes ?? 30;
  const maxRate = rollout.maxErrorRate ?? 0.02;
  const started = Date.now();
  const observed: { percent: number; rate: number }[] = [];

  for (const percent of stages) {
    await setPercentage({ flag: rollout.flag, percent, note: `stage ${stages.indexOf(percent) + 1}/${stages.length}` });
    if (percent === 100) break;
    await sleep(soak * 60);
    const { rate, requests } = await errorRate({ flag: rollout.flag, windowMinutes: soak });
    observed.push({ percent, rate });
    if (requests >= 100 && rate > maxRate) {
      await setPercentage({ flag: rollout.flag, percent: 0, note: `rolled back: ${(rate * 100).toFixed(1)}% errors at ${percent}%` });
      await log({ message: `rollback of ${rollout.flag} after ${Date.now() - started} ms` });
      return { flag: rollout.flag, status: 'ROLLED_BACK', at: percent, observed };
    }
  }
  return { flag: rollout.flag, status: 'COMPLETE', at: stages[stages.length - 1] ?? 0, observed };
});
