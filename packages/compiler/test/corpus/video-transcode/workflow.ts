import { lambda, map, workflow, type MapItemFailure } from '@typestep/dsl';

interface TranscodeJob { videoId: string; sourceKey: string; renditions: { height: number; bitrateKbps: number }[] }
interface Rendition { key: string; height: number; seconds: number }

const transcode = lambda<{ sourceKey: string; height: number; bitrateKbps: number }, Rendition>('${TranscodeArn}', { timeoutSeconds: 1800, heartbeatSeconds: 60 });
const writeManifest = lambda<{ videoId: string; renditions: Rendition[] }, { manifestKey: string }>('${WriteManifestArn}');

function isFailure(value: Rendition | MapItemFailure): value is MapItemFailure {
  return 'Error' in value;
}

export const transcodeVideo = workflow('TranscodeVideo', async (job: TranscodeJob) => {
  const results = await map(
    job.renditions,
    (r) => transcode({ sourceKey: job.sourceKey, height: r.height, bitrateKbps: r.bitrateKbps }),
    { maxConcurrency: 3, toleratedFailureCount: 1 },
  );
  const ok = results.filter((r): r is Rendition => !isFailure(r)).sort((a, b) => b.height - a.height);
  const failedHeights = job.renditions.filter((_, i) => isFailure(results[i])).map((r) => r.height);
  if (ok.length === 0) return { videoId: job.videoId, status: 'FAILED', failedHeights };
  const { manifestKey } = await writeManifest({ videoId: job.videoId, renditions: ok });
  return {
    videoId: job.videoId,
    status: failedHeights.length ? 'PARTIAL' : 'READY',
    manifestKey,
    best: `${ok[0].height}p`,
    failedHeights,
    durationSeconds: Math.max(...ok.map((r) => r.seconds)),
  };
});
