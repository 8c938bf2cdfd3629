// @vitest-environment jsdom
import { expect, it } from 'vitest';
import { rateLimitKey } from '../../src/store/index.js';

// In a page, fetch('/api/…') goes to the page's own origin: a relative URL's failures share the
// window of that origin, as fetch resolves it (on a server, with no page, they share '*').

it('a relative URL in a page keys the window by the page’s origin', () => {
  expect(rateLimitKey({ api: null, request: { method: 'GET', url: '/api/quotes?x=1' } })).toBe(location.origin);
  expect(rateLimitKey({ api: null, request: { method: 'GET', url: '/api/quotes' } })).toBe(rateLimitKey({ api: null, request: { method: 'GET', url: `${location.origin}/other` } }));
});
