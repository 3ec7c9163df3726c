import { createHash } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { StatesError } from '../src/errors.js';
import { compileIntrinsic, IntrinsicSyntaxError, isIntrinsicCall } from '../src/intrinsics/index.js';
import { scopeOf } from './helpers.js';

function run(call: string, input: unknown = {}, options: Parameters<typeof scopeOf>[1] = {}): unknown {
  return compileIntrinsic(call, 'field.$')(scopeOf(input, options));
}

function failure(call: string, input: unknown = {}): StatesError {
  try {
    run(call, input);
  } catch (error) {
    if (error instanceof StatesError) return error;
    throw error;
  }
  throw new Error(`${call} did not fail`);
}

/** Asserts a States.IntrinsicFailure whose cause mentions `fragment`. */
function assertFailure(call: string, fragment: string, input: unknown = {}): void {
  const error = failure(call, input);
  assert.is(error.error, 'States.IntrinsicFailure', call);
  assert.ok(error.scoped);
  assert.match(error.cause ?? '', fragment, call);
}

function syntaxOffset(call: string): number {
  try {
    compileIntrinsic(call);
  } catch (error) {
    if (error instanceof IntrinsicSyntaxError) return error.offset;
    throw error;
  }
  throw new Error(`${call} compiled`);
}

const parser = suite('parser');

parser('isIntrinsicCall', () => {
  assert.ok(isIntrinsicCall('States.UUID()'));
  assert.ok(isIntrinsicCall("States.Format('{}', $.x)"));
  assert.not.ok(isIntrinsicCall('$.States'));
  assert.not.ok(isIntrinsicCall('States.UUID'));
  assert.not.ok(isIntrinsicCall(' States.UUID()'));
  assert.not.ok(isIntrinsicCall('Other.UUID()'));
});

parser('literal arguments', () => {
  assert.equal(run("States.Array('a', 1, -2.5, 1e3, true, false, null)"), ['a', 1, -2.5, 1000, true, false, null]);
  assert.equal(run('States.Array()'), []);
  assert.equal(run("States.Array( 'spaced' ,  2 )"), ['spaced', 2]);
});

parser('string escapes: \\\' \\{ \\} \\\\', () => {
  assert.is(run("States.Format('it\\'s')"), "it's");
  assert.is(run("States.Format('a\\\\b')"), 'a\\b');
  assert.is(run("States.ArrayGetItem(States.Array('(,)$ \\{'), 0)"), '(,)$ {');
});

parser('path arguments: input, context, variables, brackets and filters', () => {
  const input = { a: { 'x,y': 1, list: [{ v: 1 }, { v: 2 }] } };
  assert.equal(run("States.Array($.a['x,y'], $.a.list[?(@.v > 1)].v)", input), [1, [2]]);
  assert.equal(run('States.Array($$.Execution.Name)', {}, { context: { Execution: { Name: 'run-1' } } }), ['run-1']);
  assert.equal(run('States.Array($counter)', {}, { variables: { counter: 3 } }), [3]);
  assert.equal(run('States.Array($)', 5), [5]);
});

parser('nested calls up to 10 deep', () => {
  const nest = (depth: number): string => (depth === 1 ? "States.Array('x')" : `States.Array(${nest(depth - 1)})`);
  let expected: unknown = ['x'];
  for (let i = 1; i < 10; i++) expected = [expected];
  assert.equal(run(nest(10)), expected);
  assert.throws(() => compileIntrinsic(nest(11)), (error: unknown) => error instanceof IntrinsicSyntaxError);
});

parser('syntax errors carry the offset', () => {
  assert.is(syntaxOffset("States.Format('x'"), 17);
  assert.is(syntaxOffset("States.Format('x"), 14);
  assert.is(syntaxOffset("States.Format('\\n')"), 15);
  assert.is(syntaxOffset('States.Array(1 2)'), 15);
  assert.is(syntaxOffset('States.Array(1,)'), 15);
  assert.is(syntaxOffset('States.Array(foo)'), 13);
  assert.is(syntaxOffset('States.Array() x'), 15);
  assert.is(syntaxOffset('States.Array($.a.)'), 17);
  assert.is(syntaxOffset('States.Nope()'), 0);
  assert.is(syntaxOffset("States.Array(States.Hash('a'))"), 13);
  assert.is(syntaxOffset('States.UUID(1)'), 0);
});

parser.run();

const generic = suite('States.Format');

generic('fills placeholders in order, printing values as AWS does', () => {
  assert.is(run("States.Format('{} and {}', $.a, $.b)", { a: 'x', b: 1.5 }), 'x and 1.5');
  assert.is(run("States.Format('v={}', $.v)", { v: null }), 'v=null');
  assert.is(run("States.Format('v={}', $.v)", { v: { a: 1, b: [], c: { d: 'e' } } }), 'v={a=1, b=[], c={d=e}}');
  assert.is(run("States.Format('v={}', $.v)", { v: ['a', true, [1, 2]] }), 'v=[a, true, [1, 2]]');
  assert.is(run("States.Format('n={}', $.n)", { n: 1e21 }), 'n=1000000000000000000000');
});

generic('escaped braces are literal; the template may come from a path', () => {
  assert.is(run("States.Format('\\{\\} {}', 'x')"), '{} x');
  assert.is(run("States.Format('{x}')"), '{x}');
  assert.is(run('States.Format($.t, $.n)', { t: 'Hello, {}.', n: 'Arnav' }), 'Hello, Arnav.');
});

generic('the placeholder count must match', () => {
  assertFailure("States.Format('{} {}', 'a')", 'placeholder');
  assertFailure("States.Format('{}', 'a', 'b')", 'placeholder');
  assertFailure('States.Format($.t)', 'must be a string', { t: 1 });
});

generic.run();

const json = suite('JSON intrinsics');

json('StringToJson parses, blank text is null', () => {
  assert.equal(run('States.StringToJson($.s)', { s: '{"a":[1,2]}' }), { a: [1, 2] });
  assert.is(run('States.StringToJson($.s)', { s: '-0' }), -0);
  assert.is(run('States.StringToJson($.s)', { s: '  ' }), null);
  assertFailure('States.StringToJson($.s)', 'not valid JSON', { s: '{oops' });
  assertFailure('States.StringToJson($.s)', 'must be a string', { s: 1 });
});

json('JsonToString prints compact JSON', () => {
  assert.is(run('States.JsonToString($.v)', { v: { a: 1, b: [true, null, 'x'] } }), '{"a":1,"b":[true,null,"x"]}');
  assert.is(run('States.JsonToString($.v)', { v: 'text' }), '"text"');
  assert.is(run('States.JsonToString($.v)', { v: 1.5 }), '1.5');
});

json('JsonMerge is shallow and only shallow', () => {
  const input = { a: { x: { k: 1 }, y: 1 }, b: { x: { j: 2 }, z: 3 } };
  assert.equal(run('States.JsonMerge($.a, $.b, false)', input), { x: { j: 2 }, y: 1, z: 3 });
  assertFailure('States.JsonMerge($.a, $.b, true)', 'shallow', input);
  assertFailure('States.JsonMerge($.a, 1, false)', 'must be an object', input);
});

json.run();

const arrays = suite('array intrinsics');

arrays('Array, ArrayLength, ArrayContains', () => {
  assert.equal(run('States.Array($.a, $.b)', { a: [1], b: { c: 2 } }), [[1], { c: 2 }]);
  assert.is(run('States.ArrayLength($.a)', { a: [1, 2, 3] }), 3);
  assert.is(run('States.ArrayContains($.a, $.v)', { a: [{ x: [1] }, 2], v: { x: [1] } }), true);
  assert.is(run('States.ArrayContains($.a, 3)', { a: [1, 2] }), false);
  assertFailure('States.ArrayLength($.a)', 'must be an array', { a: 'no' });
});

arrays('ArrayPartition', () => {
  assert.equal(run('States.ArrayPartition($.a, 2)', { a: [1, 2, 3, 4, 5] }), [[1, 2], [3, 4], [5]]);
  assert.equal(run('States.ArrayPartition($.a, 9)', { a: [] }), []);
  assertFailure('States.ArrayPartition($.a, 0)', 'positive', { a: [1] });
  assertFailure('States.ArrayPartition($.a, 1.5)', 'integer', { a: [1] });
});

arrays('ArrayRange is inclusive and limited to 1000 items', () => {
  assert.equal(run('States.ArrayRange(1, 9, 2)'), [1, 3, 5, 7, 9]);
  assert.equal(run('States.ArrayRange(0, 10, 3)'), [0, 3, 6, 9]);
  assert.equal(run('States.ArrayRange(5, 1, -2)'), [5, 3, 1]);
  assert.equal(run('States.ArrayRange(5, 1, 1)'), []);
  assert.is((run('States.ArrayRange(1, 1000, 1)') as number[]).length, 1000);
  assertFailure('States.ArrayRange(0, 1000, 1)', 'limit is 1000');
  assertFailure('States.ArrayRange(0, 10, 0)', 'step');
});

arrays('ArrayGetItem', () => {
  assert.is(run('States.ArrayGetItem($.a, 1)', { a: ['x', 'y'] }), 'y');
  assertFailure('States.ArrayGetItem($.a, 2)', 'out of bounds', { a: ['x', 'y'] });
  assertFailure('States.ArrayGetItem($.a, -1)', 'out of bounds', { a: ['x', 'y'] });
});

arrays('ArrayUnique keeps first occurrences, comparing deeply', () => {
  const a = [null, null, true, 1, 1, '1', [], [], { a: 1, b: 2 }, { b: 2, a: 1 }, { a: 2 }, 0, -0];
  assert.equal(run('States.ArrayUnique($.a)', { a }), [null, true, 1, '1', [], { a: 1, b: 2 }, { a: 2 }, 0]);
});

arrays.run();

const encoding = suite('encoding and hashing');

encoding('Base64 round trip, 10,000-character limit, strict decoding', () => {
  assert.is(run("States.Base64Encode('Data to encode')"), 'RGF0YSB0byBlbmNvZGU=');
  assert.is(run("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')"), 'Data to encode');
  assert.is(run("States.Base64Encode('é')"), 'w6k=');
  assert.is(run("States.Base64Encode('')"), '');
  assert.is((run('States.Base64Encode($.s)', { s: 'a'.repeat(10_000) }) as string).length, 13_336);
  assertFailure('States.Base64Encode($.s)', 'limit is 10000', { s: 'a'.repeat(10_001) });
  assertFailure("States.Base64Decode('abc')", 'Base64');
  assertFailure("States.Base64Decode('ab=c')", 'Base64');
});

encoding('Hash with every algorithm, lowercase hex', () => {
  for (const [name, node] of [['MD5', 'md5'], ['SHA-1', 'sha1'], ['SHA-256', 'sha256'], ['SHA-384', 'sha384'], ['SHA-512', 'sha512']]) {
    assert.is(run(`States.Hash('input data', '${name}')`), createHash(node!).update('input data').digest('hex'));
  }
  assert.is(run("States.Hash('input data', 'MD5')"), '812f45842bc6d66ee14572ce20db8e86');
  assertFailure("States.Hash('x', 'SHA-3')", 'unknown hash algorithm');
  assertFailure("States.Hash('x', 'md5')", 'unknown hash algorithm');
  assertFailure('States.Hash($.s, $.a)', 'limit is 10000', { s: 'a'.repeat(10_001), a: 'MD5' });
});

encoding.run();

const math = suite('math intrinsics');

math('MathAdd rounds halves up, as Java does', () => {
  assert.is(run('States.MathAdd(111, -1)'), 110);
  assert.is(run('States.MathAdd($.a, $.b)', { a: 1.49, b: 1.5 }), 3);
  assert.is(run('States.MathAdd($.a, 0)', { a: -1.5 }), -1);
  assert.is(run('States.MathAdd($.a, 0)', { a: -0.5 }), 0);
  assert.ok(Object.is(run('States.MathAdd($.a, 0)', { a: -0.4 }), 0));
  assert.is(run('States.MathAdd(2147483647, 0)'), 2147483647);
  assertFailure('States.MathAdd(2147483648, 0)', '32-bit');
  assertFailure("States.MathAdd('1', 2)", 'must be a number');
});

math('MathRandom picks an integer in [start, end) from scope.random()', () => {
  assert.is(run('States.MathRandom(1, 11)', {}, { random: () => 0 }), 1);
  assert.is(run('States.MathRandom(1, 11)', {}, { random: () => 0.999999 }), 10);
  assert.is(run('States.MathRandom(-10, -5)', {}, { random: () => 0.5 }), -8);
  assertFailure('States.MathRandom(5, 5)', 'greater than');
});

math('seeded MathRandom is deterministic and independent of scope.random()', () => {
  const seeded = (seed: number) => run(`States.MathRandom(0, 1000, ${seed})`, {}, { random: () => { throw new Error('unused'); } });
  assert.is(seeded(3), seeded(3));
  // Checked against Java 17: new java.util.Random(42).nextInt(1000) is 130, new Random(3).nextInt(1000) is 734.
  assert.is(seeded(42), 130);
  assert.is(seeded(3), 734);
  const value = run('States.MathRandom(10, 20, 7)') as number;
  assert.ok(value >= 10 && value < 20);
});

math.run();

const strings = suite('string and identifier intrinsics');

strings('StringSplit: each character delimits, empty tokens drop', () => {
  assert.equal(run("States.StringSplit('This.is+a,test=string', '.+,=')"), ['This', 'is', 'a', 'test', 'string']);
  assert.equal(run("States.StringSplit(',,a,,b,', ',')"), ['a', 'b']);
  assert.equal(run("States.StringSplit(',,,', ',')"), []);
  assert.equal(run("States.StringSplit('abc', '')"), ['abc']);
  assert.equal(run("States.StringSplit('a\nb', '\n')"), ['a', 'b']);
  assertFailure("States.StringSplit(1, ',')", 'must be a string');
});

strings('UUID is a v4 UUID built from scope.random()', () => {
  const uuid = run('States.UUID()', {}, { random: () => 0.999 }) as string;
  assert.is(uuid, 'ffffffff-ffff-4fff-bfff-ffffffffffff');
  const zero = run('States.UUID()', {}, { random: () => 0 }) as string;
  assert.is(zero, '00000000-0000-4000-8000-000000000000');
  assert.match(run('States.UUID()', {}, { random: Math.random }) as string, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

strings.run();

const runtime = suite('runtime failures');

runtime('a path argument that selects nothing is States.Runtime naming the field', () => {
  const error = failure('States.ArrayLength($.missing)', { a: 1 });
  assert.is(error.error, 'States.Runtime');
  assert.is(error.cause, "The JSONPath '$.missing' specified for the field 'field.$' could not be found in the input '{\"a\":1}'");
});

runtime.run();
