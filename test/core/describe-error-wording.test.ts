// What a person reads about an error: which words win, which values fill them, what is never shown.
import { describe, expect, it } from 'vitest';
import { ApiError, defaultMessages, defineApi, describeError, errorFacts, formatMessage } from '../../src/core/index.js';

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);

describe('the default catalog', () => {
  it('has words for every entry (a blank title or label would show an empty toast or button)', () => {
    for (const [key, value] of Object.entries(defaultMessages)) expect(value.trim(), key).not.toBe('');
    // The UI's own labels exist under the keys the components read.
    for (const key of ['action.retry', 'action.dismiss', 'action.details', 'action.docs', 'action.copyRequestId', 'action.copied', 'toaster.label', 'toaster.count', 'toaster.overflow', 'toaster.countdown', 'details.code', 'details.status', 'details.requestId', 'details.api', 'reauth.failed', 'reauth.replay', 'boundary.retry', 'kind.rate_limited.description.stopped']) {
      expect(defaultMessages[key as keyof typeof defaultMessages], key).toBeTruthy();
    }
  });

  it('names each recovery with its own button', () => {
    const labels: Record<string, string> = { retry: 'Retry', reauthenticate: 'Sign in', requote: 'Get a new quote', pay: 'Pay', 'add-funds': 'Add funds', 'check-status': 'Check status', 'connect-wallet': 'Connect wallet', 'switch-network': 'Switch network', 'sign-again': 'Sign again' };
    for (const [recovery, label] of Object.entries(labels)) {
      const error = new ApiError({ kind: 'conflict', message: 'x', recovery: recovery as ApiError['recovery'] });
      expect(describeError(error).action, recovery).toEqual({ type: recovery, label });
    }
  });

  it('titles a wallet recovery by what to do, not by the kind', () => {
    const titleOf = (recovery: ApiError['recovery']) => describeError(new ApiError({ kind: 'forbidden', message: 'x', recovery })).title;
    expect(titleOf('connect-wallet')).toBe('Connect your wallet');
    expect(titleOf('switch-network')).toBe('Wrong network');
    expect(titleOf('sign-again')).toBe('Transaction expired');
    expect(titleOf('retry')).toBe('Not allowed');
    expect(titleOf(null)).toBe('Not allowed');
  });

  it('offers no button for a recovery it does not know, and labels a known one without words by its name', () => {
    const odd = new ApiError({ kind: 'conflict', message: 'x', recovery: 'teleport' as ApiError['recovery'] });
    expect(describeError(odd).action).toBeNull();
    const error = new ApiError({ kind: 'conflict', message: 'x', recovery: 'pay' });
    expect(describeError(error, { messages: { 'action.pay': 42 as unknown as string } }).action).toEqual({ type: 'pay', label: 'pay' });
  });
});

describe('formatMessage', () => {
  it('fills every placeholder, or gives null when one has no value', () => {
    expect(formatMessage('{a} and {b}', { a: 'x', b: 2 })).toBe('x and 2');
    expect(formatMessage('{a} and {b}', { a: 'x' })).toBeNull();
    expect(formatMessage('{a}', { a: '' })).toBeNull();
    expect(formatMessage('{a}', { a: null })).toBeNull();
    expect(formatMessage('{a}', { a: 0 })).toBe('0');
    expect(formatMessage('no placeholders', {})).toBe('no placeholders');
    // Only the values' own names: `{constructor}` is no placeholder with a value.
    expect(formatMessage('{constructor}', {})).toBeNull();
  });
});

describe('errorFacts', () => {
  it('keeps only well-typed fields of anything that looks like an error', () => {
    const facts = errorFacts({ kind: 'teleported', status: 42, code: 7, message: ['x'], retryable: 'yes', recovery: 5, retryAfterMs: Infinity, rateLimit: { resetAt: 'soon' }, docUrl: 'javascript:alert(1)' });
    expect(facts).toMatchObject({ kind: 'unknown', status: null, code: null, message: '', retryable: false, recovery: null, retryAfterMs: null, resetAt: null, docUrl: null });
    expect(errorFacts({ status: 600 }).status).toBeNull();
    expect(errorFacts({ status: 99 }).status).toBeNull();
    expect(errorFacts({ status: 100 }).status).toBe(100);
    expect(errorFacts({ status: 599 }).status).toBe(599);
    expect(errorFacts({ status: 404.5 }).status).toBeNull();
    expect(errorFacts({ kind: 'gone', retryable: true, rateLimit: { resetAt: NOW }, docUrl: 'https://docs.example/x', recovery: 'requote' })).toMatchObject({ kind: 'gone', retryable: true, resetAt: NOW, docUrl: 'https://docs.example/x', recovery: 'requote' });
  });

  it('caps every text it reads', () => {
    const long = 'x'.repeat(5000);
    const facts = errorFacts({ code: long, message: long, param: long, requestId: long, api: long, messageKey: long, recovery: long });
    expect(facts.code).toHaveLength(200);
    expect(facts.message).toHaveLength(2000);
    expect(facts.param).toHaveLength(200);
    expect(facts.requestId).toHaveLength(200);
    expect(facts.api).toHaveLength(200);
    expect(facts.messageKey).toHaveLength(300);
    expect(facts.recovery).toHaveLength(40);
  });

  it('never throws, even from a getter', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('no'); }, has: () => { throw new Error('no'); } });
    expect(errorFacts(hostile)).toMatchObject({ kind: 'unknown', message: '' });
    expect(describeError(hostile as ApiError).title).toBe('Something went wrong');
  });
});

describe('describeError', () => {
  it('takes the words from the rule, then the API code, then the status, then the kind', () => {
    const messages = { 'shop.RULE': 'By rule.', 'shop.OUT': 'By code.', 'shop.409': 'By status.' };
    const withAll = new ApiError({ kind: 'conflict', message: 'server says', api: 'shop', code: 'OUT', status: 409, messageKey: 'shop.RULE' });
    expect(describeError(withAll, { messages }).description).toBe('By rule.');
    const noRule = new ApiError({ kind: 'conflict', message: 'server says', api: 'shop', code: 'OUT', status: 409 });
    expect(describeError(noRule, { messages }).description).toBe('By code.');
    const noCode = new ApiError({ kind: 'conflict', message: 'server says', api: 'shop', status: 409 });
    expect(describeError(noCode, { messages }).description).toBe('By status.');
    const noApi = new ApiError({ kind: 'conflict', message: 'server says', code: 'OUT', status: 409 });
    expect(describeError(noApi, { messages }).description).toBe('server says');
    // No api: `undefined.OUT` is never looked up, even if a catalog has it.
    expect(describeError(noApi, { messages: { 'null.OUT': 'wrong', 'undefined.OUT': 'wrong', 'null.409': 'wrong' } }).description).toBe('server says');
  });

  it("reads a rule's own words from the profiles passed, the first rule (codes before statuses) winning", () => {
    const shop = defineApi({ name: 'shop', codes: { '409': { kind: 'conflict', message: 'From the code rule.' } }, statuses: { 409: { kind: 'conflict', message: 'From the status rule.' } } });
    const error = new ApiError({ kind: 'conflict', message: 'server says', api: 'shop', status: 409, messageKey: 'shop.409' });
    expect(describeError(error, { profiles: [shop] }).description).toBe('From the code rule.');
    expect(describeError(error).description).toBe('server says');
  });

  it('fills {seconds} from the wait, the reset time, or the countdown, never below 1', () => {
    const waiting = new ApiError({ kind: 'rate_limited', message: 'x', status: 429, retryAfterMs: 1500 });
    expect(describeError(waiting, { now: NOW }).description).toBe('Too many requests. Trying again in 2s.');
    expect(describeError(waiting, { now: NOW, secondsLeft: 0 }).description).toBe('Too many requests. Trying again in 1s.');
    expect(describeError(waiting, { now: NOW, secondsLeft: 7 }).description).toBe('Too many requests. Trying again in 7s.');
    const untilReset = new ApiError({ kind: 'rate_limited', message: 'x', status: 429, rateLimit: { limit: 10, remaining: 0, resetAt: NOW + 30_000 } as ApiError['rateLimit'] });
    expect(describeError(untilReset, { now: NOW }).description).toBe('Too many requests. Trying again in 30s.');
    expect(describeError(untilReset, { now: NOW + 29_999 }).description).toBe('Too many requests. Trying again in 1s.');
    const zero = new ApiError({ kind: 'rate_limited', message: 'x', status: 429, retryAfterMs: 0 });
    expect(describeError(zero, { now: NOW }).description).toBe('Too many requests. Trying again in 1s.');
  });

  it("never shows a server error's own text, nor a server-side kind's", () => {
    const messages = { 'kind.server.description': '{message}', 'kind.bad_gateway.description': '{message}', 'kind.conflict.description': '{message}' };
    expect(describeError(new ApiError({ kind: 'server', message: 'stack trace', status: 500 }), { messages }).description).toBe('Something went wrong. Please try again.');
    expect(describeError(new ApiError({ kind: 'conflict', message: 'stack trace', status: 500 }), { messages }).description).toBe('Something went wrong. Please try again.');
    expect(describeError(new ApiError({ kind: 'bad_gateway', message: 'upstream text' }), { messages }).description).toBe('Something went wrong. Please try again.');
    expect(describeError(new ApiError({ kind: 'conflict', message: 'Sold out.', status: 499 }), { messages }).description).toBe('Sold out.');
  });

  it('fills the fields and string or number details of the error, each capped', () => {
    const messages = { 'shop.OUT': '{code} {status} {param} {requestId} {left} {price}' };
    const error = new ApiError({ kind: 'conflict', message: 'x', api: 'shop', code: 'OUT', status: 409, param: 'qty', requestId: 'req_1', details: { left: 'y'.repeat(300), price: 3, nested: { a: 1 } } });
    expect(describeError(error, { messages }).description).toBe(`OUT 409 qty req_1 ${'y'.repeat(200)} 3`);
    expect(describeError(error, { messages: { 'shop.OUT': '{nested}' } }).description).toBe('x');
    // Only the first 30 keys of details are read.
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, i]));
    const wide = new ApiError({ kind: 'conflict', message: 'x', api: 'shop', code: 'OUT', details: many });
    expect(describeError(wide, { messages: { 'shop.OUT': '{k29}' } }).description).toBe('29');
    expect(describeError(wide, { messages: { 'shop.OUT': '{k30}' } }).description).toBe('x');
  });

  it('falls back to the generic title and text when the catalog has none for the kind', () => {
    const error = new ApiError({ kind: 'conflict', message: '' });
    expect(describeError(error, { messages: { 'kind.conflict.title': undefined as unknown as string } }).title).toBe('Something went wrong');
    expect(describeError(error).description).toBe('Something went wrong. Please try again.');
  });
});
