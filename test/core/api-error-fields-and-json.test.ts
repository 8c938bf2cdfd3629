// An ApiError built by hand: the fields it fills, and the bounded, redacted copy toJSON gives to logs.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/core/index.js';

describe('new ApiError', () => {
  it('fills every field left out', () => {
    const error = new ApiError({ kind: 'server', message: 'boom' });
    expect(error).toMatchObject({ name: 'ApiError', status: null, code: null, retryable: false, retryAfterMs: null, retryAfterSource: null, rateLimit: null, requestId: null, param: null, docUrl: null, api: null, request: null, recovery: null, maxRetries: null, safeToResend: false, rateLimitKey: null, messageKey: null });
    expect(error.cause).toBeUndefined();
    expect('cause' in error).toBe(false);
  });

  it('keeps a wait source only with a wait, and only a known one', () => {
    expect(new ApiError({ kind: 'rate_limited', message: 'x', retryAfterMs: 1000, retryAfterSource: 'body' }).retryAfterSource).toBe('body');
    expect(new ApiError({ kind: 'rate_limited', message: 'x', retryAfterMs: 1000, retryAfterSource: 'guess' as 'body' }).retryAfterSource).toBeNull();
    expect(new ApiError({ kind: 'rate_limited', message: 'x', retryAfterSource: 'header' }).retryAfterSource).toBeNull();
  });

  it('caps the message key, and takes a message that is no string without throwing', () => {
    expect(new ApiError({ kind: 'gone', message: 'x', messageKey: 'k'.repeat(400) }).messageKey).toHaveLength(300);
    expect(new ApiError({ kind: 'gone', message: 'x', messageKey: 5 as unknown as string }).messageKey).toBeNull();
    expect(new ApiError({ kind: 'gone', message: { text: 'no' } as unknown as string }).message).toBeTypeOf('string');
  });

  it("keys its rate-limit window by the api, else the request's origin, unless one is given", () => {
    expect(new ApiError({ kind: 'rate_limited', message: 'x', api: 'shop', request: { method: 'GET', url: 'https://a.example/x' } }).rateLimitKey).toBe('shop');
    expect(new ApiError({ kind: 'rate_limited', message: 'x', request: { method: 'GET', url: 'https://a.example/x?y=1' } }).rateLimitKey).toBe('https://a.example');
    expect(new ApiError({ kind: 'rate_limited', message: 'x', request: { method: 'GET', url: 'data:text/plain,hi' } }).rateLimitKey).toBeNull();
    expect(new ApiError({ kind: 'rate_limited', message: 'x', request: { method: 'GET', url: '/relative' } }).rateLimitKey).toBeNull();
    expect(new ApiError({ kind: 'rate_limited', message: 'x', api: 'shop', rateLimitKey: null }).rateLimitKey).toBeNull();
    expect(new ApiError({ kind: 'rate_limited', message: 'x', api: 'shop', rateLimitKey: 'pool' }).rateLimitKey).toBe('pool');
  });
});

describe('ApiError.toJSON', () => {
  it('copies the request with its method capped (GET when none) and its URL redacted', () => {
    const json = new ApiError({ kind: 'server', message: 'x', request: { method: 'p'.repeat(50), url: 'https://a.example/x?api_key=sk_live_abcdef123456&page=2' } }).toJSON();
    expect(json.request).toEqual({ method: 'p'.repeat(20), url: expect.stringContaining('page=2') as string });
    expect(JSON.stringify(json.request)).not.toContain('sk_live_abcdef123456');
    const noMethod = new ApiError({ kind: 'server', message: 'x', request: { url: 'https://a.example/x' } as unknown as { method: string; url: string } }).toJSON();
    expect(noMethod.request).toEqual({ method: 'GET', url: 'https://a.example/x' });
    expect(new ApiError({ kind: 'server', message: 'x', request: { method: 'GET' } as unknown as { method: string; url: string } }).toJSON().request).toBeNull();
  });

  it('keeps only an http(s) doc link, and the wait source, status and retryable as they are', () => {
    expect(new ApiError({ kind: 'gone', message: 'x', docUrl: 'https://docs.example/a' }).toJSON().docUrl).toBe('https://docs.example/a');
    expect(new ApiError({ kind: 'gone', message: 'x', docUrl: 'javascript:alert(1)' }).toJSON().docUrl).toBeNull();
    expect(new ApiError({ kind: 'gone', message: 'x' }).toJSON().docUrl).toBeNull();
    const json = new ApiError({ kind: 'rate_limited', message: 'x', status: 429, retryable: true, retryAfterMs: 2000, retryAfterSource: 'header' }).toJSON();
    expect(json).toMatchObject({ kind: 'rate_limited', status: 429, retryable: true, retryAfterMs: 2000, retryAfterSource: 'header' });
  });

  it("names a wrapped error's name and message, capped, and keeps a plain cause as it is", () => {
    expect(new ApiError({ kind: 'network', message: 'x', cause: new TypeError('Failed to fetch') }).toJSON().cause).toEqual({ name: 'TypeError', message: 'Failed to fetch' });
    expect(new ApiError({ kind: 'network', message: 'x', cause: { message: 'only a message' } }).toJSON().cause).toEqual({ name: 'Error', message: 'only a message' });
    expect(new ApiError({ kind: 'network', message: 'x', cause: { name: 'N'.repeat(300) } }).toJSON().cause).toEqual({ name: 'N'.repeat(100), message: '' });
    expect(new ApiError({ kind: 'network', message: 'x', cause: 42 }).toJSON().cause).toBe(42);
    expect(new ApiError({ kind: 'network', message: 'x' }).toJSON()).not.toHaveProperty('cause');
  });

  it('falls back field by field when a getter throws', () => {
    const error = new ApiError({ kind: 'server', message: 'still here', status: 500, code: 'E1' });
    Object.defineProperty(error, 'code', { get: () => { throw new Error('no'); } });
    const json = error.toJSON();
    expect(json).toMatchObject({ name: 'ApiError', kind: 'server', code: null, message: 'still here', status: 500 });
  });

  it('copies details as plain data: cycles cut, depth and width bounded, functions dropped, numbers finite', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const deep = { l1: { l2: { l3: { l4: { l5: { l6: { l7: 'bottom' } } } } } } };
    const details = { cyclic, deep, wide: Array.from({ length: 80 }, (_, i) => i), fn: () => 1, nan: Number.NaN, inf: Infinity, yes: true, none: null, list: [() => 1, 'x'], sym: Symbol('s') };
    const json = new ApiError({ kind: 'server', message: 'x', details }).toJSON().details as Record<string, unknown>;
    expect(json.cyclic).toEqual({ a: 1, self: '[Circular]' });
    expect(json.deep).toEqual({ l1: { l2: { l3: { l4: { l5: '[Object]' } } } } });
    expect(json.wide).toHaveLength(50);
    expect(json).not.toHaveProperty('fn');
    expect(json).not.toHaveProperty('sym');
    expect(json).toMatchObject({ nan: null, inf: null, yes: true, none: null, list: [null, 'x'] });
  });

  it('keeps a __proto__ key an ordinary key, caps long keys, and reads a throwing getter as unreadable', () => {
    const details = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    Object.defineProperty(details, 'k'.repeat(300), { value: 1, enumerable: true });
    Object.defineProperty(details, 'bad', { get: () => { throw new Error('no'); }, enumerable: true });
    const json = new ApiError({ kind: 'server', message: 'x', details }).toJSON().details as Record<string, unknown>;
    expect(Object.prototype.hasOwnProperty.call(json, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(json['k'.repeat(200)]).toBe(1);
    expect(json.bad).toBe('[Unreadable]');
  });

  it('caps a string at 8 KiB in details and body, at 2,000 characters elsewhere, and all text at 64 KiB per member', () => {
    const long = 'z'.repeat(20_000);
    const json = new ApiError({ kind: 'server', message: long, code: long, details: { a: long }, body: Array.from({ length: 20 }, () => long) }).toJSON();
    expect((json.details as { a: string }).a).toHaveLength(8 * 1024);
    expect(json.code as string).toHaveLength(2000);
    expect(json.message as string).toHaveLength(2000);
    const body = json.body as string[];
    expect(body.join('').length).toBeLessThanOrEqual(64 * 1024);
    expect(body.join('').length).toBeGreaterThan(60 * 1024);
  });

  it('copies at most 1,000 values of a member', () => {
    const details = Array.from({ length: 50 }, () => Array.from({ length: 50 }, () => 1));
    const json = new ApiError({ kind: 'server', message: 'x', details }).toJSON().details as number[][];
    const values = json.flat().length + json.length;
    expect(values).toBeLessThanOrEqual(1000);
    expect(values).toBeGreaterThan(900);
  });
});

// The exact edges of toJSON's budgets (src/core/plain-value.ts): a log line must be as big as the
// budget allows and no bigger, and what is cut is left out rather than kept as empty filler.
describe('ApiError.toJSON budgets, at their edges', () => {
  const jsonOf = (init: Partial<ConstructorParameters<typeof ApiError>[0]>) => new ApiError({ kind: 'server', message: 'x', ...init }).toJSON();
  // Words, not one long run: a long unbroken run of letters would be redacted as a token.
  const text = (length: number) => 'ab '.repeat(Math.ceil(length / 3)).slice(0, length);

  it('keeps the 1,000th value of a member and drops the 1,001st', () => {
    // 1 (the list) + 19 × (1 + 50) + 1 (the last list) = 971 values before the last list's items.
    const details = [...Array.from({ length: 19 }, () => Array.from({ length: 50 }, () => 1)), Array.from({ length: 40 }, () => 2)];
    const copy = jsonOf({ details }).details as number[][];
    expect(copy).toHaveLength(20);
    expect(copy[19]).toEqual(Array.from({ length: 29 }, () => 2));
  });

  it('fills the 64 KiB of text of a list exactly, cutting the string that crosses it and dropping the rest', () => {
    const body = jsonOf({ body: Array.from({ length: 12 }, () => text(8000)) }).body as string[];
    expect(body).toHaveLength(9);
    expect(body[8]).toHaveLength(64 * 1024 - 8 * 8000);
    const exact = jsonOf({ body: Array.from({ length: 12 }, () => text(8192)) }).body as string[];
    expect(exact).toHaveLength(8);
    expect(exact.join('')).toHaveLength(64 * 1024);
  });

  it("counts an object's keys as text too, and stops at the budget instead of adding empty members", () => {
    const details = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`k${i}`, text(8192)]));
    const copy = jsonOf({ details }).details as Record<string, string>;
    expect(Object.keys(copy)).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7']);
    // 7 strings of 8,192 and 8 keys of 2 characters leave 8,176 for the 8th string.
    expect(copy.k7).toHaveLength(64 * 1024 - 7 * 8192 - 8 * 2);
  });

  it('keeps the first 50 keys of an object, and bounds the depth of lists as of objects', () => {
    const wide = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, i]));
    expect(Object.keys(jsonOf({ details: wide }).details as object)).toHaveLength(50);
    const deepList = [[[[[[[['bottom']]]]]]]];
    const deepObject = { a: { a: { a: { a: { a: { a: { a: { a: 'bottom' } } } } } } } };
    const depthOf = (value: unknown): number => (typeof value === 'object' && value !== null ? 1 + depthOf(Object.values(value)[0]) : 0);
    const listCopy = jsonOf({ details: deepList }).details;
    expect(depthOf(listCopy)).toBe(depthOf(jsonOf({ details: deepObject }).details));
    expect(JSON.stringify(listCopy)).toContain('"[Object]"');
  });

  it('gives ordinary members a logger can rewrite, and reads a value whose keys cannot be listed as unreadable', () => {
    const copy = jsonOf({ details: { user: 'ada', note: 'hi' } }).details as Record<string, unknown>;
    expect(JSON.stringify(copy)).toBe('{"user":"ada","note":"hi"}');
    copy.user = '[scrubbed]';
    delete copy.note;
    expect(copy).toEqual({ user: '[scrubbed]' });
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('no keys'); } });
    expect(jsonOf({ details: hostile }).details).toBe('[Unreadable]');
  });

  it('falls back for fields a subclass or a hand-made error left without their type', () => {
    const error = new ApiError({ kind: 'server', message: 'x', status: 500, retryable: false, request: { method: 'GET', url: 42 as unknown as string } });
    for (const [key, value] of [['kind', 7], ['message', { text: 'no' }], ['status', '500']] as const) Object.defineProperty(error, key, { value });
    expect(error.toJSON()).toMatchObject({ kind: 'unknown', message: '', status: null, retryable: false, request: null });
  });
});
