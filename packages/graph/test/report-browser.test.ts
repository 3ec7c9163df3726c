import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { chromium, type BrowserContext } from 'playwright-core';
import { StateMachine } from '@typestep/runtime';
import { renderExecutionReport } from '../src/index.js';

// Debian's chromium package; playwright-core never downloads a browser here.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without these, Chromium reaches for the network (updates, sync, QUIC probes) on a machine that has none.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const definition = {
  QueryLanguage: 'JSONata',
  StartAt: 'Price order',
  States: {
    'Price order': { Type: 'Pass', Output: { total: '{% $sum($states.input.lines.price) %}' }, Assign: { lines: '{% $count($states.input.lines) %}' }, Next: 'Charge card' },
    'Charge card': {
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:1:function:charge',
      Retry: [{ ErrorEquals: ['Busy'], MaxAttempts: 2, IntervalSeconds: 1 }],
      Next: 'Pack lines',
    },
    'Pack lines': { Type: 'Map', Items: '{% [1, 2, 3] %}', ItemProcessor: { StartAt: 'Pack', States: { Pack: { Type: 'Pass', End: true } } }, Next: 'Label' },
    Label: { Type: 'Pass', Output: { label: '{% $join([1..400].("line " & $string($))) %}' }, Next: 'Ship' },
    Ship: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:1:function:ship', Catch: [{ ErrorEquals: ['NoCourier'], Next: 'Shipping failed' }], Next: 'Done <b>now</b>' },
    'Done <b>now</b>': { Type: 'Succeed' },
    'Shipping failed': { Type: 'Fail', Error: 'ShippingFailed', Cause: 'no courier today' },
  },
};

const s = suite('execution report in Chromium');

/** The report of a run that retries, maps, catches and then fails, written to `dir`. */
async function writeReport(dir: string): Promise<string> {
  let charged = 0;
  const execution = new StateMachine(definition, {
    handlers: {
      'Charge card': async (input: { total: number }) => {
        if (charged++ === 0) throw Object.assign(new Error('try later'), { name: 'Busy' });
        return { chargeId: `ch-${input.total}` };
      },
      Ship: async () => Promise.reject(Object.assign(new Error('none free'), { name: 'NoCourier' })),
    },
  }).start({ lines: [{ price: 4 }, { price: 9 }] });
  await execution.result;
  const file = join(dir, 'run.html');
  writeFileSync(file, await renderExecutionReport({ definition, history: execution.history, title: 'order.asl.json' }));
  return file;
}

if (!existsSync(chromiumPath)) {
  console.log(`  SKIPPED: the report's browser test needs Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`);
  s.skip('load the report, check the colours, click a state and an event, take a screenshot', () => {});
} else {
  s('load the report, check the colours, click a state and an event, take a screenshot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'typestep-report-browser-'));
    const reportFile = await writeReport(dir);
    // A fresh profile each run: nothing remembered, nothing synced.
    const context = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 } });
    try {
      await checkReport(context, reportFile, dir);
    } finally {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

async function checkReport(context: BrowserContext, reportFile: string, dir: string): Promise<void> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  page.on('request', (request) => !request.url().startsWith('file:') && problems.push(`request: ${request.url()}`));
  await page.goto(pathToFileURL(reportFile).href);

  const node = (name: string) => page.locator('#machine g.node', { has: page.locator(`text="${name}"`) });
  const stroke = (name: string) => node(name).locator('.state').evaluate((shape) => getComputedStyle(shape).stroke);
  assert.is(await node('Shipping failed').getAttribute('class'), 'node outcome-failed');
  assert.is(await stroke('Shipping failed'), 'rgb(198, 40, 40)');
  assert.is(await stroke('Ship'), 'rgb(224, 123, 0)', 'caught');
  assert.is(await stroke('Charge card'), 'rgb(166, 138, 0)', 'retried');
  assert.is(await stroke('Done <b>now</b>'), 'rgb(196, 196, 196)', 'not reached');
  assert.match((await page.locator('#status').textContent())!, 'ShippingFailed');

  await node('Price order').click();
  const panel = page.locator('#panel');
  assert.is(await panel.locator('h2').textContent(), 'Price order');
  const text = (await panel.textContent())!;
  assert.match(text, '"price": 4', 'the input');
  assert.match(text, '"total": 13', 'the output');
  assert.match(text, '$lines', 'the variables assigned');

  await node('Charge card').click();
  assert.match((await panel.textContent())!, /attempts \(2\)\s*Busy: .*try later/s);

  const row = page.locator('#events tr[data-state="Pack"]').first();
  await row.click();
  assert.match((await row.getAttribute('class'))!, 'selected');
  assert.match((await node('Pack').getAttribute('class'))!, 'selected');
  assert.is(await panel.locator('h2').textContent(), 'Pack');
  assert.match((await panel.textContent())!, '3 visits');
  assert.match((await panel.textContent())!, 'none (the state has no Assign)');

  const screenshot = join(dir, 'report.png');
  await page.screenshot({ path: process.env.REPORT_SCREENSHOT ?? screenshot, fullPage: true });
  const png = readFileSync(process.env.REPORT_SCREENSHOT ?? screenshot);
  assert.ok(png.length > 10_000, `the screenshot has ${png.length} bytes`);
  assert.equal([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  // A long payload: its start, and the rest behind "show all".
  await node('Label').click();
  const output = panel.locator('.visit pre.payload').nth(1);
  assert.match((await output.textContent())!, /…$/);
  const showAll = panel.locator('details.show-all').first();
  await showAll.locator('summary').click();
  assert.match((await showAll.locator('pre').textContent())!, 'line 400');

  // A state name that looks like markup is text in the drawing and the panel.
  await node('Done <b>now</b>').click();
  assert.is(await panel.locator('h2').textContent(), 'Done <b>now</b>');
  assert.is(await page.locator('#panel b, #machine b').count(), 0);
  assert.match((await panel.textContent())!, 'This state was not reached.');

  assert.equal(problems, []);
}

s.run();
