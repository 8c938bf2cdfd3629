// The readers every parser uses on values it did not create (src/core/safe.ts): none throws, and
// each reads only what it says it reads.
import { describe, expect, it } from 'vitest';
import { asNumber, asText, firstProp, inheritedProp, isArray, isRecord, prop, safeString } from '../../src/core/safe.js';

const revoked = () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};
const throwing = new Proxy({}, { get: () => { throw new Error('trap'); }, getOwnPropertyDescriptor: () => { throw new Error('trap'); } });

describe('prop and inheritedProp', () => {
  it('read own properties of objects and functions only', () => {
    const fn = Object.assign(() => 1, { code: 'E1' });
    expect(prop({ a: 1 }, 'a')).toBe(1);
    expect(prop(fn, 'code')).toBe('E1');
    expect(prop({}, 'toString')).toBeUndefined();
    // A primitive has no fields, though a string has an own `length` and indices.
    expect(prop('abc', 'length')).toBeUndefined();
    expect(prop('abc', '0')).toBeUndefined();
    expect(prop(null, 'a')).toBeUndefined();
  });

  it('inheritedProp also finds inherited fields, still of objects and functions only', () => {
    expect(inheritedProp(new TypeError('x'), 'name')).toBe('TypeError');
    expect(inheritedProp(Object.assign(() => 1, { code: 'E1' }), 'code')).toBe('E1');
    expect(inheritedProp('abc', 'length')).toBeUndefined();
    expect(inheritedProp(undefined, 'a')).toBeUndefined();
  });

  it('read a throwing getter, trap or revoked proxy as nothing', () => {
    expect(prop(throwing, 'a')).toBeUndefined();
    expect(inheritedProp(throwing, 'a')).toBeUndefined();
    expect(prop(revoked(), 'a')).toBeUndefined();
    expect(inheritedProp(revoked(), 'a')).toBeUndefined();
  });
});

describe('isRecord and isArray', () => {
  it('say no to a revoked proxy instead of throwing', () => {
    expect(isRecord(revoked())).toBe(false);
    expect(isArray(revoked())).toBe(false);
    expect(isRecord({})).toBe(true);
    expect(isRecord([])).toBe(false);
    expect(isArray([])).toBe(true);
  });
});

describe('asText, asNumber and safeString', () => {
  it('cap text at 16 KiB before any pattern reads it', () => {
    expect(asText('x'.repeat(20_000))).toHaveLength(16 * 1024);
    expect(asText('x'.repeat(16 * 1024))).toHaveLength(16 * 1024);
  });

  it('give text for a string, a finite number or a boolean, and nothing else', () => {
    expect([asText('a'), asText(2.5), asText(true), asText(false)]).toEqual(['a', '2.5', 'true', 'false']);
    for (const value of [Number.NaN, Infinity, null, undefined, {}, ['a']]) expect(asText(value)).toBeNull();
  });

  it('firstProp skips an empty, null or missing member for the next one', () => {
    expect(firstProp({ a: '', b: null, c: 'x' }, ['a', 'b', 'missing', 'c'])).toBe('x');
    expect(firstProp({ a: 0 }, ['a'])).toBe(0);
  });

  it('read a blank string as no number, and a padded one as its number', () => {
    expect(asNumber('')).toBeNull();
    expect(asNumber('   ')).toBeNull();
    expect(asNumber(' 2.5 ')).toBe(2.5);
    expect(asNumber('12abc')).toBeNull();
  });

  it('give an empty string for a value that cannot be a string', () => {
    expect(safeString(Object.create(null))).toBe('');
    expect(safeString({ toString: () => { throw new Error('no'); } })).toBe('');
    expect(safeString(Symbol('s'))).toBe('Symbol(s)');
  });
});
