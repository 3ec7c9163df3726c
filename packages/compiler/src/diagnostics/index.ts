export { CompileDiagnostic, DiagnosticCollector, type DiagnosticJson, type SourceSpan } from './diagnostic.js';
export { editAt, type DiagnosticFix, type SourceEdit } from './fix.js';
export { codeFrame } from './code-frame.js';
export { messages, type DiagnosticCode } from './messages.js';
