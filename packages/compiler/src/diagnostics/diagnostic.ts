import type { Node } from 'ts-morph';
import { codeFrame } from './code-frame.js';
import type { DiagnosticFix } from './fix.js';
import { messages, type DiagnosticCode } from './messages.js';

/** Where a diagnostic points: 1-based lines and columns, end exclusive. */
export interface SourceSpan {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * One problem found while compiling: a stable `code`, a message from the
 * catalog, the span it is about and a code frame. `toString()` is for people,
 * `toJSON()` for tools (and for the error fixtures). `fix` is there when the
 * suggested rewrite is mechanical.
 */
export class CompileDiagnostic {
  constructor(
    readonly code: DiagnosticCode,
    readonly message: string,
    readonly span: SourceSpan,
    readonly frame: string,
    readonly fix?: DiagnosticFix,
  ) {}

  /** Builds a diagnostic about `node` from the catalog entry `code`. */
  static at(code: DiagnosticCode, node: Node, params: Record<string, string | number> = {}, fix?: DiagnosticFix): CompileDiagnostic {
    const source = node.getSourceFile();
    const text = source.getFullText();
    const start = source.getLineAndColumnAtPos(node.getStart());
    const end = source.getLineAndColumnAtPos(node.getEnd());
    const span: SourceSpan = { file: source.getFilePath(), line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
    const message = (messages[code] as (p: Record<string, string | number>) => string)(params);
    return new CompileDiagnostic(code, message, span, codeFrame(text, span.line, span.column, span.endLine, span.endColumn), fix);
  }

  toString(): string {
    const { file, line, column } = this.span;
    const fix = this.fix ? `fix: ${this.fix.description}\n` : '';
    return `${file}:${line}:${column} - error ${this.code}: ${this.message}\n\n${this.frame}\n${fix}`;
  }

  /** The diagnostic as plain data; a fix's edits are in the diagnostic's own file, so they carry no `file`. */
  toJSON(): DiagnosticJson {
    const json: DiagnosticJson = { code: this.code, message: this.message, ...this.span };
    if (this.fix) {
      const edits = this.fix.edits.map(({ span: { line, column, endLine, endColumn }, newText }) => ({ line, column, endLine, endColumn, newText }));
      json.fix = { description: this.fix.description, edits };
    }
    return json;
  }
}

/** What `CompileDiagnostic.toJSON()` gives (what `typestep compile --json` prints). */
export interface DiagnosticJson extends SourceSpan {
  code: DiagnosticCode;
  message: string;
  fix?: { description: string; edits: { line: number; column: number; endLine: number; endColumn: number; newText: string }[] };
}

/**
 * Collects diagnostics through a whole compile, so one run reports every
 * problem. Every phase reports and recovers (a placeholder stands in for the
 * bad node and it goes on); a compile with any diagnostic writes no output.
 */
export class DiagnosticCollector {
  readonly diagnostics: CompileDiagnostic[] = [];
  /** Code and span of each reported diagnostic: code lowered twice (a `finally` block on each path) reports once. */
  private readonly seen = new Set<string>();

  report(code: DiagnosticCode, node: Node, params?: Record<string, string | number>, fix?: DiagnosticFix): void {
    const diagnostic = CompileDiagnostic.at(code, node, params, fix);
    // Code lowered more than once (an async helper inlined at each call, a `finally` on each path) reports its problem once.
    const { file, line, column, endLine, endColumn } = diagnostic.span;
    const key = `${code} ${file}:${line}:${column}-${endLine}:${endColumn}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.diagnostics.push(diagnostic);
  }

  get hasErrors(): boolean {
    return this.diagnostics.length > 0;
  }
}
