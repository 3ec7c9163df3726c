import { join, relative } from 'node:path';
import type { CompiledWorkflow } from '@typestep/compiler';

/** The templates `--emit` adds to a workflow's outputs. */
export type EmitFormat = 'cloudformation' | 'sam';

/** Every extension a workflow's output file can have: what watch mode deletes when the workflow goes away. */
export const OUTPUT_EXTENSIONS = ['.asl.json', '.map.json', '.schema.json', '.d.ts', '.placeholders.json', '.cfn.json', '.sam.json'] as const;

/**
 * Turns a compiled workflow's schema into `<Name>.d.ts` text. Watch mode
 * passes one that remembers the last schema of each workflow, as generating
 * declarations costs more than a whole recompile.
 */
export type DeclarationWriter = (workflow: CompiledWorkflow) => Promise<string>;

/** The `.d.ts` of `workflow`, generated from its schema. */
export const declarationsOf: DeclarationWriter = async (workflow) => {
  const { generateDeclarations } = await import('@typestep/compiler');
  return generateDeclarations(workflow.schema, { name: workflow.name, source: `${workflow.name}.schema.json` });
};

/**
 * The files `typestep compile` writes for one workflow into `out`, as
 * [path, text] pairs: the four (`.asl.json`, `.map.json`, `.schema.json`,
 * `.d.ts`), the placeholder manifest and any templates asked for. Throws when
 * a deployment template cannot be made (the message says why).
 *
 * @example
 * for (const [path, text] of await workflowOutputs(workflow, 'build', [])) writeFileSync(path, text);
 */
export async function workflowOutputs(
  workflow: CompiledWorkflow,
  out: string,
  emit: readonly EmitFormat[],
  declarations: DeclarationWriter = declarationsOf,
): Promise<Array<[string, string]>> {
  const base = join(out, workflow.name);
  const sourceMap = Object.fromEntries(
    Object.entries(workflow.sourceMap).map(([state, span]) => [state, { ...span, file: relative(out, span.file) }]),
  );
  let deploy: Array<[string, string]>;
  try {
    const { deployOutputs } = await import('./compile-deploy-outputs.js');
    deploy = deployOutputs(base, workflow.name, JSON.parse(workflow.text), emit);
  } catch (error) {
    throw new Error(`cannot make the deployment files of ${workflow.name}: ${(error as Error).message}`);
  }
  return [
    [`${base}.asl.json`, workflow.text],
    [`${base}.map.json`, `${JSON.stringify(sourceMap, null, 2)}\n`],
    [`${base}.schema.json`, `${JSON.stringify(workflow.schema, null, 2)}\n`],
    [`${base}.d.ts`, await declarations(workflow)],
    ...deploy,
  ];
}

/** Why `name` cannot be the base of a file name in the output directory, or undefined. */
export function fileNameProblem(name: string): string | undefined {
  if (name === '' || name === '.' || name === '..') return 'it is empty or a relative directory';
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'it holds a control character (NUL, newline…)';
  if (/[\\/]/.test(name)) return 'it holds a path separator';
  return undefined;
}
