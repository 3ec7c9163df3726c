export { machineGraph, type GraphCluster, type GraphEdge, type GraphNode, type MachineGraph } from './machine-graph.js';
export { toDot, toMermaid } from './render-text.js';
export { toSvg } from './render-svg.js';
