import { describe, expect, it } from 'vitest';
import { errorFromResponse, normalizeError, type ErrorKind } from '../../src/core/index.js';

// What a code means wherever it comes from, when the HTTP status does not say: a JSON-RPC node
// answers 200 with an error object, a GraphQL server 200 with an errors array, an SDK rejects
// with the bare body. Sources: JSON-RPC 2.0 §5.1, EIP-1193 and EIP-1474 provider errors, gRPC
// status codes, GraphQL (Apollo) error codes, OAuth 2.0 (RFC 6749 §5.2, RFC 6750 §3.1).

const jsonRpc = (code: number) =>
  errorFromResponse(new Response(JSON.stringify({ jsonrpc: '2.0', id: 1, error: { code, message: 'node said no' } }), { status: 200 }), {
    request: { method: 'POST', url: 'https://rpc.example.com/' },
  });

describe('JSON-RPC and EIP-1193 codes', () => {
  it.each<[number, ErrorKind]>([
    [-32700, 'validation'], // parse error
    [-32600, 'validation'], // invalid request
    [-32602, 'validation'], // invalid params
    [-32601, 'not_found'], // method not found
    [-32603, 'server'], // internal error
    [-32005, 'rate_limited'], // limit exceeded (EIP-1474)
    [-32004, 'validation'], // method not supported
    [-32002, 'unavailable'], // resource unavailable
    [4001, 'aborted'], // user rejected the request (EIP-1193)
    [4100, 'unauthorized'],
    [4200, 'validation'], // unsupported method
    [4900, 'network'], // disconnected
    [4901, 'network'], // chain disconnected
    [429, 'rate_limited'],
  ])('%i → %s', async (code, kind) => {
    const error = await jsonRpc(code);
    expect(error).toMatchObject({ kind, code: String(code), status: 200 });
  });

  it('leaves a code it does not know to the status', async () => {
    expect((await jsonRpc(-32099)).kind).toBe('unknown');
  });

  it('reads a rejected EIP-1193 error object the same way', () => {
    expect(normalizeError({ code: -32601, message: 'the method eth_foo does not exist' }).kind).toBe('not_found');
    expect(normalizeError({ code: -32002, message: 'resource unavailable' }).kind).toBe('unavailable');
  });
});

describe('named codes, in any case or separator style', () => {
  const graphQl = (code: string) =>
    errorFromResponse(new Response(JSON.stringify({ errors: [{ message: 'no', extensions: { code } }], data: null }), { status: 200 }), {
      request: { method: 'POST', url: 'https://api.example.com/graphql' },
    });

  it.each<[string, ErrorKind]>([
    ['UNAUTHORIZED', 'unauthorized'], ['UNAUTHENTICATED', 'unauthorized'], ['invalid_token', 'unauthorized'], ['TOKEN_EXPIRED', 'unauthorized'],
    ['ExpiredToken', 'unauthorized'], ['session-expired', 'unauthorized'], ['AUTHENTICATION_REQUIRED', 'unauthorized'], ['invalid_api_key', 'unauthorized'],
    ['FORBIDDEN', 'forbidden'], ['PERMISSION_DENIED', 'forbidden'], ['AccessDenied', 'forbidden'], ['insufficient_scope', 'forbidden'],
    ['NOT_FOUND', 'not_found'], ['ResourceNotFound', 'not_found'],
    ['BAD_REQUEST', 'validation'], ['invalid_request', 'validation'], ['ValidationError', 'validation'], ['INVALID_ARGUMENT', 'validation'],
    ['BAD_USER_INPUT', 'validation'], ['GRAPHQL_VALIDATION_FAILED', 'validation'], ['GRAPHQL_PARSE_FAILED', 'validation'], ['invalid_params', 'validation'], ['UNPROCESSABLE_ENTITY', 'validation'],
    ['CONFLICT', 'conflict'], ['ALREADY_EXISTS', 'conflict'], ['INSUFFICIENT_FUNDS', 'conflict'], ['insufficient_balance', 'conflict'],
    ['TooManyRequests', 'rate_limited'], ['RESOURCE_EXHAUSTED', 'rate_limited'], ['QuotaExceeded', 'rate_limited'],
    ['INTERNAL', 'server'], ['internal_error', 'server'], ['INTERNAL_SERVER_ERROR', 'server'], ['ServerError', 'server'],
    ['UNAVAILABLE', 'unavailable'], ['SERVICE_UNAVAILABLE', 'unavailable'],
    ['DEADLINE_EXCEEDED', 'timeout'], ['TIMEOUT', 'timeout'], ['GatewayTimeout', 'timeout'],
    ['PAYMENT_REQUIRED', 'payment_required'], ['GONE', 'gone'], ['PAYLOAD_TOO_LARGE', 'payload_too_large'], ['request_entity_too_large', 'payload_too_large'],
  ])('%s → %s', async (code, kind) => {
    expect(await graphQl(code)).toMatchObject({ kind, code });
  });

  it('leaves an API’s own code to the status', async () => {
    expect((await graphQl('LEDGER_BUSY')).kind).toBe('unknown');
  });

  it('lets an HTTP error status win over the code’s meaning', async () => {
    const error = await errorFromResponse(new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'm' } }), { status: 503 }), { request: { method: 'GET', url: 'https://api.example.com/x' } });
    expect(error.kind).toBe('unavailable');
  });
});

describe('the kind an HTTP status implies alone', async () => {
  const { kindFromStatus } = await import('../../src/core/index.js');
  it.each<[number | null, ErrorKind]>([
    [399, 'unknown'], [400, 'validation'], [418, 'validation'], [422, 'validation'], [499, 'validation'],
    [500, 'server'], [599, 'server'], [600, 'unknown'], [null, 'unknown'], [429, 'rate_limited'], [503, 'unavailable'],
  ])('%s is %s', (status, kind) => {
    expect(kindFromStatus(status)).toBe(kind);
  });
});
