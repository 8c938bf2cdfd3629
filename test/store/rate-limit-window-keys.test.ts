import { describe, expect, it } from 'vitest';
import { rateLimitKey } from '../../src/store/index.js';

// Which rate-limit window a failure closes: the key an error carries names it (the API's name or
// the request's origin, chosen when the error was read); an empty key names nothing.

describe('rateLimitKey of a source with its own key', () => {
  it('uses the key the error carries, before its API name', () => {
    expect(rateLimitKey({ api: 'pumpfun', request: null, rateLimitKey: 'https://frontend-api-v3.pump.fun' })).toBe('https://frontend-api-v3.pump.fun');
  });

  it('an empty own key names nothing: the API name, else the origin, is the window', () => {
    expect(rateLimitKey({ api: 'pumpfun', request: null, rateLimitKey: '' })).toBe('pumpfun');
    expect(rateLimitKey({ api: null, request: { method: 'GET', url: 'https://api.example.com/v1/x' }, rateLimitKey: '' })).toBe('https://api.example.com');
  });

  it('an own key of null (a look-alike body) ignores the API name and keys by origin', () => {
    expect(rateLimitKey({ api: 'pumpfun', request: { method: 'GET', url: 'https://api.example.com/v1/x' }, rateLimitKey: null })).toBe('https://api.example.com');
  });
});
