import { lambda, workflow } from '@typestep/dsl';

interface Upload { albumId: string; images: { key: string; width: number; height: number }[] }

const SIZES = [320, 1024] as const;

const resize = lambda<{ key: string; width: number }, { key: string; bytes: number }>('${ResizeArn}', {
  retry: { errors: ['States.TaskFailed'], maxAttempts: 2, intervalSeconds: 1 },
});
const saveAlbum = lambda<{ albumId: string; thumbnails: Record<string, string[]> }, { saved: boolean }>('${SaveAlbumArn}');

export const makeThumbnails = workflow('MakeThumbnails', async (upload: Upload) => {
  const perImage = await Promise.all(
    upload.images.map(async (image, i) => {
      const targets = SIZES.filter((size) => size < image.width);
      const outputs = await Promise.all(targets.map((width) => resize({ key: image.key, width })));
      return { index: i, key: image.key, outputs: outputs.map((o) => o.key), bytes: outputs.reduce((n, o) => n + o.bytes, 0) };
    }),
  );
  const thumbnails: Record<string, string[]> = {};
  for (const image of perImage) thumbnails[image.key] = image.outputs;
  await saveAlbum({ albumId: upload.albumId, thumbnails });
  const totalBytes = perImage.reduce((n, image) => n + image.bytes, 0);
  const skipped = perImage.filter((image) => image.outputs.length === 0).map((image) => image.key);
  return { albumId: upload.albumId, count: perImage.flatMap((p) => p.outputs).length, totalBytes, skipped };
});
