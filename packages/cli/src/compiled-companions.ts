import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { MachineSchema, SourceLocation } from '@typestep/runtime';
import { STANDARD_STREAM, readJsonFile } from './standard-streams.js';

/**
 * The files `typestep compile --out` writes beside `<Name>.asl.json`:
 * `<Name>.schema.json` and `<Name>.map.json`, when they exist.
 *
 * @example
 * companionFiles('build/ProcessOrder.asl.json') // { schema: 'build/ProcessOrder.schema.json', sourceMap: 'build/ProcessOrder.map.json' }
 */
export function companionFiles(definition: string): { schema?: string; sourceMap?: string } {
  if (definition === STANDARD_STREAM) return {};
  const base = join(dirname(definition), basename(definition).replace(/(\.asl)?\.json$/, ''));
  const found = (path: string) => (existsSync(path) ? path : undefined);
  return { schema: found(`${base}.schema.json`), sourceMap: found(`${base}.map.json`) };
}

/**
 * A compiled `<Name>.map.json` (state name → span, files relative to the map's
 * folder), with each file made relative to the working directory, as
 * messages print them; or a usage message.
 */
export function readSourceMap(file: string): Record<string, SourceLocation> | string {
  const read = readJsonFile(file, 'the source map');
  if ('problem' in read) return read.problem;
  if (!read.value || typeof read.value !== 'object' || Array.isArray(read.value)) return `the source map ${file} is not a JSON object of state name → { file, line, column }`;
  const folder = dirname(resolve(file));
  const map: Record<string, SourceLocation> = {};
  for (const [state, span] of Object.entries(read.value as Record<string, Partial<SourceLocation>>)) {
    if (!span || typeof span.file !== 'string' || typeof span.line !== 'number' || typeof span.column !== 'number') continue;
    const absolute = isAbsolute(span.file) ? span.file : resolve(folder, span.file);
    const end = typeof span.endLine === 'number' && typeof span.endColumn === 'number' ? { endLine: span.endLine, endColumn: span.endColumn } : {};
    map[state] = { file: relative(process.cwd(), absolute) || absolute, line: span.line, column: span.column, ...end };
  }
  return map;
}

/** A schema file (a compiled `<Name>.schema.json` or `{ input, output }`) as the runtime takes it; or a usage message. */
export function readSchemaFile(file: string): MachineSchema | string {
  const read = readJsonFile(file, 'the schema');
  if ('problem' in read) return read.problem;
  return read.value !== null && typeof read.value === 'object' && !Array.isArray(read.value) ? (read.value as MachineSchema) : `the schema ${file} is not a JSON object`;
}
