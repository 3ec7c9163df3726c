import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { CompiledWorkflow, CompileOptions, CompileResult } from '../compile.js';
import { CompileDiagnostic, type DiagnosticCode, type DiagnosticFix, type SourceSpan } from '../diagnostics/index.js';
import { CodeCache } from '../startup/index.js';
import { compilerFingerprint } from './compiler-fingerprint.js';
import { fingerprintOf, inputsUnchanged, type ProgramInputs } from './program-inputs.js';

/** A compile's result as a cache file holds it. */
interface Entry {
  format: typeof FORMAT;
  /** The options, as the file name's hash was made of them (guards against a hash collision). */
  key: string;
  compiler: string;
  inputs: ProgramInputs;
  workflows: CompiledWorkflow[];
  diagnostics: { code: DiagnosticCode; message: string; span: SourceSpan; frame: string; fix?: DiagnosticFix }[];
}

const FORMAT = 1;
/** Past this many results in a folder, the least recently written are removed down to `KEEP`. */
const LIMIT = 256;
const KEEP = 192;

/**
 * Results of earlier `compile()` calls, one file per set of options, like
 * tsc's build info: a compile whose files, imports, tsconfig and compiler are
 * all unchanged since the last compile with the same options returns that
 * compile's result without loading TypeScript. Any difference (a file's
 * text, a file that module resolution looked for and now exists, a new
 * `@types` package, another compiler build) makes the compile run again.
 *
 * It lives beside the V8 code cache (`CodeCache.fromEnvironment`:
 * `TYPESTEP_CACHE_DIR`, else `node_modules/.cache/typestep`, else
 * `~/.cache/typestep`). `TYPESTEP_NO_BUILD_CACHE=1` turns it off,
 * `TYPESTEP_NO_CACHE=1` turns off both caches. A compile of
 * a `project`, or of globs (whose matches it cannot check without
 * TypeScript), is never cached. Every failure only means compiling.
 *
 * @example
 * const cache = BuildCache.forCompile(options);
 * const result = cache?.read() ?? (await compileAgain(options));
 */
export class BuildCache {
  private constructor(
    readonly folders: readonly string[],
    /** The files the options name, as absolute paths. */
    readonly roots: readonly string[],
    /** The tsconfig the options name, as an absolute path. */
    readonly tsconfig: string | undefined,
    private readonly key: string,
    private readonly compiler: () => string,
  ) {}

  /** The cache of a compile with `options`, or undefined when such a compile is not cached. */
  static forCompile(options: CompileOptions, compiler: () => string = compilerFingerprint, env: Record<string, string | undefined> = process.env): BuildCache | undefined {
    if (env.TYPESTEP_NO_BUILD_CACHE && env.TYPESTEP_NO_BUILD_CACHE !== '0') return undefined;
    if (options.project || !options.files?.length || options.files.some((file) => /[*?[\]{}!]/.test(file))) return undefined;
    const folders = CodeCache.fromEnvironment(createRequire(import.meta.url).resolve('ts-morph'), env)?.folders;
    if (!folders) return undefined;
    const roots = options.files.map((file) => resolve(file));
    const tsconfig = options.tsconfig ? resolve(options.tsconfig) : undefined;
    const key = JSON.stringify({ cwd: process.cwd(), roots, tsconfig: tsconfig ?? null, strictSchema: options.strictSchema === true });
    return new BuildCache(folders, roots, tsconfig, key, compiler);
  }

  /** The result of the last compile with these options, when nothing it depends on has changed since. */
  read(): CompileResult | undefined {
    for (const folder of this.folders) {
      let entry: Entry;
      try {
        entry = parseEntry(readFileSync(join(folder, this.fileName), 'utf8'));
      } catch {
        continue; // None here, or damaged: try the next folder.
      }
      if (entry.format !== FORMAT || entry.key !== this.key || entry.compiler !== this.compiler() || !inputsUnchanged(entry.inputs)) return undefined;
      const diagnostics = entry.diagnostics.map(({ code, message, span, frame, fix }) => new CompileDiagnostic(code, message, span, frame, fix));
      return { workflows: entry.workflows, diagnostics };
    }
    return undefined;
  }

  /** Keeps `result` with what it was made from; false when no folder took it. */
  write(result: CompileResult, inputs: ProgramInputs): boolean {
    const entry: Entry = {
      format: FORMAT,
      key: this.key,
      compiler: this.compiler(),
      inputs,
      workflows: result.workflows,
      diagnostics: result.diagnostics.map(({ code, message, span, frame, fix }) => ({ code, message, span, frame, ...(fix ? { fix } : {}) })),
    };
    const json = JSON.stringify(entry);
    const text = `${fingerprintOf(json)}\n${json}`;
    for (const folder of this.folders) {
      try {
        mkdirSync(folder, { recursive: true });
        // Written aside and renamed: a concurrent compile reads the old file or the whole new one.
        const partial = join(folder, `${this.fileName}.${process.pid}.partial`);
        writeFileSync(partial, text);
        renameSync(partial, join(folder, this.fileName));
        removeOldest(folder);
        return true;
      } catch {
        // Unwritable: try the next folder.
      }
    }
    return false;
  }

  private get fileName(): string {
    return `build-${fingerprintOf(this.key).slice(0, 24)}.json`;
  }
}

/** The entry a cache file holds, after checking the digest on its first line; throws when it does not match. */
function parseEntry(text: string): Entry {
  const newline = text.indexOf('\n');
  const json = text.slice(newline + 1);
  if (newline !== 64 || fingerprintOf(json) !== text.slice(0, newline)) throw new Error('damaged build cache entry');
  return JSON.parse(json) as Entry;
}

/** Keeps a folder's results to `LIMIT`: past it, only the `KEEP` most recently written stay. */
function removeOldest(folder: string): void {
  const entries = readdirSync(folder).filter((name) => name.startsWith('build-') && name.endsWith('.json'));
  if (entries.length <= LIMIT) return;
  const written = entries.map((name) => ({ name, at: statSync(join(folder, name)).mtimeMs })).sort((a, b) => b.at - a.at);
  for (const { name } of written.slice(KEEP)) rmSync(join(folder, name), { force: true });
}
