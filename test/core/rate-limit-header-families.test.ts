import { describe, expect, it } from 'vitest';
import { discord, normalizeError, openAi, rateLimitFromHeaders, toHeaderMap, type ApiProfile } from '../../src/core/index.js';

// Every rate-limit header family an API may send, read into one { limit, remaining, resetAt }:
// X-RateLimit-* (GitHub, pump.fun), RateLimit-* (IETF httpapi-ratelimit-headers), X-Rate-Limit-*
// (Twitter/X); with their opt-in profiles, X-RateLimit-*-Requests with Go durations (OpenAI) and
// X-RateLimit-Reset-After (Discord).

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const DAY = 86_400_000;
const limits = (headers: Record<string, string>) => rateLimitFromHeaders(toHeaderMap(headers), NOW);
const limitsOf = (api: ApiProfile, headers: Record<string, string>) => normalizeError({ response: { status: 429, headers, data: {} } }, { api, now: NOW }).rateLimit;

describe('header families', () => {
  it('reads X-Rate-Limit-* (Twitter/X) with an epoch-seconds reset', () => {
    expect(limits({ 'x-rate-limit-limit': '900', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(NOW / 1000 + 60) })).toEqual({ limit: 900, remaining: 0, resetAt: NOW + 60_000 });
  });

  it('reads each family on its own', () => {
    for (const prefix of ['x-ratelimit', 'ratelimit', 'x-rate-limit']) {
      expect(limits({ [`${prefix}-limit`]: '10' })).toEqual({ limit: 10, remaining: null, resetAt: null });
      expect(limits({ [`${prefix}-remaining`]: '4' })).toEqual({ limit: null, remaining: 4, resetAt: null });
      expect(limits({ [`${prefix}-reset`]: '30' })).toEqual({ limit: null, remaining: null, resetAt: NOW + 30_000 });
    }
    expect(limitsOf(openAi, { 'x-ratelimit-limit-requests': '60' })?.limit).toBe(60);
    expect(limitsOf(openAi, { 'x-ratelimit-remaining-requests': '59' })?.remaining).toBe(59);
    expect(limitsOf(openAi, { 'x-ratelimit-reset-requests': '1s' })?.resetAt).toBe(NOW + 1000);
    // Without OpenAI's profile its families say nothing.
    expect(limits({ 'x-ratelimit-limit-requests': '60', 'x-ratelimit-reset-requests': '1s' })).toBeNull();
  });

  it('prefers X-RateLimit-* over RateLimit-* over X-Rate-Limit-* over the OpenAI request family', () => {
    const all = {
      'x-ratelimit-limit': '1', 'ratelimit-limit': '2', 'x-rate-limit-limit': '3', 'x-ratelimit-limit-requests': '4',
      'x-ratelimit-remaining': '1', 'ratelimit-remaining': '2', 'x-rate-limit-remaining': '3', 'x-ratelimit-remaining-requests': '4',
      'x-ratelimit-reset': '1', 'ratelimit-reset': '2', 'x-rate-limit-reset': '3', 'x-ratelimit-reset-requests': '4s',
    };
    expect(limitsOf(openAi, all)).toEqual({ limit: 1, remaining: 1, resetAt: NOW + 1000 });
    const { 'x-ratelimit-limit': _l, 'x-ratelimit-remaining': _r, 'x-ratelimit-reset': _t, ...second } = all;
    expect(limitsOf(openAi, second)).toEqual({ limit: 2, remaining: 2, resetAt: NOW + 2000 });
    const { 'ratelimit-limit': _l2, 'ratelimit-remaining': _r2, 'ratelimit-reset': _t2, 'x-rate-limit-limit': _l3, 'x-rate-limit-remaining': _r3, 'x-rate-limit-reset': _t3, ...openAiOnly } = second;
    expect(limitsOf(openAi, openAiOnly)).toEqual({ limit: 4, remaining: 4, resetAt: NOW + 4000 });
  });

  it('skips an empty header and reads the next family', () => {
    expect(limits({ 'x-ratelimit-limit': ' ', 'ratelimit-limit': '100', 'x-ratelimit-remaining': '', 'ratelimit-remaining': '7' })).toEqual({ limit: 100, remaining: 7, resetAt: null });
  });

  it('reads Discord’s X-RateLimit-Reset-After as seconds from now, whatever its size (opt-in)', () => {
    expect(limitsOf(discord, { 'x-ratelimit-reset-after': '0.5' })?.resetAt).toBe(NOW + 500);
    expect(limitsOf(discord, { 'x-ratelimit-reset-after': String(2e9) })?.resetAt).toBe(NOW + DAY);
    expect(limitsOf(discord, { 'x-ratelimit-reset-after': 'x' })).toBeNull();
    // A reset instant, when both are sent, is the one to use.
    expect(limitsOf(discord, { 'x-ratelimit-reset': '3', 'x-ratelimit-reset-after': '9' })?.resetAt).toBe(NOW + 3000);
    expect(limitsOf(discord, { 'x-ratelimit-reset-after': '9', ratelimit: 'limit=10, remaining=0, reset=4' })?.resetAt).toBe(NOW + 9000);
    expect(limits({ 'x-ratelimit-reset-after': '0.5' })).toBeNull();
  });
});

describe('reset values', () => {
  it.each<[string, number | null]>([
    ['30', NOW + 30_000], // seconds from now (IETF)
    ['2.5', NOW + 2500],
    [String(NOW / 1000 + 90), NOW + 90_000], // epoch seconds (GitHub)
    [String(NOW + 4000), NOW + 4000], // epoch milliseconds
    ['Tue, 24 Nov 2026 12:00:30 GMT', NOW + 30_000], // an HTTP-date
    ['Tue, 24 Nov 2026 11:00:00 GMT', NOW], // past: now
    ['-5', null],
    ['soon', null],
    ['5x', null],
    ['ms', null],
  ])('x-ratelimit-reset: %j → %j', (value, resetAt) => {
    expect(limits({ 'x-ratelimit-reset': value, 'x-ratelimit-remaining': '0' })?.resetAt ?? null).toBe(resetAt);
  });

  // Go durations are OpenAI's form: read with its opt-in profile, nothing without it.
  it.each<[string, number]>([
    ['1.5s', NOW + 1500],
    ['250ms', NOW + 250],
    ['6m0s', NOW + 360_000],
    ['2m30s', NOW + 150_000],
    ['1h2m', NOW + 3_720_000],
    ['1h', NOW + 3_600_000],
    ['20m', NOW + 1_200_000],
    ['1m500ms', NOW + 60_500],
    ['0.0015s', NOW + 2], // whole milliseconds
  ])('x-ratelimit-reset-requests (OpenAI): %j → %j', (value, resetAt) => {
    expect(limitsOf(openAi, { 'x-ratelimit-reset-requests': value, 'x-ratelimit-remaining-requests': '0' })?.resetAt).toBe(resetAt);
    expect(limits({ 'x-ratelimit-reset': value, 'x-ratelimit-remaining': '0' })?.resetAt).toBeNull();
  });
});

describe('limit and remaining values', () => {
  it.each<[string, number | null]>([
    ['100', 100],
    [' 60', 60],
    ['12.5', 12.5],
    ['100, 100;w=60', 100], // with a policy suffix
    ['10abc', null],
    ['1.5e3', null],
    ['-3', null],
    ['lots', null],
  ])('%j → %j', (value, expected) => {
    expect(limits({ 'x-ratelimit-limit': value, 'x-ratelimit-reset': '1' })?.limit).toBe(expected);
  });
});

describe('the IETF RateLimit and RateLimit-Policy fields', () => {
  it('reads the quota of a policy, quoted or not', () => {
    expect(limits({ 'RateLimit-Policy': '"burst";q=100;w=60' })?.limit).toBe(100);
    expect(limits({ 'RateLimit-Policy': 'burst;q=50;w=1' })?.limit).toBe(50);
  });

  it('reads a draft policy that is a bare number with parameters', () => {
    expect(limits({ 'RateLimit-Policy': '100;w=60' })?.limit).toBe(100);
  });

  it('reads remaining and reset from the RateLimit field', () => {
    expect(limits({ RateLimit: '"default";r=5;t=17' })).toEqual({ limit: null, remaining: 5, resetAt: NOW + 17_000 });
    expect(limits({ RateLimit: 'limit=10, remaining=2, reset=4' })).toEqual({ limit: 10, remaining: 2, resetAt: NOW + 4000 });
  });

  it('takes separate headers over the RateLimit field', () => {
    expect(limits({ RateLimit: 'limit=10, remaining=2, reset=4', 'x-ratelimit-limit': '11', 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': '5' })).toEqual({ limit: 11, remaining: 3, resetAt: NOW + 5000 });
    expect(limits({ 'RateLimit-Policy': '"d";q=100;w=60', 'ratelimit-limit': '7' })?.limit).toBe(7);
  });

  it('says nothing when no field says anything', () => {
    expect(limits({ RateLimit: '', 'RateLimit-Policy': '' })).toBeNull();
    expect(limits({ RateLimit: '"default"' })).toBeNull();
  });
});

describe('edge values, read the same by every family', () => {
  it.each<[string, number | null]>([
    ['1000000000001', NOW], // read as epoch ms (2001): long past, so now
    ['1000000000000', NOW + DAY], // read as epoch seconds (year 33658): clamped to a day
    ['1000000000', NOW + DAY], // 31 years from now in seconds: clamped to a day
    ['1000000001', NOW], // the smallest epoch-seconds value (2001): long past, so now
    ['9'.repeat(400), null], // not a finite number
    ['in 5s', null],
    ['5s later', null],
  ])('x-ratelimit-reset: %j → %j', (value, resetAt) => {
    expect(limits({ 'x-ratelimit-reset': value, 'x-ratelimit-remaining': '0' })?.resetAt ?? null).toBe(resetAt);
  });

  it('reads a reset with spaces around it from a plain headers object', () => {
    expect(rateLimitFromHeaders(new Map([['x-ratelimit-reset', ' 30 ']]), NOW)?.resetAt).toBe(NOW + 30_000);
  });

  it.each<[string, number | null]>([
    ['12.25', 12.25],
    ['10K', null],
    ['9'.repeat(400), null],
  ])('x-ratelimit-limit: %j → %j', (value, expected) => {
    expect(limits({ 'x-ratelimit-limit': value, 'x-ratelimit-reset': '1' })?.limit).toBe(expected);
  });

  it('reads the combined RateLimit field whatever the case of its keys', () => {
    expect(limits({ RateLimit: 'Limit=10, Remaining=2, Reset=4' })).toEqual({ limit: 10, remaining: 2, resetAt: NOW + 4000 });
  });
});
