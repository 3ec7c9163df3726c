import { isPromise } from './prepared.js';

/**
 * Applies `fn` to a value that may or may not be a promise, staying
 * synchronous when it is not: the interpreter's hot path never pays for a
 * promise unless something asynchronous actually happens. (Not named `then`:
 * a module exporting `then` is a thenable, and `await import()` of it, as
 * vitest's module runner does, would call it.)
 */
export function thenMaybe<T, R>(value: T | Promise<T>, fn: (value: T) => R | Promise<R>): R | Promise<R> {
  return isPromise(value) ? value.then(fn) : fn(value);
}
