import { describe, expect, it } from 'vitest';
import { toHeaderMap } from '../../src/core/headers.js';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('toHeaderMap: what it reads', () => {
  it('reads Headers, a Map, pairs and a plain object alike, names lower-cased', () => {
    const expected = new Map([['x-request-id', 'abc'], ['retry-after', '5']]);
    expect(toHeaderMap(new Headers({ 'X-Request-Id': 'abc', 'Retry-After': '5' }))).toEqual(expected);
    expect(toHeaderMap(new Map([['X-Request-Id', 'abc'], ['Retry-After', '5']]))).toEqual(expected);
    expect(toHeaderMap([['X-Request-Id', 'abc'], ['Retry-After', '5']])).toEqual(expected);
    expect(toHeaderMap({ 'X-Request-Id': 'abc', 'Retry-After': 5 })).toEqual(expected);
  });

  it('reads an object with toJSON (axios AxiosHeaders) through toJSON, inherited or own', () => {
    class HeadersLike {
      'x-raw' = 'internal';
      toJSON() {
        return { 'X-Request-Id': 'abc' };
      }
    }
    expect(toHeaderMap(new HeadersLike())).toEqual(new Map([['x-request-id', 'abc']]));
    expect(toHeaderMap({ raw: 'x', toJSON: () => ({ a: '1' }) })).toEqual(new Map([['a', '1']]));
  });

  it('reads the object itself when toJSON throws or gives no object', () => {
    const throwing = { a: '1', toJSON: () => { throw new Error('no'); } };
    expect(toHeaderMap(throwing).get('a')).toBe('1');
    expect(toHeaderMap({ a: '1', toJSON: () => 'text' }).get('a')).toBe('1');
  });

  it('gives an empty map for nothing or junk', () => {
    const fn = Object.assign(() => undefined, { 'x-request-id': 'abc' });
    for (const junk of [null, undefined, 'x-request-id: abc', 42, true, fn, [1, 'a'], [[1, 'a']]]) {
      expect(toHeaderMap(junk).size).toBe(0);
    }
  });
});

describe('toHeaderMap: values', () => {
  it('joins array values with ", ", skipping empty and non-text ones', () => {
    expect(toHeaderMap({ 'set-cookie': ['a=1', '', null, 2, { x: 1 }, 'b=2'] }).get('set-cookie')).toBe('a=1, 2, b=2');
  });

  it('joins at most 20 array values', () => {
    const values = range(25).map(String);
    expect(toHeaderMap({ vary: values }).get('vary')).toBe(values.slice(0, 20).join(', '));
  });

  it('drops a header whose value is not text', () => {
    expect(toHeaderMap({ a: { nested: 1 }, b: null }).size).toBe(0);
  });
});

describe('toHeaderMap: caps', () => {
  it('keeps a 256-character name and drops a 257-character one', () => {
    const map = toHeaderMap({ ['a'.repeat(256)]: '1', ['b'.repeat(257)]: '2' });
    expect([...map.keys()]).toEqual(['a'.repeat(256)]);
  });

  it('keeps at most 200 headers from a Map', () => {
    const map = toHeaderMap(new Map(range(250).map((i) => [`h-${i}`, String(i)])));
    expect(map.size).toBe(200);
    expect(map.has('h-199')).toBe(true);
    expect(map.has('h-200')).toBe(false);
  });

  it('reads at most 200 pairs, even when they repeat one name', () => {
    const pairs = [...range(200).map(() => ['x-same', '1']), ['x-request-id', 'late']];
    expect(toHeaderMap(pairs).has('x-request-id')).toBe(false);
  });

  it('reads at most 200 object keys, even when the first ones are dropped', () => {
    const record: Record<string, string> = {};
    for (const i of range(200)) record[`${'n'.repeat(257)}${i}`] = 'too long a name';
    record['x-request-id'] = 'late';
    expect(toHeaderMap(record).has('x-request-id')).toBe(false);
  });
});
