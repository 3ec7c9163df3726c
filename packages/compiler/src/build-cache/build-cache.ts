import { resolve } from 'node:path';
import type { CompiledWorkflow, CompileOptions, CompileResult } from '../compile.js';
import { CompileDiagnostic, type DiagnosticCode, type DiagnosticFix, type SourceSpan } from '../diagnostics/index.js';
import { compilerFingerprint } from './compiler-fingerprint.js';
import { buildCacheFolders, fingerprintOf, readCacheFile, writeCacheFile } from './cache-file.js';
import { inputsUnchanged, type ProgramInputs } from './program-inputs.js';

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
    if (options.project || !options.files?.length || options.files.some((file) => /[*?[\]{}!]/.test(file))) return undefined;
    const folders = buildCacheFolders(env);
    if (!folders) return undefined;
    const roots = options.files.map((file) => resolve(file));
    const tsconfig = options.tsconfig ? resolve(options.tsconfig) : undefined;
    const key = JSON.stringify({ cwd: process.cwd(), roots, tsconfig: tsconfig ?? null, strictSchema: options.strictSchema === true });
    return new BuildCache(folders, roots, tsconfig, key, compiler);
  }

  /** The result of the last compile with these options, when nothing it depends on has changed since. */
  read(): CompileResult | undefined {
    const text = readCacheFile(this.folders, this.fileName);
    if (text === undefined) return undefined;
    const entry = JSON.parse(text) as Entry;
    if (entry.format !== FORMAT || entry.key !== this.key || entry.compiler !== this.compiler() || !inputsUnchanged(entry.inputs)) return undefined;
    const diagnostics = entry.diagnostics.map(({ code, message, span, frame, fix }) => new CompileDiagnostic(code, message, span, frame, fix));
    return { workflows: entry.workflows, diagnostics };
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
    return writeCacheFile(this.folders, this.fileName, JSON.stringify(entry));
  }

  private get fileName(): string {
    return `build-${fingerprintOf(this.key).slice(0, 24)}.json`;
  }
}

