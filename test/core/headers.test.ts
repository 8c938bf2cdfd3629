import { describe, expect, it } from 'vitest';
import { discord, normalizeError, openAi, parseRetryAfter, rateLimitFromHeaders, toHeaderMap, type ApiProfile } from '../../src/core/index.js';

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const DAY = 86_400_000;
const limits = (headers: Record<string, string>) => rateLimitFromHeaders(toHeaderMap(headers), NOW);
// A vendor's own families are read only with its profile (opt-in).
const limitsOf = (api: ApiProfile, headers: Record<string, string>) => normalizeError({ response: { status: 429, headers, data: {} } }, { api, now: NOW }).rateLimit;

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120_000],
    ['0', 0],
    ['1.5', 1500],
    [' 7 ', 7000],
    ['Tue, 24 Nov 2026 12:00:30 GMT', 30_000],
    ['Tue, 24 Nov 2026 11:59:00 GMT', 0], // a date in the past: now
    ['99999999999', DAY], // huge: clamped to a day
    ['-5', null],
    ['', null],
    ['soon', null],
    ['1e3', null],
    ['NaN', null],
    ['Infinity', null],
  ])('%j → %j', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe('rateLimitFromHeaders', () => {
  it('reads X-RateLimit-* with an epoch-seconds reset (GitHub, the solana swap API)', () => {
    expect(limits({ 'X-RateLimit-Limit': '60', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(NOW / 1000 + 12) })).toEqual({ limit: 60, remaining: 0, resetAt: NOW + 12_000 });
  });

  it('reads a reset in seconds from now (IETF draft 6 RateLimit-*)', () => {
    expect(limits({ 'RateLimit-Limit': '100', 'RateLimit-Remaining': '5', 'RateLimit-Reset': '30' })).toEqual({ limit: 100, remaining: 5, resetAt: NOW + 30_000 });
  });

  it('reads a reset in epoch milliseconds', () => {
    expect(limits({ 'x-ratelimit-reset': String(NOW + 5000) })?.resetAt).toBe(NOW + 5000);
  });

  it('reads the IETF structured RateLimit and RateLimit-Policy fields', () => {
    expect(limits({ RateLimit: '"default";r=0;t=17', 'RateLimit-Policy': '"default";q=100;w=60' })).toEqual({ limit: 100, remaining: 0, resetAt: NOW + 17_000 });
  });

  it('reads the older combined RateLimit field', () => {
    expect(limits({ RateLimit: 'limit=10, remaining=2, reset=4' })).toEqual({ limit: 10, remaining: 2, resetAt: NOW + 4000 });
  });

  it('reads a limit with a policy suffix and Go-style durations (OpenAI, opt-in)', () => {
    expect(limits({ 'x-ratelimit-limit-requests': '100', 'x-ratelimit-reset-requests': '6m0s' })).toBeNull();
    expect(limitsOf(openAi, { 'x-ratelimit-limit-requests': '100, 100;w=60', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '6m0s' })).toEqual({ limit: 100, remaining: 0, resetAt: NOW + 360_000 });
  });

  it('reads a reset-after in fractional seconds (Discord, opt-in)', () => {
    expect(limitsOf(discord, { 'x-ratelimit-reset-after': '1.25' })?.resetAt).toBe(NOW + 1250);
    expect(limits({ 'x-ratelimit-reset-after': '1.25' })).toBeNull();
  });

  it('clamps a reset in the past to now and a far one to a day', () => {
    expect(limits({ 'x-ratelimit-reset': String(NOW / 1000 - 100) })?.resetAt).toBe(NOW);
    expect(limits({ 'x-ratelimit-reset': String(NOW / 1000 + 10 * DAY) })?.resetAt).toBe(NOW + DAY);
  });

  it('ignores garbage and negative values', () => {
    expect(limits({ 'x-ratelimit-limit': 'lots', 'x-ratelimit-remaining': '-1', 'x-ratelimit-reset': 'later' })).toBeNull();
    expect(limits({})).toBeNull();
  });
});

describe('toHeaderMap', () => {
  it('reads Headers, plain objects, Maps and pairs, lower-casing names', () => {
    expect(toHeaderMap(new Headers({ 'Retry-After': '3' })).get('retry-after')).toBe('3');
    expect(toHeaderMap({ 'Retry-After': 3 }).get('retry-after')).toBe('3');
    expect(toHeaderMap(new Map([['X-A', 'b']])).get('x-a')).toBe('b');
    expect(toHeaderMap([['X-A', 'b']]).get('x-a')).toBe('b');
    expect(toHeaderMap({ 'set-cookie': ['a', 'b'] }).get('set-cookie')).toBe('a, b');
  });

  it('reads headers objects with toJSON (AxiosHeaders)', () => {
    const axiosHeaders = { toJSON: () => ({ 'retry-after': '9' }) };
    expect(toHeaderMap(axiosHeaders).get('retry-after')).toBe('9');
  });

  it('gives an empty map for junk', () => {
    for (const junk of [null, undefined, 42, 'x', Symbol('s'), () => 1]) expect(toHeaderMap(junk).size).toBe(0);
  });
});
