import type { ELK as ElkLayout, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import * as elkBundle from 'elkjs/lib/elk.bundled.js';
import type { GraphEdge, GraphNode, MachineGraph } from './machine-graph.js';
import { escapeMarkup } from './markup-escape.js';
import { nodeText } from './render-text.js';

// elkjs is CommonJS: its constructor is the module's export, which an ES import sees as `default`.
const ELK = (elkBundle as unknown as { default: new () => ElkLayout }).default;

// Text is measured by a fixed advance per character: the SVG names a sans-serif font and leaves room.
const CHAR_WIDTH = 6.6;
const LINE_HEIGHT = 15;
const PADDING = 12;
const LABEL_CHAR_WIDTH = 5.6;

/** What {@link toSvg} may add to the drawing. */
export interface SvgOptions {
  /** Extra CSS classes on a node's `<g>`, by node id (the execution report's outcome colours). */
  nodeClasses?: Readonly<Record<string, string>>;
}

/**
 * The graph as one self-contained SVG document, laid out by elkjs (ELK's
 * layered algorithm, clusters laid out with their contents): state shapes by
 * type, Catch edges dashed red, branch edges dotted, edge labels, and each
 * state's TypeScript line in its tooltip (`<title>`).
 *
 * @example
 * await toSvg(machineGraph(definition), 'ProcessOrder') // '<svg xmlns="http://www.w3.org/2000/svg" …'
 */
export async function toSvg(graph: MachineGraph, title: string, options: SvgOptions = {}): Promise<string> {
  const elk = new ELK();
  const nodesById = new Map(graph.nodes.map((node) => [node.id, node]));
  const elkNodes = new Map<string, ElkNode>();
  const root: ElkNode = {
    id: 'machine',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '36',
      'elk.spacing.nodeNode': '28',
      'elk.edgeLabels.inline': 'false',
      'elk.json.edgeCoords': 'ROOT',
      'elk.json.shapeCoords': 'ROOT',
    },
    children: [],
    edges: [],
  };
  elkNodes.set('machine', root);
  for (const cluster of graph.clusters.slice(1)) {
    const node: ElkNode = { id: cluster.id, labels: [{ text: cluster.label, width: cluster.label.length * CHAR_WIDTH, height: LINE_HEIGHT }], layoutOptions: { 'elk.padding': '[top=28,left=12,bottom=12,right=12]', 'elk.nodeLabels.placement': 'INSIDE V_TOP H_LEFT' }, children: [] };
    elkNodes.set(cluster.id, node);
  }
  for (const cluster of graph.clusters.slice(1)) elkNodes.get(cluster.parent!)!.children!.push(elkNodes.get(cluster.id)!);
  for (const node of graph.nodes) elkNodes.get(node.cluster)!.children!.push({ id: node.id, ...nodeSize(node) });
  root.edges = graph.edges.map((edge, index): ElkExtendedEdge => ({
    id: `e${index}`,
    sources: [edge.from],
    targets: [edge.to],
    ...(edge.label ? { labels: [{ text: edge.label, width: edge.label.length * LABEL_CHAR_WIDTH + 4, height: 12 }] } : {}),
  }));
  const laid = await elk.layout(root);

  const parts: string[] = [];
  const drawClusters = (node: ElkNode) => {
    for (const child of node.children ?? []) {
      if (!child.children) continue;
      parts.push(`<g class="cluster"><rect x="${n(child.x)}" y="${n(child.y)}" width="${n(child.width)}" height="${n(child.height)}" rx="8"/><text x="${n(child.x! + 10)}" y="${n(child.y! + 18)}">${escapeMarkup(child.labels?.[0]?.text ?? '')}</text></g>`);
      drawClusters(child);
    }
  };
  drawClusters(laid);
  const kinds = new Map(root.edges.map((edge, index) => [edge.id, graph.edges[index]!]));
  for (const edge of laid.edges ?? []) parts.push(drawEdge(edge, kinds.get(edge.id)!));
  const drawNodes = (node: ElkNode) => {
    for (const child of node.children ?? []) {
      if (child.children) drawNodes(child);
      else parts.push(drawNode(child, nodesById.get(child.id)!, options.nodeClasses?.[child.id]));
    }
  };
  drawNodes(laid);

  const width = Math.ceil((laid.width ?? 0) + 2);
  const height = Math.ceil((laid.height ?? 0) + 2);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="-1 -1 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="11">`,
    `<title>${escapeMarkup(title)}</title>`,
    '<style>.cluster rect{fill:#f7f7fb;stroke:#b8b8cc}.cluster text{fill:#555;font-size:11px}.state{fill:#fff;stroke:#446}.state.Choice{fill:#fffbea}.state.Fail{stroke:#c33;fill:#fdecec}.state.Succeed{stroke:#393;fill:#eef8ee}.state.Start,.state.End{fill:#eee;stroke:#999}.edge{fill:none;stroke:#555}.edge.catch{stroke:#c33;stroke-dasharray:5 3}.edge.branch{stroke-dasharray:2 3}.label{fill:#444;font-size:10px}.label.catch{fill:#c33}.source{fill:#888;font-size:9px}</style>',
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>',
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}

function nodeSize(node: GraphNode): { width: number; height: number } {
  if (node.type === 'Start' || node.type === 'End') return { width: 44, height: 24 };
  const lines = nodeText(node, '\n').split('\n');
  const width = Math.max(...lines.map((line) => line.length)) * CHAR_WIDTH + PADDING * 2;
  const height = lines.length * LINE_HEIGHT + PADDING;
  // A diamond needs room around its text.
  return node.type === 'Choice' ? { width: width * 1.4, height: height * 1.6 } : { width, height };
}

function drawNode(box: ElkNode, node: GraphNode, extraClass: string | undefined): string {
  const x = box.x!;
  const y = box.y!;
  const w = box.width!;
  const h = box.height!;
  const cls = `state ${node.type}`;
  let shape: string;
  if (node.type === 'Choice') shape = `<polygon class="${cls}" points="${n(x + w / 2)},${n(y)} ${n(x + w)},${n(y + h / 2)} ${n(x + w / 2)},${n(y + h)} ${n(x)},${n(y + h / 2)}"/>`;
  else if (node.type === 'Start' || node.type === 'End') shape = `<rect class="${cls}" x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${n(h / 2)}"/>`;
  else shape = `<rect class="${cls}" x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${node.type === 'Task' ? 6 : 2}"/>`;
  const lines = nodeText(node, '\n').split('\n');
  const top = y + h / 2 - ((lines.length - 1) * LINE_HEIGHT) / 2 + 4;
  const text = lines
    .map((line, index) => `<text x="${n(x + w / 2)}" y="${n(top + index * LINE_HEIGHT)}" text-anchor="middle"${index > 0 ? ' class="source"' : ''}>${escapeMarkup(line)}</text>`)
    .join('');
  const tooltip = [node.label, `(${node.type})`, node.source && `at ${node.source}`].filter(Boolean).join(' ');
  return `<g id="${node.id}"${extraClass ? ` class="${escapeMarkup(extraClass)}"` : ''}><title>${escapeMarkup(tooltip)}</title>${shape}${text}</g>`;
}

function drawEdge(edge: ElkExtendedEdge, kind: GraphEdge): string {
  const paths = (edge.sections ?? []).map((section) => {
    const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
    return `<path class="edge ${kind.kind}" d="${points.map((point, index) => `${index ? 'L' : 'M'}${n(point.x)} ${n(point.y)}`).join(' ')}" marker-end="url(#arrow)"/>`;
  });
  const labels = (edge.labels ?? []).map((label) => `<text class="label ${kind.kind}" x="${n(label.x! + 2)}" y="${n(label.y! + 10)}">${escapeMarkup(label.text ?? '')}</text>`);
  return `<g>${paths.join('')}${labels.join('')}</g>`;
}

function n(value: number | undefined): string {
  return String(Math.round((value ?? 0) * 10) / 10);
}
