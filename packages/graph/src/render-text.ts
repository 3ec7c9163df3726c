import type { GraphCluster, GraphEdge, GraphNode, MachineGraph } from './machine-graph.js';

/**
 * The graph as a Mermaid flowchart: clusters as subgraphs, Choice states as
 * rhombi, Catch edges dotted, a state's Retry and TypeScript line under its
 * name, and the TypeScript line as the node's tooltip.
 *
 * @example
 * toMermaid(machineGraph(definition)) // 'flowchart TD\n  n0(("Start"))\n  …'
 */
export function toMermaid(graph: MachineGraph): string {
  const lines = ['flowchart TD'];
  const write = (cluster: GraphCluster, indent: string) => {
    for (const node of graph.nodes.filter((candidate) => candidate.cluster === cluster.id)) lines.push(`${indent}${node.id}${mermaidShape(node)}`);
    for (const child of graph.clusters.filter((candidate) => candidate.parent === cluster.id)) {
      lines.push(`${indent}subgraph ${child.id}["${mermaidText(child.label)}"]`);
      write(child, `${indent}  `);
      lines.push(`${indent}end`);
    }
  };
  write(graph.clusters[0]!, '  ');
  for (const edge of graph.edges) {
    const arrow = edge.kind === 'catch' || edge.kind === 'branch' ? '-.->' : '-->';
    lines.push(`  ${edge.from} ${arrow}${edge.label ? `|"${mermaidText(edge.label)}"|` : ''} ${edge.to}`);
  }
  for (const node of graph.nodes) if (node.source) lines.push(`  click ${node.id} "#" "${mermaidText(node.source)}"`);
  lines.push('  classDef terminal fill:#eee,stroke:#999');
  lines.push('  classDef failure fill:#fdd,stroke:#c33');
  const terminals = graph.nodes.filter((node) => node.type === 'Start' || node.type === 'End').map((node) => node.id);
  if (terminals.length) lines.push(`  class ${terminals.join(',')} terminal`);
  const failures = graph.nodes.filter((node) => node.type === 'Fail').map((node) => node.id);
  if (failures.length) lines.push(`  class ${failures.join(',')} failure`);
  return `${lines.join('\n')}\n`;
}

function mermaidShape(node: GraphNode): string {
  const text = `"${mermaidText(nodeText(node, '<br/>'))}"`;
  switch (node.type) {
    case 'Start':
    case 'End':
      return `((${text}))`;
    case 'Choice':
      return `{${text}}`;
    case 'Wait':
      return `[/${text}/]`;
    case 'Succeed':
    case 'Fail':
      return `([${text}])`;
    case 'Parallel':
    case 'Map':
      return `[[${text}]]`;
    default:
      return `[${text}]`;
  }
}

/** Mermaid text inside quotes: its own entity for `"`, no line breaks. */
function mermaidText(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/\n/g, ' ');
}

/**
 * The graph in Graphviz DOT: clusters as `subgraph cluster_…`, shapes by
 * state type, Catch edges dashed and red, branch edges dotted, the
 * TypeScript line as each node's tooltip.
 *
 * @example
 * toDot(machineGraph(definition)) // 'digraph machine {\n  …'
 */
export function toDot(graph: MachineGraph): string {
  const lines = ['digraph machine {', '  graph [fontname="Helvetica", compound=true];', '  node [fontname="Helvetica", fontsize=11];', '  edge [fontname="Helvetica", fontsize=9];'];
  const write = (cluster: GraphCluster, indent: string) => {
    for (const node of graph.nodes.filter((candidate) => candidate.cluster === cluster.id)) {
      const attributes = [`label=${dotString(nodeText(node, '\n'))}`, `shape=${dotShape(node.type)}`];
      if (node.source) attributes.push(`tooltip=${dotString(node.source)}`);
      if (node.type === 'Fail') attributes.push('color="#cc3333"');
      if (node.type === 'Start' || node.type === 'End') attributes.push('style=filled', 'fillcolor="#eeeeee"', 'fontsize=9');
      lines.push(`${indent}${node.id} [${attributes.join(', ')}];`);
    }
    for (const child of graph.clusters.filter((candidate) => candidate.parent === cluster.id)) {
      lines.push(`${indent}subgraph cluster_${child.id} {`, `${indent}  label=${dotString(child.label)};`, `${indent}  style=rounded;`);
      write(child, `${indent}  `);
      lines.push(`${indent}}`);
    }
  };
  write(graph.clusters[0]!, '  ');
  for (const edge of graph.edges) lines.push(`  ${edge.from} -> ${edge.to}${dotEdgeAttributes(edge)};`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function dotEdgeAttributes(edge: GraphEdge): string {
  const attributes: string[] = [];
  if (edge.label) attributes.push(`label=${dotString(edge.label)}`);
  if (edge.kind === 'catch') attributes.push('style=dashed', 'color="#cc3333"', 'fontcolor="#cc3333"');
  if (edge.kind === 'branch') attributes.push('style=dotted');
  if (edge.kind === 'default') attributes.push('fontcolor="#666666"');
  return attributes.length ? ` [${attributes.join(', ')}]` : '';
}

function dotShape(type: string): string {
  return { Start: 'circle', End: 'doublecircle', Choice: 'diamond', Wait: 'parallelogram', Succeed: 'box', Fail: 'octagon', Parallel: 'box3d', Map: 'box3d', Pass: 'ellipse' }[type] ?? 'box';
}

/** A DOT string literal. */
function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** A node's text: its name, then its Retry and its TypeScript line on lines of their own. */
export function nodeText(node: GraphNode, newline: string): string {
  return [node.label, node.retry && `↻ ${node.retry}`, node.source].filter(Boolean).join(newline);
}
