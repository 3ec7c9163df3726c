import { lambda, sleep, workflow } from '@typestep/dsl';

interface CalibrationPlan { lineId: string; sensors: string[]; targets: number[]; tolerance: number; maxAdjustments?: number }

const readSensor = lambda<{ sensorId: string; target: number }, { value: number; faulty?: boolean }>('${ReadSensorArn}');
const adjust = lambda<{ sensorId: string; offset: number }, void>('${AdjustSensorArn}');
const markFaulty = lambda<{ sensorId: string }, void>('${MarkFaultyArn}');

export const calibrateLine = workflow('CalibrateLine', async (plan: CalibrationPlan) => {
  const calibrated: string[] = [];
  const faulty: string[] = [];
  let adjustments = 0;
  sensors: for (const sensorId of plan.sensors) {
    for (const target of plan.targets) {
      let reading = await readSensor({ sensorId, target });
      let tries = 0;
      while (Math.abs(reading.value - target) > plan.tolerance) {
        if (reading.faulty || tries >= (plan.maxAdjustments ?? 2)) {
          await markFaulty({ sensorId });
          faulty.push(sensorId);
          continue sensors;
        }
        await adjust({ sensorId, offset: +(target - reading.value).toFixed(3) });
        adjustments++;
        tries++;
        await sleep(5);
        reading = await readSensor({ sensorId, target });
      }
    }
    calibrated.push(sensorId);
  }
  return { lineId: plan.lineId, calibrated, faulty, adjustments };
});
