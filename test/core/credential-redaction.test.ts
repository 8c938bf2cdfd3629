// Credentials never reach a message or a log: the token shapes servers echo, the caller's own
// secrets, and credentials in URLs. What is no credential (ids, UUIDs, words) stays readable.
import { describe, expect, it } from 'vitest';
import { ApiError, httpUrl, normalizeError } from '../../src/core/index.js';

/** The message faultline keeps for a thrown Error with this text. */
const kept = (text: string, secrets?: string[]) => normalizeError(new Error(text), secrets ? { secrets } : undefined).message;
/** The request URL toJSON gives to a log. */
const logged = (url: string) => (new ApiError({ kind: 'server', message: 'x', request: { method: 'GET', url } }).toJSON().request as { url: string }).url;

describe('token shapes in messages', () => {
  it.each([
    ['a bearer token', 'invalid Bearer abcdefgh123', 'invalid Bearer [redacted]'],
    ['a basic credential', 'bad basic dXNlcjpwYXNzd29yZA==', 'bad basic [redacted]'],
    ['a token keyword', 'token abc.def_ghi~jk', 'token [redacted]'],
    ['a Stripe secret key', 'key sk_live_abcdefgh1 rejected', 'key [redacted] rejected'],
    ['a Stripe publishable test key', 'pk_test_ABCDEFGH2', '[redacted]'],
    ['a restricted key', 'rk_live_12345678', '[redacted]'],
    ['a query credential', 'GET /a?api_key=s3cr3t&page=2', 'GET /a?api_key=redacted&page=2'],
    ['an access_token', 'see access-token=abc#frag', 'see access-token=redacted#frag'],
    ['a client secret', 'client_secret=xyz other', 'client_secret=redacted other'],
    ['a JWT', 'jwt eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl ok', 'jwt [redacted] ok'],
    ['a JWT after a dot', 'x.eyJhbGciOi.eyJzdWIiOi.c2ln', 'x.[redacted]'],
    ['an RPC key in a path', 'POST https://eth.example/v2/Ab3dEfGh1jKlMnOpQr5tUvWxYz012345 failed', 'POST https://eth.example/v2/[redacted] failed'],
    ['an RPC key before a query', 'https://x.example/Ab3dEfGh1jKlMnOpQr5tUvWxYz012345?x=1', 'https://x.example/[redacted]?x=1'],
  ])('redacts %s', (_name, text, expected) => {
    expect(kept(text)).toBe(expected);
  });

  it.each([
    ['a short bearer value', 'Bearer abc'],
    ['a JWT-like word inside a word', 'xeyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl'],
    ['a JWT with a short segment', 'eyJhbGciOi.eyJ.c2lnbmF0dXJl'],
    ['a JWT with a missing third dot', 'eyJhbGciOi eyJzdWIiOi'],
    ['eyJ alone', 'eyJab.cd'],
    ['a UUID in a path', '/orders/123e4567-e89b-12d3-a456-426614174000/items'],
    ['a long path segment of letters only', '/docs/abcdefghijklmnopqrstuvwxyzabcdefgh'],
    ['a long path segment of digits only', '/blocks/123456789012345678901234567890123'],
    ['a short mixed id', '/coins/abc123'],
    ['a key= inside a word', 'monkey=banana'],
    ['a Stripe-like word with a short tail', 'sk_live_abc'],
  ])('keeps %s', (_name, text) => {
    expect(kept(text)).toBe(text);
  });

  it('redacts several JWTs in one run and keeps what lies between', () => {
    expect(kept('a eyJaaaa.bbbbb.ccccc.eyJdddd.eeeee.fffff z')).toBe('a [redacted].[redacted] z');
    expect(kept('eyJ.eyJ.eyJaaaa.bbbbb.ccc')).toBe('eyJ.eyJ.[redacted]');
  });

  it("redacts the caller's own secrets of 4 characters or more, wherever they appear", () => {
    expect(kept('user hunter2 failed; hunter2 again', ['hunter2'])).toBe('user [redacted] failed; [redacted] again');
    expect(kept('pin abc kept', ['abc'])).toBe('pin abc kept');
    expect(kept('pin abcd gone', ['abcd'])).toBe('pin [redacted] gone');
  });
});

describe('token shapes at their edges', () => {
  const cut = (text: string) => new ApiError({ kind: 'server', message: 'x', details: { text } }).toJSON().details as { text: string };

  it('cuts a scheme token after any run of spaces', () => {
    expect(cut('Authorization failed: Bearer   abcdefgh1234').text).toBe('Authorization failed: Bearer   [redacted]');
  });

  it('takes a JWT from 4 characters per segment, not 3', () => {
    expect(cut('jwt eyJabcd.wxyz.s here').text).toBe('jwt [redacted] here');
    expect(cut('jwt eyJabc.wxyz.s here').text).toBe('jwt eyJabc.wxyz.s here');
    expect(cut('jwt eyJabcd.wxy.s here').text).toBe('jwt eyJabcd.wxy.s here');
    // A failed candidate does not hide a real token later in the same run.
    expect(cut('eyJab.eyJhbGci.eyJzdWIi.sig9 end').text).toBe('eyJab.[redacted] end');
  });

  it("ignores a caller's secret shorter than 4 characters (it would shred every word that holds it)", () => {
    expect(kept('a cab on the slab', ['ab'])).toBe('a cab on the slab');
    expect(kept('pin 4821 rejected', ['4821'])).toBe('pin [redacted] rejected');
  });
});

describe('URLs in logs', () => {
  it('keeps a URL with nothing to mask exactly as given, not as the URL parser would rewrite it', () => {
    expect(logged('HTTPS://Api.Example.com/a%20b/../c?q=1#Top')).toBe('HTTPS://Api.Example.com/a%20b/../c?q=1#Top');
    expect(logged('relative/path?page=1')).toBe('relative/path?page=1');
  });

  it('masks a user name alone, and a credential parameter however its name is escaped', () => {
    expect(logged('https://ada@api.example/a')).toBe('https://api.example/a');
    expect(logged('https://:hunter2@api.example/a')).toBe('https://api.example/a');
    expect(logged('https://api.example/a?api%5Fkey=abc123&page=2')).toBe('https://api.example/a?api_key=redacted&page=2');
  });

  it('masks user-info and credential parameters, and keeps the rest', () => {
    expect(logged('https://user:pass@api.example/a?page=2')).toBe('https://api.example/a?page=2');
    expect(logged('https://api.example/a?token=abc&page=2&Signature=xyz')).toBe('https://api.example/a?token=redacted&page=2&Signature=redacted');
    expect(logged('https://api.example/a?page=2')).toBe('https://api.example/a?page=2');
    expect(logged('/relative/path?sig=abc#top')).toBe('/relative/path?sig=redacted#top');
    expect(logged('/relative/path?page=1')).toBe('/relative/path?page=1');
  });

  it('keeps a URL it cannot parse, with token shapes still cut out', () => {
    expect(logged('http://[bad host/a Bearer abcdefgh123')).toBe('http://[bad host/a Bearer [redacted]');
  });

  it('passes only http(s) links', () => {
    expect(httpUrl('https://docs.example/a b')).toBe('https://docs.example/a%20b');
    expect(httpUrl('  http://docs.example/  ')).toBe('http://docs.example/');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'ftp://x.example/', '/relative', 'not a url', 42, null, `https://x.example/${'a'.repeat(2048)}`]) {
      expect(httpUrl(bad), String(bad).slice(0, 30)).toBeNull();
    }
    expect(httpUrl(`https://x.example/${'a'.repeat(2000)}`)).not.toBeNull();
  });
});

describe('credential request headers', async () => {
  const { credentialSecrets } = await import('../../src/core/credential-headers.js');

  it('takes the value of every credential header, a vendor-prefixed one too, and the token after a scheme', () => {
    expect(credentialSecrets({ Authorization: ' Bearer tok_12345 ', 'x-goog-api-key': 'AIzaKey123', 'X-Client-Auth-Token': 'tkn9', Cookie: 'sid=abc' })).toEqual(['Bearer tok_12345', 'tok_12345', 'AIzaKey123', 'tkn9', 'sid=abc']);
  });

  it('leaves other headers alone, and finds no one token in a value of three words', () => {
    expect(credentialSecrets({ 'x-cookie-consent': 'yes', accept: 'application/json', 'x-authorization-mode': 'strict' })).toEqual([]);
    expect(credentialSecrets({ authorization: 'Digest realm abcdef' })).toEqual(['Digest realm abcdef']);
    expect(credentialSecrets({ authorization: 'Basic abc' })).toEqual(['Basic abc']);
    // Supabase sends its key as `apikey`; a scheme may be followed by more than one space.
    expect(credentialSecrets({ apikey: 'sb_key_123', authorization: 'Bearer  tok_5678' })).toEqual(['sb_key_123', 'Bearer  tok_5678', 'tok_5678']);
  });
});
