import { describe, expect, it } from 'vitest';
import { anthropic, normalizeError, openAi, rateLimitFromHeaders, toHeaderMap, type ApiProfile } from '../../src/core/index.js';

// The finer points of reading rate-limit headers: which of several limits is the one that binds
// (OpenAI's and Anthropic's request and token limits, IETF RateLimit members), how lenient the
// field syntax is, and which reset values are read at all.

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const DAY = 86_400_000;
const limits = (headers: Record<string, string>) => rateLimitFromHeaders(toHeaderMap(headers), NOW);
// The vendor dialects (OpenAI, Anthropic) are read by their opt-in profiles.
const limitsOf = (api: ApiProfile, headers: Record<string, string>) => normalizeError({ response: { status: 429, headers, data: {} } }, { api, now: NOW }).rateLimit;
const at = (seconds: number) => new Date(NOW + seconds * 1000).toISOString();

describe('paired request and token limits (OpenAI, Anthropic)', () => {
  it.each(['tokens', 'input-tokens', 'output-tokens'])('Anthropic: a spent %s limit waits for its own reset, not the later one of a limit with room', (family) => {
    const info = limitsOf(anthropic, {
      'anthropic-ratelimit-requests-remaining': '40',
      'anthropic-ratelimit-requests-reset': at(300),
      [`anthropic-ratelimit-${family}-remaining`]: '0',
      [`anthropic-ratelimit-${family}-reset`]: at(20),
    });
    expect(info).toEqual({ limit: null, remaining: 0, resetAt: NOW + 20_000 });
  });

  it('Anthropic: with room left in every limit, nothing is spent and the latest reset is the reset', () => {
    const info = limitsOf(anthropic, {
      'anthropic-ratelimit-requests-remaining': '40',
      'anthropic-ratelimit-requests-reset': at(300),
      'anthropic-ratelimit-tokens-remaining': '9000',
      'anthropic-ratelimit-tokens-reset': at(20),
    });
    expect(info).toEqual({ limit: null, remaining: null, resetAt: NOW + 300_000 });
  });

  it('OpenAI: a spent token limit waits for the token reset, the later of both when both are spent', () => {
    const base = { 'x-ratelimit-remaining-requests': '5', 'x-ratelimit-reset-requests': '1s', 'x-ratelimit-reset-tokens': '20s' };
    // Requests are left but tokens are not: the next request would be refused, nothing remains.
    expect(limitsOf(openAi, { ...base, 'x-ratelimit-remaining-tokens': '0' })).toMatchObject({ remaining: 0, resetAt: NOW + 20_000 });
    expect(limitsOf(openAi, { ...base, 'x-ratelimit-remaining-tokens': '100' })?.resetAt).toBe(NOW + 20_000);
    expect(limitsOf(openAi, { ...base, 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-remaining-tokens': '100', 'x-ratelimit-reset-tokens': '6m0s' })?.resetAt).toBe(NOW + 1000);
  });

  it('a spent count without its reset is no paired limit', () => {
    expect(limitsOf(anthropic, { 'anthropic-ratelimit-requests-remaining': '0' })).toBeNull();
  });
});

describe('IETF RateLimit members', () => {
  it('the member with least left binds, wherever it stands', () => {
    expect(limits({ ratelimit: '"burst";r=0;t=5, "day";r=50;t=600' })).toMatchObject({ remaining: 0, resetAt: NOW + 5000 });
    expect(limits({ ratelimit: '"day";r=50;t=600, "burst";r=0;t=5, "hour";r=9;t=60' })).toMatchObject({ remaining: 0, resetAt: NOW + 5000 });
  });

  // Retrying when the burst quota is back is refused while the day quota is still spent.
  it('of several spent members, the one that resets last binds, wherever it stands, with its policy', () => {
    const policy = '"burst";q=10;w=1, "day";q=1000;w=86400';
    expect(limits({ ratelimit: '"burst";r=0;t=1, "day";r=0;t=3600', 'ratelimit-policy': policy })).toEqual({ limit: 1000, remaining: 0, resetAt: NOW + 3_600_000 });
    expect(limits({ ratelimit: '"day";r=0;t=3600, "burst";r=0;t=1', 'ratelimit-policy': policy })).toEqual({ limit: 1000, remaining: 0, resetAt: NOW + 3_600_000 });
    expect(limits({ ratelimit: '"hour";r=5;t=7200, "burst";r=0;t=1, "day";r=0;t=3600' })).toMatchObject({ remaining: 0, resetAt: NOW + 3_600_000 });
    // A spent member that names no reset does not hide one that does.
    expect(limits({ ratelimit: '"burst";r=0;t=1, "day";r=0' })).toMatchObject({ remaining: 0, resetAt: NOW + 1000 });
  });

  it('a quoted member name finds its policy written as a bare token, and the other way round', () => {
    expect(limits({ ratelimit: '"burst";r=0;t=30', 'ratelimit-policy': '"day";q=1000, burst;q=10' })?.limit).toBe(10);
    expect(limits({ ratelimit: 'burst;r=0;t=30', 'ratelimit-policy': '"day";q=1000, "burst";q=10' })?.limit).toBe(10);
  });

  it('reads parameters with spaces around them, in any case; the first of a repeated one counts', () => {
    expect(limits({ ratelimit: '"burst"; r=0; t=30' })).toMatchObject({ remaining: 0, resetAt: NOW + 30_000 });
    expect(limits({ ratelimit: '"burst";R=3;T=30' })).toMatchObject({ remaining: 3, resetAt: NOW + 30_000 });
    expect(limits({ ratelimit: '"burst";r=0;r=9;t=30;t=90' })).toMatchObject({ remaining: 0, resetAt: NOW + 30_000 });
  });

  it('drafts 3–7 key=value members: keys in any case, the first of a repeated key counts', () => {
    expect(limits({ ratelimit: 'Limit=100, Remaining=0, Reset=4' })).toEqual({ limit: 100, remaining: 0, resetAt: NOW + 4000 });
    expect(limits({ ratelimit: 'LIMIT=100, limit=5, remaining=1, remaining=9' })).toMatchObject({ limit: 100, remaining: 1 });
  });
});

describe('which values are numbers, durations and resets', () => {
  it.each<[string, number | null]>([
    ['0.25', NOW + 250],
    [`${'0'.repeat(63)}5`, NOW + 5000],
    [`${'0'.repeat(64)}5`, null],
  ])('reset %j is %j', (reset, resetAt) => {
    expect(limits({ 'x-ratelimit-reset': reset, 'x-ratelimit-limit': '10' })?.resetAt).toBe(resetAt);
  });

  it.each<[string, number | null]>([
    ['7', 7],
    [' 7', 7],
    ['7, 7;w=60', 7],
    ['.5', null],
    ['5s', null],
    ['abc', null],
  ])('remaining %j is %j', (value, remaining) => {
    expect(limits({ 'x-ratelimit-remaining': value, 'x-ratelimit-limit': '10' })?.remaining).toBe(remaining);
  });

  it.each<[string, number | null]>([
    ['12h', NOW + 12 * 3_600_000],
    ['0.25h', NOW + 900_000],
    ['1.25m', NOW + 75_000],
    ['1.25ms', NOW + 1],
    ['1m30s', NOW + 90_000],
    ['1h2m3s4ms', NOW + 3_723_004],
    [`${'0'.repeat(62)}1s`, NOW + 1000], // 64 characters: read
    [`${'0'.repeat(63)}1s`, null], // 65: too long to read
    ['1sx', null],
    ['h', null],
    ['999999h', NOW + DAY], // never more than a day ahead
  ])('OpenAI reset (a Go duration) %j is %j', (reset, resetAt) => {
    expect(limitsOf(openAi, { 'x-ratelimit-reset-requests': reset, 'x-ratelimit-limit-requests': '10' })?.resetAt).toBe(resetAt);
  });
});
