import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Project, SourceFile } from 'ts-morph';
import { byPosition, compile, openProject, type CompileOptions, type CompileResult, type CompiledWorkflow } from '../compile.js';
import type { CompileDiagnostic } from '../diagnostics/index.js';
import { importersOf, isOwnFile, withImporters } from './import-graph.js';

/**
 * A file that changed: its path (read again from disk; a path that no longer
 * exists is a removed file), or its path and text (an editor's unsaved buffer).
 */
export type FileChange = string | { path: string; text: string };

/** What {@link CompileSession.update} recompiled, and what left the session. */
export interface SessionUpdate extends CompileResult {
  /** The workflow files compiled again: changed, added, or importing a changed file. Their workflows and diagnostics are `workflows` and `diagnostics`. */
  recompiled: string[];
  /** Workflow files that left the session: removed from disk (or renamed away). */
  removedFiles: string[];
  /** Workflows no file declares any more (their file was removed, or it now declares other names); a file with problems keeps its names until it compiles again. */
  removedWorkflows: string[];
}

/** A TypeScript source file's name. */
const SOURCE_FILE = /\.(?:ts|tsx|mts|cts)$/;

/** One workflow file's last compile. */
interface FileState {
  workflows: CompiledWorkflow[];
  diagnostics: CompileDiagnostic[];
  /** The workflow names of its last compile without problems. */
  declared: string[];
}

/**
 * A long-lived compile: one ts-morph project that stays open, and
 * {@link CompileSession.update} recompiling only the workflow files a change
 * can affect — the changed files and the files that import them, directly or
 * not. TypeScript re-creates its program from the previous one (unchanged
 * files are neither read nor parsed again) and checks only those files. What
 * `typestep compile --watch` and editor integrations use.
 *
 * @example
 * const session = await CompileSession.open({ files: ['src/*.workflow.ts'] });
 * console.log(session.result.workflows.map((w) => w.name)); // the first, full compile
 * const update = await session.update(['src/order.workflow.ts']);
 * for (const w of update.workflows) writeFileSync(`build/${w.name}.asl.json`, w.text);
 */
export class CompileSession {
  /** The workflow files, in the order a full compile takes them (it decides which of two same-named workflows is the duplicate). */
  private roots: string[];
  private readonly states = new Map<string, FileState>();
  private running: Promise<unknown> = Promise.resolve();

  private constructor(
    /** The project the session keeps open. */
    readonly project: Project,
    roots: SourceFile[],
    private readonly options: CompileOptions,
  ) {
    this.roots = roots.map((file) => file.getFilePath());
  }

  /**
   * Opens a session on what `options` names (as {@link compile} takes it) and
   * compiles every workflow file once: `result` is then what `compile(options)`
   * would return.
   *
   * @example
   * const session = await CompileSession.open({ files: ['src/*.workflow.ts'], tsconfig: 'tsconfig.json' });
   */
  static async open(options: CompileOptions): Promise<CompileSession> {
    const { project, files } = openProject(options);
    const session = new CompileSession(project, files, options);
    await session.compileRoots(session.roots);
    return session;
  }

  /** Every workflow of the files without problems and every diagnostic, as they stand now (what a full compile would return). */
  get result(): CompileResult {
    const states = this.roots.map((root) => this.states.get(root)!);
    return { workflows: states.flatMap((state) => state.workflows), diagnostics: states.flatMap((state) => state.diagnostics).sort(byPosition) };
  }

  /** The workflow files of the session. */
  get files(): string[] {
    return [...this.roots];
  }

  /** Every source file of the program that is not a package's or TypeScript's own: the workflow files and what they import (what to watch). */
  get sourceFiles(): string[] {
    return this.project.getSourceFiles().filter(isOwnFile).map((file) => file.getFilePath());
  }

  /**
   * Takes in changed, added and removed files and recompiles the workflow
   * files they can affect. An added file becomes a workflow file when it
   * matches the session's `files` globs (or, for a session on a given project,
   * always); a path the session never read and that matches nothing is
   * ignored. Adding or removing a file also recompiles the files that have
   * problems (an import that did not resolve may now). Calls made while
   * one runs wait for it, in order.
   *
   * @example
   * const { recompiled, workflows, diagnostics, removedWorkflows } = await session.update(['src/money.ts']);
   */
  update(changes: readonly FileChange[]): Promise<SessionUpdate> {
    // One update at a time: an editor may send the next change before the last one is compiled.
    const next = this.running.then(() => this.apply(changes));
    this.running = next.catch(() => undefined);
    return next;
  }

  private async apply(changes: readonly FileChange[]): Promise<SessionUpdate> {
    // Who imports what, read before any file is replaced: a removed file's importers are only known from here.
    const importers = importersOf(this.project);
    const changed = new Set<string>();
    const texts = new Map<string, string>();
    const removed = new Set<string>();
    const added: Array<{ path: string; text?: string }> = [];
    for (const change of changes) {
      const path = resolve(typeof change === 'string' ? change : change.path);
      const text = typeof change === 'string' ? readText(path) : change.text;
      const file = this.project.getSourceFile(path);
      if (!file) {
        if (text !== undefined) added.push({ path, ...(typeof change === 'string' ? {} : { text }) });
      } else if (text === undefined) {
        this.project.removeSourceFile(file);
        removed.add(path);
        changed.add(path);
      } else if (text !== file.getFullText()) {
        texts.set(path, text);
        changed.add(path);
      }
    }
    const newRoots = this.addFiles(added);
    const affected = withImporters([...changed, ...this.rootsToRetry(added.length > 0 || removed.size > 0)], importers);
    for (const path of removed) affected.delete(path);
    // Every file the change can reach is parsed again, not edited in place: the compiler caches facts per syntax node and per file, and ts-morph keeps a file's nodes across in-place edits.
    for (const path of affected) this.replaceFile(path, texts.get(path));
    // A file an edit started to import joins the project, so that its own changes are followed too.
    if (affected.size > 0 || added.length > 0) this.project.resolveSourceFileDependencies();

    const removedFiles = this.roots.filter((root) => removed.has(root));
    const before = new Set(this.roots.flatMap((root) => this.states.get(root)?.declared ?? []));
    for (const root of removedFiles) this.states.delete(root);
    this.roots = [...this.roots.filter((root) => !removed.has(root)), ...newRoots];
    const result = await this.compileRoots(this.roots.filter((root) => affected.has(root) || newRoots.includes(root)));
    const after = new Set(this.roots.flatMap((root) => this.states.get(root)!.declared));
    return { ...result, recompiled: result.files, removedFiles, removedWorkflows: [...before].filter((name) => !after.has(name)) };
  }

  /**
   * Workflow files to compile again whatever changed: those whose name clash
   * may have gone, and, when files were added or removed, every file with a
   * problem (an import that did not resolve may now).
   */
  private rootsToRetry(filesCameOrWent: boolean): string[] {
    return this.roots.filter((root) => {
      const diagnostics = this.states.get(root)?.diagnostics ?? [];
      return filesCameOrWent ? diagnostics.length > 0 : diagnostics.some((diagnostic) => diagnostic.code === 'workflow_name_duplicate');
    });
  }

  /** Adds the files that appeared; returns those that are workflow files. */
  private addFiles(added: ReadonlyArray<{ path: string; text?: string }>): string[] {
    if (added.length === 0) return [];
    for (const { path, text } of added) if (text !== undefined) this.project.createSourceFile(path, text, { overwrite: true });
    const known = new Set(this.roots);
    if (!this.options.files) {
      // A session on a given project takes every TypeScript source that appears.
      const sources = added.filter(({ path }) => SOURCE_FILE.test(path) && !path.endsWith('.d.ts'));
      for (const { path, text } of sources) if (text === undefined) this.project.addSourceFileAtPath(path);
      return sources.map(({ path }) => path).filter((path) => !known.has(path));
    }
    // The globs decide, as in a full compile; walking them again also finds files created while no one watched.
    const matched = this.project.addSourceFilesAtPaths(this.options.files).map((file) => file.getFilePath());
    return matched.filter((path) => !known.has(path));
  }

  /** Parses `path` again from `text`, or from the text it has (its nodes are then new). */
  private replaceFile(path: string, text: string | undefined): void {
    const file = this.project.getSourceFile(path);
    if (!file) return;
    const source = text ?? file.getFullText();
    this.project.removeSourceFile(file);
    this.project.createSourceFile(path, source, { overwrite: true });
  }

  /** Compiles `roots` (one at a time, so each file's diagnostics are its own) and records each file's result; a workflow name another file also declares is compiled with that file, which reports the duplicate. */
  private async compileRoots(roots: readonly string[]): Promise<CompileResult & { files: string[] }> {
    const compiled = new Set<string>();
    for (const root of roots) {
      if (compiled.has(root)) continue;
      let group = [root];
      let result = await this.compileGroup(group);
      const clashes = this.namesClashingWith(root, result.workflows);
      if (clashes.length > 0) {
        group = this.roots.filter((path) => path === root || clashes.includes(path));
        result = await this.compileGroup(group);
      }
      for (const path of group) compiled.add(path);
    }
    const files = this.roots.filter((root) => compiled.has(root));
    const states = files.map((root) => this.states.get(root)!);
    return { files, workflows: states.flatMap((state) => state.workflows), diagnostics: states.flatMap((state) => state.diagnostics).sort(byPosition) };
  }

  /** Compiles the files of `group` together and records what each one gave. */
  private async compileGroup(group: readonly string[]): Promise<CompileResult> {
    const result = await compile({ project: this.project, files: [...group], ...(this.options.strictSchema ? { strictSchema: true } : {}) });
    for (const path of group) {
      // A diagnostic in an imported file belongs to the first file of the group (in practice a group has one file).
      const own = (diagnostic: CompileDiagnostic) => diagnostic.span.file === path || (path === group[0] && !group.includes(diagnostic.span.file));
      const diagnostics = result.diagnostics.filter(own);
      const workflows = result.workflows.filter((workflow) => workflow.file === path);
      const declared = diagnostics.length === 0 ? workflows.map((workflow) => workflow.name) : (this.states.get(path)?.declared ?? []);
      this.states.set(path, { workflows, diagnostics, declared });
    }
    return result;
  }

  /** The other workflow files whose last good compile declared one of the names `workflows` have. */
  private namesClashingWith(root: string, workflows: readonly CompiledWorkflow[]): string[] {
    const names = new Set(workflows.map((workflow) => workflow.name));
    return this.roots.filter((path) => path !== root && (this.states.get(path)?.workflows ?? []).some((workflow) => names.has(workflow.name)));
  }
}

/** The text of `path`, or undefined when it does not exist (or is no longer a file). */
function readText(path: string): string | undefined {
  try {
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}
