import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compiledWorkflowFolder, typestep } from './support/cli-process.js';

// `typestep run --trace`: one line per state on stderr, Map iterations past the third counted,
// retries and caught errors named, and a failed run ends with its TypeScript code frame.
const source = `import { lambda, sleep, workflow } from '@typestep/dsl';
export const reserve = lambda<{ sku: string }, { held: boolean }>('\${ReserveArn}', { retry: { errors: ['Busy'], maxAttempts: 3, intervalSeconds: 5 } });
export const ship = lambda<{ id: string; count: number }, { label: string }>('\${ShipArn}');
export const ship2 = lambda<{ id: string }, { label: string }>('\${Ship2Arn}');
export const fulfil = workflow('Fulfil', async (order: { id: string; skus: string[] }) => {
  const holds = await Promise.all(order.skus.map(async (sku) => reserve({ sku })));
  await sleep(60);
  let label: string;
  try {
    label = (await ship({ id: order.id, count: holds.length })).label;
  } catch {
    label = (await ship2({ id: order.id })).label;
  }
  return { id: order.id, label };
});
`;
const { scratch, compiled, definition } = compiledWorkflowFolder('typestep-trace-', 'fulfil.ts', source, 'Fulfil');
const handlers = scratch.file(
  'handlers.mjs',
  `const busy = new Set();
export default {
  reserve: ({ sku }) => {
    if (sku === 'gone') throw Object.assign(new Error('sold out'), { name: 'OutOfStock' });
    if (sku.startsWith('busy') && !busy.has(sku)) { busy.add(sku); throw Object.assign(new Error('try again'), { name: 'Busy' }); }
    return { held: true };
  },
  ship: ({ id }) => { if (id === 'fallback') throw Object.assign(new Error('no courier'), { name: 'NoCourier' }); return { label: 'L-' + id }; },
  ship2: ({ id }) => ({ label: 'L2-' + id }),
};`,
);
const order = (id: string, ...skus: string[]) => JSON.stringify({ id, skus });
const lines = (stderr: string) => stderr.split('\n').filter((line) => /^[✓↷✗·] /.test(line));

const s = suite('typestep run --trace');

s('the workflow compiles', () => {
  assert.is(compiled.code, 0, compiled.stderr);
});

s('one line per state, in order, with virtual time, retries, Map iterations and the TypeScript line', () => {
  const { code, stdout, stderr } = typestep('run', definition, '--input', order('o-1', 'a', 'busy-b', 'c', 'd', 'e'), '--handlers', handlers, '--trace', '--json');
  assert.is(code, 0, stderr);
  assert.equal(JSON.parse(stdout).output, { id: 'o-1', label: 'L-o-1' });
  const trace = lines(stderr);
  const names = trace.map((line) => line.split(/\s{2,}/)[4]);
  // Iterations 0–2 are listed (the Map runs them in turns), 3 and 4 only counted on the Map's line.
  assert.equal(names.filter((name) => name?.includes('[')).sort(), [0, 1, 2].map((i) => `For each sku of order.skus[${i}] › Reserve`));
  const map = trace.find((line) => /Map\s+For each sku of order\.skus\s/.test(line));
  assert.ok(map, stderr);
  assert.match(map!, '5 iterations');
  const retried = trace.find((line) => line.includes('skus[1] › Reserve'));
  assert.match(retried!, '1 retry');
  const wait = trace.find((line) => line.includes('Wait '));
  assert.match(wait!, '+60.000s');
  const shipLine = trace.find((line) => /Task\s+Ship\s/.test(line));
  assert.match(shipLine!, /\s65\.000s\s/); // 5 s of retry interval, then the 60 s sleep
  assert.match(shipLine!, 'fulfil.ts:10');
  assert.not.match(stderr, '\x1b['); // not a terminal: no colour
});

s('a caught error is marked, and the catch path follows', () => {
  const { code, stderr } = typestep('run', definition, '--input', order('fallback', 'a'), '--handlers', handlers, '--trace');
  assert.is(code, 0, stderr);
  const trace = lines(stderr);
  const caught = trace.find((line) => /Task\s+Ship\s/.test(line));
  assert.match(caught!, /^↷ /);
  assert.match(caught!, 'caught NoCourier');
  assert.ok(trace.some((line) => /Task\s+Ship2/.test(line)), stderr);
});

s('a failed run: the failing iteration, the Map, and the code frame of the TypeScript line', () => {
  const { code, stderr } = typestep('run', definition, '--input', order('o-2', 'a', 'gone'), '--handlers', handlers, '--trace');
  assert.is(code, 1);
  const trace = lines(stderr);
  const failed = trace.find((line) => line.includes('skus[1] › Reserve'));
  assert.match(failed!, /^✗ /);
  assert.match(failed!, 'failed: OutOfStock');
  assert.match(trace.find((line) => /Map\s+For each sku/.test(line))!, /^✗ .*1 failed.*failed: OutOfStock/);
  assert.not.ok(trace.some((line) => /Task\s+Ship/.test(line)), 'nothing after the failed Map');
  assert.match(stderr, '> 6 |   const holds = await Promise.all(order.skus.map(async (sku) => reserve({ sku })));');
});

s.run();
