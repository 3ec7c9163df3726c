import type { CompileDiagnostic } from '@typestep/compiler';
import type { Project, ts } from 'ts-morph';

/** Where the checker reads the editor's text: tsserver's language service host (unsaved buffers included). */
export interface ScriptSource {
  getScriptVersion(fileName: string): string;
  getScriptSnapshot(fileName: string): ts.IScriptSnapshot | undefined;
}

/** What the checker runs (the compiler, which also makes its ts-morph project); loaded on the first workflow file, so a project without one pays nothing. */
export interface CheckerModules {
  compiler: typeof import('@typestep/compiler');
}

/**
 * typestep's diagnostics of the files an editor has open. Keeps one ts-morph
 * project for the life of the tsserver project: before each check it copies
 * in the text of the files whose version changed (tsserver's versions, so an
 * unsaved edit counts and an unchanged file is not read again), and it checks
 * a file once per state of the project: asked twice without an edit in
 * between, it answers from its cache.
 *
 * @example
 * const checker = new WorkflowChecker(info.languageServiceHost, () => info.project.getCompilerOptions(), loadModules);
 * checker.diagnostics('/repo/src/order.ts'); // CompileDiagnostic[]
 */
export class WorkflowChecker {
  /** How many times the compiler ran; the plugin logs it, the tests read it. */
  checks = 0;
  private project: Project | undefined;
  private modules: CheckerModules | undefined;
  /** Path → tsserver version of the text the project holds. */
  private readonly versions = new Map<string, string>();
  /** Path → diagnostics, for the project as it is now; emptied by any change. */
  private readonly cache = new Map<string, CompileDiagnostic[]>();

  constructor(
    private readonly source: ScriptSource,
    private readonly compilerOptions: () => ts.CompilerOptions,
    private readonly load: () => CheckerModules,
    private readonly options: { crashOn?: string } = {},
  ) {}

  /** The compiler's diagnostics for `fileName` (in any file; the caller keeps its own), from the cache when nothing changed. */
  diagnostics(fileName: string): CompileDiagnostic[] {
    if (this.options.crashOn && fileName.includes(this.options.crashOn)) throw new Error(`simulated crash checking ${fileName} (TYPESTEP_TS_PLUGIN_SIMULATE_CRASH)`);
    if (this.sync(fileName)) this.cache.clear();
    let diagnostics = this.cache.get(fileName);
    if (!diagnostics) {
      diagnostics = this.modules!.compiler.check({ project: this.project!, files: [fileName] });
      this.checks++;
      this.cache.set(fileName, diagnostics);
    }
    return diagnostics;
  }

  /** Brings the project up to the editor's text; true when anything changed. */
  private sync(fileName: string): boolean {
    this.modules ??= this.load();
    if (!this.project) {
      // `plugins` means nothing to the compiler; the rest (strict, module resolution, paths…) must match the editor's.
      const { plugins: _plugins, ...options } = this.compilerOptions();
      this.project = this.modules.compiler.createProject(options as never);
    }
    let changed = false;
    if (!this.project.getSourceFile(fileName)) {
      const text = this.textOf(fileName);
      if (text === undefined) throw new Error(`tsserver has no text for ${fileName}`);
      this.project.createSourceFile(fileName, text, { overwrite: true });
      this.versions.set(fileName, this.source.getScriptVersion(fileName));
      changed = true;
    }
    changed = this.syncFiles(this.project) || changed;
    if (changed) {
      // An edit may add an import: its module joins the project, read from disk, then brought to the editor's text too.
      const before = this.project.getSourceFiles().length;
      this.project.resolveSourceFileDependencies();
      if (this.project.getSourceFiles().length > before) this.syncFiles(this.project);
    }
    return changed;
  }

  /** Copies in the text of each file whose tsserver version moved; true when a text differed. */
  private syncFiles(project: Project): boolean {
    let changed = false;
    for (const file of project.getSourceFiles()) {
      // Libraries and node_modules do not change while the editor runs (an npm install restarts tsserver's project).
      if (file.isInNodeModules() || file.isFromExternalLibrary()) continue;
      const path = file.getFilePath();
      const version = this.source.getScriptVersion(path);
      if (this.versions.get(path) === version) continue;
      this.versions.set(path, version);
      const text = this.textOf(path);
      if (text === undefined) {
        project.removeSourceFile(file);
        this.versions.delete(path);
        changed = true;
      } else if (text !== file.getFullText()) {
        file.replaceWithText(text);
        changed = true;
      }
    }
    return changed;
  }

  private textOf(fileName: string): string | undefined {
    const snapshot = this.source.getScriptSnapshot(fileName);
    return snapshot?.getText(0, snapshot.getLength());
  }
}
