// Writes ProcessOrder.asl.json and ProcessOrder.schema.json from workflow.ts with the compiler's
// `compile` (what `typestep compile` writes, without the build folder), so the typed test can
// import them and check that they are fresh.
// Run: node --import tsx examples/typed-orders/generate.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile, type CompiledWorkflow } from '@typestep/compiler';

const workflowFile = fileURLToPath(new URL('./workflow.ts', import.meta.url));

/** The example's workflow compiled; throws with every diagnostic if there are any. */
export async function compiledWorkflow(): Promise<CompiledWorkflow> {
  const { workflows, diagnostics } = await compile({ files: [workflowFile] });
  if (diagnostics.length > 0) throw new Error(diagnostics.map(String).join('\n'));
  return workflows[0]!;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const workflow = await compiledWorkflow();
  const asl = fileURLToPath(new URL('./ProcessOrder.asl.json', import.meta.url));
  writeFileSync(asl, workflow.text);
  const schema = fileURLToPath(new URL('./ProcessOrder.schema.json', import.meta.url));
  writeFileSync(schema, `${JSON.stringify(workflow.schema, null, 2)}\n`);
  console.log(`${asl}\n${schema}`);
}
