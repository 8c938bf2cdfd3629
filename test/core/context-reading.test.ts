// The options a caller passes to normalizeError / errorFromResponse (src/core/context.ts) are read
// field by field, each checked: junk in one field falls back alone and never throws.
import { describe, expect, it } from 'vitest';
import { defineApi, isApiError } from '../../src/core/index.js';
import { readContext } from '../../src/core/context.js';

const shop = defineApi({ name: 'shop' });

describe('readContext', () => {
  it('copies the request with its method upper-cased and capped, GET when none, and its URL capped', () => {
    expect(readContext({ request: { method: 'post', url: 'https://a.example/x', idempotencyKey: 'k1' } }).request).toEqual({ method: 'POST', url: 'https://a.example/x', idempotencyKey: 'k1' });
    expect(readContext({ request: { url: 'https://a.example/x' } }).request).toEqual({ method: 'GET', url: 'https://a.example/x' });
    expect(readContext({ request: { method: 'm'.repeat(40), url: `https://a.example/${'u'.repeat(9000)}` } }).request).toMatchObject({ method: 'M'.repeat(20), url: expect.any(String) as string });
    expect(readContext({ request: { url: `https://a.example/${'u'.repeat(9000)}` } }).request!.url).toHaveLength(8192);
    expect(readContext({ request: { method: 'GET' } }).request).toBeUndefined();
  });

  it('takes an api by name or as a profile, and nothing else', () => {
    expect(readContext({ api: 'shop' }).api).toBe('shop');
    expect(readContext({ api: shop }).api).toBe(shop);
    for (const junk of [{}, null, 5, { name: 5 }]) expect(readContext({ api: junk }).api).toBeUndefined();
  });

  it('keeps at most 64 profiles, only those with a name (own or inherited), and leaves an absent list absent', () => {
    class Named {
      get name() {
        return 'inherited';
      }
    }
    const inherited = new Named();
    expect(readContext({ profiles: [shop, { codes: {} }, inherited, 'x'] }).profiles).toEqual([shop, inherited]);
    const many = Array.from({ length: 70 }, (_, i) => defineApi({ name: `p${i}` }));
    expect(readContext({ profiles: many }).profiles).toHaveLength(64);
    expect(readContext({}).profiles).toBeUndefined();
    expect(readContext({ profiles: 'shop' }).profiles).toEqual([]);
  });

  it('keeps secrets that are strings of at most 8 KiB, and leaves an absent list absent', () => {
    const long = 's'.repeat(8192);
    expect(readContext({ secrets: ['tok_1234', 42, long, `${long}x`] }).secrets).toEqual(['tok_1234', long]);
    expect(readContext({}).secrets).toBeUndefined();
  });

  it('reads a context that is a throwing proxy as an empty one', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('no'); }, getOwnPropertyDescriptor: () => { throw new Error('no'); }, has: () => { throw new Error('no'); } });
    const context = readContext(hostile);
    expect(context.request).toBeUndefined();
    expect(typeof context.now).toBe('number');
  });
});

describe('isApiError', () => {
  it('is false for null, undefined and primitives, without throwing', () => {
    for (const value of [null, undefined, 0, 'ApiError', true, Symbol('s')]) expect(isApiError(value)).toBe(false);
  });
});
