// The client below React, driven without React: a QueryClient, its observers, fake timers.
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, defineApi } from '../../src/core/index.js';
import { createApiErrorClient, type PageVisibility } from '../../src/store/index.js';
import { reportError } from '../../src/react/reportError.js';

/** What an SDK throws: no HTTP response, only its own code. */
class AcmeSdkError extends Error {
  constructor(readonly acmeCode: string) {
    super('acme says no');
  }
}

// An app's own API whose code ACME_SLOW means "rate limited" under a 400, with a documented 5 s wait.
const acme = defineApi({
  name: 'acme',
  hosts: ['api.acme.test'],
  readThrown: (thrown) => (thrown instanceof AcmeSdkError ? { body: { code: thrown.acmeCode, message: thrown.message }, status: 400, url: 'https://api.acme.test/v1/feed' } : null),
  codes: { ACME_SLOW: { kind: 'rate_limited', retry: true, defaultWaitMs: 5000 } },
});

const messages = { 'kind.rate_limited.description.stopped': 'Stopped.', 'reauth.replay': 'Signed in again.' };
const newQueryClient = () => new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });

/** A query on screen (an observer subscribed), as a component would hold it. */
function watch(queryClient: QueryClient, queryKey: string[], queryFn: () => Promise<unknown>) {
  const observer = new QueryObserver(queryClient, { queryKey, queryFn });
  return observer.subscribe(() => undefined);
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createApiErrorClient', () => {
  it("reads raw errors with the app's profiles: its own rate-limit code counts down and refetches when the window opens", async () => {
    const queryClient = newQueryClient();
    const client = createApiErrorClient({ queryClient, profiles: [acme], retry: { maxRetries: 0 }, messages });
    client.mount();
    let calls = 0;
    const stop = watch(queryClient, ['feed'], async () => {
      calls += 1;
      throw new AcmeSdkError('ACME_SLOW');
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(1);
    const [toast] = client.store.getState().toasts;
    expect(toast?.error).toMatchObject({ kind: 'rate_limited', api: 'acme', code: 'ACME_SLOW', retryAfterMs: 5000 });
    // A countdown to the window (not "stopped"): the query runs again when it opens.
    expect(toast).toMatchObject({ rateLimitKey: 'acme', durationMs: null, message: null });
    await vi.advanceTimersByTimeAsync(4999);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(2);
    stop();
    client.unmount();
  });

  it('says the countdown stopped when nothing will run the query again (no observer)', async () => {
    const queryClient = newQueryClient();
    const client = createApiErrorClient({ queryClient, profiles: [acme], retry: { maxRetries: 0 }, messages });
    client.mount();
    await queryClient.fetchQuery({ queryKey: ['once'], queryFn: () => Promise.reject(new AcmeSdkError('ACME_SLOW')) }).catch(() => undefined);
    expect(client.store.getState().toasts[0]).toMatchObject({ rateLimitKey: null, message: 'Stopped.' });
    client.unmount();
  });

  it('is mounted once however often mount() is called: one toast per failure, none once fully unmounted', async () => {
    const queryClient = newQueryClient();
    const client = createApiErrorClient({ queryClient, retry: { maxRetries: 0 } });
    const fail = (key: string) => queryClient.fetchQuery({ queryKey: [key], queryFn: () => Promise.reject(new ApiError({ kind: 'forbidden', status: 403, message: 'no' })) }).catch(() => undefined);
    // StrictMode's effects: mount, unmount, mount.
    client.mount();
    client.unmount();
    client.mount();
    client.mount();
    await fail('a');
    expect(client.store.getState().toasts.map((toast) => toast.count)).toEqual([1]);
    client.unmount();
    await fail('b');
    expect(client.store.getState().toasts.map((toast) => toast.count)).toEqual([2]);
    client.unmount();
    await fail('c');
    expect(client.store.getState().toasts.map((toast) => toast.count)).toEqual([2]);
  });

  it("installs its retry policies where the app set none, never over the app's own", () => {
    const plain = newQueryClient();
    const client = createApiErrorClient({ queryClient: plain });
    expect(plain.getDefaultOptions().queries?.retry).toBe(client.queryPolicy.retry);
    expect(plain.getDefaultOptions().mutations?.retry).toBe(client.mutationPolicy.retry);

    const own = () => false;
    const configured = new QueryClient({ defaultOptions: { queries: { retry: own } } });
    createApiErrorClient({ queryClient: configured });
    expect(configured.getDefaultOptions().queries?.retry).toBe(own);
  });

  it('hands the QueryClient to a new client once the earlier one is unmounted, not while it is only created', () => {
    const queryClient = newQueryClient();
    const first = createApiErrorClient({ queryClient });
    // A second creation (StrictMode renders twice) leaves the first client's policies in place.
    const twin = createApiErrorClient({ queryClient });
    expect(queryClient.getDefaultOptions().queries?.retry).toBe(first.queryPolicy.retry);
    first.mount();
    first.unmount();
    const next = createApiErrorClient({ queryClient });
    expect(queryClient.getDefaultOptions().queries?.retry).toBe(next.queryPolicy.retry);
    // Mounting settles it: the mounted client's policies are the defaults.
    twin.mount();
    expect(queryClient.getDefaultOptions().queries?.retry).toBe(twin.queryPolicy.retry);
    twin.unmount();
  });

  it('pauses the toasts while the injected page visibility says hidden, and stops listening on unmount', () => {
    let hidden = false;
    const listeners = new Set<() => void>();
    const visibility: PageVisibility = {
      isHidden: () => hidden,
      subscribe(onChange) {
        listeners.add(onChange);
        return () => listeners.delete(onChange);
      },
    };
    const client = createApiErrorClient({ queryClient: newQueryClient(), visibility });
    client.mount();
    expect(client.store.getState().pausedBy).toEqual([]);
    hidden = true;
    for (const listener of listeners) listener();
    expect(client.store.getState().pausedBy).toEqual(['hidden']);
    hidden = false;
    for (const listener of listeners) listener();
    expect(client.store.getState().pausedBy).toEqual([]);
    client.unmount();
    expect(listeners.size).toBe(0);
  });

  it('runs onReauth once for parallel calls, refetches the queries that failed with 401 and offers failed mutations a Retry', async () => {
    const queryClient = newQueryClient();
    let signIns = 0;
    let signedIn = false;
    const client = createApiErrorClient({
      queryClient,
      retry: { maxRetries: 0 },
      messages,
      onReauth: async () => {
        signIns += 1;
        await new Promise((resolve) => setTimeout(resolve, 100));
        signedIn = true;
      },
    });
    client.mount();
    const expired = () => new ApiError({ kind: 'unauthorized', status: 401, message: 'expired' });
    let calls = 0;
    const stop = watch(queryClient, ['me'], async () => {
      calls += 1;
      if (!signedIn) throw expired();
      return 'me';
    });
    const mutation = queryClient.getMutationCache().build(queryClient, { mutationFn: () => Promise.reject(expired()) });
    await mutation.execute(undefined).catch(() => undefined);
    await vi.advanceTimersByTimeAsync(0);
    // With onReauth, a 401 asks for sign-in instead of a toast.
    expect(client.store.getState().reauth.status).toBe('required');
    expect(client.store.getState().toasts).toHaveLength(0);

    const attempts = [client.reauthenticate(), client.reauthenticate(), client.reauthenticate()];
    expect(client.store.getState().reauth.status).toBe('refreshing');
    await vi.advanceTimersByTimeAsync(100);
    await Promise.all(attempts);
    expect(signIns).toBe(1);
    expect(client.store.getState().reauth.status).toBe('ok');
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(2);
    expect(queryClient.getQueryData(['me'])).toBe('me');
    expect(client.store.getState().toasts).toMatchObject([{ message: 'Signed in again.', error: { kind: 'unauthorized' } }]);
    stop();
    client.unmount();
  });

  it('is what reportError reaches while mounted, and only then', () => {
    const client = createApiErrorClient({ queryClient: newQueryClient() });
    const error = new ApiError({ kind: 'server', status: 500, message: 'boom' });
    reportError(error);
    expect(client.store.getState().toasts).toHaveLength(0);
    client.mount();
    expect(reportError(error)).toBe(error);
    expect(client.store.getState().toasts).toHaveLength(1);
    client.unmount();
    reportError(new ApiError({ kind: 'forbidden', status: 403, message: 'no' }));
    expect(client.store.getState().toasts).toHaveLength(1);
  });

  it('reads what reportError is given with the profiles too', () => {
    const client = createApiErrorClient({ queryClient: newQueryClient(), profiles: [acme] });
    client.mount();
    expect(reportError(new AcmeSdkError('ACME_SLOW'))).toMatchObject({ kind: 'rate_limited', api: 'acme' });
    expect(client.store.getState().rateLimits['acme']?.resetAt).toBe(Date.now() + 5000);
    client.unmount();
  });
});
