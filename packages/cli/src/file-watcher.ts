import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

/**
 * Watches directories (not files: an editor that saves by writing a new
 * file and renaming it over the old one replaces the file a file watch
 * would follow) and hands over the paths that changed in batches: a batch is
 * sent once no event came for `debounceMs`, so one save (often several
 * events) is one batch.
 *
 * @example
 * const watcher = new FileWatcher((path) => path.endsWith('.ts'), (paths) => recompile(paths));
 * watcher.watch(['src']);
 */
export class FileWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly accept: (path: string) => boolean,
    private readonly onChange: (paths: string[]) => void,
    private readonly onProblem: (message: string) => void,
    private readonly debounceMs = 30,
  ) {}

  /**
   * Watches exactly `directories` from now on (each without its
   * subdirectories): new ones are added, ones no longer listed closed.
   */
  watch(directories: readonly string[]): void {
    const wanted = new Set(directories);
    for (const [dir, watcher] of this.watchers) {
      if (wanted.has(dir)) continue;
      watcher.close();
      this.watchers.delete(dir);
    }
    for (const dir of wanted) {
      if (this.watchers.has(dir)) continue;
      try {
        const watcher = watch(dir, (_event, name) => {
          if (name) this.noticed(join(dir, name.toString()));
        });
        // A directory that goes away ends its watch; its files' removal was already noticed.
        watcher.on('error', () => {
          watcher.close();
          this.watchers.delete(dir);
        });
        this.watchers.set(dir, watcher);
      } catch (error) {
        this.onProblem(`cannot watch ${dir}: ${(error as Error).message}`);
      }
    }
  }

  /** Stops every watch and drops the changes not yet handed over. */
  close(): void {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
    this.pending.clear();
    clearTimeout(this.timer);
  }

  private noticed(path: string): void {
    if (!this.accept(path)) return;
    this.pending.add(path);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const paths = [...this.pending];
      this.pending.clear();
      this.onChange(paths);
    }, this.debounceMs);
  }
}
