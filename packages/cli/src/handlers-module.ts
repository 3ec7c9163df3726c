import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HandlerMap, HandlerRegistry } from '@typestep/runtime';

const TYPESCRIPT = /\.[cm]?tsx?$/;

/**
 * Loads the `--handlers` module: its default (or `handlers`) export. A
 * TypeScript module is loaded through tsx, found from the working directory
 * (a project's own devDependency) or beside typestep. Returns a usage message
 * when it cannot.
 */
export async function loadHandlersModule(file: string): Promise<HandlerRegistry | HandlerMap | string> {
  const path = resolve(file);
  if (TYPESCRIPT.test(path)) {
    const problem = await registerTypeScriptLoader();
    if (problem) return `cannot load the handlers module ${file}: ${problem}`;
  }
  let module: { default?: unknown; handlers?: unknown };
  try {
    module = await import(pathToFileURL(path).href);
  } catch (error) {
    return `cannot load the handlers module ${file}: ${(error as Error).message}`;
  }
  const handlers = module.default ?? module.handlers;
  if (!handlers || typeof handlers !== 'object') return `the handlers module ${file} must export a default (or 'handlers') object or HandlerRegistry`;
  return handlers as HandlerRegistry | HandlerMap;
}

/** Registers tsx's ESM loader through its API (`tsx/esm/api`); says why not when tsx is not installed. */
async function registerTypeScriptLoader(): Promise<string | undefined> {
  for (const base of [pathToFileURL(resolve('package.json')).href, import.meta.url]) {
    let api: string;
    try {
      // require.resolve picks the CommonJS build of the API; its ES module build sits beside it.
      api = createRequire(base).resolve('tsx/esm/api').replace(/\.c?js$/, '.mjs');
    } catch {
      continue;
    }
    if (!existsSync(api)) continue;
    const { register } = (await import(pathToFileURL(api).href)) as { register: () => unknown };
    register();
    return undefined;
  }
  return 'a TypeScript module needs tsx (npm install --save-dev tsx), or give a .js/.mjs module';
}
