import { createHash } from 'node:crypto';
import { closeSync, createReadStream, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';

/**
 * Where the local S3 stand-in keeps its buckets. A bucket is a folder, found
 * in `buckets` first and then as `<root>/<bucket>`; `objects` adds in-memory
 * objects (keyed `bucket/key`) on top, which is handy in tests. A bucket with
 * no folder lives in memory only, and what a ResultWriter writes to it can be
 * read back with `LocalS3.getObject`.
 *
 * @example
 * new StateMachine(definition, { s3: { root: './fixtures/s3' } });            // bucket "data" = ./fixtures/s3/data
 * new StateMachine(definition, { s3: { buckets: { data: '/tmp/data' } } });
 * new StateMachine(definition, { s3: { objects: { 'data/items.jsonl': '{"a":1}\n{"a":2}\n' } } });
 */
export interface LocalS3Options {
  /** Each bucket is the folder `<root>/<bucket>`. */
  root?: string;
  /** Bucket name → folder; takes precedence over `root`. */
  buckets?: Record<string, string>;
  /** In-memory objects keyed `bucket/key`; they shadow files with the same key. */
  objects?: Record<string, string | Uint8Array>;
}

/** One entry of a ListObjectsV2 listing, as a Distributed Map child receives it. */
export interface S3ObjectSummary {
  /** The object's MD5 in quotes, as S3 reports the ETag of a single-part upload. */
  Etag: string;
  Key: string;
  /** Seconds since the epoch. */
  LastModified: number;
  Size: number;
  StorageClass: 'STANDARD';
}

/** An object being written piece by piece; `close()` returns its size in bytes. */
export interface S3ObjectWriter {
  write(text: string): void;
  close(): number;
}

/** A failed S3 call, named as S3 names it (`NoSuchBucket`, `NoSuchKey`, `InvalidKey`). */
export class S3Error extends Error {
  constructor(
    readonly code: 'NoSuchBucket' | 'NoSuchKey' | 'InvalidKey' | 'WriteFailed',
    message: string,
  ) {
    super(message);
    this.name = 'S3Error';
  }
}

interface MemoryObject {
  body: Buffer;
  lastModified: number;
}

/** Text written to a file is flushed in pieces of about this size. */
const WRITE_BUFFER_CHARS = 64 * 1024;

/**
 * A stand-in for the few S3 calls a Distributed Map makes (GetObject,
 * ListObjectsV2, PutObject), over local folders and an in-memory map.
 * Objects are read as streams and written piece by piece, so a large dataset
 * or result set never has to sit in memory whole.
 *
 * @example
 * const s3 = new LocalS3({ objects: { 'in/items.json': '[1, 2, 3]' } });
 * const machine = new StateMachine(definition, { s3 });
 * await machine.run({});
 * const manifest = JSON.parse(s3.getObjectText('out', 'results/<map run id>/manifest.json')!);
 */
export class LocalS3 {
  private readonly memory = new Map<string, Map<string, MemoryObject>>();
  private readonly root: string | undefined;
  private readonly buckets: Record<string, string>;

  constructor(options: LocalS3Options = {}) {
    this.root = options.root;
    this.buckets = options.buckets ?? {};
    for (const [path, body] of Object.entries(options.objects ?? {})) {
      const slash = path.indexOf('/');
      if (slash <= 0) throw new Error(`LocalS3: object "${path}" must be named "bucket/key"`);
      this.putObject(path.slice(0, slash), path.slice(slash + 1), body, true);
    }
  }

  /** A `LocalS3` from options, or the instance itself. */
  static from(value: LocalS3 | LocalS3Options | undefined): LocalS3 | undefined {
    if (value === undefined || value instanceof LocalS3) return value;
    return new LocalS3(value);
  }

  /** @internal GetObject as a stream of bytes, for the Distributed Map's reader. Throws `S3Error` at once when the object does not exist. */
  openObject(bucket: string, key: string): Readable {
    const object = this.memory.get(bucket)?.get(key);
    if (object) return Readable.from([object.body]);
    const path = this.existingFile(bucket, key);
    return createReadStream(path, { highWaterMark: 256 * 1024 });
  }

  /**
   * GetObject, whole, as bytes; `undefined` when there is no such object. Meant for tests and tools.
   *
   * @example
   * const gzipped = s3.getObject('in', 'items.jsonl.gz');
   */
  getObject(bucket: string, key: string): Uint8Array | undefined {
    const object = this.memory.get(bucket)?.get(key);
    if (object) return object.body;
    try {
      return readFileSync(this.existingFile(bucket, key));
    } catch (error) {
      if (error instanceof S3Error) return undefined;
      throw error;
    }
  }

  /**
   * GetObject, whole, decoded as UTF-8 text; `undefined` when there is no such object.
   *
   * @example
   * const manifest = JSON.parse(s3.getObjectText('out', 'results/<map run id>/manifest.json')!);
   */
  getObjectText(bucket: string, key: string): string | undefined {
    const body = this.getObject(bucket, key);
    return body && new TextDecoder().decode(body);
  }

  /**
   * ListObjectsV2 over every page: the objects whose key starts with
   * `prefix`, in UTF-8 binary key order as S3 lists them. Folders are not
   * objects here (as when a bucket is filled with the CLI, not the console).
   */
  listObjects(bucket: string, prefix = ''): S3ObjectSummary[] {
    const found = new Map<string, S3ObjectSummary>();
    const folder = this.folderOf(bucket);
    if (folder !== undefined) {
      if (!isDirectory(folder)) throw noSuchBucket(bucket);
      for (const path of walkFiles(folder)) {
        const key = relative(folder, path).split(sep).join('/');
        if (!key.startsWith(prefix)) continue;
        const stat = statSync(path);
        found.set(key, { Etag: `"${md5OfFile(path)}"`, Key: key, LastModified: Math.floor(stat.mtimeMs / 1000), Size: stat.size, StorageClass: 'STANDARD' });
      }
    } else if (!this.memory.has(bucket)) {
      throw noSuchBucket(bucket);
    }
    for (const [key, object] of this.memory.get(bucket) ?? []) {
      if (!key.startsWith(prefix)) continue;
      const etag = `"${createHash('md5').update(object.body).digest('hex')}"`;
      found.set(key, { Etag: etag, Key: key, LastModified: Math.floor(object.lastModified / 1000), Size: object.body.length, StorageClass: 'STANDARD' });
    }
    return [...found.values()].sort((a, b) => Buffer.compare(Buffer.from(a.Key), Buffer.from(b.Key)));
  }

  /** Whether `bucket` can be written to: its folder exists, or it has no folder and lives in memory. */
  hasBucket(bucket: string): boolean {
    const folder = this.folderOf(bucket);
    return folder === undefined || isDirectory(folder);
  }

  /** PutObject, whole; `inMemory` keeps it in memory even when the bucket is a folder. */
  putObject(bucket: string, key: string, body: string | Uint8Array, inMemory = false): void {
    checkKey(key);
    const folder = inMemory ? undefined : this.folderOf(bucket);
    if (folder === undefined) {
      let objects = this.memory.get(bucket);
      if (!objects) this.memory.set(bucket, (objects = new Map()));
      objects.set(key, { body: Buffer.from(body), lastModified: Date.now() });
      return;
    }
    if (!isDirectory(folder)) throw noSuchBucket(bucket);
    const path = this.pathOf(folder, key);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, body);
  }

  /**
   * Starts writing an object. Writes are synchronous and buffered, so a
   * caller on the interpreter's synchronous path can stream into it.
   */
  createObject(bucket: string, key: string): S3ObjectWriter {
    checkKey(key);
    const folder = this.folderOf(bucket);
    if (folder === undefined) return this.memoryWriter(bucket, key);
    if (!isDirectory(folder)) throw noSuchBucket(bucket);
    const path = this.pathOf(folder, key);
    let fd: number;
    try {
      mkdirSync(dirname(path), { recursive: true });
      fd = openSync(path, 'w');
    } catch (error) {
      throw new S3Error('WriteFailed', `Could not write s3://${bucket}/${key} (${path}): ${(error as Error).message}`);
    }
    let pending = '';
    let size = 0;
    const flush = () => {
      if (pending === '') return;
      size += writeSync(fd, pending);
      pending = '';
    };
    return {
      write(text) {
        pending += text;
        if (pending.length >= WRITE_BUFFER_CHARS) flush();
      },
      close() {
        flush();
        closeSync(fd);
        return size;
      },
    };
  }

  private memoryWriter(bucket: string, key: string): S3ObjectWriter {
    const chunks: string[] = [];
    return {
      write: (text) => {
        chunks.push(text);
      },
      close: () => {
        const body = chunks.join('');
        this.putObject(bucket, key, body, true);
        return Buffer.byteLength(body);
      },
    };
  }

  private folderOf(bucket: string): string | undefined {
    const mapped = this.buckets[bucket];
    if (mapped !== undefined) return resolve(mapped);
    return this.root === undefined ? undefined : resolve(this.root, bucket);
  }

  /** The file behind `bucket/key`; throws `S3Error` when the bucket or key does not exist. */
  private existingFile(bucket: string, key: string): string {
    checkKey(key);
    const folder = this.folderOf(bucket);
    if (folder === undefined || !isDirectory(folder)) {
      throw this.memory.has(bucket) ? noSuchKey(bucket, key) : noSuchBucket(bucket);
    }
    const path = this.pathOf(folder, key);
    if (!statSync(path, { throwIfNoEntry: false })?.isFile()) throw noSuchKey(bucket, key);
    return path;
  }

  private pathOf(folder: string, key: string): string {
    const path = resolve(folder, ...key.split('/'));
    // A key like "../x" must not reach outside its bucket's folder.
    if (path !== folder && !path.startsWith(folder + sep)) throw new S3Error('InvalidKey', `The key "${key}" leaves its bucket's folder.`);
    return path;
  }
}

/** A file's MD5, read in pieces so a large file is never in memory whole. */
function md5OfFile(path: string): string {
  const hash = createHash('md5');
  const buffer = Buffer.allocUnsafe(1024 * 1024);
  const fd = openSync(path, 'r');
  try {
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) hash.update(buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

function checkKey(key: string): void {
  if (key === '' || key.endsWith('/')) throw new S3Error('InvalidKey', `"${key}" is not an object key.`);
}

function noSuchBucket(bucket: string): S3Error {
  return new S3Error('NoSuchBucket', `The specified bucket does not exist: ${bucket}`);
}

function noSuchKey(bucket: string, key: string): S3Error {
  return new S3Error('NoSuchKey', `The specified key does not exist: s3://${bucket}/${key}`);
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function* walkFiles(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* walkFiles(path);
    else if (entry.isFile()) yield path;
  }
}
