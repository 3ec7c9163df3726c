export { CompileSession, type FileChange, type SessionUpdate } from './compile-session.js';
