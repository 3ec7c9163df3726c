import type { Project, SourceFile } from 'ts-morph';

/**
 * For each file of `project` that some other file imports, the files that
 * import it directly (imports, re-exports, `import type`, `import()` and
 * `import x = require()` alike). Declaration files and node_modules are
 * left out: a session does not follow their changes.
 *
 * @example
 * importersOf(project).get('/src/money.ts') // Set { '/src/order.workflow.ts' }
 */
export function importersOf(project: Project): Map<string, Set<string>> {
  const importers = new Map<string, Set<string>>();
  for (const file of project.getSourceFiles()) {
    if (!isOwnFile(file)) continue;
    for (const imported of file.getReferencedSourceFiles()) {
      if (!isOwnFile(imported)) continue;
      const path = imported.getFilePath();
      (importers.get(path) ?? importers.set(path, new Set()).get(path)!).add(file.getFilePath());
    }
  }
  return importers;
}

/**
 * `paths` and every file that imports one of them, directly or through
 * other files: what a change to `paths` can change the meaning of.
 *
 * @example
 * withImporters(['/src/money.ts'], importers) // Set { '/src/money.ts', '/src/order.workflow.ts' }
 */
export function withImporters(paths: Iterable<string>, importers: ReadonlyMap<string, ReadonlySet<string>>): Set<string> {
  const reached = new Set(paths);
  const pending = [...reached];
  while (pending.length > 0) {
    for (const importer of importers.get(pending.pop()!) ?? []) {
      if (reached.has(importer)) continue;
      reached.add(importer);
      pending.push(importer);
    }
  }
  return reached;
}

/**
 * A source file of the program's own: not a declaration file (a package's
 * types, TypeScript's lib, or a workspace package linked into node_modules,
 * which TypeScript sees at its real path), and not under node_modules.
 */
export function isOwnFile(file: SourceFile): boolean {
  return !file.isDeclarationFile() && !file.isInNodeModules() && !file.isFromExternalLibrary();
}
