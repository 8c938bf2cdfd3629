import type { Mutation, Query, QueryClient } from '@tanstack/react-query';
import { createRetryPolicy, normalizeError, type ApiError, type ApiProfile, type Messages, type Recovery, type RetryOptions, type RetryPolicy } from '../core/index.js';
import { isRefusal } from '../core/refusal.js';
import { createApiErrorStore, delayUntil, nextDeadline, rateLimitWindow, type ApiErrorStore, type ApiErrorStoreOptions } from './api-error-store.js';
import { addMountedClient } from './mounted-clients.js';
import { documentVisibility, type PageVisibility } from './page-visibility.js';
import { noteRateLimitHeaders, waitForRateLimitWindow } from './rate-limit-gate.js';
import { rateLimitKey } from './rate-limit-key.js';
import { report, type ReportOptions } from './report.js';

export interface ApiErrorClientOptions extends ApiErrorStoreOptions {
  queryClient: QueryClient;
  /** Profiles of the app's own APIs: every raw error is read with them, once. */
  profiles?: readonly ApiProfile[];
  /** Options of the retry policies installed for queries and mutations. */
  retry?: RetryOptions;
  /** Signs the user in again; on success the queries that failed with 401 run again. */
  onReauth?: () => unknown;
  /** Recoveries only the app can do (a new quote, a payment…). */
  onAction?: (action: Recovery, error: ApiError) => void;
  /** The catalog the client's own toasts read ('reauth.replay', the stopped countdown); merged by the caller. */
  messages?: Partial<Messages>;
  /** Use this store instead of a new one. */
  store?: ApiErrorStore;
  /** The clock. Default `Date.now`. */
  now?: () => number;
  /** Whether the page is hidden (the toasts' clocks pause then). Default: the document's. */
  visibility?: PageVisibility;
}

/** What may change after creation (a provider's props on a later render). */
export type ApiErrorClientCallbacks = Pick<ApiErrorClientOptions, 'onReauth' | 'onAction' | 'messages'>;

/**
 * faultline below React, as `QueryClient` sits below `QueryClientProvider`: the store, the retry
 * policies, the subscriptions to React Query's caches, re-authentication with its replay, the one
 * timer, the page-visibility pause, and the way in for `reportError`.
 */
export interface ApiErrorClient {
  store: ApiErrorStore;
  queryClient: QueryClient;
  profiles: readonly ApiProfile[];
  queryPolicy: RetryPolicy;
  mutationPolicy: RetryPolicy;
  now: () => number;
  /** Any thrown value as an ApiError, read with the app's profiles. */
  normalize: (raw: unknown) => ApiError;
  /** Puts one failure through the rules (windows, re-auth, toasts); returns it normalized. */
  report: (raw: unknown, options?: Omit<ReportOptions, 'now' | 'reauth'>) => ApiError;
  /** A successful response's rate-limit headers: `X-RateLimit-Remaining: 0` closes the window before a 429. */
  observeResponse: (response: Response, api?: string) => void;
  /** Runs `onReauth` once, however often it is called while it runs. */
  reauthenticate: () => Promise<void>;
  /** Resolves once the rate-limit window for `key` is open again (at once when it is not closed). */
  waitForWindow: (key: string, signal?: AbortSignal) => Promise<void>;
  /** The callbacks and catalog in use now. */
  callbacks: () => ApiErrorClientCallbacks;
  /** Replaces the callbacks and catalog (a provider's props on a later render). */
  setCallbacks: (callbacks: ApiErrorClientCallbacks) => void;
  /** Starts listening (caches, timer, visibility, `reportError`). Counted: each mount needs its unmount. */
  mount: () => void;
  unmount: () => void;
}

/** The retry functions faultline installed, and those of clients unmounted since: a later client may replace them, never the app's own. */
const installed = new WeakSet<object>();
const retired = new WeakSet<object>();

/**
 * Sets the policies as the QueryClient's defaults where the app set none, or where `replaceable`
 * faultline policies are. At creation, not in an effect: children start their queries before
 * effects run. A creation replaces only a retired client's policies (StrictMode creates a client
 * twice and keeps one; the first stays until a mount settles it), a mount any earlier client's.
 */
function install(queryClient: QueryClient, policies: readonly [RetryPolicy, RetryPolicy], replaceable: WeakSet<object>): void {
  const [queryPolicy, mutationPolicy] = policies;
  const defaults = queryClient.getDefaultOptions();
  const free = (retry: unknown) => retry === undefined || (typeof retry === 'function' && replaceable.has(retry));
  const queries = free(defaults.queries?.retry) ? { ...defaults.queries, ...queryPolicy } : defaults.queries;
  const mutations = free(defaults.mutations?.retry) ? { ...defaults.mutations, ...mutationPolicy } : defaults.mutations;
  if (queries?.retry === defaults.queries?.retry && mutations?.retry === defaults.mutations?.retry) return;
  installed.add(queryPolicy.retry).add(mutationPolicy.retry);
  queryClient.setDefaultOptions({ ...defaults, queries, mutations });
}

/** Whether a query hands its errors to an error boundary (`throwOnError`, suspense): then no toast. */
function throwsToBoundary(query: Query, error: unknown): boolean {
  const option = (query.options as { throwOnError?: unknown }).throwOnError;
  if (typeof option === 'function') {
    try {
      return Boolean((option as (e: unknown, q: Query) => unknown)(error, query));
    } catch {
      return false;
    }
  }
  return option === true;
}

type Meta = Record<string, unknown> | undefined;

/** A rate limit whose wait the server gave: a query that gave up on it is refetched once its window opens. */
function waitsForRefetch(error: ApiError): boolean {
  return error.kind === 'rate_limited' && error.retryAfterMs !== null;
}

/** Creates the client; `mount()` it to start listening. One per app (per provider), never shared. */
export function createApiErrorClient(options: ApiErrorClientOptions): ApiErrorClient {
  const { queryClient, retry, maxVisible, maxQueued, durations } = options;
  const profiles = options.profiles ?? [];
  const now = options.now ?? Date.now;
  const visibility = options.visibility ?? documentVisibility;
  const store = options.store ?? createApiErrorStore({ maxVisible, maxQueued, durations, random: options.random ?? retry?.random });
  let callbacks: ApiErrorClientCallbacks = { onReauth: options.onReauth, onAction: options.onAction, messages: options.messages };
  const normalize = (raw: unknown) => normalizeError(raw, { profiles });

  /**
   * A retry policy whose delays follow the store's windows. React Query asks for the delay before it
   * reports the failure, so a refusal closes its window here first; the retry then goes exactly when
   * the window opens (a blind wait), or at the server's wait plus jitter, never inside it.
   */
  const followWindows = (policy: RetryPolicy): RetryPolicy => ({
    retry: policy.retry,
    retryDelay(failureCount, raw) {
      const delay = policy.retryDelay(failureCount, raw);
      const error = normalize(raw);
      if (!isRefusal(error) || !policy.retry(failureCount, raw)) return delay;
      const at = now();
      const key = rateLimitKey(error);
      if (error.retryAfterMs === null) store.getState().openBlindRateLimit(key, at);
      const resetAt = rateLimitWindow(store.getState().rateLimits, key)?.resetAt ?? at;
      if (resetAt <= at) return delay;
      return error.retryAfterMs === null ? resetAt - at : Math.max(delay, resetAt - at);
    },
  });
  // Raw errors from the app's own queryFns (an SDK's, thrown as it is) are read with the app's profiles.
  const queryPolicy = followWindows(createRetryPolicy({ profiles, ...retry }));
  const mutationPolicy = followWindows(createRetryPolicy({ profiles, ...retry, mutation: true }));
  const policies = [queryPolicy, mutationPolicy] as const;
  install(queryClient, policies, retired);

  const reportNormalized = (error: ApiError, reportOptions: Omit<ReportOptions, 'now' | 'reauth'> = {}) => {
    report(store, error, { ...reportOptions, now: now(), reauth: callbacks.onReauth !== undefined });
    return error;
  };

  /**
   * Runs again the queries on screen that failed with a matching error. query.fetch, not
   * refetchQueries: that one skips a disabled query, and one run by hand must run again too.
   */
  const refetchFailed = (matches: (error: ApiError) => boolean) => {
    for (const query of queryClient.getQueryCache().getAll()) {
      const { status, fetchStatus, error } = query.state;
      if (status !== 'error' || fetchStatus !== 'idle' || error == null || query.getObserversCount() === 0) continue;
      if (matches(normalize(error))) void query.fetch().catch(() => undefined);
    }
  };

  let inflight: Promise<void> | null = null;
  const reauthenticate = () => {
    if (inflight) return inflight;
    const run = callbacks.onReauth;
    if (!run) return Promise.resolve();
    const state = store.getState();
    state.setReauth('refreshing', state.reauth.error);
    inflight = (async () => {
      try {
        await run();
        store.getState().setReauth('ok');
        // Queries on screen are safe to run again; mutations are offered a Retry instead of being resent.
        refetchFailed((error) => error.kind === 'unauthorized');
        for (const mutation of queryClient.getMutationCache().getAll()) {
          if (mutation.state.status !== 'error' || mutation.state.error == null) continue;
          const error = normalize(mutation.state.error);
          if (error.kind !== 'unauthorized') continue;
          store.getState().showToast(error, {
            now: now(),
            message: callbacks.messages?.['reauth.replay'] ?? null,
            retry: () => mutation.execute(mutation.state.variables).catch(() => undefined),
          });
        }
      } catch (error) {
        store.getState().setReauth('failed', normalize(error));
      } finally {
        inflight = null;
      }
    })();
    return inflight;
  };

  /** Subscribes to both caches. Subscribing (instead of replacing their onError) keeps the app's own callbacks. */
  const listenToCaches = () => {
    // One token per run (a query's fetch, a mutation's call): its retries report the same incident.
    const runs = new WeakMap<object, object>();
    const runOf = (owner: object) => runs.get(owner) ?? runs.set(owner, {}).get(owner)!;
    const reportFailure = (error: ApiError, meta: Meta, toast: boolean, retryWork: () => unknown, retrying: boolean, owner: object) => {
      const errorMessage = meta?.errorMessage;
      // Retries are over and nothing will refetch it: say so, instead of a countdown nothing follows.
      const stopped = !retrying && error.kind === 'rate_limited' ? callbacks.messages?.['kind.rate_limited.description.stopped'] ?? null : null;
      reportNormalized(error, {
        toast: toast && meta?.toast !== false,
        message: typeof errorMessage === 'string' ? errorMessage : stopped,
        retry: retryWork,
        retrying,
        incident: runOf(owner),
      });
    };
    // A refusal that will be retried closes its window now (and a rate limit shows its countdown);
    // any other failure that will be retried stays quiet until the retries are over.
    const onFailedAttempt = (raw: unknown, meta: Meta, retryWork: () => unknown, owner: object) => {
      const error = normalize(raw);
      if (isRefusal(error)) reportFailure(error, meta, error.kind === 'rate_limited', retryWork, true, owner);
    };
    const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated') return;
      const { action, query } = event;
      if (action.type === 'fetch') runs.set(query, {});
      // query.fetch, not refetchQueries: a person asking to retry means it, even for a disabled query.
      const retryWork = () => query.fetch().catch(() => undefined);
      if (action.type === 'failed') onFailedAttempt(action.error, query.meta, retryWork, query);
      else if (action.type === 'error') {
        const error = normalize(action.error);
        // A query on screen that gave up on a known wait runs again when its window opens (see the timer).
        const refetched = query.getObserversCount() > 0 && waitsForRefetch(error);
        reportFailure(error, query.meta, !throwsToBoundary(query, action.error), retryWork, refetched, query);
      }
    });
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type !== 'updated' || !event.mutation) return;
      const mutation: Mutation<unknown, unknown, unknown, unknown> = event.mutation;
      const { action } = event;
      if (action.type === 'pending') runs.set(mutation, {});
      const retryWork = () => mutation.execute(mutation.state.variables).catch(() => undefined);
      if (action.type === 'failed') onFailedAttempt(action.error, mutation.meta, retryWork, mutation);
      else if (action.type === 'error') reportFailure(normalize(action.error), mutation.meta, true, retryWork, false, mutation);
    });
    return () => {
      unsubscribeQueries();
      unsubscribeMutations();
    };
  };

  /** One timer for the whole store: the next toast to expire or window to open. */
  const runTimer = () => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Only queries that gave up (their wait was too long to hold a retry open): a query still
    // retrying is not in 'error' and sends its own request once the wait is over.
    const onWindowOpen = (key: string) => refetchFailed((error) => waitsForRefetch(error) && rateLimitKey(error) === key);
    const schedule = () => {
      clearTimeout(timer);
      const deadline = nextDeadline(store.getState());
      if (deadline === null) return;
      timer = setTimeout(() => {
        for (const key of store.getState().tick(now())) onWindowOpen(key);
        schedule();
      }, delayUntil(deadline, now()));
    };
    const unsubscribe = store.subscribe(schedule);
    schedule();
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  };

  /** A hidden page pauses the toasts: nobody is there to read them. */
  const followVisibility = () => {
    const sync = () => {
      const state = store.getState();
      if (visibility.isHidden()) state.pause('hidden', now());
      else state.resume('hidden', now());
    };
    sync();
    return visibility.subscribe(sync);
  };

  let mounts = 0;
  let stop: Array<() => void> = [];
  const client: ApiErrorClient = {
    store,
    queryClient,
    profiles,
    queryPolicy,
    mutationPolicy,
    now,
    normalize,
    report: (raw, reportOptions) => reportNormalized(normalize(raw), reportOptions),
    observeResponse: (response, api) => noteRateLimitHeaders(store, rateLimitKey({ api: api ?? null, request: { method: 'GET', url: response.url } }), response.headers, now()),
    reauthenticate,
    waitForWindow: (key, signal) => waitForRateLimitWindow(store, key, signal, now),
    callbacks: () => callbacks,
    setCallbacks(next) {
      callbacks = next;
    },
    mount() {
      mounts += 1;
      if (mounts > 1) return;
      retired.delete(queryPolicy.retry);
      retired.delete(mutationPolicy.retry);
      // Mounted, this client is the QueryClient's faultline: its policies replace any earlier client's.
      install(queryClient, policies, installed);
      stop = [listenToCaches(), runTimer(), followVisibility(), addMountedClient(client)];
    },
    unmount() {
      mounts = Math.max(0, mounts - 1);
      if (mounts > 0) return;
      for (const cleanup of stop) cleanup();
      stop = [];
      retired.add(queryPolicy.retry).add(mutationPolicy.retry);
    },
  };
  return client;
}
