export { BuildCache } from './build-cache.js';
export { buildCacheFolders } from './cache-file.js';
export { compilerFingerprint } from './compiler-fingerprint.js';
export { inputsUnchanged, programInputs, type ProgramInputs } from './program-inputs.js';
export { memoizedText } from './text-memo.js';
