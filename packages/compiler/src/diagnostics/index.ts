export { CompileDiagnostic, DiagnosticCollector, type SourceSpan } from './diagnostic.js';
export { codeFrame } from './code-frame.js';
export { messages, type DiagnosticCode } from './messages.js';
