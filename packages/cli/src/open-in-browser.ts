import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import open from 'open';
import { systemMessage } from './system-message.js';

/**
 * Opens `file` in a browser, for `--open`: the command named by `$BROWSER`
 * when it is set (as other command-line tools do; it gets the file's path),
 * else the system's way to open a file (`xdg-open`, `open`, `start`) through
 * the `open` package. Resolves once the browser (or the launcher) has
 * started; a message when it could not be.
 *
 * @example
 * const problem = await openInBrowser('run.html'); // undefined, or "cannot open run.html in a browser: …"
 */
export async function openInBrowser(file: string, env: Record<string, string | undefined> = process.env): Promise<string | undefined> {
  const target = resolve(file);
  try {
    await open(target, env.BROWSER ? { app: { name: env.BROWSER } } : {});
    return undefined;
  } catch (error) {
    return `cannot open ${file} in a browser${env.BROWSER ? ` ($BROWSER is ${env.BROWSER})` : ''}: ${systemMessage(error)}`;
  }
}

/**
 * Where `--open` writes a page that has no file of its own: a new folder
 * under the system's temporary folder, so two runs never share one.
 *
 * @example
 * pageFileFor('build/Pay.asl.json', '.html') // '/tmp/typestep-AbC123/Pay.asl.html'
 */
export function pageFileFor(source: string, extension: string): string {
  const name = source === '-' ? 'state-machine' : basename(source).replace(/\.json$|\.[cm]?tsx?$/, '');
  return join(mkdtempSync(join(tmpdir(), 'typestep-')), `${name}${extension}`);
}
