export { BuildCache } from './build-cache.js';
export { compilerFingerprint } from './compiler-fingerprint.js';
export { inputsUnchanged, programInputs, type ProgramInputs } from './program-inputs.js';
