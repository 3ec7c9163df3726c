// Writes ProcessOrder.schema.json from workflow.ts with the compiler's
// buildWorkflowSchemas — what `typestep compile` will write beside the ASL
// once it is wired. Run: node --import tsx examples/typed-orders/generate-schema.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DiagnosticCollector, buildWorkflowSchemas, type WorkflowSchemaDocument } from '@typestep/compiler';
import { ModuleKind, ModuleResolutionKind, Project, ScriptTarget, SyntaxKind } from 'ts-morph';

/** The schema document of the example's workflow; throws with every diagnostic if there are any. */
export function workflowSchema(): WorkflowSchemaDocument {
  const project = new Project({ compilerOptions: { strict: true, module: ModuleKind.NodeNext, moduleResolution: ModuleResolutionKind.NodeNext, target: ScriptTarget.ES2022 } });
  const source = project.addSourceFileAtPath(fileURLToPath(new URL('./workflow.ts', import.meta.url)));
  const call = source.getDescendantsOfKind(SyntaxKind.CallExpression).find((c) => c.getExpression().getText() === 'workflow')!;
  const diagnostics = new DiagnosticCollector();
  const document = buildWorkflowSchemas(call, diagnostics);
  if (diagnostics.hasErrors) throw new Error(diagnostics.diagnostics.map(String).join('\n'));
  return document;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = fileURLToPath(new URL('./ProcessOrder.schema.json', import.meta.url));
  writeFileSync(path, `${JSON.stringify(workflowSchema(), null, 2)}\n`);
  console.log(path);
}
