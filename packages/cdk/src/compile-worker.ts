// The child process behind compileWorkflowFile: CDK constructs are built synchronously and the
// compiler is async (prettier formats the text), so the construct runs this script with spawnSync.
// Reads `<workflow file> [tsconfig]` from argv and writes one JSON line: every workflow (name,
// type, definition, schema) and every diagnostic as text with its code frame.
import { compile } from '@typestep/compiler';

const [file, tsconfig] = process.argv.slice(2);
try {
  const { workflows, diagnostics } = await compile(tsconfig ? { files: [file!], tsconfig } : { files: [file!] });
  const result = {
    workflows: workflows.map(({ name, type, definition, schema }) => ({ name, type, definition, schema })),
    diagnostics: diagnostics.map(String),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}\n`);
}
