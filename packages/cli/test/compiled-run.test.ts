import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compiledWorkflowFolder, scratchFolder, typestep } from './support/cli-process.js';

// A workflow with a Map: a failure inside iteration 1 must be named with its index and TypeScript line.
const source = `import { lambda, workflow } from '@typestep/dsl';
export const packItem = lambda<{ sku: string }, { box: number }>('\${PackItemArn}');
export const packOrder = workflow('PackOrder', async (order: { id: string; items: Array<{ sku: string }> }) => {
  const boxes = await Promise.all(order.items.map(async (item) => packItem({ sku: item.sku })));
  return { id: order.id, boxes: boxes.length };
});
`;
const { scratch, workflowFile, out, compiled, definition } = compiledWorkflowFolder('typestep-compiled-run-', 'pack.ts', source, 'PackOrder');
const handlers = scratch.file(
  'handlers.mjs',
  "export default { packItem: ({ sku }) => { if (sku === 'glass') throw Object.assign(new Error('fragile'), { name: 'Pack.Fragile' }); return { box: 1 }; } };",
);
const order = (...skus: string[]) => JSON.stringify({ id: 'o-1', items: skus.map((sku) => ({ sku })) });

const s = suite('typestep run: the files typestep compile writes beside the ASL');

s('the workflow compiles', () => {
  assert.is(compiled.code, 0, compiled.stderr);
});

s('the schema beside the definition is used, said so on stderr, and input errors come before the first state', () => {
  const { code, stdout, stderr } = typestep('run', definition, '--input', '{"id":"o-1"}', '--handlers', handlers, '--json');
  assert.is(code, 1);
  assert.match(stderr, `typestep: using the schema ${join(out, 'PackOrder.schema.json')} and the source map ${join(out, 'PackOrder.map.json')} found beside the definition`);
  assert.is(stderr.split('\n').filter(Boolean).length, 1, stderr);
  const result = JSON.parse(stdout);
  assert.is(result.error, 'Typestep.InputValidation');
  assert.match(result.cause, '$.items is required');
});

s('the schema types the handlers: keyed by the task name packItem', () => {
  const { code, stdout, stderr } = typestep('run', definition, '--input', order('cup', 'plate'), '--handlers', handlers, '--json');
  assert.is(code, 0, stderr);
  assert.equal(JSON.parse(stdout), { status: 'SUCCEEDED', output: { id: 'o-1', boxes: 2 } });
});

s('--no-schema checks nothing', () => {
  const byResource = scratch.file('by-resource.mjs', "export default { 'arn:aws:states:::lambda:invoke': () => ({ box: 1 }) };");
  const { code, stdout, stderr } = typestep('run', definition, '--input', '{"id":"o-1","items":[]}', '--handlers', byResource, '--no-schema', '--json');
  assert.is(code, 0, stderr);
  assert.not.match(stderr, 'the schema');
  assert.equal(JSON.parse(stdout).output, { id: 'o-1', boxes: 0 });
  const bad = typestep('run', definition, '--input', '{"id":5,"items":[]}', '--handlers', byResource, '--no-schema', '--json');
  assert.is(bad.code, 0, bad.stderr);
});

s('a failure names the state, the Map iteration and the TypeScript line', () => {
  const { code, stdout } = typestep('run', definition, '--input', order('cup', 'glass', 'plate'), '--handlers', handlers);
  assert.is(code, 1);
  assert.match(stdout, 'error: Pack.Fragile');
  const mapLine = source.split('\n').findIndex((line) => line.includes('packItem({')) + 1;
  assert.match(stdout, /in state '[^']+' \([^)]*\[1\]\)\n/);
  assert.match(stdout, new RegExp(`\\nat \\S*pack\\.ts:${mapLine}:\\d+\\n`));
});

s('with --json the result stays one object and the origin goes to stderr', () => {
  const { code, stdout, stderr } = typestep('run', definition, '--input', order('glass'), '--handlers', handlers, '--json');
  assert.is(code, 1);
  assert.equal(Object.keys(JSON.parse(stdout)), ['status', 'error', 'cause']);
  assert.match(stderr, /typestep: the failure began in state '[^']+' \([^)]*\[0\]\) at .*pack\.ts:4:\d+/);
});

s('--strict-schema: the compiled schema forbids properties the types do not declare', () => {
  const strictOut = join(scratch.dir, 'strict');
  assert.is(typestep('compile', workflowFile, '--out', strictOut, '--strict-schema').code, 0);
  const strict = JSON.parse(readFileSync(join(strictOut, 'PackOrder.schema.json'), 'utf8'));
  assert.is(strict.input.additionalProperties, false);
  const open = JSON.parse(readFileSync(join(out, 'PackOrder.schema.json'), 'utf8'));
  assert.is.not(open.input.additionalProperties, false);
  const extra = typestep('run', join(strictOut, 'PackOrder.asl.json'), '--input', '{"id":"o-1","items":[],"note":"x"}', '--handlers', handlers, '--json');
  assert.is(JSON.parse(extra.stdout).error, 'Typestep.InputValidation');
  assert.is(typestep('run', definition, '--input', '{"id":"o-1","items":[],"note":"x"}', '--handlers', handlers, '--json').code, 0);
});

s('--out - prints the ASL of the one workflow and writes no file', () => {
  const { code, stdout } = typestep('compile', workflowFile, '--out', '-');
  assert.is(code, 0);
  assert.equal(JSON.parse(stdout), JSON.parse(readFileSync(definition, 'utf8')));
  const both = typestep('compile', workflowFile, '--out', '-', '--json');
  assert.is(both.code, 2);
  assert.is(both.stdout, '');
  assert.match(both.stderr, '--json and --out - would both write to stdout');
});

s.run();

const children = suite('typestep run --state-machine: a child found by name, ${Placeholder} or ARN');

const { file } = scratchFolder('typestep-children-');
const child = file('child.asl.json', { StartAt: 'Double', States: { Double: { Type: 'Pass', Parameters: { 'n.$': 'States.MathAdd($.n, $.n)' }, End: true } } });
const parent = (reference: string) =>
  file(`parent-${reference.replace(/\W/g, '_')}.asl.json`, {
    StartAt: 'Call child',
    States: {
      'Call child': {
        Type: 'Task',
        Resource: 'arn:aws:states:::states:startExecution.sync:2',
        Parameters: { StateMachineArn: reference, Input: { 'n.$': '$.n' } },
        OutputPath: '$.Output',
        End: true,
      },
    },
  });
const arn = 'arn:aws:states:us-east-1:123456789012:stateMachine:Doubler';
const references = ['${DoublerStateMachineArn}', 'Doubler', arn];

for (const key of ['Doubler', '${DoublerStateMachineArn}', arn]) {
  children(`registered as ${key}: found whichever way the parent names it`, () => {
    for (const reference of references) {
      const { code, stdout, stderr } = typestep('run', parent(reference), '--input', '{"n":4}', '--state-machine', `${key}=${child}`, '--json');
      assert.is(code, 0, `${reference}: ${stderr}${stdout}`);
      assert.equal(JSON.parse(stdout).output, { n: 8 }, reference);
    }
  });
}

children('a child registered under another name is not found', () => {
  const { code, stdout } = typestep('run', parent('${DoublerStateMachineArn}'), '--input', '{"n":4}', '--state-machine', `Tripler=${child}`, '--json');
  assert.is(code, 1);
  assert.is(JSON.parse(stdout).error, 'StepFunctions.StateMachineDoesNotExistException');
});

children.run();
