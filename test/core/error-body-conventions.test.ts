import { describe, expect, it } from 'vitest';
import { bodySignalsError, errorFromResponse, type ApiError } from '../../src/core/index.js';

// Conventions an error body follows beyond the plain `message`/`code` aliases: Google's typed
// `details` (google.rpc, AIP-193), JSON Pointers naming the field (RFC 6901), JSON-RPC 2.0 / EIP-1193
// numeric codes, and 2xx bodies that are failures all the same (GraphQL, `{ ok: false }`).

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const DAY = 86_400_000;
// An origin no built-in profile owns: only the general body reader applies.
const request = { method: 'POST', url: 'https://api.example.com/v1/orders' };
const read = (status: number, body: unknown): Promise<ApiError> =>
  errorFromResponse(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }), { now: NOW, request });

const RETRY_INFO = 'type.googleapis.com/google.rpc.RetryInfo';
const HELP = 'type.googleapis.com/google.rpc.Help';
const google = (details: unknown, extra: Record<string, unknown> = {}) => read(429, { error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: 'Quota exceeded', details, ...extra } });

describe('Google error details (google.rpc.RetryInfo, google.rpc.Help)', () => {
  it.each<[string, number | null]>([
    ['30s', 30_000],
    ['1.5s', 1500],
    ['0.000000001s', 0],
    [' 2s ', 2000],
    ['999999999999s', DAY], // clamped to a day like every other wait
    ['30', null], // a protobuf Duration always ends in "s"
    ['30ms', null],
    ['-5s', null],
    ['1.5s extra', null],
    ['x30s', null],
  ])('retryDelay %j waits %j ms', async (retryDelay, wait) => {
    expect((await google([{ '@type': RETRY_INFO, retryDelay }])).retryAfterMs).toBe(wait);
  });

  it('takes the first RetryInfo and the first Help link', async () => {
    const error = await google([
      { '@type': HELP, links: [{ url: 'https://cloud.google.com/docs/quotas' }, { url: 'https://example.com/second' }] },
      { '@type': RETRY_INFO, retryDelay: '7s' },
      { '@type': RETRY_INFO, retryDelay: '60s' },
      { '@type': HELP, links: [{ url: 'https://example.com/later' }] },
    ]);
    expect(error).toMatchObject({ retryAfterMs: 7000, docUrl: 'https://cloud.google.com/docs/quotas' });
  });

  it('ignores details of other types and a Help without links', async () => {
    const error = await google([
      { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', retryDelay: '9s', links: [{ url: 'https://example.com/errorinfo' }] },
      { '@type': HELP, links: 'https://example.com/not-a-list' },
    ]);
    expect(error).toMatchObject({ retryAfterMs: null, docUrl: null });
  });

  it('reads only the first 20 details', async () => {
    const filler = Array.from({ length: 20 }, () => ({ '@type': 'type.googleapis.com/google.rpc.ErrorInfo' }));
    expect((await google([...filler, { '@type': RETRY_INFO, retryDelay: '5s' }])).retryAfterMs).toBeNull();
    expect((await google([...filler.slice(1), { '@type': RETRY_INFO, retryDelay: '5s' }])).retryAfterMs).toBe(5000);
  });

  it('a wait or doc link the error states itself comes before the details', async () => {
    const details = [
      { '@type': RETRY_INFO, retryDelay: '30s' },
      { '@type': HELP, links: [{ url: 'https://cloud.google.com/docs/quotas' }] },
    ];
    expect(await google(details, { retry_after: 3, doc_url: 'https://api.example.com/docs/quota' })).toMatchObject({ retryAfterMs: 3000, docUrl: 'https://api.example.com/docs/quota' });
  });

  it('details that are not a list give nothing', async () => {
    expect(await google({ '@type': RETRY_INFO, retryDelay: '5s' })).toMatchObject({ retryAfterMs: null, docUrl: null });
  });
});

describe('JSON Pointer to the offending field (RFC 6901)', () => {
  const param = async (pointer: unknown) => (await read(422, { type: 'https://api.example.com/problems/invalid', title: 'Invalid', errors: [{ detail: 'bad', pointer }] })).param;

  it.each<[unknown, string | null]>([
    ['#/age', 'age'],
    ['/data/attributes/first_name', 'first_name'],
    ['/items/0/', '0'],
    ['/a~1b', 'a/b'], // "~1" is an escaped "/"
    ['/a~0b', 'a~b'], // "~0" is an escaped "~"
    ['/~01', '~1'], // "~01" is "~" then "1", not "/" (unescape "~1" first, RFC 6901 §4)
    ['#', null],
    ['/', null],
    ['', null],
    [42, '42'],
  ])('%j names %j', async (pointer, name) => {
    expect(await param(pointer)).toBe(name);
  });

  it('reads at most 1024 characters of a pointer', async () => {
    expect(await param(`/${'a'.repeat(1019)}/abc`)).toBe('abc');
    expect(await param(`/${'a'.repeat(1030)}/abc`)).toMatch(/^a+$/); // cut inside the long segment
  });
});

describe('JSON-RPC and EIP-1193 numeric codes', () => {
  it('the numeric code decides the kind even when the error also has a string code', async () => {
    const error = await read(200, { jsonrpc: '2.0', id: 1, error: { code: -32005, type: 'node_specific_name', message: 'limit exceeded' } });
    expect(error).toMatchObject({ kind: 'rate_limited', code: 'node_specific_name' });
    expect((await read(200, { jsonrpc: '2.0', id: 1, error: { code: 4001, reason: 'rejected', message: 'User rejected the request.' } })).kind).toBe('aborted');
  });

  it('a numeric code no table knows leaves the kind to the string code', async () => {
    expect((await read(200, { jsonrpc: '2.0', id: 1, error: { code: 7, status: 'NOT_FOUND', message: 'no such block' } })).kind).toBe('not_found');
  });

  it('a code that is a string of digits is read as a code too', async () => {
    expect((await read(200, { jsonrpc: '2.0', id: 1, error: { code: '-32601', message: 'Method not found' } })).kind).toBe('not_found');
  });

  it('a code named like an Object.prototype member is an unknown code like any other', async () => {
    const unknown = (await read(200, { jsonrpc: '2.0', id: 1, error: { code: 'no_such_code', message: 'odd' } })).kind;
    for (const code of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect((await read(200, { jsonrpc: '2.0', id: 1, error: { code, message: 'odd' } })).kind).toBe(unknown);
    }
  });
});

describe('bodySignalsError: a 2xx body that is a failure', () => {
  it.each<[unknown, boolean]>([
    [{ ok: false, error: 'nope' }, true],
    [{ success: false }, true],
    [{ errors: [{ message: 'boom' }] }, true],
    [{ errors: [{ message: 'boom' }], data: null }, true],
    [{ ok: true }, false],
    [{ success: true }, false],
    [{ ok: 'false' }, false],
    [{ errors: [{ message: 'partial' }], data: { user: null } }, false], // GraphQL partial success
    [{ errors: [], data: null }, false],
    [{ errors: 'boom' }, false],
    [{ data: null }, false],
    [[{ message: 'boom' }], false],
    ['{"ok":false}', false],
    [null, false],
  ])('%j → %j', (body, signals) => {
    expect(bodySignalsError(body)).toBe(signals);
  });
});
