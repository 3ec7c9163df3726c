import type { GraphCluster, GraphEdge, MachineGraph } from './machine-graph.js';

/** Widest state-name column before names run past it. */
const NAME_COLUMN_LIMIT = 32;

/**
 * The graph as plain text for a terminal: one line per state in definition
 * order (its name, type, where it goes next and its TypeScript line), then
 * a line per Choice rule, Catch and Retry, and each Parallel branch or Map
 * item processor indented under its state. Nothing but text: it reads the
 * same piped, in a log or over SSH.
 *
 * @example
 * toOutline(machineGraph({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }))
 * // 'start → A\nA  Pass  → end\n'
 */
export function toOutline(graph: MachineGraph): string {
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  const edgesFrom = new Map<string, GraphEdge[]>();
  for (const edge of graph.edges) (edgesFrom.get(edge.from) ?? edgesFrom.set(edge.from, []).get(edge.from)!).push(edge);
  const lines: string[] = [];
  const nameOf = (id: string) => {
    const node = nodes.get(id)!;
    return node.type === 'End' ? 'end' : node.label;
  };

  const writeScope = (cluster: GraphCluster, indent: string) => {
    const members = graph.nodes.filter((node) => node.cluster === cluster.id);
    const start = members.find((node) => node.type === 'Start');
    const states = members.filter((node) => node.type !== 'Start' && node.type !== 'End');
    const column = Math.min(NAME_COLUMN_LIMIT, Math.max(0, ...states.map((node) => node.label.length)));
    const typeColumn = Math.max(0, ...states.map((node) => node.type.length));
    const first = start && edgesFrom.get(start.id)?.[0];
    lines.push(`${indent}start → ${first ? nameOf(first.to) : '(no StartAt state)'}`);
    for (const node of states) {
      const edges = edgesFrom.get(node.id) ?? [];
      const next = edges.find((edge) => edge.kind === 'next');
      const head = `${indent}${node.label.padEnd(column)}  ${node.type.padEnd(typeColumn)}`;
      lines.push(`${head}${next ? `  → ${nameOf(next.to)}` : ''}${node.source ? `  ${node.source}` : ''}`.trimEnd());
      const detail = `${indent}${' '.repeat(column + 2)}  `;
      for (const edge of edges) {
        if (edge.kind === 'choice') lines.push(`${detail}when ${edge.label} → ${nameOf(edge.to)}`);
        else if (edge.kind === 'default') lines.push(`${detail}otherwise → ${nameOf(edge.to)}`);
      }
      if (node.retry) lines.push(`${detail}↻ ${node.retry}`);
      for (const edge of edges) if (edge.kind === 'catch') lines.push(`${detail}${edge.label} → ${nameOf(edge.to)}`);
      for (const edge of edges.filter((candidate) => candidate.kind === 'branch')) writeBranch(edge, detail);
    }
  };

  const writeBranch = (edge: GraphEdge, indent: string) => {
    const inner = graph.clusters.find((cluster) => cluster.id === nodes.get(edge.to)!.cluster)!;
    lines.push(`${indent}${inner.label.slice(inner.label.lastIndexOf(' · ') + 3)}:`);
    writeScope(inner, `${indent}  `);
  };

  writeScope(graph.clusters[0]!, '');
  return `${lines.join('\n')}\n`;
}
