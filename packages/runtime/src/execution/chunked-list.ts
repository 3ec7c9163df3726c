/** Elements per chunk: 4,096 pointers (32 KiB) stay well inside V8's regular heap pages. */
const CHUNK_BITS = 12;
const CHUNK_SIZE = 1 << CHUNK_BITS;
const INDEX_MASK = CHUNK_SIZE - 1;

/**
 * An append-only list kept in chunks of 4,096 elements, for the history's
 * columns. A plain array that grows past about 16,000 elements moves to V8's
 * large-object space, where each further growth allocates and copies a new
 * store: appending 40,000 events one at a time (a 10,000-iteration Choice
 * loop) spent most of the run growing arrays.
 *
 * @example
 * const ids = new ChunkedList<number>();
 * ids.push(7);
 * ids.at(0); // 7
 * ids.length; // 1
 */
export class ChunkedList<T> {
  // The first chunk is all most executions need; the rest are created as the list grows.
  private readonly first: T[] = [];
  private rest: T[][] | undefined;
  private size = 0;

  get length(): number {
    return this.size;
  }

  push(value: T): void {
    if (this.size < CHUNK_SIZE) this.first.push(value);
    else {
      this.rest ??= [];
      if ((this.size & INDEX_MASK) === 0) this.rest.push([]);
      this.rest[this.rest.length - 1]!.push(value);
    }
    this.size++;
  }

  /** The element at `index`, or undefined outside `0 … length - 1`. */
  at(index: number): T | undefined {
    if (index < 0 || index >= this.size) return undefined;
    return index < CHUNK_SIZE ? this.first[index] : this.rest![(index >>> CHUNK_BITS) - 1]![index & INDEX_MASK];
  }
}
