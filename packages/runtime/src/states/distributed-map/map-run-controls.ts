/** What UpdateMapRun may change on a running Map Run. */
export interface MapRunUpdate {
  /** Children running at once; 0: as many as there are (up to AWS's 10,000). */
  maxConcurrency?: number;
  toleratedFailureCount?: number;
  /** 0 to 100. */
  toleratedFailurePercentage?: number;
}

/**
 * The limits of one running Distributed Map run, which UpdateMapRun changes
 * while it runs: the worker pool reads `maxConcurrency` each time it could
 * start a child (and is told when it grows), the failure check reads the
 * tolerances each time a child fails.
 */
export class MapRunControls {
  private readonly listeners = new Set<() => void>();

  constructor(
    public maxConcurrency: number,
    public toleratedFailureCount: number,
    public toleratedFailurePercentage: number,
  ) {}

  /** Whether `failures` of `total` children are within the tolerances. */
  tolerates(failures: number, total: number): boolean {
    const percent = this.toleratedFailurePercentage;
    return failures <= this.toleratedFailureCount || (percent > 0 && (failures / total) * 100 <= percent);
  }

  /** Calls `listener` after each update; returns what stops it. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Applies an update (checked first: a bad value changes nothing) and tells the listeners. */
  update(changes: MapRunUpdate): void {
    const { maxConcurrency, toleratedFailureCount, toleratedFailurePercentage } = changes;
    for (const [field, value] of Object.entries({ maxConcurrency, toleratedFailureCount })) {
      if (value !== undefined && !(Number.isInteger(value) && value >= 0)) throw new RangeError(`${field} must be a whole number of at least 0, not ${String(value)}`);
    }
    const percent = toleratedFailurePercentage;
    if (percent !== undefined && !(typeof percent === 'number' && percent >= 0 && percent <= 100)) {
      throw new RangeError(`toleratedFailurePercentage must be a number from 0 to 100, not ${String(percent)}`);
    }
    if (maxConcurrency !== undefined) this.maxConcurrency = maxConcurrency;
    if (toleratedFailureCount !== undefined) this.toleratedFailureCount = toleratedFailureCount;
    if (percent !== undefined) this.toleratedFailurePercentage = percent;
    for (const listener of this.listeners) listener();
  }
}
