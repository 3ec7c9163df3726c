export { CodeCache, writeInFirstFolder } from './code-cache.js';
export { requireWithCodeCache, saveCodeCache } from './cached-require.js';
