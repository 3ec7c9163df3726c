export { check, compile } from './compile.js';
export { CompileSession, type FileChange, type SessionUpdate } from './watch/index.js';
export { createDefaultProject, createProject } from './program/index.js';
export type { CompileOptions, CompileResult, CompiledWorkflow } from './compile.js';
export type { SourceMapEntry } from './phases/4-emit/index.js';
export { codeFrame, CompileDiagnostic, DiagnosticCollector, messages, type DiagnosticCode, type DiagnosticFix, type DiagnosticJson, type SourceEdit, type SourceSpan } from './diagnostics/index.js';
export * from './schema/index.js';
