import { createRequire } from 'node:module';
import { requireWithCodeCache } from '../../startup/index.js';

type Prettier = typeof import('prettier/standalone');
type Plugin = import('prettier').Plugin;

let prettier: { format: Prettier['format']; plugins: Plugin[] } | undefined;

/**
 * JSON text as prettier prints it (the form written to `.asl.json` files),
 * with a final newline.
 *
 * @example
 * await formatJson({ StartAt: 'A' }) // '{ "StartAt": "A" }\n'
 */
export function formatJson(value: unknown): Promise<string> {
  prettier ??= loadPrettier();
  return prettier.format(JSON.stringify(value), { parser: 'json', plugins: prettier.plugins });
}

/**
 * Prettier's standalone build with the two plugins that parse and print JSON,
 * loaded on the first format: the same formatter as `prettier`'s main entry,
 * which would also load its CLI-side code (config files, plugin search).
 */
function loadPrettier(): NonNullable<typeof prettier> {
  const require = createRequire(import.meta.url);
  const load = (name: string) => requireWithCodeCache(require.resolve(name));
  const { format } = load('prettier/standalone') as Prettier;
  return { format, plugins: [load('prettier/plugins/babel') as Plugin, load('prettier/plugins/estree') as Plugin] };
}
