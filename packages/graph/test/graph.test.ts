import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { machineGraph } from '../src/machine-graph.js';
import { toDot, toMermaid } from '../src/render-text.js';
import { toOutline } from '../src/render-outline.js';
import { toSvg } from '../src/render-svg.js';

const definition = {
  StartAt: 'Check',
  States: {
    Check: { Type: 'Choice', Choices: [{ Variable: '$.total', NumericGreaterThan: 1000, Next: 'Hold' }], Default: 'Both' },
    Hold: { Type: 'Wait', Seconds: 60, Next: 'Both' },
    Both: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'Reserve', States: { Reserve: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } } },
        { StartAt: 'Charge', States: { Charge: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: [{ ErrorEquals: ['Busy'], MaxAttempts: 4 }], End: true } } },
      ],
      Catch: [{ ErrorEquals: ['Payment.Declined'], Next: 'Declined' }],
      Next: 'Each line',
    },
    'Each line': { Type: 'Map', ItemProcessor: { StartAt: 'Pack', States: { Pack: { Type: 'Pass', End: true } } }, Next: 'Done' },
    Done: { Type: 'Succeed' },
    Declined: { Type: 'Fail', Error: 'Declined' },
  },
};

const s = suite('graph model and renderers');

s('the model: a node per state, Choice rules and Catch on edges, branches and item processors as clusters', () => {
  const graph = machineGraph(definition, { Charge: { file: 'src/order.ts', line: 12, column: 3 } });
  const id = (label: string) => graph.nodes.find((node) => node.label === label)!.id;
  const edge = (from: string, to: string) => graph.edges.find((candidate) => candidate.from === id(from) && candidate.to === id(to));
  assert.equal(edge('Check', 'Hold'), { from: id('Check'), to: id('Hold'), kind: 'choice', label: '$.total > 1000' });
  assert.is(edge('Check', 'Both')?.kind, 'default');
  assert.equal(edge('Both', 'Declined'), { from: id('Both'), to: id('Declined'), kind: 'catch', label: 'catch Payment.Declined' });
  assert.is(edge('Both', 'Each line')?.kind, 'next');
  assert.equal(graph.clusters.map((cluster) => cluster.label), ['machine', 'Both · branch 1', 'Both · branch 2', 'Each line · each item']);
  const charge = graph.nodes.find((node) => node.label === 'Charge')!;
  assert.equal([charge.source, charge.retry, graph.clusters.find((c) => c.id === charge.cluster)!.label], ['src/order.ts:12', 'retry Busy ×4', 'Both · branch 2']);
  // Succeed and Fail go to their scope's End; every state is reached from Start.
  const reached = new Set([graph.nodes[0]!.id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const e of graph.edges) if (reached.has(e.from) && !reached.has(e.to)) grew = reached.add(e.to).size > 0;
  }
  assert.equal(graph.nodes.filter((node) => !reached.has(node.id)).map((node) => node.label), []);
});

s('Mermaid and DOT: subgraphs/clusters, dotted catch edges, tooltips with the TypeScript line', () => {
  const graph = machineGraph(definition, { Charge: { file: 'src/order.ts', line: 12, column: 3 } });
  const mermaid = toMermaid(graph);
  assert.match(mermaid, /^flowchart TD\n/);
  assert.is(mermaid.match(/^\s*subgraph /gm)?.length, 3);
  assert.is(mermaid.match(/^\s*end$/gm)?.length, 3);
  assert.match(mermaid, /-\.->\|"catch Payment\.Declined"\|/);
  assert.match(mermaid, /click n\d+ "#" "src\/order\.ts:12"/);
  const dot = toDot(graph);
  assert.is(dot.match(/subgraph cluster_/g)?.length, 3);
  assert.is((dot.match(/{/g) ?? []).length, (dot.match(/}/g) ?? []).length);
  assert.match(dot, /tooltip="src\/order\.ts:12"/);
  assert.match(dot, /label="catch Payment\.Declined", style=dashed/);
});

s('SVG: laid out by elkjs, every state drawn inside its cluster, every edge a path', async () => {
  const graph = machineGraph(definition);
  const svg = await toSvg(graph, 'Order');
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"/);
  assert.is(svg.match(/<g id="n\d+">/g)?.length, graph.nodes.length);
  assert.is(svg.match(/<path class="edge/g)?.length, graph.edges.length);
  // Each branch's states lie inside its cluster's rectangle.
  const rect = (label: string) => {
    const match = new RegExp(`<rect x="([\\d.]+)" y="([\\d.]+)" width="([\\d.]+)" height="([\\d.]+)" rx="8"/><text[^>]*>${label}</text>`).exec(svg)!;
    return match.slice(1).map(Number);
  };
  const at = (label: string) => {
    const id = graph.nodes.find((node) => node.label === label)!.id;
    const match = new RegExp(`<g id="${id}"><title>[^<]*</title><rect class="[^"]*" x="([\\d.]+)" y="([\\d.]+)"`).exec(svg)!;
    return match.slice(1).map(Number);
  };
  const [cx, cy, cw, ch] = rect('Both · branch 2');
  const [x, y] = at('Charge');
  assert.ok(x! > cx! && x! < cx! + cw! && y! > cy! && y! < cy! + ch!, `Charge at ${x},${y} is outside ${cx},${cy} ${cw}×${ch}`);
  // Well-formed enough for a browser: every opened element is closed.
  const opened = (svg.match(/<(g|svg|text|title|style|defs|marker)\b/g) ?? []).length;
  const closed = (svg.match(/<\/(g|svg|text|title|style|defs|marker)>/g) ?? []).length;
  assert.is(opened, closed);
});

s('a 200-state machine draws (Mermaid, DOT and SVG)', async () => {
  const states: Record<string, unknown> = {};
  for (let i = 0; i < 200; i++) states[`Step ${i}`] = i % 10 === 9 ? { Type: 'Choice', Choices: [{ Variable: '$.n', NumericEquals: i, Next: `Step ${Math.max(0, i - 5)}` }], Default: `Step ${i + 1}` } : i === 199 ? { Type: 'Succeed' } : { Type: 'Pass', Next: `Step ${i + 1}` };
  const graph = machineGraph({ StartAt: 'Step 0', States: states });
  assert.is(graph.nodes.length, 202);
  const svg = await toSvg(graph, 'Long');
  assert.is(svg.match(/<g id="n\d+">/g)?.length, 202);
  assert.ok(toMermaid(graph).split('\n').length > 400);
});

s('the outline for a terminal: a line per state, its rules, Catch and Retry under it, branches and item processors indented', () => {
  const outline = toOutline(machineGraph(definition, { Charge: { file: 'src/order.ts', line: 12, column: 3 } }));
  assert.fixture(
    outline,
    [
      'start → Check',
      'Check      Choice',
      '             when $.total > 1000 → Hold',
      '             otherwise → Both',
      'Hold       Wait      → Both',
      'Both       Parallel  → Each line',
      '             catch Payment.Declined → Declined',
      '             branch 1:',
      '               start → Reserve',
      '               Reserve  Task  → end',
      '             branch 2:',
      '               start → Charge',
      '               Charge  Task  → end  src/order.ts:12',
      '                         ↻ retry Busy ×4',
      'Each line  Map       → Done',
      '             each item:',
      '               start → Pack',
      '               Pack  Pass  → end',
      'Done       Succeed   → end',
      'Declined   Fail      → end',
      '',
    ].join('\n'),
  );
});

s('the outline of a definition whose StartAt names no state says so', () => {
  assert.is(toOutline(machineGraph({ StartAt: 'Nowhere', States: { A: { Type: 'Pass', End: true } } })), 'start → (no StartAt state)\nA  Pass  → end\n');
});

s.run();
