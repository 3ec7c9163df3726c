import { readFileSync, writeFileSync } from 'node:fs';
import { renderExecutionReport } from '@typestep/graph';
import type { HistoryEvent, SourceLocation } from '@typestep/runtime';
import { openInBrowser, pageFileFor } from './open-in-browser.js';
import { STANDARD_STREAM } from './standard-streams.js';
import { systemMessage } from './system-message.js';

/**
 * `typestep run --report FILE`: the execution report (`@typestep/graph`'s
 * renderExecutionReport) written to `file`, with the text of every source
 * file the source map names that can be read now, for its code frames.
 * Returns a message when the file cannot be written.
 *
 * @example
 * await writeReportFile('run.html', definition, execution.history, sourceMap, 'build/Pay.asl.json') // undefined
 */
export async function writeReportFile(
  file: string,
  definition: object,
  history: readonly HistoryEvent[],
  sourceMap: Readonly<Record<string, SourceLocation>>,
  title: string,
): Promise<string | undefined> {
  const sources: Record<string, string> = {};
  for (const location of Object.values(sourceMap)) {
    if (Object.hasOwn(sources, location.file)) continue;
    try {
      sources[location.file] = readFileSync(location.file, 'utf8');
    } catch {
      // A source file moved or deleted since the compile: its states get their file:line without a frame.
    }
  }
  const html = await renderExecutionReport({ definition, history, sourceMap, sources, title });
  try {
    writeFileSync(file, html);
  } catch (error) {
    return `cannot write the report ${file}: ${systemMessage(error)}`;
  }
  return undefined;
}

/**
 * `--report F` and `--open` of `typestep run` and `typestep inspect`: writes
 * the page (to F, or with `--open` alone to a temporary file), says
 * `report: F` on stderr and opens it when asked. Returns a message when the
 * page could not be written (`written: false`) or the browser not started.
 *
 * @example
 * const outcome = await reportExecution({ report: args.report, open: args.open }, 'build/Pay.asl.json', definition, history, sourceMap);
 */
export async function reportExecution(
  options: { report?: string; open?: boolean },
  definitionFile: string,
  definition: object,
  history: readonly HistoryEvent[],
  sourceMap: Readonly<Record<string, SourceLocation>>,
): Promise<{ written: boolean; problem?: string }> {
  const file = options.report ?? (options.open ? pageFileFor(definitionFile, '.html') : undefined);
  if (file === undefined) return { written: false };
  const problem = await writeReportFile(file, definition, history, sourceMap, definitionFile === STANDARD_STREAM ? 'state machine' : definitionFile);
  if (problem) return { written: false, problem };
  process.stderr.write(`report: ${file}\n`);
  const notOpened = options.open ? await openInBrowser(file) : undefined;
  return notOpened ? { written: true, problem: notOpened } : { written: true };
}
