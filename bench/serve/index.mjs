// typestep serve under load: N concurrent StartExecution calls through @aws-sdk/client-sfn over HTTP,
// each execution then polled with DescribeExecution until it ends, on a 3-state machine. The server
// runs as `typestep serve` in a child process (in memory, then with --data: SQLite in WAL mode).
// Reports executions/s, p50/p99 StartExecution latency and p50/p99 end-to-end latency (start sent →
// first DescribeExecution that is not RUNNING), medians over several rounds.
//
//   npm run bench:serve                       (BENCH_SERVE_COUNT=1000 BENCH_SERVE_ROUNDS=5)
import { spawn } from 'node:child_process';
import { Agent } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateStateMachineCommand, DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';

const COUNT = Number(process.env.BENCH_SERVE_COUNT ?? 1000);
const ROUNDS = Number(process.env.BENCH_SERVE_ROUNDS ?? 5);
/** Connections the client keeps open at most; requests beyond wait in the client, as they would in an application. */
const SOCKETS = 100;
const POLL_MS = 25;
const CLI = fileURLToPath(new URL('../../packages/cli/bin/typestep.js', import.meta.url));

const DEFINITION = JSON.stringify({
  StartAt: 'Receive',
  States: {
    Receive: { Type: 'Pass', Parameters: { 'id.$': '$.id', received: true }, Next: 'Route' },
    Route: { Type: 'Choice', Choices: [{ Variable: '$.id', NumericGreaterThan: -1, Next: 'Done' }], Default: 'Done' },
    Done: { Type: 'Pass', Result: 'ok', ResultPath: '$.status', End: true },
  },
});

function startServer(args) {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, endpoint: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`typestep serve exited (${code}): ${out}`)));
  });
}

function stopServer(child) {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** CPU time (user + system, ms) the child has used so far, from /proc (Linux); undefined elsewhere. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return undefined;
  }
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function round(sfn, stateMachineArn, index, pid) {
  const cpuBefore = cpuMs(pid);
  const startLatencies = [];
  const endToEnd = [];
  const began = performance.now();
  await Promise.all(
    Array.from({ length: COUNT }, async (_, i) => {
      const sent = performance.now();
      const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: `r${index}-${i}`, input: JSON.stringify({ id: i }) }));
      startLatencies.push(performance.now() - sent);
      for (;;) {
        const { status } = await sfn.send(new DescribeExecutionCommand({ executionArn }));
        if (status !== 'RUNNING') {
          if (status !== 'SUCCEEDED') throw new Error(`${executionArn} ended ${status}`);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      endToEnd.push(performance.now() - sent);
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  const cpuAfter = cpuMs(pid);
  startLatencies.sort((a, b) => a - b);
  endToEnd.sort((a, b) => a - b);
  return {
    perSecond: COUNT / seconds,
    startP50: percentile(startLatencies, 50),
    startP99: percentile(startLatencies, 99),
    endP50: percentile(endToEnd, 50),
    endP99: percentile(endToEnd, 99),
    serverCpuPerExecution: cpuBefore === undefined || cpuAfter === undefined ? NaN : (cpuAfter - cpuBefore) / COUNT,
  };
}

async function measure(label, args) {
  const { child, endpoint } = await startServer(args);
  const sfn = new SFNClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    maxAttempts: 1,
    requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: SOCKETS }), socketAcquisitionWarningTimeout: 600_000 },
  });
  try {
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'bench', definition: DEFINITION, roleArn: 'arn:aws:iam::123456789012:role/bench' }));
    await round(sfn, stateMachineArn, 'warm', child.pid); // warm-up: JIT, SQLite pages, sockets
    const rounds = [];
    for (let r = 0; r < ROUNDS; r++) rounds.push(await round(sfn, stateMachineArn, r, child.pid));
    const pick = (key) => median(rounds.map((result) => result[key]));
    const keys = ['perSecond', 'startP50', 'startP99', 'endP50', 'endP99', 'serverCpuPerExecution'];
    return { label, ...Object.fromEntries(keys.map((key) => [key, pick(key)])) };
  } finally {
    sfn.destroy();
    await stopServer(child);
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'typestep-bench-serve-'));
try {
  const results = [await measure('in memory', []), await measure('--data (SQLite, WAL)', ['--data', dataDir])];
  console.log(`\n${COUNT} concurrent StartExecution + DescribeExecution polling (every ${POLL_MS} ms) per round, 3-state machine, medians of ${ROUNDS} rounds, client at most ${SOCKETS} connections\n`);
  console.log('| store | executions/s | StartExecution p50 | p99 | end-to-end p50 | p99 | server CPU per execution |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    console.log(
      `| ${r.label} | ${r.perSecond.toFixed(0)} | ${r.startP50.toFixed(1)} ms | ${r.startP99.toFixed(1)} ms | ${r.endP50.toFixed(1)} ms | ${r.endP99.toFixed(1)} ms | ${r.serverCpuPerExecution.toFixed(2)} ms |`,
    );
  }
  console.log('\nServer CPU per execution includes its StartExecution and every DescribeExecution poll answered.');
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
