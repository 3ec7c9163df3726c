// Timing helpers: child processes, medians, the machine the figures come from.

import { spawnSync } from 'node:child_process';
import { arch, cpus, loadavg, platform } from 'node:os';
import { performance } from 'node:perf_hooks';

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs `node <args>` to completion (with the environment `env`) and times the whole process from spawn to exit.
 * @returns {{ wallMs: number, result?: any, failure?: string }} `result` is the JSON after `marker`
 */
export function runChild(args, marker, env = process.env) {
  const started = performance.now();
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env });
  const wallMs = performance.now() - started;
  const line = child.stdout.split('\n').find((text) => text.startsWith(`${marker} `));
  if (child.status !== 0 || !line) return { wallMs, failure: explainFailure(child) };
  return { wallMs, result: JSON.parse(line.slice(marker.length + 1)) };
}

/** The error a child printed, without TypeScript 4's deprecation notices that ts2asl triggers. */
function explainFailure(child) {
  const lines = `${child.stderr}`.split('\n').filter((line) => line.trim() && !line.includes('DeprecationWarning'));
  const error = lines.find((line) => /^\w*Error\b/.test(line)) ?? lines[0] ?? `exit code ${child.status}`;
  const detail = lines.slice(lines.indexOf(error) + 1).filter((line) => !line.trimStart().startsWith('at ')).slice(0, 12);
  return [error, ...detail].join('\n');
}

/**
 * One line that says where the figures were measured. The load average says how busy the
 * machine was when the run started: on 2 cores, other work moves the timings a lot.
 */
export function describeMachine() {
  const cores = cpus();
  const load = loadavg().map((value) => value.toFixed(1)).join(' ');
  return `${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, ${platform()} ${arch()}, load average ${load}`;
}
