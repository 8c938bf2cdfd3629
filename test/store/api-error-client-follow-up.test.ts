// What the client does after a failure: retry delays that follow the windows, which queries run
// again when a window opens or the user signs in, and what a failed mutation shows.
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, createRetryPolicy } from '../../src/core/index.js';
import { createApiErrorClient } from '../../src/store/index.js';

const messages = { 'kind.rate_limited.description.stopped': 'Stopped.', 'reauth.replay': 'Signed in again.' };
const newQueryClient = () => new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });
const rateLimited = (api: string, retryAfterMs: number | null) => new ApiError({ kind: 'rate_limited', status: 429, message: 'slow down', retryable: true, retryAfterMs, api });

/** A query on screen (an observer subscribed), counting its calls. */
function watch(queryClient: QueryClient, key: string, fail: (calls: number) => unknown) {
  const counter = { calls: 0 };
  const observer = new QueryObserver(queryClient, {
    queryKey: [key],
    queryFn: async () => {
      counter.calls += 1;
      const error = fail(counter.calls);
      if (error) throw error;
      return key;
    },
  });
  const stop = observer.subscribe(() => undefined);
  return Object.assign(counter, { stop });
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the retry delays of the client', () => {
  const T = 1_000_000;

  it('never retries inside a window that another failure closed for longer, and keeps a longer wait of its own', () => {
    const client = createApiErrorClient({ queryClient: newQueryClient(), now: () => T, retry: { random: () => 0 } });
    client.report(rateLimited('shop', 2000));
    // The window closes for 2 s; a failure asking for 5 s waits 5 s, one asking for 1 s waits for the window.
    expect(client.queryPolicy.retryDelay(0, rateLimited('shop', 5000))).toBe(5000);
    expect(client.queryPolicy.retryDelay(0, rateLimited('shop', 1000))).toBe(2000);
    // Another API's window does not hold this one.
    expect(client.queryPolicy.retryDelay(0, rateLimited('other', 1000))).toBe(1000);
    // A failure with its own wait closes no blind window in the delay: reporting it closes the right one.
    expect(client.store.getState().rateLimits['other']).toBeUndefined();
  });

  it('closes a blind window for a refusal with no wait, and retries exactly when it opens', () => {
    const client = createApiErrorClient({ queryClient: newQueryClient(), now: () => T, retry: { random: () => 0 } });
    // A third failure: the policy alone would back off for 4 s; the window (the first for this API) opens sooner.
    const delay = client.queryPolicy.retryDelay(2, rateLimited('shop', null));
    const window = client.store.getState().rateLimits['shop'];
    expect(window?.resetAt).toBeGreaterThan(T);
    expect(delay).toBe(window!.resetAt - T);
    expect(delay).toBeLessThan(createRetryPolicy({ random: () => 0 }).retryDelay(2, rateLimited('shop', null)));
  });

  it('closes no window for a failure that is no refusal, or that will not be retried', () => {
    const client = createApiErrorClient({ queryClient: newQueryClient(), now: () => T, retry: { random: () => 0 } });
    client.queryPolicy.retryDelay(0, new ApiError({ kind: 'server', status: 500, message: 'boom', retryable: true, api: 'shop' }));
    expect(client.store.getState().rateLimits).toEqual({});
    const never = createApiErrorClient({ queryClient: newQueryClient(), now: () => T, retry: { maxRetries: 0, random: () => 0 } });
    never.queryPolicy.retryDelay(0, rateLimited('shop', null));
    expect(never.store.getState().rateLimits).toEqual({});
  });

  it("installs the query policy where only the mutations have the app's own retry", () => {
    const own = () => false;
    const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: own } } });
    const client = createApiErrorClient({ queryClient });
    expect(queryClient.getDefaultOptions().queries?.retry).toBe(client.queryPolicy.retry);
    expect(queryClient.getDefaultOptions().mutations?.retry).toBe(own);
    const queriesOwn = new QueryClient({ defaultOptions: { queries: { retry: own } } });
    const other = createApiErrorClient({ queryClient: queriesOwn });
    expect(queriesOwn.getDefaultOptions().queries?.retry).toBe(own);
    expect(queriesOwn.getDefaultOptions().mutations?.retry).toBe(other.mutationPolicy.retry);
  });
});

describe('queries that run again', () => {
  it("refetches, when a window opens, only the queries on screen that gave up on that window's wait", async () => {
    const queryClient = newQueryClient();
    const client = createApiErrorClient({ queryClient, retry: { maxRetries: 0 } });
    client.mount();
    const alpha = watch(queryClient, 'alpha', (n) => n === 1 && rateLimited('alpha', 1000));
    const beta = watch(queryClient, 'beta', (n) => n === 1 && rateLimited('beta', 3000));
    // A server error that names a wait is no rate limit: no window of its API brings it back.
    const broken = watch(queryClient, 'broken', () => new ApiError({ kind: 'server', status: 500, message: 'boom', api: 'alpha', retryable: true, retryAfterMs: 500 }));
    await vi.advanceTimersByTimeAsync(0);
    expect([alpha.calls, beta.calls, broken.calls]).toEqual([1, 1, 1]);
    await vi.advanceTimersByTimeAsync(1000);
    expect([alpha.calls, beta.calls, broken.calls]).toEqual([2, 1, 1]);
    await vi.advanceTimersByTimeAsync(2000);
    expect([alpha.calls, beta.calls, broken.calls]).toEqual([2, 2, 1]);
    for (const query of [alpha, beta, broken]) query.stop();
    client.unmount();
  });

  it('shows no toast while a 503 is still being retried, but closes its window', async () => {
    const queryClient = newQueryClient();
    const client = createApiErrorClient({ queryClient, retry: { maxRetries: 2, random: () => 0 } });
    client.mount();
    const busy = watch(queryClient, 'busy', () => new ApiError({ kind: 'unavailable', status: 503, message: 'busy', retryable: true, retryAfterMs: 1000, api: 'shop' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(busy.calls).toBe(1);
    expect(client.store.getState().toasts).toHaveLength(0);
    expect(client.store.getState().rateLimits['shop']).toBeDefined();
    busy.stop();
    client.unmount();
  });

  it('after signing in, runs again only the queries on screen that failed with 401, and offers only 401 mutations a Retry', async () => {
    const queryClient = newQueryClient();
    let signedIn = false;
    const client = createApiErrorClient({ queryClient, retry: { maxRetries: 0 }, messages, onReauth: () => { signedIn = true; } });
    client.mount();
    const expired = () => new ApiError({ kind: 'unauthorized', status: 401, message: 'expired' });
    const me = watch(queryClient, 'me', () => !signedIn && expired());
    const admin = watch(queryClient, 'admin', () => new ApiError({ kind: 'forbidden', status: 403, message: 'no' }));
    let hiddenCalls = 0;
    await queryClient.fetchQuery({ queryKey: ['hidden'], queryFn: () => ((hiddenCalls += 1), Promise.reject(expired())) }).catch(() => undefined);
    let replays = 0;
    const unauthorized = queryClient.getMutationCache().build(queryClient, { mutationFn: () => ((replays += 1), signedIn ? Promise.resolve('ok') : Promise.reject(expired())) });
    const forbidden = queryClient.getMutationCache().build(queryClient, { mutationFn: () => Promise.reject(new ApiError({ kind: 'forbidden', status: 403, message: 'no', code: 'mutation' })) });
    const fine = queryClient.getMutationCache().build(queryClient, { mutationFn: () => Promise.resolve('ok') });
    await unauthorized.execute(undefined).catch(() => undefined);
    await forbidden.execute(undefined).catch(() => undefined);
    await fine.execute(undefined);
    await vi.advanceTimersByTimeAsync(0);
    const before = client.store.getState().toasts.length;

    await client.reauthenticate();
    await vi.advanceTimersByTimeAsync(0);
    expect([me.calls, admin.calls, hiddenCalls]).toEqual([2, 1, 1]);
    const replay = client.store.getState().toasts.filter((toast) => toast.message === 'Signed in again.');
    expect(replay).toHaveLength(1);
    expect(client.store.getState().toasts).toHaveLength(before + 1);
    // Its Retry sends the mutation again, with its variables.
    await replay[0]!.retry?.();
    expect(replays).toBe(2);
    me.stop();
    admin.stop();
    client.unmount();
  });
});

describe('queries that hand their errors to an error boundary', () => {
  it('show no toast when throwOnError says so, as a flag or a function; a throwOnError that throws counts as no', async () => {
    const queryClient = newQueryClient();
    const client = createApiErrorClient({ queryClient, retry: { maxRetries: 0 } });
    client.mount();
    const fail = (key: string, throwOnError: unknown) =>
      queryClient.fetchQuery({ queryKey: [key], queryFn: () => Promise.reject(new ApiError({ kind: 'forbidden', status: 403, message: key, code: key })), ...({ throwOnError } as object) }).catch(() => undefined);
    await fail('flag', true);
    await fail('yes', () => true);
    await fail('no', () => 0);
    await fail('broken', () => {
      throw new Error('bug');
    });
    await fail('plain', undefined);
    expect(client.store.getState().toasts.map((toast) => toast.error.code).sort()).toEqual(['broken', 'no', 'plain']);
    client.unmount();
  });
});

describe('failed mutations', () => {
  it('shows a toast for each call that failed, and its Retry calls the mutation again', async () => {
    const queryClient = newQueryClient();
    const client = createApiErrorClient({ queryClient, retry: { maxRetries: 0 } });
    client.mount();
    let calls = 0;
    const mutation = queryClient.getMutationCache().build(queryClient, { mutationFn: () => ((calls += 1), Promise.reject(new ApiError({ kind: 'server', status: 500, message: 'boom' }))) });
    await mutation.execute(undefined).catch(() => undefined);
    expect(client.store.getState().toasts.map((toast) => toast.count)).toEqual([1]);
    await mutation.execute(undefined).catch(() => undefined);
    expect(client.store.getState().toasts.map((toast) => toast.count)).toEqual([2]);
    await client.store.getState().toasts[0]!.retry?.();
    expect(calls).toBe(3);
    client.unmount();
  });

  it('counts the retries of one call as one incident', async () => {
    const queryClient = newQueryClient();
    const client = createApiErrorClient({ queryClient, retry: { maxRetries: 2, random: () => 0 } });
    client.mount();
    const mutation = queryClient.getMutationCache().build(queryClient, { mutationFn: () => Promise.reject(rateLimited('shop', 1000)) });
    const done = mutation.execute(undefined).catch(() => undefined);
    await vi.advanceTimersByTimeAsync(5000);
    await done;
    expect(client.store.getState().toasts.map((toast) => toast.count)).toEqual([1]);
    client.unmount();
  });

  it('says a rate-limited mutation stopped: nothing sends it again by itself', async () => {
    const queryClient = newQueryClient();
    const client = createApiErrorClient({ queryClient, retry: { maxRetries: 0 }, messages });
    client.mount();
    const mutation = queryClient.getMutationCache().build(queryClient, { mutationFn: () => Promise.reject(rateLimited('shop', 5000)) });
    await mutation.execute(undefined).catch(() => undefined);
    expect(client.store.getState().toasts[0]).toMatchObject({ message: 'Stopped.' });
    client.unmount();
  });

  it('uses the callbacks and words set after creation', async () => {
    const queryClient = newQueryClient();
    const client = createApiErrorClient({ queryClient, retry: { maxRetries: 0 }, messages });
    const later = { messages: { 'kind.rate_limited.description.stopped': 'Later.' } };
    client.setCallbacks(later);
    expect(client.callbacks()).toBe(later);
    client.mount();
    const mutation = queryClient.getMutationCache().build(queryClient, { mutationFn: () => Promise.reject(rateLimited('shop', 5000)) });
    await mutation.execute(undefined).catch(() => undefined);
    expect(client.store.getState().toasts[0]).toMatchObject({ message: 'Later.' });
    client.unmount();
  });
});

it("closes an API's window from a successful response's headers before any 429", () => {
  const T = 1_000_000;
  const client = createApiErrorClient({ queryClient: newQueryClient(), now: () => T });
  client.observeResponse(new Response('{}', { headers: { 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '30' } }), 'shop');
  expect(client.store.getState().rateLimits['shop']).toMatchObject({ resetAt: T + 30_000 });
});
