import { Node, Project, loadTypeScript, ts, type SourceFile } from './ts-morph.js';
import { DiagnosticCollector, type CompileDiagnostic } from './diagnostics/index.js';
import { discover } from './phases/1-discover/index.js';
import { analyze } from './phases/2-analyze/index.js';
import { lower } from './phases/3-lower/index.js';
import { emit, formatJson, type SourceMapEntry } from './phases/4-emit/index.js';
import { createDefaultProject } from './program/index.js';
import { saveCodeCache } from './startup/index.js';
import { BuildCache, programInputs } from './build-cache/index.js';
import { buildWorkflowSchemas, type WorkflowSchemaDocument } from './schema/index.js';

export { DEFAULT_COMPILER_OPTIONS } from './program/index.js';

/** What to compile: file paths or globs (with an optional tsconfig), or a ts-morph project (and, optionally, which of its files). */
export interface CompileOptions {
  /** Paths or globs; with `project`, paths of its files to compile instead of all of them. */
  files?: string[];
  project?: Project;
  tsconfig?: string;
  /** Schemas reject properties the types do not declare (`additionalProperties: false`); off by default, as TypeScript's object types are open. */
  strictSchema?: boolean;
}

/** One workflow compiled to ASL. */
export interface CompiledWorkflow {
  /** The workflow's name (`workflow('ProcessOrder', …)`), also the state machine's and the file's. */
  name: string;
  /** The file that declares it. */
  file: string;
  /** `STANDARD` (default) or `EXPRESS`: the state machine's type, which the definition does not carry. */
  type: 'STANDARD' | 'EXPRESS';
  /** The ASL definition (`QueryLanguage: "JSONata"`). */
  definition: Record<string, unknown>;
  /** The definition as prettier formats it (what `<Name>.asl.json` holds). */
  text: string;
  /** State name → where in the source it comes from. */
  sourceMap: Record<string, SourceMapEntry>;
  /** JSON Schemas (draft 2020-12) of the input, the output and each task's request/response (what `<Name>.schema.json` holds). */
  schema: WorkflowSchemaDocument;
}

/** Everything a compile produced: workflows of files without problems, and every problem. */
export interface CompileResult {
  workflows: CompiledWorkflow[];
  diagnostics: CompileDiagnostic[];
}

/**
 * Compiles the workflows of some TypeScript files to Amazon States Language.
 * Every problem is reported in one run; a file with any diagnostic yields no
 * workflow.
 *
 * @example
 * const { workflows, diagnostics } = await compile({ files: ['src/workflows/*.ts'] });
 * for (const w of workflows) writeFileSync(`${w.name}.asl.json`, w.text);
 */
export async function compile(options: CompileOptions): Promise<CompileResult> {
  const cache = BuildCache.forCompile(options);
  const cached = cache?.read();
  if (cached) return cached;
  const { project, machines, diagnostics } = lowerProject(options);
  const failedFiles = new Set(diagnostics.diagnostics.map((diagnostic) => diagnostic.span.file));
  const workflows: CompiledWorkflow[] = [];
  for (const { workflow, machine, schema } of machines) {
    const file = workflow.call.getSourceFile().getFilePath();
    if (failedFiles.has(file)) continue;
    const { definition, sourceMap } = emit(machine);
    workflows.push({ name: workflow.name, file, type: workflow.options.type ?? 'STANDARD', definition, sourceMap, schema, text: await formatJson(definition) });
  }
  const result = { workflows, diagnostics: [...diagnostics.diagnostics].sort(byPosition) };
  if (cache) {
    const inputs = programInputs(project, cache.roots, cache.tsconfig);
    if (inputs) cache.write(result, inputs);
  }
  // After the work, so the cache also holds the functions this compile needed.
  saveCodeCache();
  return result;
}

/**
 * The diagnostics `compile` would report, without emitting or formatting
 * anything; synchronous, for editors (`@typestep/ts-plugin`) that must answer
 * in the same call. With a `project`, `files` picks which of its files to
 * check (absolute paths); without, all of them.
 *
 * @example
 * const diagnostics = check({ project, files: ['/src/order.ts'] });
 * for (const d of diagnostics) console.error(String(d));
 */
export function check(options: CompileOptions): CompileDiagnostic[] {
  return [...lowerProject(options).diagnostics.diagnostics].sort(byPosition);
}

/** Discovery, analysis, lowering and schemas of every workflow: all the work that finds problems. */
function lowerProject(options: CompileOptions) {
  const { project, files } = openProject(options);
  const diagnostics = new DiagnosticCollector();
  const discovery = discover(project, files, diagnostics);
  const machines = discovery.workflows.flatMap((workflow) => {
    try {
      return [
        {
          workflow,
          machine: lower(workflow, discovery, analyze(workflow, diagnostics), diagnostics),
          schema: buildWorkflowSchemas(workflow.call, diagnostics, { strict: options.strictSchema }),
        },
      ];
    } catch (error) {
      // TypeScript's checker recurses along a function's control flow: thousands of statements in one body exhaust the stack.
      if (!(error instanceof RangeError && /call stack/i.test(error.message))) throw error;
      diagnostics.report('workflow_too_large', workflow.call.getExpression(), { statements: countStatements(workflow.call) });
      return [];
    }
  });
  return { project, machines, diagnostics };
}

/** How many statements a workflow's body holds, nested ones included: the size `workflow_too_large` reports. */
function countStatements(call: Node): number {
  let count = 0;
  call.forEachDescendant((node) => {
    if (Node.isStatement(node) && !Node.isBlock(node)) count++;
  });
  return count;
}

/**
 * The project a compile works on and the files it compiles: `options.project`
 * (all its files, or those `options.files` names), or a new one holding
 * `options.files` and what they import.
 *
 * @example
 * const { project, files } = openProject({ files: ['src/*.workflow.ts'] });
 */
export function openProject(options: CompileOptions): { project: Project; files: SourceFile[] } {
  loadTypeScript();
  if (options.project && options.files) {
    const project = options.project;
    const files = options.files.map((path) => project.getSourceFile(path) ?? fail(`cannot compile ${path}: it is not a file of the project`));
    return { project, files };
  }
  if (options.project) {
    const files = options.project.getSourceFiles().filter((file) => !file.isDeclarationFile() && !file.isInNodeModules());
    return { project: options.project, files };
  }
  if (options.tsconfig) checkTsconfig(options.tsconfig);
  const project = options.tsconfig
    ? new Project({ tsConfigFilePath: options.tsconfig, skipAddingFilesFromTsConfig: true })
    : createDefaultProject();
  const files = project.addSourceFilesAtPaths(options.files ?? []);
  project.resolveSourceFileDependencies();
  return { project, files };
}

/**
 * Throws, naming the file and the place, when a tsconfig cannot be read or
 * parsed: TypeScript's own message ("',' expected.") names neither.
 */
function checkTsconfig(path: string): void {
  const { error } = ts.readConfigFile(path, ts.sys.readFile);
  if (!error) return;
  const message = ts.flattenDiagnosticMessageText(error.messageText, ' ');
  const at = error.file && error.start !== undefined ? error.file.getLineAndCharacterOfPosition(error.start) : undefined;
  throw new Error(`cannot use the tsconfig ${path}${at ? `:${at.line + 1}:${at.character + 1}` : ''}: ${message}`);
}

function fail(message: string): never {
  throw new Error(message);
}

/** Orders diagnostics by file, then line, then column: the order every compile reports them in. */
export function byPosition(a: CompileDiagnostic, b: CompileDiagnostic): number {
  return a.span.file.localeCompare(b.span.file) || a.span.line - b.span.line || a.span.column - b.span.column;
}
