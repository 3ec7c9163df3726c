import { writeFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import type { SourceLocation } from '@typestep/runtime';
import type { CommandModule } from 'yargs';
import { companionFiles, readSourceMap } from '../compiled-companions.js';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { STANDARD_STREAM, readDefinitionObject } from '../standard-streams.js';

interface GraphArgs {
  file: string;
  format?: 'mermaid' | 'dot' | 'svg' | 'outline';
  out?: string;
  open?: boolean;
  workflow?: string;
  sourceMap?: string;
}

/**
 * `typestep graph <asl.json | workflow.ts>`: the state machine as Mermaid,
 * Graphviz DOT or a self-contained SVG (laid out by elkjs), on stdout or in
 * `--out`. A TypeScript file is compiled first; its states carry their
 * TypeScript lines, as do those of a definition with a `.map.json` beside it.
 */
export function graphCommand(setExit: (code: number) => void): CommandModule<object, GraphArgs> {
  return {
    command: 'graph <file>',
    describe: 'Draw a state machine (an ASL definition or a TypeScript workflow) as Mermaid, Graphviz DOT or SVG',
    builder: (y) =>
      y
        .positional('file', { type: 'string', demandOption: true, describe: "An ASL definition (.json; '-': stdin) or a TypeScript workflow file" })
        .option('format', { choices: ['mermaid', 'dot', 'svg', 'outline'] as const, describe: 'What to write (default: mermaid; svg with --open); outline: plain text for the terminal' })
        .option('out', { type: 'string', describe: "File to write (default: stdout; '-': stdout)" })
        .option('open', { type: 'boolean', describe: 'Open the SVG in a browser ($BROWSER, else the system default); without --out, it goes to a temporary file' })
        .option('workflow', { type: 'string', describe: 'Which workflow of a TypeScript file with several (its name)' })
        .option('source-map', { type: 'string', describe: 'State name → TypeScript location (default: the <Name>.map.json beside the definition)' })
        .example('$0 graph build/ProcessOrder.asl.json', 'a Mermaid flowchart on stdout')
        .example('$0 graph src/workflow.ts --format svg --out order.svg', 'compiles the workflow and draws it, with each state\'s TypeScript line')
        .example('$0 graph machine.asl.json --format dot | dot -Tpng > machine.png', 'Graphviz DOT for your own renderer')
        .example('$0 graph src/workflow.ts --open', 'the SVG, opened in the browser')
        .example('$0 graph build/ProcessOrder.asl.json --format outline', 'plain text: a line per state, where it goes, its TypeScript line') as never,
    handler: async (args) => {
      const fail = (message: string) => {
        process.stderr.write(`typestep graph: ${message}\n`);
        setExit(EXIT_USAGE);
      };
      const format = args.format ?? (args.open ? 'svg' : 'mermaid');
      if (args.open && format !== 'svg') return fail(`--open shows an SVG: leave out --format ${format} (or write it with --out)`);
      if (args.open && args.out === STANDARD_STREAM) return fail('--open needs a file: the SVG cannot share stdout');
      const source = /\.[cm]?tsx?$/.test(args.file) ? await fromWorkflow(args.file, args.workflow) : fromDefinition(args.file, args.sourceMap);
      if (typeof source === 'string') return fail(source);
      // Loaded here, not when the CLI starts: elkjs is for this command alone.
      const { machineGraph, toDot, toMermaid, toOutline, toSvg } = await import('@typestep/graph');
      const { openInBrowser, pageFileFor } = await import('../open-in-browser.js');
      const graph = machineGraph(source.definition, source.sourceMap);
      const text = format === 'mermaid' ? toMermaid(graph) : format === 'dot' ? toDot(graph) : format === 'outline' ? toOutline(graph) : await toSvg(graph, source.title);
      const out = args.out ?? (args.open ? pageFileFor(args.file, '.svg') : undefined);
      if (out === undefined || out === STANDARD_STREAM) process.stdout.write(text);
      else {
        try {
          writeFileSync(out, text);
        } catch (error) {
          return fail(`cannot write ${out}: ${(error as Error).message}`);
        }
      }
      if (args.open && out !== undefined) {
        if (args.out === undefined) process.stderr.write(`graph: ${out}\n`);
        const notOpened = await openInBrowser(out);
        if (notOpened) return fail(notOpened);
      }
      setExit(EXIT_OK);
    },
  };
}

interface GraphSource {
  definition: object;
  sourceMap: Record<string, SourceLocation>;
  title: string;
}

/** A definition file, with the source map beside it (or `--source-map`); or a message. */
function fromDefinition(file: string, sourceMapFile: string | undefined): GraphSource | string {
  const read = readDefinitionObject(file);
  if ('problem' in read) return read.problem;
  const definition = read.value;
  const mapFile = sourceMapFile ?? (file === STANDARD_STREAM ? undefined : companionFiles(file).sourceMap);
  const sourceMap = mapFile === undefined ? {} : readSourceMap(mapFile);
  if (typeof sourceMap === 'string') return sourceMap;
  return { definition, sourceMap, title: file === STANDARD_STREAM ? 'state machine' : file };
}

/** A TypeScript file's workflow, compiled; or a message (with the compiler's diagnostics). */
async function fromWorkflow(file: string, name: string | undefined): Promise<GraphSource | string> {
  let result;
  try {
    const { compile } = await import('@typestep/compiler');
    result = await compile({ files: [file] });
  } catch (error) {
    return (error as Error).message;
  }
  if (result.diagnostics.length > 0) return `${file} does not compile:\n${result.diagnostics.map(String).join('\n')}`;
  const names = result.workflows.map((workflow) => workflow.name);
  const workflow = name === undefined ? (result.workflows.length === 1 ? result.workflows[0] : undefined) : result.workflows.find((candidate) => candidate.name === name);
  if (!workflow) {
    if (names.length === 0) return `no workflow found in ${file}`;
    return name === undefined ? `${file} declares ${names.length} workflows (${names.join(', ')}): choose one with --workflow` : `${file} has no workflow ${name} (it has ${names.join(', ')})`;
  }
  const sourceMap: Record<string, SourceLocation> = {};
  for (const [state, entry] of Object.entries(workflow.sourceMap)) {
    const path = isAbsolute(entry.file) ? relative(process.cwd(), entry.file) : entry.file;
    sourceMap[state] = { file: path, line: entry.line, column: entry.column };
  }
  return { definition: workflow.definition, sourceMap, title: workflow.name };
}
