import type { HandlerMap, HandlerRegistry } from '@typestep/runtime';
import { loadHandlersModule } from './handlers-module.js';
import { readText } from './standard-streams.js';

/** What answers Task states: the `--handlers` module and the `--mock-config` file's text. */
export interface TaskSources {
  handlers?: HandlerRegistry | HandlerMap;
  mockConfig?: string;
}

/**
 * Loads `--handlers` and reads `--mock-config` (`run` and `serve` take both);
 * returns a usage message when either cannot be loaded.
 */
export async function loadTaskSources(args: { handlers?: string; mockConfig?: string }): Promise<TaskSources | string> {
  const sources: TaskSources = {};
  if (args.handlers) {
    const loaded = await loadHandlersModule(args.handlers);
    if (typeof loaded === 'string') return loaded;
    sources.handlers = loaded;
  }
  if (args.mockConfig !== undefined) {
    const read = readText(args.mockConfig);
    if ('problem' in read) return `cannot read the mock configuration ${args.mockConfig}: ${read.problem}`;
    sources.mockConfig = read.text;
  }
  return sources;
}
