import { readFileSync, writeFileSync } from 'node:fs';
import { renderExecutionReport } from '@typestep/graph';
import type { HistoryEvent, SourceLocation } from '@typestep/runtime';
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
