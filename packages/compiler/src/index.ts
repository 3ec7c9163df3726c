export { compile } from './compile.js';
export { createDefaultProject } from './program/index.js';
export type { CompileOptions, CompileResult, CompiledWorkflow } from './compile.js';
export type { SourceMapEntry } from './phases/4-emit/index.js';
export { codeFrame, CompileDiagnostic, DiagnosticCollector, messages, type DiagnosticCode, type SourceSpan } from './diagnostics/index.js';
export * from './schema/index.js';
