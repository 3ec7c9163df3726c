import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compilePath, PathSyntaxError } from '../src/jsonpath/path.js';
import { NOT_FOUND } from '../src/jsonpath/scope.js';
import { scopeOf } from './helpers.js';

function select(path: string, input: unknown): unknown {
  return compilePath(path).select(scopeOf(input));
}

function syntaxErrorOffset(path: string): number {
  try {
    compilePath(path);
  } catch (error) {
    if (error instanceof PathSyntaxError) return error.offset;
    throw error;
  }
  throw new Error(`${path} compiled`);
}

const store = {
  store: {
    book: [
      { title: 'A', price: 8, tags: ['x'] },
      { title: 'B', price: 12, isbn: '123' },
      { title: 'C', price: 5, isbn: null },
    ],
    bicycle: { color: 'red', price: 20 },
  },
  'my-key': 1,
  'a b': 2,
};

const definite = suite('definite paths');

definite('$ selects the whole root', () => {
  assert.equal(select('$', store), store);
  assert.equal(select('  $  ', 7), 7);
});

definite('dot and bracket names', () => {
  assert.is(select('$.store.bicycle.color', store), 'red');
  assert.is(select("$['store']['bicycle']['color']", store), 'red');
  assert.is(select('$["store"].bicycle["price"]', store), 20);
  assert.is(select("$['a b']", store), 2);
});

definite('names may hold characters Jayway allows in dot notation', () => {
  assert.is(select('$.my-key', store), 1);
  assert.is(select('$.a:b', { 'a:b': 3 }), 3);
});

definite('quoted names unescape', () => {
  assert.is(select("$['it\\'s']", { "it's": 1 }), 1);
  assert.is(select('$["x\\ny"]', { 'x\ny': 2 }), 2);
});

definite('indexes, negative indexes and .[n]', () => {
  assert.is(select('$.store.book[1].title', store), 'B');
  assert.is(select('$.store.book[-1].title', store), 'C');
  assert.is(select('$.store.book.[0].title', store), 'A');
  assert.is(select('$[0][1]', [[1, 2]]), 2);
});

definite('misses return NOT_FOUND, a null value is found', () => {
  assert.is(select('$.nope', store), NOT_FOUND);
  assert.is(select('$.store.book[3]', store), NOT_FOUND);
  assert.is(select('$.store.book[-4]', store), NOT_FOUND);
  assert.is(select('$.store.bicycle.color.x', store), NOT_FOUND);
  assert.is(select('$.store.book.title', store), NOT_FOUND);
  assert.is(select('$.store[0]', store), NOT_FOUND);
  assert.is(select('$.store.book[2].isbn', store), null);
});

definite('inherited properties are not fields', () => {
  assert.is(select('$.toString', {}), NOT_FOUND);
  assert.is(select('$.constructor', {}), NOT_FOUND);
});

definite('a union of names as last step merges the present fields', () => {
  const path = compilePath("$.store.bicycle['color','price','size']");
  assert.ok(path.definite);
  assert.equal(path.select(scopeOf(store)), { color: 'red', price: 20 });
});

definite.run();

const roots = suite('roots');

roots('$$ reads the context object', () => {
  const path = compilePath('$$.Execution.Id');
  assert.is(path.root, 'context');
  assert.is(path.select(scopeOf({}, { context: { Execution: { Id: 'arn:x' } } })), 'arn:x');
  assert.equal(compilePath('$$').select(scopeOf({}, { context: { a: 1 } })), { a: 1 });
});

roots('$name reads a variable', () => {
  const path = compilePath('$order.items[0]');
  assert.is(path.root, 'variable');
  assert.is(path.variable, 'order');
  assert.is(path.select(scopeOf({}, { variables: { order: { items: ['x'] } } })), 'x');
  assert.is(compilePath('$größe').variable, 'größe');
});

roots('an unassigned variable selects NOT_FOUND', () => {
  assert.is(compilePath('$missing').select(scopeOf({})), NOT_FOUND);
  assert.is(compilePath('$missing[*]').select(scopeOf({})), NOT_FOUND);
});

roots.run();

const indefinite = suite('indefinite paths');

indefinite('wildcards', () => {
  assert.equal(select('$.store.book[*].title', store), ['A', 'B', 'C']);
  assert.equal(select('$.store.bicycle.*', store), ['red', 20]);
  assert.equal(select('$.store.bicycle[*]', store), ['red', 20]);
  assert.equal(select('$.nope[*]', store), []);
});

indefinite('deep scan walks the document pre-order', () => {
  assert.equal(select('$..price', store), [8, 12, 5, 20]);
  assert.equal(select('$..book[0].title', store), ['A']);
  assert.equal(select('$..a', { a: 1, b: { a: 2, c: [{ a: 3 }] } }), [1, 2, 3]);
  assert.equal(select('$..[1]', [[1, 2], 3]), [3, 2]);
});

indefinite('slices', () => {
  const list = [0, 1, 2, 3, 4, 5];
  assert.equal(select('$[1:3]', list), [1, 2]);
  assert.equal(select('$[:2]', list), [0, 1]);
  assert.equal(select('$[-2:]', list), [4, 5]);
  assert.equal(select('$[::2]', list), [0, 2, 4]);
  assert.equal(select('$[1:5:3]', list), [1, 4]);
  assert.equal(select('$[::-2]', list), [5, 3, 1]);
  assert.equal(select('$[10:]', list), []);
  assert.equal(select('$[2:1]', list), []);
});

indefinite('unions of indexes and of names before more steps', () => {
  assert.equal(select('$[0,2,9]', ['a', 'b', 'c']), ['a', 'c']);
  assert.equal(select("$['x','y'].v", { x: { v: 1 }, y: { v: 2 } }), [1, 2]);
  assert.not.ok(compilePath('$[0,1]').definite);
});

indefinite('definiteness follows Jayway', () => {
  assert.ok(compilePath('$.a[0].b').definite);
  assert.ok(compilePath("$['a','b']").definite);
  for (const path of ['$.a[*]', '$..a', '$[1:2]', '$[?(@.a)]', '$.*', '$[0,1]']) assert.not.ok(compilePath(path).definite, path);
});

indefinite.run();

const filters = suite('filters');

filters('comparisons', () => {
  assert.equal(select('$.store.book[?(@.price < 10)].title', store), ['A', 'C']);
  assert.equal(select('$.store.book[?(@.price >= 12)].title', store), ['B']);
  assert.equal(select('$.store.book[?(@.price <= 8)].title', store), ['A', 'C']);
  assert.equal(select("$.store.book[?(@.title == 'B')].price", store), [12]);
  assert.equal(select('$.store.book[?(@.title != "B")].price', store), [8, 5]);
  assert.equal(select('$.store.book[?(@.price > 100)]', store), []);
});

filters('existence, && || ! and grouping', () => {
  assert.equal(select('$.store.book[?(@.isbn)].title', store), ['B', 'C']);
  assert.equal(select('$.store.book[?(!@.isbn)].title', store), ['A']);
  assert.equal(select('$.store.book[?(@.isbn && @.price > 6)].title', store), ['B']);
  assert.equal(select('$.store.book[?(@.price < 6 || @.price > 10)].title', store), ['B', 'C']);
  assert.equal(select('$.store.book[?((@.price < 6 || @.price > 10) && @.isbn == null)].title', store), ['C']);
});

filters('operands of different types never order, and a missing field is unequal', () => {
  assert.equal(select("$[?(@.v < 'z')]", [{ v: 1 }, { v: 'a' }]), [{ v: 'a' }]);
  assert.equal(select('$[?(@.v != 1)]', [{ v: 1 }, {}]), [{}]);
  assert.equal(select("$[?(@.v == '2')]", [{ v: 2 }]), [{ v: 2 }]);
});

filters('deep values, $ references and regex', () => {
  assert.equal(select('$.items[?(@.tags == ["x"])].id', { items: [{ id: 1, tags: ['x'] }, { id: 2, tags: [] }] }), [1]);
  assert.equal(select('$.items[?(@.n == $.limit)].n', { limit: 2, items: [{ n: 1 }, { n: 2 }] }), [2]);
  assert.equal(select('$[?(@.name =~ /b.*/i)].name', [{ name: 'Bob' }, { name: 'abby' }]), ['Bob']);
});

filters('on an object, a filter tests the object itself', () => {
  assert.equal(select('$.store.bicycle[?(@.color == "red")].price', store), [20]);
});

filters.run();

const normalized = suite('normalized text and misses');

normalized('normalized paths print like Jayway', () => {
  assert.is(compilePath('$.a.b[0]').normalized, "$['a']['b'][0]");
  assert.is(compilePath('$..a[*][1:2]').normalized, "$..['a'][*][1:2]");
  assert.is(compilePath('$[?(@.x)]').normalized, '$[?]');
});

normalized('describeMiss names the first missing intermediate property', () => {
  const miss = (path: string, input: unknown) => compilePath(path).describeMiss(scopeOf(input));
  assert.is(miss('$.NoSuchInputPath', { a: 1 }), "No results for path: $['NoSuchInputPath']");
  assert.is(miss('$.a.b.c', { x: 1 }), "Missing property in path $['a']");
  assert.is(miss('$.a.b.c', { a: {} }), "Missing property in path $['a']['b']");
  assert.is(miss('$.a[3]', { a: [] }), "No results for path: $['a'][3]");
});

normalized.run();

const syntax = suite('syntax errors');

syntax('report the offset of the problem', () => {
  assert.is(syntaxErrorOffset(''), 0);
  assert.is(syntaxErrorOffset('a.b'), 0);
  assert.is(syntaxErrorOffset('$.a.'), 4);
  assert.is(syntaxErrorOffset('$..'), 3);
  assert.is(syntaxErrorOffset('$.a..'), 5);
  assert.is(syntaxErrorOffset('$.a b'), 3);
  assert.is(syntaxErrorOffset('$[]'), 2);
  assert.is(syntaxErrorOffset("$['a"), 2);
  assert.is(syntaxErrorOffset('$[1'), 3);
  assert.is(syntaxErrorOffset('$[::0]'), 4);
  assert.is(syntaxErrorOffset('$[?(@.a <)]'), 9);
  assert.is(syntaxErrorOffset('$.length()'), 8);
  assert.is(syntaxErrorOffset('$[-]'), 3);
});

syntax('the error carries the path and a readable message', () => {
  try {
    compilePath('$.a.');
    assert.unreachable();
  } catch (error) {
    assert.instance(error, PathSyntaxError);
    assert.is((error as PathSyntaxError).path, '$.a.');
    assert.match((error as Error).message, "Invalid JSONPath '$.a.' at offset 4");
  }
});

syntax.run();
