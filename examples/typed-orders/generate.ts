// Writes ProcessOrder.asl.json (the compiler's `compile`) and
// ProcessOrder.schema.json (its `buildWorkflowSchemas`) from workflow.ts —
// what `typestep compile` writes once the schema is wired into it.
// Run: node --import tsx examples/typed-orders/generate.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DiagnosticCollector, buildWorkflowSchemas, compile, type WorkflowSchemaDocument } from '@typestep/compiler';
import { ModuleKind, ModuleResolutionKind, Project, ScriptTarget, SyntaxKind } from 'ts-morph';

const workflowFile = fileURLToPath(new URL('./workflow.ts', import.meta.url));

/** The ASL text of the example's workflow; throws with every diagnostic if there are any. */
export async function compiledDefinition(): Promise<string> {
  const { workflows, diagnostics } = await compile({ files: [workflowFile] });
  if (diagnostics.length > 0) throw new Error(diagnostics.map(String).join('\n'));
  return workflows[0]!.text;
}

/** The schema document of the example's workflow; throws with every diagnostic if there are any. */
export function workflowSchema(): WorkflowSchemaDocument {
  const project = new Project({ compilerOptions: { strict: true, module: ModuleKind.NodeNext, moduleResolution: ModuleResolutionKind.NodeNext, target: ScriptTarget.ES2022 } });
  const source = project.addSourceFileAtPath(workflowFile);
  const call = source.getDescendantsOfKind(SyntaxKind.CallExpression).find((c) => c.getExpression().getText() === 'workflow')!;
  const diagnostics = new DiagnosticCollector();
  const document = buildWorkflowSchemas(call, diagnostics);
  if (diagnostics.hasErrors) throw new Error(diagnostics.diagnostics.map(String).join('\n'));
  return document;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const asl = fileURLToPath(new URL('./ProcessOrder.asl.json', import.meta.url));
  writeFileSync(asl, await compiledDefinition());
  const schema = fileURLToPath(new URL('./ProcessOrder.schema.json', import.meta.url));
  writeFileSync(schema, `${JSON.stringify(workflowSchema(), null, 2)}\n`);
  console.log(`${asl}\n${schema}`);
}
