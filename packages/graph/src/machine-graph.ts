import type { SourceLocation } from '@typestep/runtime';

/**
 * A state machine as a graph to draw: a node per state (and a start and an
 * end node per scope), its transitions as edges, Parallel branches and Map
 * item processors as nested clusters. Built from the ASL JSON alone, so any
 * definition can be drawn; a compiled workflow's source map adds each
 * state's TypeScript line.
 */
export interface MachineGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** The scopes: the machine itself, then every branch and item processor inside it. */
  clusters: GraphCluster[];
}

export interface GraphNode {
  id: string;
  label: string;
  /** The ASL state type, or `Start`/`End` for a scope's entry and exit. */
  type: string;
  cluster: string;
  /** `file:line` of the TypeScript that became the state. */
  source?: string;
  /** `retry ErrorA, ErrorB ×3`, for a state with Retry. */
  retry?: string;
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: 'next' | 'choice' | 'default' | 'catch' | 'branch';
  label?: string;
}

export interface GraphCluster {
  id: string;
  label: string;
  /** The cluster it sits in (undefined for the machine). */
  parent?: string;
}

interface AslState {
  Type?: string;
  Next?: string;
  End?: boolean;
  Default?: string;
  Choices?: Array<Record<string, unknown> & { Next?: string }>;
  Catch?: Array<{ ErrorEquals?: string[]; Next?: string }>;
  Retry?: Array<{ ErrorEquals?: string[]; MaxAttempts?: number }>;
  Branches?: AslScope[];
  ItemProcessor?: AslScope;
  Iterator?: AslScope;
}

interface AslScope {
  StartAt?: string;
  States?: Record<string, AslState>;
}

/** Longest condition text on an edge before it is cut. */
const LABEL_LIMIT = 60;

/**
 * The graph of `definition`.
 *
 * @example
 * machineGraph({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }).edges
 * // [{ from: 'n0', to: 'n1', kind: 'next' }, { from: 'n1', to: 'n2', kind: 'next' }]
 */
export function machineGraph(definition: object, sourceMap: Readonly<Record<string, SourceLocation>> = {}): MachineGraph {
  const graph: MachineGraph = { nodes: [], edges: [], clusters: [] };
  let count = 0;
  const nextId = () => `n${count++}`;

  /** Adds one scope's states; returns the ids of its start and end nodes. */
  const addScope = (scope: AslScope, cluster: GraphCluster): { start: string; end: string } => {
    graph.clusters.push(cluster);
    const start = nextId();
    graph.nodes.push({ id: start, label: 'Start', type: 'Start', cluster: cluster.id });
    const ids = new Map<string, string>();
    const states = Object.entries(scope.States ?? {});
    for (const [name, state] of states) {
      const id = nextId();
      ids.set(name, id);
      const location = Object.hasOwn(sourceMap, name) ? sourceMap[name] : undefined;
      graph.nodes.push({
        id,
        label: name,
        type: state.Type ?? '?',
        cluster: cluster.id,
        ...(location ? { source: `${location.file}:${location.line}` } : {}),
        ...(state.Retry?.length ? { retry: state.Retry.map((rule) => `retry ${(rule.ErrorEquals ?? []).join(', ')} ×${rule.MaxAttempts ?? 3}`).join('; ') } : {}),
      });
    }
    const end = nextId();
    graph.nodes.push({ id: end, label: 'End', type: 'End', cluster: cluster.id });
    const target = (name: string | undefined) => (name !== undefined ? ids.get(name) : undefined);
    if (target(scope.StartAt)) graph.edges.push({ from: start, to: target(scope.StartAt)!, kind: 'next' });
    for (const [name, state] of states) {
      const id = ids.get(name)!;
      const after = state.End || state.Type === 'Succeed' || state.Type === 'Fail' ? end : target(state.Next);
      for (const [index, branch] of (state.Branches ?? []).entries()) {
        const inner = addScope(branch, { id: nextId(), label: `${name} · branch ${index + 1}`, parent: cluster.id });
        graph.edges.push({ from: id, to: inner.start, kind: 'branch' });
      }
      const processor = state.ItemProcessor ?? state.Iterator;
      if (processor) {
        const inner = addScope(processor, { id: nextId(), label: `${name} · each item`, parent: cluster.id });
        graph.edges.push({ from: id, to: inner.start, kind: 'branch' });
      }
      if (state.Type === 'Choice') {
        for (const rule of state.Choices ?? []) {
          const to = target(rule.Next);
          if (to) graph.edges.push({ from: id, to, kind: 'choice', label: shorten(describeRule(rule)) });
        }
        if (target(state.Default)) graph.edges.push({ from: id, to: target(state.Default)!, kind: 'default', label: 'otherwise' });
      } else if (after) {
        graph.edges.push({ from: id, to: after, kind: 'next' });
      }
      for (const catcher of state.Catch ?? []) {
        const to = target(catcher.Next);
        if (to) graph.edges.push({ from: id, to, kind: 'catch', label: `catch ${(catcher.ErrorEquals ?? []).join(', ')}` });
      }
    }
    return { start, end };
  };

  addScope(definition as AslScope, { id: 'machine', label: 'machine' });
  return graph;
}

/** A Choice rule as text: JSONata's Condition, or a JSONPath comparison (`$.total > 100`). */
function describeRule(rule: Record<string, unknown>): string {
  if (typeof rule.Condition === 'string') return rule.Condition.replace(/^\{%\s*|\s*%\}$/g, '');
  const parts: string[] = [];
  for (const combinator of ['And', 'Or'] as const) {
    const inner = rule[combinator];
    if (Array.isArray(inner)) return inner.map((item) => `(${describeRule(item as Record<string, unknown>)})`).join(combinator === 'And' ? ' and ' : ' or ');
  }
  if (rule.Not && typeof rule.Not === 'object') return `not (${describeRule(rule.Not as Record<string, unknown>)})`;
  const variable = typeof rule.Variable === 'string' ? rule.Variable : '';
  for (const [key, value] of Object.entries(rule)) {
    if (key === 'Variable' || key === 'Next' || key === 'Assign' || key === 'Comment') continue;
    parts.push(`${variable} ${operatorText(key)} ${JSON.stringify(value)}`);
  }
  return parts.join(' and ') || 'rule';
}

function operatorText(key: string): string {
  const comparison = /^(String|Numeric|Timestamp|Boolean)(Equals|LessThan|GreaterThan|LessThanEquals|GreaterThanEquals|Matches)(Path)?$/.exec(key);
  if (!comparison) return key;
  const symbol = { Equals: '==', LessThan: '<', GreaterThan: '>', LessThanEquals: '<=', GreaterThanEquals: '>=', Matches: 'matches' }[comparison[2]!]!;
  return comparison[3] ? `${symbol} (path)` : symbol;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > LABEL_LIMIT ? `${flat.slice(0, LABEL_LIMIT - 1)}…` : flat;
}
