import { failure, flaky, type CorpusCase } from '../corpus-case.js';

const upload = {
  albumId: 'a1',
  images: [
    { key: 'beach.jpg', width: 4000, height: 3000 },
    { key: 'icon.png', width: 128, height: 128 },
    { key: 'cat.jpg', width: 800, height: 600 },
  ],
};
const resize = (i: any) => ({ key: `${i.key}@${i.width}`, bytes: i.width * 10 });

export const cases: CorpusCase[] = [
  { name: 'three images', input: upload, handlers: () => ({ '${ResizeArn}': resize, '${SaveAlbumArn}': () => ({ saved: true }) }), expected: { output: { albumId: 'a1', count: 3, totalBytes: 16640, skipped: ['icon.png'] } } },
  { name: 'empty album', input: { albumId: 'a2', images: [] }, handlers: () => ({ '${ResizeArn}': resize, '${SaveAlbumArn}': () => ({ saved: true }) }), expected: { output: { albumId: 'a2', count: 0, totalBytes: 0, skipped: [] } } },
  { name: 'a resize retried once', input: { albumId: 'a3', images: [upload.images[2]] }, handlers: () => ({ '${ResizeArn}': flaky(1, 'Boom', resize), '${SaveAlbumArn}': () => ({ saved: true }) }), expected: { output: { albumId: 'a3', count: 1, totalBytes: 3200, skipped: [] } } },
  { name: 'corrupt image', input: upload, handlers: () => ({ '${ResizeArn}': () => { throw failure('CorruptImage', 'bad header'); }, '${SaveAlbumArn}': () => ({ saved: true }) }), expected: { error: 'CorruptImage' } },
];
