import { describe, expect, it } from 'vitest';
import { defineApi, errorFromResponse, normalizeError, type ErrorKind } from '../../src/core/index.js';

// What the caller is told to do about a failure no profile knows: the kind an HTTP status implies,
// whether to retry, what to do next, and a plain message when the server gave none.

const request = { method: 'GET', url: 'https://api.example.com/v1/things' };
const empty = (status: number) => errorFromResponse(new Response(null, { status }), { request });

describe('a bare status', () => {
  it.each<[number, ErrorKind, boolean, string | null]>([
    [400, 'validation', false, 'fix-request'],
    [401, 'unauthorized', false, 'reauthenticate'],
    [402, 'payment_required', false, 'pay'],
    [403, 'forbidden', false, 'request-access'],
    [404, 'not_found', false, null],
    [408, 'timeout', true, 'retry'],
    [409, 'conflict', false, null],
    [410, 'gone', false, null],
    [413, 'payload_too_large', false, 'change-request'],
    [418, 'validation', false, 'fix-request'],
    [422, 'validation', false, 'fix-request'],
    [429, 'rate_limited', true, 'wait'],
    [500, 'server', true, 'retry'],
    [502, 'bad_gateway', true, 'retry'],
    [503, 'unavailable', true, 'retry'],
    [504, 'timeout', true, 'retry'],
    [507, 'server', true, 'retry'],
  ])('%i → %s, retryable %s, recovery %s', async (status, kind, retryable, recovery) => {
    expect(await empty(status)).toMatchObject({ kind, retryable, recovery, status, message: `Request failed with status ${status}` });
  });
});

describe('failures without a status', () => {
  it('says what happened in plain words', () => {
    expect(normalizeError(new TypeError('Failed to fetch'))).toMatchObject({ kind: 'network', recovery: 'retry', retryable: true });
    expect(normalizeError({ error: {} })).toMatchObject({ kind: 'unknown', message: 'Something went wrong', recovery: null, retryable: false });
    expect(normalizeError({ error: { code: 'PAYMENT_REQUIRED' } })).toMatchObject({ kind: 'payment_required', message: 'Request failed (payment required)', recovery: 'pay' });
    expect(normalizeError({ error: { code: 'NOT_FOUND' } }).message).toBe('Request failed (not found)');
  });
});

describe('a failure that says it is a rate limit', () => {
  it.each(['Rate limit exceeded', 'rate-limited', 'Too many requests', 'too_many_requests', 'Throttled: slow down', 'Quota exceeded for today'])('by its message %j, under any status', async (message) => {
    const error = await errorFromResponse(new Response(JSON.stringify({ message }), { status: 400 }), { request });
    expect(error).toMatchObject({ kind: 'rate_limited', retryable: true, recovery: 'wait' });
  });

  it('by its code', async () => {
    const error = await errorFromResponse(new Response(JSON.stringify({ code: 'RATE_LIMIT', message: 'Slow down' }), { status: 403 }), { request });
    expect(error.kind).toBe('rate_limited');
  });

  it('not by a message that merely mentions limits', async () => {
    const error = await errorFromResponse(new Response(JSON.stringify({ message: 'Amount over your daily limit' }), { status: 400 }), { request });
    expect(error.kind).toBe('validation');
  });
});

describe('a profile’s rules', () => {
  const ledger = defineApi({
    name: 'ledger',
    hosts: ['ledger.example'],
    codes: {
      LEDGER_BUSY: { kind: 'unavailable', retry: true, maxRetries: 1, defaultWaitMs: 2000, safeToResend: true, recovery: 'retry' },
      SLOW_DOWN: { kind: 'rate_limited' },
    },
    statuses: { 500: { kind: 'server', retry: false, recovery: 'contact-support' } },
  });
  const fail = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    errorFromResponse(new Response(JSON.stringify(body), { status, headers }), { request: { method: 'POST', url: 'https://api.ledger.example/v1/tx' }, profiles: [ledger] });

  it('decide kind, retry, cap, default wait, resend safety and recovery for a code', async () => {
    expect(await fail(400, { code: 'LEDGER_BUSY', message: 'busy' })).toMatchObject({
      api: 'ledger', kind: 'unavailable', retryable: true, maxRetries: 1, retryAfterMs: 2000, safeToResend: true, recovery: 'retry',
    });
  });

  it('a server’s own wait beats the profile’s default', async () => {
    expect((await fail(400, { code: 'LEDGER_BUSY', message: 'busy' }, { 'retry-after': '5' })).retryAfterMs).toBe(5000);
  });

  it('fill what a rule leaves out from the kind', async () => {
    expect(await fail(400, { code: 'SLOW_DOWN', message: 'wait' })).toMatchObject({ kind: 'rate_limited', retryable: true, recovery: 'wait', maxRetries: null, safeToResend: false, retryAfterMs: null });
  });

  it('apply a status rule to a code the profile does not know', async () => {
    expect(await fail(500, { code: 'OTHER', message: 'x' })).toMatchObject({ kind: 'server', retryable: false, recovery: 'contact-support' });
  });

  it('find a code in another case', async () => {
    expect((await fail(400, { code: 'ledger_busy', message: 'busy' })).kind).toBe('unavailable');
  });
});

describe('what is kept from the body', () => {
  it('cuts the caller’s secrets out of details and body, not only the message', async () => {
    const error = await errorFromResponse(new Response(JSON.stringify({ message: 'bad key tok_1234567', echoed: { key: 'tok_1234567' } }), { status: 401 }), { request, secrets: ['tok_1234567'] });
    expect(error.message).toBe('bad key [redacted]');
    expect(error.details).toEqual({ echoed: { key: '[redacted]' } });
    expect(JSON.stringify(error.body)).not.toContain('tok_1234567');
  });

  it('keeps details and body as sent when there are no secrets to cut', async () => {
    const error = await errorFromResponse(new Response(JSON.stringify({ message: 'm', echoed: { n: 1 } }), { status: 409 }), { request });
    expect(error.details).toEqual({ echoed: { n: 1 } });
    expect(error.body).toEqual({ message: 'm', echoed: { n: 1 } });
  });

  it('reads a param as plain text, capped', async () => {
    const error = await errorFromResponse(new Response(JSON.stringify({ message: 'm', param: `<b>amount</b>${'x'.repeat(300)}` }), { status: 400 }), { request });
    expect(error.param?.startsWith('amount')).toBe(true);
    expect(error.param).not.toContain('<');
    expect(error.param!.length).toBeLessThanOrEqual(200);
  });

  it('redacts a secret in an HTML error page', async () => {
    const page = '<html><head><title>Denied for key tok_1234567</title></head></html>';
    const error = await errorFromResponse(new Response(page, { status: 403, headers: { 'content-type': 'text/html' } }), { request, secrets: ['tok_1234567'] });
    expect(error.message).toBe('Denied for key [redacted]');
  });

  it('keeps the request and the response as cause', () => {
    const response = new Response(null, { status: 502 });
    const error = normalizeError(response, { request });
    expect(error).toMatchObject({ kind: 'bad_gateway', request: { method: 'GET', url: request.url } });
    expect(error.cause).toBe(response);
  });
});
