import { cpSync, existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandModule } from 'yargs';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { fileProblem } from '../standard-streams.js';

interface InitArgs {
  dir: string;
  name?: string;
}

/** The project `typestep init` copies (packages/cli/templates/project, shipped in the package). */
const TEMPLATE = fileURLToPath(new URL('../../templates/project', import.meta.url));
/** Files of the template that hold `{{name}}` or `{{typestepVersion}}`. */
const FILLED_IN = ['package.json', 'README.md'];
/** npm leaves `.gitignore` out of a package, so the template holds it as `gitignore`. */
const RENAMED: Record<string, string> = { gitignore: '.gitignore' };

/**
 * `typestep init [dir]`: creates a project in `dir` (default: the current
 * directory) from the template: an order workflow, handlers, a node:test
 * unit test run natively and compiled, `build`/`test`/`start` scripts and a
 * README. Its typestep dependencies are `^` this CLI's version. Refuses a
 * directory that is not empty (exit 2). Prints the next steps.
 */
export function initCommand(setExit: (code: number) => void, version: string): CommandModule<object, InitArgs> {
  return {
    command: 'init [dir]',
    describe: 'Create a new typestep project: a workflow, its handlers, a unit test and build scripts',
    builder: (y) =>
      y
        .positional('dir', { type: 'string', default: '.', describe: 'Directory to create the project in (new or empty)' })
        .option('name', { type: 'string', describe: "The package name (default: the directory's name)" })
        .example('$0 init order-workflows', 'creates ./order-workflows; then: cd order-workflows && npm install && npm test')
        .example('$0 init', 'the current directory, when it is empty') as never,
    handler: (args) => {
      const fail = (message: string) => {
        process.stderr.write(`typestep init: ${message}\n`);
        setExit(EXIT_USAGE);
      };
      const dir = resolve(args.dir);
      const problem = targetProblem(dir, args.dir);
      if (problem) return fail(problem);
      const name = args.name ?? packageName(basename(dir));
      try {
        cpSync(TEMPLATE, dir, { recursive: true, errorOnExist: true, force: false });
        for (const [from, to] of Object.entries(RENAMED)) renameSync(join(dir, from), join(dir, to));
        for (const file of FILLED_IN) {
          const path = join(dir, file);
          writeFileSync(path, fillIn(readFileSync(path, 'utf8'), { name, typestepVersion: `^${version}` }));
        }
      } catch (error) {
        return fail(`cannot write the project into ${args.dir}: ${fileProblem(error)}`);
      }
      process.stdout.write(nextSteps(dir, listFiles(dir)));
      setExit(EXIT_OK);
    },
  };
}

/** Why the project cannot go into `dir`, or undefined: it must be new, or an empty directory. */
function targetProblem(dir: string, given: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  if (!statSync(dir).isDirectory()) return `${given} is a file: name a new directory, e.g. typestep init my-workflows`;
  const entries = readdirSync(dir);
  if (entries.length === 0) return undefined;
  const shown = entries.slice(0, 3).join(', ') + (entries.length > 3 ? ', …' : '');
  return `${given} is not empty (it holds ${shown}); nothing was written. Name a new or empty directory, e.g. typestep init my-workflows`;
}

/** A directory name as an npm package name: lower case, runs of other characters as '-'. */
function packageName(directory: string): string {
  const name = directory.toLowerCase().replace(/[^a-z0-9._~-]+/g, '-').replace(/^[._-]+|-+$/g, '');
  return name || 'typestep-workflows';
}

/** `text` with each `{{key}}` replaced by its value. */
function fillIn(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

/** The files under `dir`, relative to it, sorted. */
function listFiles(dir: string, under = dir): string[] {
  return readdirSync(under, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(dir, join(under, entry.name)) : [relative(dir, join(under, entry.name))]))
    .sort();
}

function nextSteps(dir: string, files: string[]): string {
  const where = relative(process.cwd(), dir);
  return [
    `Created ${where || '.'}: ${files.join(', ')}`,
    '',
    'Next:',
    ...(where ? [`  cd ${where}`] : []),
    '  npm install',
    '  npm test          # runs the workflow natively and compiled; the two must agree',
    '  npm run build     # writes build/ProcessOrder.asl.json (+ .schema.json, .map.json, .d.ts)',
    '  npm start         # runs the compiled definition locally with src/handlers.ts',
    '',
  ].join('\n');
}
