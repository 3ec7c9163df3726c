// Every ```ts block of README.md and packages/*/README.md is real code: a block that declares a workflow
// compiles without diagnostics, every block type-checks against the repository's packages. A block that
// is a fragment on purpose says so with a `<!-- fragment -->` line right before it (counted).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Project, ts } from 'ts-morph';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compile } from '../src/index.js';

const root = new URL('../../../', import.meta.url).pathname;

/**
 * README blocks pending a compiler feature: they fail today and must, until the feature lands. A block
 * that starts to pass fails this test until it is removed from here.
 */
const PENDING_COMPILER_FEATURE: Record<string, string> = {};

interface Block {
  /** `<readme>#<n>`, n counting the file's ```ts blocks from 1. */
  id: string;
  line: number;
  code: string;
  fragment: boolean;
}

function readmeBlocks(readme: string): Block[] {
  const lines = readFileSync(join(root, readme), 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```ts') continue;
    const end = lines.findIndex((line, j) => j > i && line.trim() === '```');
    let before = i - 1;
    while (before >= 0 && lines[before].trim() === '') before--;
    blocks.push({ id: `${readme}#${blocks.length + 1}`, line: i + 1, code: lines.slice(i + 1, end).join('\n'), fragment: lines[before]?.trim() === '<!-- fragment -->' });
    i = end;
  }
  return blocks;
}

const readmes = ['README.md', ...readdirSync(join(root, 'packages')).sort().map((pkg) => `packages/${pkg}/README.md`).filter((file) => existsSync(join(root, file)))];
const blocks = readmes.flatMap(readmeBlocks);

// In-memory files at the repository root: ESM (the root package.json), `@typestep/*` resolve to the
// workspaces, and the compiler options are the repository's own.
const newProject = () => new Project({ tsConfigFilePath: join(root, 'tsconfig.base.json'), skipAddingFilesFromTsConfig: true, compilerOptions: { composite: false, noEmit: true } });
const fileOf = (block: Block) => join(root, '.readme-blocks', `${block.id.replace(/[/#.]/g, '-')}.ts`);

const declaresWorkflow = (block: Block) => /from '@typestep\/dsl'/.test(block.code) && /\bworkflow\(/.test(block.code);

/**
 * The problems of every checked block, by id: one ts-morph project type-checks the plain blocks; each
 * workflow block is compiled (the compiler reports its type errors too, as `type_error`).
 */
async function checkBlocks(checked: Block[]): Promise<Map<string, string[]>> {
  const problems = new Map<string, string[]>(checked.map((block) => [fileOf(block), []]));
  const plain = newProject();
  for (const block of checked.filter((b) => !declaresWorkflow(b))) plain.createSourceFile(fileOf(block), block.code, { overwrite: true });
  for (const d of plain.getPreEmitDiagnostics()) {
    const file = d.getSourceFile()?.getFilePath();
    if (file && problems.has(file)) problems.get(file)!.push(`line ${d.getLineNumber()}: ${ts.flattenDiagnosticMessageText(d.compilerObject.messageText, '\n')}`);
  }
  // One compile per workflow block: blocks are separate programs, free to reuse a workflow's name.
  for (const block of checked.filter(declaresWorkflow)) {
    const project = newProject();
    project.createSourceFile(fileOf(block), block.code, { overwrite: true });
    const { diagnostics } = await compile({ project });
    problems.get(fileOf(block))!.push(...diagnostics.map((d) => `${d.code} (line ${d.span.line}): ${d.message}`));
  }
  return new Map(checked.map((block) => [block.id, problems.get(fileOf(block))!]));
}

const fragments = blocks.filter((b) => b.fragment);
const checked = blocks.filter((b) => !b.fragment);
const pending = checked.filter((b) => b.id in PENDING_COMPILER_FEATURE);
const problems = await checkBlocks(checked);
console.log(`README blocks: ${checked.length - pending.length} checked, ${fragments.length} fragments, ${pending.length} pending a compiler feature`);

const s = suite('README blocks');

s('every pending entry names a README block', () => {
  const ids = new Set(checked.map((b) => b.id));
  assert.equal(Object.keys(PENDING_COMPILER_FEATURE).filter((id) => !ids.has(id)), []);
});

for (const block of checked) {
  const title = `${block.id} (line ${block.line}) ${declaresWorkflow(block) ? 'compiles' : 'type-checks'}`;
  const found = problems.get(block.id)!;
  const reason = PENDING_COMPILER_FEATURE[block.id];
  if (reason && found.length > 0) {
    // Skipped while it fails; once it passes, the test below fails so that the entry gets dropped.
    s.skip(`${title} (pending a compiler feature: ${reason})`, () => {});
    continue;
  }
  s(title, () => {
    if (reason) assert.unreachable(`${block.id} now compiles: drop it from PENDING_COMPILER_FEATURE`);
    assert.equal(found, [], `${block.id.split('#')[0]}:${block.line}\n${found.join('\n')}`);
  });
}

s.run();
