import { describe, expect, it } from 'vitest';
import { errorFromResponse, normalizeError, type ApiError } from '../../src/core/index.js';

// Every name under which APIs put the message, code, field, doc link and request id of an error.
// Each alias below is one an API in the wild uses; dropping any of them loses what that API said.

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
// An origin no built-in profile owns: only the general body reader applies.
const request = { method: 'POST', url: 'https://api.example.com/v1/orders' };
const read = (status: number, body: unknown): Promise<ApiError> =>
  errorFromResponse(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }), { now: NOW, request });

describe('message', () => {
  it.each(['message', 'msg', 'detail', 'error_description', 'errorMessage', 'description', 'title'])('nested under error.%s', async (key) => {
    expect((await read(500, { error: { [key]: 'The ledger is busy' } })).message).toBe('The ledger is busy');
  });

  it.each(['message', 'msg', 'error_description', 'errorMessage', 'description', 'reason'])('flat as %s', async (key) => {
    expect((await read(500, { [key]: 'The ledger is busy' })).message).toBe('The ledger is busy');
  });

  it('takes the first alias that has text, in order', async () => {
    expect((await read(500, { error: { message: '', msg: 'second', detail: 'third' } })).message).toBe('second');
    expect((await read(500, { message: 'first', msg: 'second' })).message).toBe('first');
  });

  it('joins a list of messages (NestJS validation), at most ten', async () => {
    expect((await read(400, { message: ['name must be a string', 'age must be positive'] })).message).toBe('name must be a string; age must be positive');
    const many = Array.from({ length: 12 }, (_, i) => `m${i}`);
    expect((await read(400, { message: many })).message).toBe(many.slice(0, 10).join('; '));
    expect((await read(400, { message: [null, 'only this'] })).message).toBe('only this');
  });

  it('falls back to the status when a list of messages is empty', async () => {
    expect((await read(400, { message: [] })).message).toBe('Request failed with status 400');
  });

  it('reads the message from nested details when there is no other', async () => {
    expect((await read(500, { error: { details: 'Disk full' } })).message).toBe('Disk full');
  });
});

describe('code', () => {
  it.each(['code', 'error_code', 'errorCode', 'type', 'status'])('nested under error.%s', async (key) => {
    expect((await read(500, { error: { [key]: 'LEDGER_BUSY', message: 'm' } })).code).toBe('LEDGER_BUSY');
  });

  it.each(['code', 'error_code', 'errorCode'])('flat as %s', async (key) => {
    expect((await read(500, { [key]: 'LEDGER_BUSY', message: 'm' })).code).toBe('LEDGER_BUSY');
  });

  it('reads an error that is itself a code (OAuth), but not prose', async () => {
    expect((await read(400, { error: 'invalid_grant' })).code).toBe('invalid_grant');
    expect((await read(400, { error: 'PAYLOAD_TOO_LARGE' })).code).toBe('PAYLOAD_TOO_LARGE');
    expect(await read(400, { error: 'Something broke' })).toMatchObject({ code: null, message: 'Something broke' });
    expect(await read(400, { error: 'nope' })).toMatchObject({ code: null, message: 'nope' });
    // An explicit code wins; the error text is then the message.
    expect(await read(400, { error: 'invalid_grant', code: 'E42' })).toMatchObject({ code: 'E42', message: 'invalid_grant' });
  });

  it('skips empty and about:blank codes and takes the next alias', async () => {
    expect((await read(500, { error: { code: ' ', error_code: 'E1', message: 'm' } })).code).toBe('E1');
    expect((await read(500, { error: { type: 'about:blank', status: 'UNAVAILABLE', message: 'm' } })).code).toBe('UNAVAILABLE');
  });

  it('takes a numeric code only from `code`, and only when no name is given (Google sends both)', async () => {
    expect((await read(500, { error: { code: 13, message: 'm' } })).code).toBe('13');
    expect((await read(503, { error: { status: 503, message: 'm' } })).code).toBeNull();
    expect((await read(403, { error: { code: 403, status: 'PERMISSION_DENIED', message: 'm' } })).code).toBe('PERMISSION_DENIED');
  });

  it('trims a code and caps it at 200 characters', async () => {
    expect((await read(500, { error: { code: '  E1  ', message: 'm' } })).code).toBe('E1');
    expect((await read(500, { error: { code: 'C'.repeat(300), message: 'm' } })).code).toHaveLength(200);
  });
});

describe('param (the field at fault)', () => {
  it.each(['param', 'field', 'parameter', 'property'])('nested under error.%s', async (key) => {
    expect((await read(400, { error: { message: 'm', [key]: 'amount' } })).param).toBe('amount');
  });

  it.each(['param', 'field', 'parameter', 'property'])('flat as %s', async (key) => {
    expect((await read(400, { message: 'm', [key]: 'amount' })).param).toBe('amount');
  });

  it('reads JSON:API source.parameter and source.pointer, and a GraphQL path', async () => {
    expect((await read(400, { errors: [{ detail: 'm', source: { parameter: 'page[size]' } }] })).param).toBe('page[size]');
    expect((await read(400, { errors: [{ detail: 'm', source: { pointer: '/data/attributes/amount/' } }] })).param).toBe('amount');
    expect((await read(400, { errors: [{ detail: 'm', source: { pointer: '' } }] })).param).toBeNull();
    expect((await read(200, { errors: [{ message: 'm', path: ['order', 0, 'amount'] }], data: null })).param).toBe('order.0.amount');
    expect((await read(200, { errors: [{ message: 'm', path: [] }], data: null })).param).toBeNull();
    expect((await read(400, { errors: [{ message: 'm', field: 'amount', path: ['x'] }] })).param).toBe('amount');
  });

  it('names the first invalid param of problem details', async () => {
    expect((await read(400, { title: 'Bad', 'invalid_params': [{ name: 'amount' }] })).param).toBe('amount');
    expect((await read(400, { title: 'Bad', param: 'amount' })).param).toBe('amount');
  });
});

describe('doc link', () => {
  const DOC = 'https://docs.example.com/errors/ledger-busy';
  it.each(['doc_url', 'docUrl', 'documentation_url', 'help_url', 'helpUrl', 'more_info', 'link'])('nested under error.%s, and flat', async (key) => {
    expect((await read(500, { error: { message: 'm', [key]: DOC } })).docUrl).toBe(DOC);
    expect((await read(500, { message: 'm', [key]: DOC })).docUrl).toBe(DOC);
  });
});

describe('request id', () => {
  it.each(['request_id', 'requestId', 'requestID', 'trace_id', 'traceId', 'correlation_id', 'correlationId'])('as %s in meta, the body or the error', async (key) => {
    expect((await read(500, { message: 'm', meta: { [key]: 'req_1' } })).requestId).toBe('req_1');
    expect((await read(500, { message: 'm', [key]: 'req_2' })).requestId).toBe('req_2');
    expect((await read(500, { error: { message: 'm', [key]: 'req_3' } })).requestId).toBe('req_3');
  });

  it('prefers meta, then the body, then the error; caps it at 200 characters', async () => {
    expect((await read(500, { request_id: 'body', meta: { request_id: 'meta' }, error: { message: 'm', request_id: 'error' } })).requestId).toBe('meta');
    expect((await read(500, { request_id: 'body', error: { message: 'm', request_id: 'error' } })).requestId).toBe('body');
    expect((await read(500, { message: 'm', request_id: 'r'.repeat(300) })).requestId).toHaveLength(200);
  });
});

describe('details (what the body says besides its envelope)', () => {
  const envelope = ['error', 'errors', 'message', 'msg', 'code', 'error_code', 'errorCode', 'statusCode', 'status', 'detail', 'title', 'type', 'instance', 'error_description', 'ok', 'success', 'meta', 'request_id', 'requestId', 'retry_after', 'retryAfter', 'retryAfterSeconds', 'retry_after_ms', 'retryAfterMs', 'timestamp', 'path', 'jsonrpc', 'id'];

  it.each(envelope)('does not repeat the envelope field %s as context', async (key) => {
    const error = await read(409, { message: 'Order already placed', orderId: 'o1', [key]: 'x' });
    expect(error.details).toEqual({ orderId: 'o1' });
  });

  it('keeps explicit details beside the echoed context', async () => {
    expect((await read(409, { message: 'm', details: { a: 1 } })).details).toEqual({ a: 1 });
    expect((await read(409, { message: 'm', orderId: 'o1', details: { a: 1 } })).details).toEqual({ orderId: 'o1', details: { a: 1 } });
    expect((await read(409, { message: 'm' })).details).toBeUndefined();
  });

  it('keeps at most 50 echoed fields', async () => {
    const echoed = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`f${i}`, i]));
    expect(Object.keys((await read(409, { message: 'm', ...echoed })).details as object)).toHaveLength(50);
  });

  it.each(['details', 'data', 'errors', 'metadata'])('reads nested error.%s', async (key) => {
    expect((await read(409, { error: { message: 'm', [key]: { balance: 3 } } })).details).toEqual({ balance: 3 });
  });

  it('keeps the other items of an errors array, up to 20, and data otherwise', async () => {
    const items = Array.from({ length: 25 }, (_, i) => ({ message: `e${i}` }));
    const error = await read(400, { errors: items });
    expect(error.message).toBe('e0');
    expect(error.details).toHaveLength(20);
    expect((await read(400, { errors: [{ message: 'e0' }], data: { partial: true } })).details).toEqual({ partial: true });
    expect((await read(400, { errors: [{ message: 'e0' }] })).details).toBeUndefined();
  });
});

describe('a status stated in the body (errors that arrive without a Response)', () => {
  it.each<[unknown, number | null]>([
    [{ statusCode: 404, message: 'm' }, 404],
    [{ status: 503, message: 'm' }, 503],
    [{ status: '429', message: 'm' }, 429],
    [{ status: 404.7, message: 'm' }, 404],
    [{ status: 100, message: 'm' }, 100],
    [{ status: 599, message: 'm' }, 599],
    [{ status: 99, message: 'm' }, null],
    [{ status: 600, message: 'm' }, null],
    [{ message: 'm' }, null],
  ])('%j → status %j', (body, status) => {
    expect(normalizeError(body).status).toBe(status);
  });
});

describe('body shapes', () => {
  it('reads a body that is a bare array of errors by its first item', async () => {
    expect(await read(400, [{ message: 'Amount too small', code: 'AMOUNT_MIN', field: 'amount' }, { message: 'other' }])).toMatchObject({ message: 'Amount too small', code: 'AMOUNT_MIN', param: 'amount' });
    expect((await read(400, [])).message).toBe('Request failed with status 400');
  });

  it('reads the title of an errors item when it has no message or detail', async () => {
    expect((await read(422, { errors: [{ title: 'Invalid amount' }] })).message).toBe('Invalid amount');
  });

  it('reads an empty errors array as a flat body', async () => {
    expect((await read(400, { errors: [], message: 'Amount too small' })).message).toBe('Amount too small');
  });

  it('reads problem details by type and instance, and takes an explicit code over the type', async () => {
    expect(await read(409, { type: 'https://docs.example.com/probs/busy', instance: '/orders/1', message: 'Busy' })).toMatchObject({ code: 'https://docs.example.com/probs/busy', docUrl: 'https://docs.example.com/probs/busy', message: 'Busy' });
    expect((await read(409, { type: 'https://docs.example.com/probs/busy', title: 'Busy', code: 'LEDGER_BUSY' })).code).toBe('LEDGER_BUSY');
  });

  it('does not take a bare type for problem details', async () => {
    expect(await read(409, { type: 'https://docs.example.com/probs/busy', message: 'Busy' })).toMatchObject({ code: null, docUrl: null, message: 'Busy' });
  });

  it('reads a body with an error and a title as a flat body, not as problem details', async () => {
    expect(await read(400, { error: 'INVALID_AMOUNT', title: 'Order rejected' })).toMatchObject({ code: 'INVALID_AMOUNT', message: 'Order rejected' });
  });

  it('reads a word like Forbidden in `error` as a message, not a code', async () => {
    expect(await read(403, { error: 'Forbidden' })).toMatchObject({ code: null, message: 'Forbidden' });
  });

  it('takes a blank flat code for no code', async () => {
    expect((await read(500, { code: '   ', message: 'm' })).code).toBeNull();
  });

  it('takes no code from a NaN that a broken SDK rejects with', () => {
    expect(normalizeError({ code: Number.NaN, message: 'x' }).code).toBeNull();
  });
});
