import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { StatesError } from '../src/errors.js';
import { IntrinsicSyntaxError } from '../src/intrinsics/index.js';
import { PathSyntaxError } from '../src/jsonpath/path.js';
import { compileFilterPath, compilePathField, compilePayloadTemplate } from '../src/jsonpath/payload-template.js';
import { scopeOf } from './helpers.js';

function statesError(run: () => unknown): StatesError {
  try {
    run();
  } catch (error) {
    if (error instanceof StatesError) return error;
    throw error;
  }
  throw new Error('no error');
}

const template = suite('payload templates');

template('.$ keys take paths and lose the suffix; other values are copied', () => {
  const build = compilePayloadTemplate({
    'id.$': '$.order.id',
    'execution.$': '$$.Execution.Id',
    'user.$': '$user.name',
    source: 'web',
    'looksLikeAPath': '$.not.evaluated',
    count: 3,
    flag: false,
    nothing: null,
  });
  const scope = scopeOf({ order: { id: 7 } }, { context: { Execution: { Id: 'arn:1' } }, variables: { user: { name: 'ana' } } });
  assert.equal(build(scope), {
    id: 7,
    execution: 'arn:1',
    user: 'ana',
    source: 'web',
    looksLikeAPath: '$.not.evaluated',
    count: 3,
    flag: false,
    nothing: null,
  });
});

template('nested objects, and objects inside arrays, are templates too', () => {
  const build = compilePayloadTemplate({ a: { 'b.$': '$.x' }, list: [1, { 'c.$': '$.y' }, [{ 'd.$': '$.x' }]] });
  assert.equal(build(scopeOf({ x: 1, y: 2 })), { a: { b: 1 }, list: [1, { c: 2 }, [{ d: 1 }]] });
});

template('intrinsic calls are evaluated', () => {
  const build = compilePayloadTemplate({ 'greeting.$': "States.Format('hi {}', $.name)" });
  assert.equal(build(scopeOf({ name: 'Ana' })), { greeting: 'hi Ana' });
});

template('indefinite paths give arrays', () => {
  const build = compilePayloadTemplate({ 'ids.$': '$.items[*].id', 'none.$': '$.items[?(@.id > 5)]' });
  assert.equal(build(scopeOf({ items: [{ id: 1 }, { id: 2 }] })), { ids: [1, 2], none: [] });
});

template('a static template returns one shared, frozen value', () => {
  const build = compilePayloadTemplate({ a: [1, { b: 2 }] });
  const first = build(scopeOf({})) as { a: [number, { b: number }] };
  assert.is(build(scopeOf({ other: true })), first);
  assert.ok(Object.isFrozen(first) && Object.isFrozen(first.a) && Object.isFrozen(first.a[1]));
});

template('static subtrees of a dynamic template are shared between evaluations', () => {
  const build = compilePayloadTemplate({ 'x.$': '$.x', fixed: { deep: true } });
  const one = build(scopeOf({ x: 1 })) as Record<string, unknown>;
  const two = build(scopeOf({ x: 2 })) as Record<string, unknown>;
  assert.is.not(one, two);
  assert.is(one.fixed, two.fixed);
});

template('the template object itself is neither frozen nor kept', () => {
  const source = { a: { b: 1 } };
  const value = compilePayloadTemplate(source)(scopeOf({})) as typeof source;
  assert.not.ok(Object.isFrozen(source.a));
  assert.is.not(value.a, source.a);
});

template('scalar and array templates', () => {
  assert.is(compilePayloadTemplate('plain')(scopeOf({})), 'plain');
  assert.equal(compilePayloadTemplate([{ 'v.$': '$' }])(scopeOf(5)), [{ v: 5 }]);
});

template('a __proto__ key stays a plain field', () => {
  const out = compilePayloadTemplate(JSON.parse('{"__proto__.$": "$.x"}'))(scopeOf({ x: { polluted: true } })) as Record<string, unknown>;
  assert.is(Object.getPrototypeOf(out), Object.prototype);
  assert.equal(Object.keys(out), ['__proto__']);
});

template.run();

const misses = suite('missing paths');

misses('a template path that selects nothing raises States.Runtime with AWS’s text', () => {
  const error = statesError(() => compilePayloadTemplate({ 'value.$': '$.no_such_jsonpath' })(scopeOf({ a: 1 })));
  assert.is(error.error, 'States.Runtime');
  assert.ok(error.scoped);
  assert.is(error.cause, "The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{\"a\":1}'");
});

misses('context paths quote the state input, not the context', () => {
  const error = statesError(() =>
    compilePayloadTemplate({ nested: { 'value.$': '$$.Execution.Input.no_such_jsonpath' } })(scopeOf({ a: 1 }, { context: { Execution: { Input: {} } } })),
  );
  assert.is(error.cause, "The JSONPath '$$.Execution.Input.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{\"a\":1}'");
});

misses('path arguments inside intrinsics report the template field', () => {
  const error = statesError(() => compilePayloadTemplate({ 'v.$': 'States.Array($.missing)' })(scopeOf({})));
  assert.is(error.cause, "The JSONPath '$.missing' specified for the field 'v.$' could not be found in the input '{}'");
});

misses.run();

const fields = suite('path fields');

fields('compilePathField selects, or fails naming the field', () => {
  assert.equal(compilePathField('$.items', 'ItemsPath')(scopeOf({ items: [1] })), [1]);
  assert.is(compilePathField('States.ArrayLength($.items)', 'CausePath')(scopeOf({ items: [1, 2] })), 2);
  const error = statesError(() => compilePathField('$.NoSuchCausePath', 'CausePath')(scopeOf({ Error: 'e' })));
  assert.is(error.cause, "The JSONPath '$.NoSuchCausePath' specified for the field 'CausePath' could not be found in the input '{\"Error\":\"e\"}'");
});

fields('compileFilterPath reports misses in Jayway’s words', () => {
  assert.equal(compileFilterPath('$')(scopeOf({ a: 1 })), { a: 1 });
  assert.is(compileFilterPath('$.a')(scopeOf({ a: null })), null);
  const error = statesError(() => compileFilterPath('$.NoSuchInputPath')(scopeOf({ 'int-literal': 0 })));
  assert.is(error.error, 'States.Runtime');
  assert.ok(error.scoped);
  assert.is(error.cause, "Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']");
  assert.is(statesError(() => compileFilterPath('$.a.b')(scopeOf({}))).cause, "Invalid path '$.a.b' : Missing property in path $['a']");
});

fields.run();

const invalid = suite('invalid templates');

invalid('a .$ value must be a path or an intrinsic call', () => {
  assert.throws(() => compilePayloadTemplate({ 'a.$': 'plain' }), (error: unknown) => error instanceof PathSyntaxError);
  assert.throws(() => compilePayloadTemplate({ 'a.$': 3 }), (error: unknown) => error instanceof PathSyntaxError);
  assert.throws(() => compilePayloadTemplate({ 'a.$': '$.a.' }), (error: unknown) => error instanceof PathSyntaxError);
  assert.throws(() => compilePayloadTemplate({ 'a.$': 'States.Nope()' }), (error: unknown) => error instanceof IntrinsicSyntaxError);
});

invalid('the message names the field', () => {
  try {
    compilePayloadTemplate({ list: [{ 'bad.$': 'nope' }] });
    assert.unreachable();
  } catch (error) {
    assert.match((error as Error).message, "The value for the field 'bad.$' must be a valid JSONPath or a valid intrinsic function call");
  }
});

invalid.run();
