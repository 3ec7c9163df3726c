import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Project, ts } from 'ts-morph';
import { compile, CompileSession } from '../src/index.js';

const s = suite('CompileSession');

/** A temporary folder whose files can import '@typestep/dsl' (linked to this workspace's package). */
function folder(): { dir: string; write: (name: string, text: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'compile-session-'));
  mkdirSync(join(dir, 'node_modules', '@typestep'), { recursive: true });
  symlinkSync(fileURLToPath(new URL('../../dsl', import.meta.url)), join(dir, 'node_modules', '@typestep', 'dsl'));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  return { dir, write };
}

const greetTask = (arn: string) => `import { lambda } from '@typestep/dsl';
export const greet = lambda<{ name: string }, { text: string }>('${arn}');
`;

const helloWorkflow = (name: string, greeting: string) => `import { workflow } from '@typestep/dsl';
import { greet } from './tasks.js';
export const hello = workflow('${name}', async (input: { name: string }) => {
  const { text } = await greet({ name: input.name });
  return \`${greeting} \${text}\`;
});
`;

const countWorkflow = `import { workflow } from '@typestep/dsl';
export const count = workflow('Count', async (input: { n: number }) => {
  return input.n + 1;
});
`;

/** A project of two workflow files (one imports tasks.ts) and the session opened on its `*.workflow.ts` glob. */
async function openSession() {
  const project = folder();
  project.write('tasks.ts', greetTask('${GreetArn}'));
  const hello = project.write('hello.workflow.ts', helloWorkflow('Hello', 'Hi'));
  const count = project.write('count.workflow.ts', countWorkflow);
  const session = await CompileSession.open({ files: [join(project.dir, '*.workflow.ts')] });
  return { ...project, hello, count, session };
}

s('opens with a full compile: the same result as compile()', async () => {
  const { dir, session } = await openSession();
  const full = await compile({ files: [join(dir, '*.workflow.ts')] });
  assert.equal(session.result.workflows.map((w) => [w.name, w.text]), full.workflows.map((w) => [w.name, w.text]));
  assert.equal(session.result.diagnostics, []);
  assert.equal(session.files.map((file) => file.slice(dir.length + 1)).sort(), ['count.workflow.ts', 'hello.workflow.ts']);
  assert.ok(session.sourceFiles.includes(join(dir, 'tasks.ts')));
});

s('an edited workflow is recompiled alone and gives the new ASL', async () => {
  const { write, hello, session } = await openSession();
  write('hello.workflow.ts', helloWorkflow('Hello', 'Howdy'));
  const update = await session.update([hello]);
  assert.equal(update.recompiled, [hello]);
  assert.equal(update.workflows.map((w) => w.name), ['Hello']);
  assert.match(update.workflows[0]!.text, 'Howdy');
  assert.equal(update.diagnostics, []);
  assert.equal(update.removedWorkflows, []);
  assert.match(session.result.workflows.find((w) => w.name === 'Hello')!.text, 'Howdy');
});

s('a file that does not change on disk recompiles nothing', async () => {
  const { hello, session } = await openSession();
  const update = await session.update([hello]);
  assert.equal(update.recompiled, []);
  assert.equal(update.workflows, []);
});

s('an error gives its diagnostic and no workflow; the fix clears it', async () => {
  const { write, hello, session } = await openSession();
  write('hello.workflow.ts', helloWorkflow('Hello', 'Hi').replace('input.name })', 'input.nam })'));
  const broken = await session.update([hello]);
  assert.equal(broken.workflows, []);
  assert.equal(broken.diagnostics.map((d) => [d.code, d.span.line]), [['type_error', 4]]);
  assert.equal(broken.removedWorkflows, [], 'a file with problems keeps its workflow names');
  assert.equal(session.result.workflows.map((w) => w.name), ['Count']);
  assert.equal(session.result.diagnostics.length, 1);
  write('hello.workflow.ts', helloWorkflow('Hello', 'Hi'));
  const fixed = await session.update([hello]);
  assert.equal(fixed.diagnostics, []);
  assert.equal(fixed.workflows.map((w) => w.name), ['Hello']);
  assert.equal(session.result.diagnostics, []);
});

s('a change to an imported module recompiles the workflows that import it', async () => {
  const { write, dir, hello, session } = await openSession();
  const tasks = write('tasks.ts', greetTask('${OtherGreetArn}'));
  const update = await session.update([tasks]);
  assert.equal(update.recompiled, [hello], 'count.workflow.ts does not import tasks.ts');
  assert.match(update.workflows[0]!.text, '${OtherGreetArn}');
  // The importing workflow reports what the change breaks in it.
  write('tasks.ts', greetTask('${GreetArn}').replace('const greet', 'const greeter'));
  const broken = await session.update([join(dir, 'tasks.ts')]);
  assert.equal(broken.workflows, []);
  assert.ok(broken.diagnostics.some((d) => d.code === 'type_error' && d.span.file === hello && /greet/.test(d.message)));
});

s('a module a workflow starts to import is followed from then on', async () => {
  const { write, hello, session } = await openSession();
  const more = write('more-tasks.ts', greetTask('${MoreGreetArn}'));
  write('hello.workflow.ts', helloWorkflow('Hello', 'Hi').replace("'./tasks.js'", "'./more-tasks.js'"));
  assert.match((await session.update([hello])).workflows[0]!.text, '${MoreGreetArn}');
  write('more-tasks.ts', greetTask('${LaterGreetArn}'));
  const update = await session.update([more]);
  assert.equal(update.recompiled, [hello]);
  assert.match(update.workflows[0]!.text, '${LaterGreetArn}');
});

s('an added file matching the globs is compiled; a removed one leaves with its workflows', async () => {
  const { write, count, session } = await openSession();
  const added = write('bye.workflow.ts', helloWorkflow('Bye', 'Bye'));
  const addUpdate = await session.update([added]);
  assert.equal(addUpdate.recompiled, [added]);
  assert.equal(addUpdate.workflows.map((w) => w.name), ['Bye']);
  assert.ok(session.files.includes(added));
  rmSync(count);
  const removeUpdate = await session.update([count]);
  assert.equal(removeUpdate.removedFiles, [count]);
  assert.equal(removeUpdate.removedWorkflows, ['Count']);
  assert.equal(session.result.workflows.map((w) => w.name).sort(), ['Bye', 'Hello']);
});

s('a file matching no glob is not compiled as a workflow file', async () => {
  const { write, session } = await openSession();
  const other = write('notes.ts', countWorkflow);
  const update = await session.update([other]);
  assert.equal(update.recompiled, []);
  assert.not.ok(session.files.includes(other));
});

s('a removed import fails its importers; putting it back clears them', async () => {
  const { dir, hello, session } = await openSession();
  const tasks = join(dir, 'tasks.ts');
  renameSync(tasks, join(dir, 'tasks.bak'));
  const removed = await session.update([tasks]);
  assert.equal(removed.recompiled, [hello]);
  assert.equal(removed.workflows, []);
  assert.ok(removed.diagnostics.some((d) => d.code === 'type_error' && /tasks\.js/.test(d.message)));
  renameSync(join(dir, 'tasks.bak'), tasks);
  const back = await session.update([tasks]);
  assert.ok(back.recompiled.includes(hello));
  assert.equal(back.diagnostics, []);
  assert.equal(back.workflows.map((w) => w.name), ['Hello']);
});

s('a renamed workflow leaves its old name in removedWorkflows', async () => {
  const { write, hello, session } = await openSession();
  write('hello.workflow.ts', helloWorkflow('Greeting', 'Hi'));
  const update = await session.update([hello]);
  assert.equal(update.workflows.map((w) => w.name), ['Greeting']);
  assert.equal(update.removedWorkflows, ['Hello']);
});

s('a name another file declares is reported as a duplicate, and cleared when it changes', async () => {
  const { write, count, session } = await openSession();
  write('count.workflow.ts', countWorkflow.replace("'Count'", "'Hello'"));
  const clash = await session.update([count]);
  assert.equal(clash.diagnostics.map((d) => d.code), ['workflow_name_duplicate']);
  assert.equal(session.result.workflows.map((w) => w.name), ['Hello']);
  write('count.workflow.ts', countWorkflow);
  const fixed = await session.update([count]);
  assert.equal(fixed.diagnostics, []);
  assert.equal(session.result.workflows.map((w) => w.name).sort(), ['Count', 'Hello']);
  assert.equal(session.result.diagnostics, []);
});

s('a session on a given project takes every TypeScript file that appears', async () => {
  const { dir, write } = folder();
  const project = new Project({ compilerOptions: { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2023 } });
  project.addSourceFileAtPath(write('count.ts', countWorkflow));
  const session = await CompileSession.open({ project });
  assert.equal(session.result.workflows.map((w) => w.name), ['Count']);
  const added = write('other.ts', countWorkflow.replace("'Count'", "'Other'"));
  const notes = write('notes.md', '# not TypeScript');
  const update = await session.update([added, notes]);
  assert.equal(update.recompiled, [added]);
  assert.equal(session.result.workflows.map((w) => w.name).sort(), ['Count', 'Other']);
  assert.is(project.getSourceFile(join(dir, 'notes.md')), undefined);
});

s('takes an unsaved text in place of the file on disk', async () => {
  const { hello, session } = await openSession();
  const update = await session.update([{ path: hello, text: helloWorkflow('Hello', 'Unsaved') }]);
  assert.match(update.workflows[0]!.text, 'Unsaved');
});

s.run();
