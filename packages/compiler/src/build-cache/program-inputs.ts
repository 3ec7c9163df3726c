import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ts, type Project } from '../ts-morph.js';
import { HOST_GLOBALS_FILE } from '../program/index.js';
import { fingerprintOf } from './cache-file.js';

/**
 * Everything on disk a compile's result depends on, beyond the compiler
 * itself: what a later process checks before it reuses that result.
 */
export interface ProgramInputs {
  /** Every file the program read (sources, declarations, tsconfigs, package.json files of resolved packages) → SHA-256 of its text. */
  files: Record<string, string>;
  /** Paths module resolution looked for and did not find: one that appears could change what an import means. */
  absent: string[];
  /** The `@types` folders whose listing decides which type packages a program includes → hash of the listing, null when the folder is missing. */
  folders: Record<string, string | null>;
}

/** The resolution records of TypeScript's program that the public API leaves out (TypeScript 5.3 and later have them). */
interface ResolutionRecords {
  forEachResolvedModule?(callback: (resolution: Resolution) => void): void;
  forEachResolvedTypeReferenceDirective?(callback: (resolution: Resolution) => void): void;
  getAutomaticTypeDirectiveResolutions?(): { forEach(callback: (resolution: Resolution) => void): void } | undefined;
}
interface Resolution {
  failedLookupLocations?: readonly string[];
  affectingLocations?: readonly string[];
}

/**
 * What `project`'s program read and looked for, or undefined when that cannot
 * be told in full (a file that is not on disk, a TypeScript without the
 * resolution records): such a compile is not cached. `roots` are the files
 * the compile was asked for; one that does not exist counts as absent.
 * `tsconfig` is the tsconfig the compile read its options from, if any.
 *
 * @example
 * const inputs = programInputs(project, ['/app/src/order.ts']);
 * // { files: { '/app/src/order.ts': '9f2c…', … }, absent: ['/app/src/helpers.tsx', …], folders: { '/app/node_modules/@types': '…' } }
 */
export function programInputs(project: Project, roots: readonly string[], tsconfig?: string): ProgramInputs | undefined {
  const program = project.getProgram().compilerObject;
  const records = program as unknown as ResolutionRecords;
  if (!records.forEachResolvedModule || !records.forEachResolvedTypeReferenceDirective || !records.getAutomaticTypeDirectiveResolutions) return undefined;
  const files: Record<string, string> = {};
  const absent = new Set<string>();
  // A file TypeScript parsed is recorded by the text it parsed, not read again: an edit made during the compile is seen next time.
  const record = (path: string, text: string | undefined): boolean => {
    if (path in files) return true;
    if (text === undefined) text = textOf(path);
    if (text === undefined) return false;
    files[path] = fingerprintOf(text);
    return true;
  };
  for (const file of program.getSourceFiles()) {
    // The lib files and the host globals are the compiler's own (in memory): its fingerprint covers them.
    if (program.isSourceFileDefaultLibrary(file) || file.fileName === HOST_GLOBALS_FILE) continue;
    if (!existsSync(file.fileName) || !record(file.fileName, file.text)) return undefined;
  }
  const options = program.getCompilerOptions();
  if (tsconfig) {
    // ts-morph hands TypeScript the options it read, not the file: the tsconfig and the ones it extends are read here.
    const config = ts.readJsonConfigFile(tsconfig, ts.sys.readFile) as import('ts-morph').ts.TsConfigSourceFile & { extendedSourceFiles?: string[] };
    ts.parseJsonSourceFileConfigFileContent(config, ts.sys, dirname(tsconfig));
    for (const path of [tsconfig, ...(config.extendedSourceFiles ?? [])]) if (!record(path, undefined)) return undefined;
  }
  for (const root of roots) if (!(root in files) && !existsSync(root)) absent.add(root);
  const note = (resolution: Resolution) => {
    for (const path of resolution.failedLookupLocations ?? []) absent.add(path);
    for (const path of resolution.affectingLocations ?? []) if (!record(path, undefined)) absent.add(path);
  };
  records.forEachResolvedModule(note);
  records.forEachResolvedTypeReferenceDirective(note);
  records.getAutomaticTypeDirectiveResolutions()?.forEach(note);
  const folders: Record<string, string | null> = {};
  for (const folder of ts.getEffectiveTypeRoots(options, { getCurrentDirectory: () => program.getCurrentDirectory() }) ?? []) {
    folders[folder] = listingOf(folder);
  }
  return { files, absent: [...absent].sort(), folders };
}

/**
 * Whether the disk still holds what `inputs` recorded: the same texts, none of
 * the absent paths, the same `@types` listings.
 *
 * @example
 * if (inputsUnchanged(entry.inputs)) return entry.result;
 */
export function inputsUnchanged(inputs: ProgramInputs): boolean {
  for (const [path, fingerprint] of Object.entries(inputs.files)) {
    const text = textOf(path);
    if (text === undefined || fingerprintOf(text) !== fingerprint) return false;
  }
  for (const path of inputs.absent) if (existsSync(path)) return false;
  for (const [folder, listing] of Object.entries(inputs.folders)) if (listingOf(folder) !== listing) return false;
  return true;
}

/** A file's text as TypeScript reads it (UTF-8, without a byte order mark), or undefined when it cannot be read. */
function textOf(path: string): string | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

/** A hash of a folder's sorted entry names, or null when it cannot be listed. */
function listingOf(folder: string): string | null {
  try {
    return fingerprintOf(readdirSync(folder).sort().join('\n'));
  } catch {
    return null;
  }
}
