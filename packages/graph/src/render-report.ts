import type { HistoryEvent, SourceLocation } from '@typestep/runtime';
import { summarizeExecution, STATE_OUTCOMES, type ExecutionSummary, type StateOutcome, type StateSummary } from './execution-summary.js';
import { machineGraph } from './machine-graph.js';
import { escapeMarkup } from './markup-escape.js';
import type { PayloadText } from './payload-text.js';
import { REPORT_SCRIPT, REPORT_STYLE } from './report-page.js';
import { toSvg } from './render-svg.js';

/** What {@link renderExecutionReport} draws. */
export interface ExecutionReportInput {
  /** The ASL definition that ran. */
  definition: object;
  /** Its execution's history, in AWS's shape (`execution.history`). */
  history: readonly HistoryEvent[];
  /** A compiled workflow's state name → TypeScript location (`<Name>.map.json`). */
  sourceMap?: Readonly<Record<string, SourceLocation>>;
  /** The text of source files the map names, by the same path, for code frames; files left out get none. */
  sources?: Readonly<Record<string, string>>;
  /** The page's title (the definition's file name, say). */
  title?: string;
}

/** Lines shown above and below a state's TypeScript line. */
const FRAME_CONTEXT = 2;
/** Longest source line kept in a code frame. */
const FRAME_LINE_LIMIT = 200;
/** Characters of a payload shown before "show all". */
const PREVIEW_LIMIT = 1500;

const OUTCOME_TEXT: Record<StateOutcome, string> = {
  failed: 'failed',
  caught: 'caught',
  retried: 'retried',
  succeeded: 'succeeded',
  unfinished: 'unfinished',
  'not-reached': 'not reached',
};

/**
 * One self-contained HTML page of an execution: its status, the state
 * machine drawn (elkjs layout) with each state coloured by what happened to
 * it, a side panel per state (input, output, assigned variables, attempts,
 * Map iterations or Parallel branches, TypeScript line with a code frame),
 * and the history as a table whose rows select their state. Styles, script
 * and drawing are inline; the page loads nothing. Every name and payload is
 * escaped, and payloads are cut (see `PAYLOAD_LIMIT`), so the page stays small for
 * big runs.
 *
 * @example
 * const execution = machine.start(input);
 * await execution.result;
 * writeFileSync('run.html', await renderExecutionReport({ definition, history: execution.history }));
 */
export async function renderExecutionReport(input: ExecutionReportInput): Promise<string> {
  const summary = summarizeExecution(input.definition, input.history);
  const sourceMap = input.sourceMap ?? {};
  const graph = machineGraph(input.definition, sourceMap);
  const nodeStates: Record<string, string> = {};
  const nodeClasses: Record<string, string> = {};
  for (const node of graph.nodes) {
    const state = node.type === 'Start' || node.type === 'End' ? undefined : summary.states.get(node.label);
    if (!state) continue;
    nodeStates[node.id] = node.label;
    nodeClasses[node.id] = `node outcome-${state.outcome}`;
  }
  const title = input.title ?? 'execution';
  const svg = await toSvg(graph, title, { nodeClasses });
  const states: Record<string, StateSummary & { source?: SourceFrame }> = {};
  for (const [name, state] of summary.states) {
    const location = Object.hasOwn(sourceMap, name) ? sourceMap[name] : undefined;
    states[name] = location ? { ...state, source: sourceFrame(location, input.sources ?? {}) } : state;
  }
  const data = { nodes: nodeStates, states, outcomes: OUTCOME_TEXT };
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeMarkup(`${title} · ${summary.execution.status}`)}</title>`,
    `<style>${REPORT_STYLE}</style>`,
    '</head><body>',
    statusHeader(summary, title),
    '<main>',
    `<section id="graph">${legend(summary)}<div class="drawing">${svg.replace(/^<svg /, '<svg id="machine" ')}</div></section>`,
    '<aside id="panel"><p class="hint">Click a state to see its input, output, variables and attempts.</p></aside>',
    '</main>',
    eventTable(summary),
    `<script type="application/json" id="report-data">${embedJson(data)}</script>`,
    `<script>${REPORT_SCRIPT}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}

/** A state's TypeScript location and, when its file was given, the lines around it. */
interface SourceFrame {
  file: string;
  line: number;
  column: number;
  lines?: Array<{ number: number; text: string }>;
}

function sourceFrame(location: SourceLocation, sources: Readonly<Record<string, string>>): SourceFrame {
  const frame: SourceFrame = { file: location.file, line: location.line, column: location.column };
  const text = Object.hasOwn(sources, location.file) ? sources[location.file] : undefined;
  if (text === undefined) return frame;
  const all = text.split(/\r?\n/);
  const first = Math.max(1, location.line - FRAME_CONTEXT);
  const last = Math.min(all.length, location.line + FRAME_CONTEXT);
  frame.lines = [];
  for (let number = first; number <= last; number++) {
    const line = all[number - 1]!;
    frame.lines.push({ number, text: line.length > FRAME_LINE_LIMIT ? `${line.slice(0, FRAME_LINE_LIMIT - 1)}…` : line });
  }
  return frame;
}

function statusHeader(summary: ExecutionSummary, title: string): string {
  const { execution } = summary;
  const parts = [
    `<header id="status" class="status-${execution.status}">`,
    `<h1>${escapeMarkup(title)}</h1>`,
    `<p><span class="badge">${execution.status}</span> in ${seconds(execution.duration)} of workflow time${execution.startedAt ? `, started ${escapeMarkup(execution.startedAt.toISOString())}` : ''}</p>`,
  ];
  if (execution.error !== undefined) parts.push(`<p class="error">error: <code>${escapeMarkup(execution.error)}</code></p>`);
  if (execution.cause !== undefined) parts.push(`<div class="field"><span>cause</span>${payloadBlock({ text: execution.cause, length: execution.cause.length })}</div>`);
  if (execution.output) parts.push(`<div class="field"><span>output</span>${payloadBlock(execution.output)}</div>`);
  parts.push('</header>');
  return parts.join('\n');
}

function legend(summary: ExecutionSummary): string {
  const counts = new Map<StateOutcome, number>();
  for (const state of summary.states.values()) counts.set(state.outcome, (counts.get(state.outcome) ?? 0) + 1);
  const items = STATE_OUTCOMES.map((outcome) => `<li class="outcome-${outcome}"><span class="swatch"></span>${OUTCOME_TEXT[outcome]} (${counts.get(outcome) ?? 0})</li>`);
  return `<ul id="legend">${items.join('')}</ul>`;
}

function eventTable(summary: ExecutionSummary): string {
  const rows = summary.events.map((row, index) => {
    const gap = summary.eventsOmitted > 0 && index > 0 && summary.events[index - 1]!.id !== row.id - 1 ? `<tr class="gap"><td colspan="5">… ${summary.eventsOmitted} events not shown …</td></tr>` : '';
    const state = row.state === undefined ? '' : ` data-state="${escapeMarkup(row.state)}"`;
    const where = `${row.where}${row.state ?? ''}`;
    return `${gap}<tr data-event="${row.id}"${state}><td>${row.id}</td><td>${escapeMarkup(row.type)}</td><td>+${seconds(row.time)}</td><td>${escapeMarkup(where)}</td><td><code>${escapeMarkup(row.details)}</code></td></tr>`;
  });
  return [
    `<section id="events"><h2>History (${summary.events.length + summary.eventsOmitted} events)</h2>`,
    '<table><thead><tr><th>id</th><th>type</th><th>time</th><th>state</th><th>details</th></tr></thead><tbody>',
    ...rows,
    '</tbody></table></section>',
  ].join('\n');
}

/** A payload as a preview, with the rest behind a "show all" toggle (`<details>`, so it works without script). */
function payloadBlock(payload: PayloadText): string {
  const cut = payload.length > payload.text.length ? `<p class="note">cut at ${payload.text.length} of ${payload.length} characters</p>` : '';
  if (payload.text.length <= PREVIEW_LIMIT) return `<pre class="payload">${escapeMarkup(payload.text)}</pre>${cut}`;
  return `<pre class="payload">${escapeMarkup(payload.text.slice(0, PREVIEW_LIMIT))}…</pre><details class="show-all"><summary>show all (${payload.text.length} characters)</summary><pre class="payload">${escapeMarkup(payload.text)}</pre></details>${cut}`;
}

/** JSON inside `<script type="application/json">`: no `<` can close the element or open a comment. */
function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(3)}s`;
}
