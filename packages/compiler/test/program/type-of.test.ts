import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createDefaultProject } from '../../src/index.js';
import { typeOf } from '../../src/program/index.js';
import { SyntaxKind } from '../../src/ts-morph.js';

const s = suite('typeOf: a type per node and type checker');

/** Two in-memory files: `main.ts` reads `limit` from `settings.ts`. */
function project(limitType: string) {
  const p = createDefaultProject();
  const settings = p.createSourceFile('/memo/settings.ts', `export declare const limit: ${limitType};\n`);
  const main = p.createSourceFile('/memo/main.ts', "import { limit } from './settings.js';\nexport const twice = [limit, limit];\n");
  return { p, settings, main, read: () => main.getFirstDescendantByKindOrThrow(SyntaxKind.ArrayLiteralExpression) };
}

s('asked twice of one program: the same answer, from the checker once', () => {
  const { read } = project('number');
  const node = read();
  assert.is(typeOf(node).getText(), 'number[]');
  assert.is(typeOf(node), typeOf(node));
});

s('a file the node imports changes (an editor project keeps the node): the new checker is asked', () => {
  const { settings, read } = project('number');
  const node = read();
  assert.is(typeOf(node).getText(), 'number[]');
  settings.replaceWithText('export declare const limit: string;\n');
  assert.is(read(), node, 'ts-morph keeps the node of the file that did not change');
  assert.is(typeOf(node).getText(), 'string[]');
});

s.run();
