// The lowering phase's folders must not import each other in a ring: a visitor that recurses into
// another folder calls through the context's visitor table (`ctx.visit`, see 3-lower/visitors.ts).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { importCycles, valueImportGraph, type ImportGraph } from './import-graph.js';

const src = new URL('../../src/', import.meta.url).pathname;
const graph = valueImportGraph(src);
const lower = 'phases/3-lower/';

/** The folder order of the lowering: a folder may import the ones after it, never the ones before. */
const LAYERS = ['statements', 'awaited', 'expressions'];

const s = suite('import structure');

s('finds the cycles of a graph (so the checks below can fail)', () => {
  const sample: ImportGraph = new Map([
    ['a.ts', new Set(['b.ts'])],
    ['b.ts', new Set(['c.ts'])],
    ['c.ts', new Set(['a.ts', 'd.ts'])],
    ['d.ts', new Set()],
    ['e.ts', new Set(['e.ts'])],
  ]);
  assert.equal(importCycles(sample), [['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
});

s('ignores type-only imports', () => {
  // context.ts names the visitors' types (Flow, Sink, IrGraph) but loads none of them.
  assert.equal([...graph.get(`${lower}context.ts`)!], []);
});

s('no value-import cycle goes through the lowering phase', () => {
  const cycles = importCycles(graph).filter((cycle) => cycle.some((file) => file.startsWith(lower)));
  assert.equal(cycles, [], cycles.map((cycle) => `cycle of ${cycle.length}: ${cycle.join(' ')}`).join('\n'));
});

s('lowering folders import only the folders after them (statements → awaited → expressions)', () => {
  const backward: string[] = [];
  for (const [file, targets] of graph) {
    const from = LAYERS.findIndex((folder) => file.startsWith(`${lower}${folder}/`));
    if (from < 0) continue;
    for (const target of targets) {
      const to = LAYERS.findIndex((folder) => target.startsWith(`${lower}${folder}/`));
      if (to >= 0 && to < from) backward.push(`${file} → ${target}`);
    }
  }
  assert.equal(backward, [], `call these through ctx.visit instead:\n${backward.join('\n')}`);
});

s('only visitors.ts and index.ts reach the statement visitors from outside statements/', () => {
  const outside = [...graph].filter(([file, targets]) => !file.startsWith(`${lower}statements/`) && [...targets].some((t) => t.startsWith(`${lower}statements/`)));
  assert.equal(outside.map(([file]) => file).sort(), [`${lower}visitors.ts`]);
});

s.run();
