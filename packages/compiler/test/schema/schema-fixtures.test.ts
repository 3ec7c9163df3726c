import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Node, SyntaxKind, type SourceFile } from 'ts-morph';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DiagnosticCollector } from '../../src/diagnostics/index.js';
import { buildWorkflowSchemas, schemaForType } from '../../src/schema/index.js';
import { fixtureProject } from './fixture-project.js';

// Each folder in fixtures-schema/ is a case: input.ts, and expected.schema.json
// (the schema of `Subject`, or the document of the file's last workflow() call)
// and/or expected-diagnostics.json. UPDATE_FIXTURES=1 rewrites both.
const root = fileURLToPath(new URL('../fixtures-schema/', import.meta.url));
const update = process.env.UPDATE_FIXTURES === '1';
const project = fixtureProject();

/** The schema a case produces: its workflow's document, or `Subject`'s schema. */
export function schemaOfCase(source: SourceFile, diagnostics: DiagnosticCollector): unknown {
  const workflowCall = source
    .getDescendantsOfKind(SyntaxKind.CallExpression)
    .filter((call) => Node.isIdentifier(call.getExpression()) && call.getExpression().getText() === 'workflow')
    .at(-1);
  if (workflowCall) return buildWorkflowSchemas(workflowCall, diagnostics);
  const subject = source.getInterface('Subject') ?? source.getTypeAliasOrThrow('Subject');
  return schemaForType(subject.getType(), subject, diagnostics);
}

const s = suite('schema fixtures');
for (const name of readdirSync(root).sort()) {
  s(name, () => {
    const dir = join(root, name);
    const source = project.addSourceFileAtPath(join(dir, 'input.ts'));
    const diagnostics = new DiagnosticCollector();
    const schema = schemaOfCase(source, diagnostics);
    const problems = diagnostics.diagnostics.map((d) => ({ ...d.toJSON(), file: relative(dir, d.span.file) }));
    const schemaFile = join(dir, 'expected.schema.json');
    const diagnosticsFile = join(dir, 'expected-diagnostics.json');
    if (update) {
      writeFileSync(schemaFile, `${JSON.stringify(schema, null, 2)}\n`);
      if (problems.length > 0) writeFileSync(diagnosticsFile, `${JSON.stringify(problems, null, 2)}\n`);
    }
    assert.equal(schema, JSON.parse(readFileSync(schemaFile, 'utf8')));
    const expectedProblems = existsSync(diagnosticsFile) ? JSON.parse(readFileSync(diagnosticsFile, 'utf8')) : [];
    assert.equal(problems, expectedProblems);
  });
}
s.run();
