import { lambda, sns, workflow } from '@typestep/dsl';

interface Reading { deviceId: string; ts: string; celsius: number | null }
interface RollupRequest { fleetId: string; hour: string; maxCelsius?: number }

const loadReadings = lambda<{ fleetId: string; hour: string }, { readings: Reading[] }>('${LoadReadingsArn}');
const writeRollup = lambda<{ fleetId: string; hour: string; devices: Record<string, { min: number; max: number; avg: number; n: number }> }, void>('${WriteRollupArn}');
const alert = sns.publish({ name: 'Overheat alert' });

export const rollupTelemetry = workflow('RollupTelemetry', async (req: RollupRequest) => {
  const { readings } = await loadReadings({ fleetId: req.fleetId, hour: req.hour });
  const valid = readings.filter((r): r is Reading & { celsius: number } => typeof r.celsius === 'number' && Number.isFinite(r.celsius));
  const grouped = new Map<string, number[]>();
  for (const r of valid) {
    const list = grouped.get(r.deviceId) ?? [];
    list.push(r.celsius);
    grouped.set(r.deviceId, list);
  }
  const devices: Record<string, { min: number; max: number; avg: number; n: number }> = {};
  for (const [deviceId, temps] of grouped) {
    const avg = temps.reduce((a, b) => a + b, 0) / temps.length;
    devices[deviceId] = { min: Math.min(...temps), max: Math.max(...temps), avg: Math.round(avg * 10) / 10, n: temps.length };
  }
  await writeRollup({ fleetId: req.fleetId, hour: req.hour, devices });

  const limit = req.maxCelsius ?? 80;
  const hot = Object.keys(devices).filter((id) => devices[id].max > limit);
  if (hot.length > 0) {
    await alert({ TopicArn: '${OpsTopicArn}', Subject: `Overheating in ${req.fleetId}`, Message: { hour: req.hour, devices: hot } });
  }
  return { devices: grouped.size, dropped: readings.length - valid.length, hot };
});
