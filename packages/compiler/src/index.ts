export {};
export * from './schema/index.js';
