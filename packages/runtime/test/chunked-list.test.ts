import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ChunkedList } from '../src/execution/chunked-list.js';

const list = suite('ChunkedList');

list('reads back every element across chunk boundaries, and nothing outside', () => {
  const numbers = new ChunkedList<number>();
  assert.is(numbers.at(0), undefined);
  const count = 3 * 4096 + 5;
  for (let i = 0; i < count; i++) numbers.push(i * 2);
  assert.is(numbers.length, count);
  for (const index of [0, 1, 4095, 4096, 4097, 8191, 8192, 12_287, 12_288, count - 1]) assert.is(numbers.at(index), index * 2, `at(${index})`);
  let mismatches = 0;
  for (let i = 0; i < count; i++) if (numbers.at(i) !== i * 2) mismatches++;
  assert.is(mismatches, 0);
  assert.is(numbers.at(count), undefined);
  assert.is(numbers.at(-1), undefined);
});

list('keeps undefined elements apart from missing ones', () => {
  const values = new ChunkedList<string | undefined>();
  values.push(undefined);
  values.push('b');
  assert.is(values.length, 2);
  assert.is(values.at(0), undefined);
  assert.is(values.at(1), 'b');
});

list.run();
