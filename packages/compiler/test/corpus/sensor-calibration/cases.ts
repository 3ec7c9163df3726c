import { failure, type CorpusCase } from '../corpus-case.js';

/** Each sensor has a drift that an adjustment removes; `stuck` sensors ignore adjustments. */
const bench = (drift: Record<string, number>, stuck: string[] = [], faulty: string[] = []) => () => {
  const offsets: Record<string, number> = {};
  return {
    '${ReadSensorArn}': (i: any) => ({ value: i.target + (drift[i.sensorId] ?? 0) + (offsets[i.sensorId] ?? 0), faulty: faulty.includes(i.sensorId) }),
    '${AdjustSensorArn}': (i: any) => { if (!stuck.includes(i.sensorId)) offsets[i.sensorId] = (offsets[i.sensorId] ?? 0) + i.offset; return null; },
    '${MarkFaultyArn}': () => null,
  };
};
const plan = { lineId: 'L1', sensors: ['s1', 's2', 's3'], targets: [20, 80], tolerance: 0.5 };

export const cases: CorpusCase[] = [
  { name: 'one drifting sensor fixed', input: plan, handlers: bench({ s2: 1.25 }), expected: { output: { lineId: 'L1', calibrated: ['s1', 's2', 's3'], faulty: [], adjustments: 1 } } },
  { name: 'stuck and faulty sensors', input: plan, handlers: bench({ s1: 3, s3: -2 }, ['s1'], ['s3']), expected: { output: { lineId: 'L1', calibrated: ['s2'], faulty: ['s1', 's3'], adjustments: 2 } } },
  { name: 'no sensors', input: { ...plan, sensors: [] }, handlers: bench({}), expected: { output: { lineId: 'L1', calibrated: [], faulty: [], adjustments: 0 } } },
  { name: 'bench offline', input: plan, handlers: () => ({ '${ReadSensorArn}': () => { throw failure('BenchOffline', 'usb'); } }), expected: { error: 'BenchOffline' } },
];
