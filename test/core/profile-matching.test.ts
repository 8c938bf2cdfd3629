// Which profile reads a failure (src/core/profile.ts, src/core/profile-match.ts): the forced one,
// else the one that owns the URL (its hosts, with subdomains, or its own matchUrl), else the one
// that recognises the body. A profile's own code that throws is skipped, never fatal.
import { describe, expect, it } from 'vitest';
import { defineApi, errorFromResponse, type ApiProfile } from '../../src/core/index.js';
import { matchProfile } from '../../src/core/profile-match.js';

const shop = defineApi({ name: 'shop', hosts: ['shop.example', 'shop-eu.example'], codes: { SOLD_OUT: { kind: 'conflict', maxRetries: 0 } } });
const rpc = defineApi({ name: 'rpc', matchUrl: (url) => url.pathname.startsWith('/rpc/') });
const byShape = defineApi({ name: 'shape', recognize: (body) => typeof body === 'object' && body !== null && 'shapeCode' in body });

describe('defineApi', () => {
  it('refuses a profile without a name, or a rule with a negative or non-numeric maxRetries', () => {
    expect(() => defineApi({ name: ' ' })).toThrow(/non-empty `name`/);
    expect(() => defineApi({ name: 'x', codes: { A: { maxRetries: -1 } } })).toThrow(/code A has an invalid maxRetries/);
    expect(() => defineApi({ name: 'x', codes: { A: { maxRetries: Number.NaN } } })).toThrow(TypeError);
    expect(defineApi({ name: 'x', codes: { A: { maxRetries: 0 } } }).name).toBe('x');
  });
});

describe('matching a profile', () => {
  const match = (url: string | null, options: { api?: ApiProfile | string; body?: unknown } = {}) =>
    matchProfile({ profiles: [shop, rpc, byShape], api: options.api }, url, options.body ?? null);

  it('by any of its hosts and their subdomains, or by its own URL test', () => {
    expect(match('https://shop-eu.example/v1/cart')).toEqual({ profile: shop, by: 'url' });
    expect(match('https://api.shop.example/v1/cart')).toEqual({ profile: shop, by: 'url' });
    expect(match('https://notshop.example/v1/cart')).toBeNull();
    expect(match('https://node.example/rpc/eth')).toEqual({ profile: rpc, by: 'url' });
    expect(match('https://node.example/v1/rpc/eth')).toBeNull();
  });

  it('forced by name or as an object, over the URL; an unknown name forces nothing', () => {
    expect(match('https://shop.example/x', { api: 'rpc' })).toEqual({ profile: rpc, by: 'forced' });
    expect(match('https://shop.example/x', { api: byShape })).toEqual({ profile: byShape, by: 'forced' });
    expect(match('https://shop.example/x', { api: 'https://shop.example' })).toEqual({ profile: shop, by: 'url' });
  });

  it('by the shape of the body last', () => {
    expect(match('https://elsewhere.example/', { body: { shapeCode: 1 } })).toEqual({ profile: byShape, by: 'shape' });
    expect(match(null, { body: { other: 1 } })).toBeNull();
  });

  it('skips a profile whose name, URL test or shape test throws', () => {
    const broken = {
      get name(): string { throw new Error('name'); },
      matchUrl: () => { throw new Error('url'); },
      recognize: () => { throw new Error('shape'); },
    } as unknown as ApiProfile;
    expect(matchProfile({ profiles: [broken], api: 'x' }, 'https://a.example/', {})).toBeNull();
  });

  it('still reads the failure when a profile throws', async () => {
    const broken = defineApi({ name: 'broken', recognize: () => { throw new Error('shape'); } });
    const error = await errorFromResponse(new Response('{"code":"SOLD_OUT","message":"gone"}', { status: 409 }), { profiles: [broken, shop], request: { method: 'GET', url: 'https://shop.example/a' } });
    expect(error).toMatchObject({ kind: 'conflict', api: 'shop', maxRetries: 0 });
  });
});
