import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile, type CompiledWorkflow, type CompileResult } from '@typestep/compiler';

const compilations = new Map<string, Promise<CompileResult>>();

/** A workflow's source module: the `source` option, else where `workflow()` was called. */
export function sourceFileOf(workflow: { workflowName: string; sourceFile?: string }, source: string | URL | undefined): string {
  const file = source === undefined ? workflow.sourceFile : source instanceof URL || source.startsWith('file:') ? fileURLToPath(source) : source;
  if (!file) {
    throw new Error(
      `testWorkflow: cannot tell which file declares workflow '${workflow.workflowName}'; pass { source: new URL('./workflow.ts', import.meta.url) }`,
    );
  }
  if (!/\.[cm]?tsx?$/.test(file)) {
    const typescript = file.replace(/\.([cm]?)js$/, '.$1ts');
    if (typescript !== file && existsSync(typescript)) return typescript;
    throw new Error(
      `testWorkflow: workflow '${workflow.workflowName}' was loaded from ${file}, which is not TypeScript; run the test with tsx (or vitest/ts-node), or pass { source } pointing at the .ts file`,
    );
  }
  return file;
}

/**
 * The compiled machines of one module, compiled once per process. Throws
 * with every diagnostic (file:line:col, code, message) when it does not
 * compile: a test of the compiled run cannot go on without ASL.
 */
export async function compiledModule(file: string): Promise<CompiledWorkflow[]> {
  let compilation = compilations.get(file);
  if (!compilation) {
    compilation = compile({ files: [file] });
    compilations.set(file, compilation);
  }
  const { workflows, diagnostics } = await compilation;
  if (diagnostics.length > 0) {
    throw new Error(`testWorkflow: ${file} does not compile:\n${diagnostics.map((diagnostic) => String(diagnostic)).join('\n\n')}`);
  }
  return workflows;
}

/** The compiled machine named `name` in `workflows`. */
export function machineNamed(workflows: CompiledWorkflow[], name: string, file: string): CompiledWorkflow {
  const found = workflows.find((workflow) => workflow.name === name);
  if (!found) throw new Error(`testWorkflow: compiling ${file} gave no workflow named '${name}' (found: ${workflows.map((w) => w.name).join(', ') || 'none'})`);
  return found;
}
