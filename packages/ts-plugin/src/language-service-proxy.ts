import type { ts } from 'ts-morph';
import { codeOfNumber, diagnosticNumbers } from './diagnostic-numbers.js';
import { rangeOf, toCodeFix, toEditorDiagnostic, unavailableDiagnostic } from './editor-diagnostics.js';
import { CompilerUnavailableError } from './load-modules.js';
import type { WorkflowChecker } from './workflow-checker.js';

/** What the proxy needs from tsserver: the language service it wraps, TypeScript itself and a log. */
export interface ProxyContext {
  languageService: ts.LanguageService;
  typescript: typeof ts;
  checker: WorkflowChecker;
  log(message: string): void;
}

/** The module a file must import to be a workflow file; others are never compiled. */
const DSL_MODULE = '@typestep/dsl';

/**
 * A language service that answers like `languageService` and adds typestep's
 * diagnostics to the semantic ones of workflow files (files that import
 * `@typestep/dsl`), with quick fixes where the compiler has a mechanical
 * rewrite. Whatever goes wrong in typestep's part is logged and the editor
 * gets TypeScript's own answer: the plugin never takes diagnostics away.
 *
 * @example
 * create(info) { return createLanguageServiceProxy({ languageService: info.languageService, typescript, checker, log }); }
 */
export function createLanguageServiceProxy(context: ProxyContext): ts.LanguageService {
  const { languageService, typescript, log } = context;
  const proxy = Object.create(null) as Record<string, unknown>;
  for (const [name, member] of Object.entries(languageService)) {
    proxy[name] = typeof member === 'function' ? (...args: unknown[]) => member.apply(languageService, args) : member;
  }
  const service = proxy as unknown as ts.LanguageService;

  /** Runs typestep's part of a request; on any error, logs it and gives `fallback`. */
  function guarded<T>(request: string, fileName: string, fallback: T, work: () => T): T {
    try {
      return work();
    } catch (error) {
      log(`typestep: ${request} of ${fileName} failed; the editor gets TypeScript's answer alone: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return fallback;
    }
  }

  service.getSemanticDiagnostics = (fileName) => {
    const own = languageService.getSemanticDiagnostics(fileName);
    return guarded('getSemanticDiagnostics', fileName, own, () => {
      const file = workflowFile(fileName);
      if (!file) return own;
      const started = Date.now();
      const checks = context.checker.checks;
      let added: ts.Diagnostic[];
      try {
        added = typestepDiagnostics(fileName).map((diagnostic) => toEditorDiagnostic(diagnostic, file, typescript));
      } catch (error) {
        // A missing compiler is said in the file itself, where it is seen; other errors only go to the log.
        if (!(error instanceof CompilerUnavailableError)) throw error;
        log(`typestep: ${error.message}`);
        return [...own, unavailableDiagnostic(error.message, file, typescript)];
      }
      if (context.checker.checks !== checks) log(`typestep: checked ${fileName} in ${Date.now() - started} ms: ${added.length} diagnostic(s)`);
      return [...own, ...added];
    });
  };

  service.getCodeFixesAtPosition = (fileName, start, end, errorCodes, formatOptions, preferences) => {
    const theirs = errorCodes.filter((code) => codeOfNumber(code) === undefined);
    const own = theirs.length > 0 ? languageService.getCodeFixesAtPosition(fileName, start, end, theirs, formatOptions, preferences) : [];
    if (theirs.length === errorCodes.length) return own;
    return guarded('getCodeFixesAtPosition', fileName, own, () => {
      const file = workflowFile(fileName);
      if (!file) return own;
      const wanted = new Set(errorCodes);
      const fixes = typestepDiagnostics(fileName).flatMap((diagnostic) => {
        if (!wanted.has(diagnosticNumbers[diagnostic.code])) return [];
        const { start: from, length } = rangeOf(diagnostic.span, file);
        // The request names the diagnostic's range; any overlap with it counts (an empty range is a cursor inside it).
        if (from > end || from + length < start) return [];
        return [toCodeFix(diagnostic, file)].filter((fix): fix is ts.CodeFixAction => fix !== undefined);
      });
      return [...own, ...fixes];
    });
  };

  // Editors ask for quick fixes only for codes this list names (VS Code does).
  service.getSupportedCodeFixes = (fileName) => {
    const own = languageService.getSupportedCodeFixes(fileName);
    return [...own, ...Object.values(diagnosticNumbers).map(String)];
  };

  /** The program's file when it imports `@typestep/dsl`; undefined for any other file. */
  function workflowFile(fileName: string): ts.SourceFile | undefined {
    const file = languageService.getProgram()?.getSourceFile(fileName);
    if (!file || file.isDeclarationFile) return undefined;
    const importsDsl = file.statements.some(
      (statement) => typescript.isImportDeclaration(statement) && typescript.isStringLiteral(statement.moduleSpecifier) && statement.moduleSpecifier.text === DSL_MODULE,
    );
    return importsDsl ? file : undefined;
  }

  /** The file's own typestep diagnostics. TypeScript's errors (`type_error`) are left out: the editor shows them already. */
  function typestepDiagnostics(fileName: string) {
    return context.checker.diagnostics(fileName).filter((diagnostic) => diagnostic.code !== 'type_error' && diagnostic.span.file === fileName);
  }

  return service;
}
