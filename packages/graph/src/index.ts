export { machineGraph, type GraphCluster, type GraphEdge, type GraphNode, type MachineGraph } from './machine-graph.js';
export { toDot, toMermaid } from './render-text.js';
export { toOutline } from './render-outline.js';
export { toSvg, type SvgOptions } from './render-svg.js';
export { escapeMarkup } from './markup-escape.js';
export { renderExecutionReport, type ExecutionReportInput } from './render-report.js';
export {
  summarizeExecution,
  STATE_OUTCOMES,
  type EventRow,
  type ExecutionStatus,
  type ExecutionSummary,
  type StateOutcome,
  type StateSummary,
  type VisitAttempt,
  type VisitDetail,
} from './execution-summary.js';
export { PAYLOAD_LIMIT, payloadText, type PayloadText } from './payload-text.js';
