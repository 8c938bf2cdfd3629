import { describe, expect, it } from 'vitest';
import { toHeaderMap } from '../../src/core/headers.js';
import { requestIdFromHeaders } from '../../src/core/request-id.js';

const idOf = (headers: Record<string, string>) => requestIdFromHeaders(toHeaderMap(headers));

describe('requestIdFromHeaders', () => {
  it.each([
    ['x-request-id', 'common convention (Heroku, GitHub, many frameworks)'],
    ['request-id', 'Stripe, Azure'],
    ['x-correlation-id', 'enterprise gateways'],
    ['x-amzn-requestid', 'AWS API Gateway, Lambda'],
    ['x-amz-request-id', 'AWS S3'],
    ['x-trace-id', 'tracing proxies'],
    ['x-vercel-id', 'Vercel'],
    ['cf-ray', 'Cloudflare'],
  ])('reads %s (%s)', (name) => {
    expect(idOf({ [name]: 'id-123', 'x-unrelated': 'no' })).toBe('id-123');
  });

  it('prefers the API id over a proxy one, in list order', () => {
    expect(idOf({ 'cf-ray': 'ray', 'x-vercel-id': 'vercel', 'request-id': 'req' })).toBe('req');
    expect(idOf({ 'cf-ray': 'ray', 'x-amzn-requestid': 'aws' })).toBe('aws');
  });

  it('trims the value and skips a blank one', () => {
    expect(idOf({ 'x-request-id': '  abc  ' })).toBe('abc');
    expect(idOf({ 'x-request-id': '   ', 'cf-ray': 'ray' })).toBe('ray');
  });

  it('caps the id at 200 characters', () => {
    expect(idOf({ 'x-request-id': 'a'.repeat(300) })).toBe('a'.repeat(200));
  });

  it('gives null when there is no id', () => {
    expect(idOf({ 'content-type': 'text/plain' })).toBeNull();
  });
});
