export { CodeCache } from './code-cache.js';
export { requireWithCodeCache, saveCodeCache } from './cached-require.js';
