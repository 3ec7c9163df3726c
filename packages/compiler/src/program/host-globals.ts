/**
 * Where the host globals file appears in a project without a tsconfig. It is
 * never on disk: the path only names it in diagnostics and keeps it apart from
 * the user's files.
 */
export const HOST_GLOBALS_FILE = '/__typestep__/host-globals.d.ts';

/**
 * The few globals of JavaScript hosts (browsers, Node.js) that a workflow may
 * mention, declared for projects compiled without a tsconfig.
 *
 * Those projects check against ES2023 alone: TypeScript's default lib would add
 * the DOM's 2 MB of declarations, and parsing and binding them was most of a
 * cold compile. A workflow logs (`console.log` becomes no state), deep-copies
 * with `structuredClone`, and may mention timers in code the compiler rejects
 * with its own message. Anything else of the DOM or of Node.js is a type error
 * there; a tsconfig (`compile({ tsconfig })`, `--tsconfig`) chooses other libs.
 *
 * Declarations only, in the same shapes as the DOM's and `@types/node`'s, so a
 * file that references either still merges with them.
 */
export const HOST_GLOBALS_SOURCE = `// @typestep/compiler (program/host-globals.ts): host globals for compiles without a tsconfig.
interface Console {
  assert(condition?: boolean, ...data: any[]): void;
  count(label?: string): void;
  countReset(label?: string): void;
  debug(...data: any[]): void;
  dir(item?: any, options?: any): void;
  error(...data: any[]): void;
  group(...data: any[]): void;
  groupCollapsed(...data: any[]): void;
  groupEnd(): void;
  info(...data: any[]): void;
  log(...data: any[]): void;
  table(tabularData?: any, properties?: string[]): void;
  time(label?: string): void;
  timeEnd(label?: string): void;
  timeLog(label?: string, ...data: any[]): void;
  trace(...data: any[]): void;
  warn(...data: any[]): void;
}
declare var console: Console;
declare function structuredClone<T = any>(value: T, options?: { transfer?: any[] }): T;
declare function queueMicrotask(callback: () => void): void;
declare function setTimeout(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): any;
declare function clearTimeout(id?: any): void;
declare function setInterval(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): any;
declare function clearInterval(id?: any): void;
`;
