import { failure, type CorpusCase } from '../corpus-case.js';

const renditions = [{ height: 360, bitrateKbps: 800 }, { height: 1080, bitrateKbps: 5000 }, { height: 720, bitrateKbps: 2500 }];
const handlers = (failing: number[]) => () => ({
  '${TranscodeArn}': (i: any) => {
    if (failing.includes(i.height)) throw failure('EncoderCrashed', `at ${i.height}p`);
    return { key: `${i.sourceKey}.${i.height}.mp4`, height: i.height, seconds: 61.5 };
  },
  '${WriteManifestArn}': (i: any) => ({ manifestKey: `${i.videoId}/master.m3u8` }),
});

export const cases: CorpusCase[] = [
  { name: 'all renditions', input: { videoId: 'v1', sourceKey: 'raw/v1', renditions }, handlers: handlers([]), expected: { output: { videoId: 'v1', status: 'READY', manifestKey: 'v1/master.m3u8', best: '1080p', failedHeights: [], durationSeconds: 61.5 } } },
  { name: 'one tolerated failure', input: { videoId: 'v2', sourceKey: 'raw/v2', renditions }, handlers: handlers([1080]), expected: { output: { videoId: 'v2', status: 'PARTIAL', manifestKey: 'v2/master.m3u8', best: '720p', failedHeights: [1080], durationSeconds: 61.5 } } },
  { name: 'single rendition fails', input: { videoId: 'v3', sourceKey: 'raw/v3', renditions: renditions.slice(0, 1) }, handlers: handlers([360]), expected: { output: { videoId: 'v3', status: 'FAILED', failedHeights: [360] } } },
  { name: 'too many failures', input: { videoId: 'v4', sourceKey: 'raw/v4', renditions }, handlers: handlers([360, 720]), expected: { error: 'States.ExceedToleratedFailureThreshold' } },
];
