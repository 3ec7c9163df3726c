import { DiagnosticCategory, type Project, type SourceFile } from '../../ts-morph.js';
import type { DiagnosticCollector } from '../../diagnostics/index.js';

/**
 * TypeScript's own errors in `files`, each reported as `type_error`: a
 * workflow that does not type-check is not compiled (its meaning is unclear).
 *
 * @example
 * reportTypeErrors(project, [file], diagnostics)
 */
export function reportTypeErrors(project: Project, files: SourceFile[], diagnostics: DiagnosticCollector): void {
  const wanted = new Set(files.map((file) => file.getFilePath()));
  // File by file: the checker then checks only these files (their imports as far as it needs them), not the whole program — what keeps a watch-mode recompile of one file fast.
  for (const diagnostic of files.flatMap((file) => file.getPreEmitDiagnostics())) {
    if (diagnostic.getCategory() !== DiagnosticCategory.Error) continue;
    const file = diagnostic.getSourceFile();
    if (!file || !wanted.has(file.getFilePath())) continue;
    const start = diagnostic.getStart() ?? 0;
    const node = file.getDescendantAtPos(start) ?? file;
    const text = diagnostic.getMessageText();
    diagnostics.report('type_error', node, { text: typeof text === 'string' ? text : text.getMessageText() });
  }
}
