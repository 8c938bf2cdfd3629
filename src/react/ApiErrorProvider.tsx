import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { QueryClientProvider, type Mutation, type Query, type QueryClient } from '@tanstack/react-query';
import {
  createRetryPolicy,
  defaultMessages,
  normalizeError,
  type ApiError,
  type ApiProfile,
  type MessageOverrides,
  type Messages,
  type Recovery,
  type RetryOptions,
  type RetryPolicy,
} from '../core/index.js';
import {
  createApiErrorStore,
  delayUntil,
  nextDeadline,
  noteRateLimitHeaders,
  rateLimitKey,
  rateLimitKeyFor,
  rateLimitWindow,
  recordIncident,
  waitForRateLimitWindow,
  type ApiErrorStore,
  type ApiErrorStoreOptions,
  type IncidentOptions,
} from '../store/index.js';
import { ApiErrorContext, type ApiErrorContextValue } from './context.js';
import { isRefusal } from '../core/refusal.js';
import { registerProvider } from './provider-registry.js';

export interface ApiErrorProviderProps extends ApiErrorStoreOptions {
  queryClient: QueryClient;
  /** Signs the user in again (whatever it returns is ignored; a rejection means it failed); on success the queries that failed with 401 run again. */
  onReauth?: () => unknown | Promise<unknown>;
  /** Overrides of the English catalog, by key (see `defaultMessages`, `MessageKey`); the way to translate. */
  messages?: MessageOverrides;
  /** Profiles of the app's own APIs, for inference and messages. */
  profiles?: readonly ApiProfile[];
  /** Options of the retry policy installed for queries (and, with `mutation: true`, mutations). */
  retry?: RetryOptions;
  /** Recoveries only the app can do: a new quote, a payment, adding funds, checking a status. */
  onAction?: (action: Recovery, error: ApiError) => void;
  /** Use this store instead of a new one (to render toasts yourself, or in tests). */
  store?: ApiErrorStore;
  /** The clock; tests may inject one. Default `Date.now`. */
  now?: () => number;
  children?: ReactNode;
}

/**
 * The `meta` keys faultline reads on a query or mutation. Register them with React Query to type them:
 * `declare module '@tanstack/react-query' { interface Register { queryMeta: ApiErrorMeta; mutationMeta: ApiErrorMeta } }`.
 */
export interface ApiErrorMeta extends Record<string, unknown> {
  /** false: no toast for this query's errors (windows and re-auth still follow). */
  toast?: boolean;
  /** Shown instead of the catalog's description. */
  errorMessage?: string;
}

type Meta = Record<string, unknown> | undefined;

/** The catalog with the app's overrides on top (an override left undefined keeps the default). */
function mergeMessages(overrides: MessageOverrides | undefined): Messages {
  if (!overrides) return defaultMessages;
  const merged: Messages = { ...defaultMessages };
  for (const [key, value] of Object.entries(overrides)) if (typeof value === 'string') merged[key] = value;
  return merged;
}

/**
 * A retry policy whose delays follow the store's windows. React Query asks for the delay before it
 * reports the failure, so a refusal closes its window here first; the retry then goes exactly when
 * the window opens (a blind wait), or at the server's wait plus jitter, never inside it.
 */
function followWindows(policy: RetryPolicy, store: ApiErrorStore, now: () => number, profiles: readonly ApiProfile[]): RetryPolicy {
  return {
    retry: policy.retry,
    retryDelay(failureCount, error) {
      const delay = policy.retryDelay(failureCount, error);
      const e = normalizeError(error, { profiles });
      if (!isRefusal(e) || !policy.retry(failureCount, error)) return delay;
      const at = now();
      const key = rateLimitKey(e);
      if (e.retryAfterMs === null) store.getState().openBlindRateLimit(key, at);
      const resetAt = rateLimitWindow(store.getState().rateLimits, key)?.resetAt ?? at;
      if (resetAt <= at) return delay;
      return e.retryAfterMs === null ? resetAt - at : Math.max(delay, resetAt - at);
    },
  };
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

function metaMessage(meta: Meta): string | null {
  const message = meta?.errorMessage;
  return typeof message === 'string' ? message : null;
}

/**
 * Joins faultline to a QueryClient: reports its query and mutation errors (the app's own
 * `onError` callbacks keep working), installs the retry policies where the app set none,
 * keeps the rate-limit windows and re-authentication, and provides the QueryClient below.
 */
export function ApiErrorProvider(props: ApiErrorProviderProps) {
  const { queryClient, onReauth, messages, profiles, retry, onAction, children, maxVisible, maxQueued, durations } = props;
  const [store] = useState(() => props.store ?? createApiErrorStore({ maxVisible, maxQueued, durations, ...(retry?.random ? { random: retry.random } : {}) }));
  const now = props.now ?? Date.now;

  // Installed during the first render, because children start their queries before this
  // component's effects run. Idempotent, so StrictMode's second render changes nothing.
  const [policies] = useState(() => {
    // Raw errors from the app's own queryFns (an SDK's, thrown as it is) are read with the provider's profiles.
    const queryPolicy = followWindows(createRetryPolicy({ profiles, ...retry }), store, now, profiles ?? []);
    const mutationPolicy = followWindows(createRetryPolicy({ profiles, ...retry, mutation: true }), store, now, profiles ?? []);
    const defaults = queryClient.getDefaultOptions();
    const queries = defaults.queries?.retry === undefined ? { ...defaults.queries, ...queryPolicy } : defaults.queries;
    const mutations = defaults.mutations?.retry === undefined ? { ...defaults.mutations, ...mutationPolicy } : defaults.mutations;
    queryClient.setDefaultOptions({ ...defaults, queries, mutations });
    return { queryPolicy, mutationPolicy };
  });

  const latest = useRef({ onReauth, onAction, now });
  useEffect(() => {
    latest.current = { onReauth, onAction, now };
  });

  const inflight = useRef<Promise<void> | null>(null);
  // Whether the app has these callbacks matters to the context; which function it passed this
  // render does not (they are read through `latest`), so inline callbacks do not rebuild it.
  const canReauth = onReauth !== undefined;
  const hasOnAction = onAction !== undefined;
  const context = useMemo<ApiErrorContextValue>(() => {
    const isUnauthorized = (error: unknown) => error != null && normalizeError(error, { profiles }).kind === 'unauthorized';

    const reauthenticate = () => {
      if (inflight.current) return inflight.current;
      const run = latest.current.onReauth;
      if (!run) return Promise.resolve();
      const state = store.getState();
      state.setReauth('refreshing', state.reauth.error);
      inflight.current = (async () => {
        try {
          await run();
          store.getState().setReauth('ok');
          // Queries on screen are safe to run again; mutations are offered a Retry instead of being resent.
          refetchFailed(queryClient, (error) => error.kind === 'unauthorized');
          for (const mutation of queryClient.getMutationCache().getAll()) {
            if (mutation.state.status !== 'error' || !isUnauthorized(mutation.state.error)) continue;
            store.getState().showToast(normalizeError(mutation.state.error), {
              now: latest.current.now(),
              message: messages?.['reauth.replay'] ?? defaultMessages['reauth.replay'],
              retry: () => mutation.execute(mutation.state.variables).catch(() => undefined),
            });
          }
        } catch (error) {
          store.getState().setReauth('failed', normalizeError(error));
        } finally {
          inflight.current = null;
        }
      })();
      return inflight.current;
    };

    const waitForWindow = (key: string, signal?: AbortSignal) => waitForRateLimitWindow(store, key, signal, () => latest.current.now());

    return {
      store,
      queryClient,
      messages: mergeMessages(messages),
      profiles: profiles ?? [],
      now: () => latest.current.now(),
      ...policies,
      canReauth,
      reauthenticate,
      onAction: hasOnAction ? (action, error) => latest.current.onAction?.(action, error) : undefined,
      waitForWindow,
    };
  }, [store, queryClient, messages, profiles, policies, canReauth, hasOnAction]);

  // Errors from the caches. Subscribing (instead of replacing the caches' onError) keeps the app's
  // own callbacks, and unsubscribing on unmount keeps StrictMode's double effects from doubling toasts.
  useEffect(() => {
    // One token per run (a query's fetch, a mutation's call): its retries report the same incident.
    const runs = new WeakMap<object, object>();
    const runOf = (owner: object) => runs.get(owner) ?? runs.set(owner, {}).get(owner)!;
    const report = (raw: unknown, meta: Meta, options: { toast: boolean; retry: () => unknown; retrying: boolean; incident: object }) => {
      const error = normalizeError(raw, { profiles: context.profiles });
      // Retries are over and nothing will refetch it: say so, instead of a countdown nothing follows.
      const stopped = !options.retrying && error.kind === 'rate_limited' ? context.messages['kind.rate_limited.description.stopped'] ?? null : null;
      return reportIncident(store, context, error, {
        toast: options.toast && meta?.toast !== false,
        message: metaMessage(meta) ?? stopped,
        retry: options.retry,
        retrying: options.retrying,
        incident: options.incident,
      });
    };
    // A refusal that will be retried closes its window now (and a rate limit shows its countdown);
    // any other failure that will be retried stays quiet until the retries are over.
    const failedRefusal = (error: unknown) => {
      const e = normalizeError(error, { profiles: context.profiles });
      return isRefusal(e) ? e : null;
    };
    const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated') return;
      const { action, query } = event;
      if (action.type === 'fetch') runs.set(query, {});
      // query.fetch, not refetchQueries: a person asking to retry means it, even for a disabled query.
      const retry = () => query.fetch().catch(() => undefined);
      if (action.type === 'failed') {
        const refusal = failedRefusal(action.error);
        if (refusal) report(refusal, query.meta, { toast: refusal.kind === 'rate_limited', retry, retrying: true, incident: runOf(query) });
      } else if (action.type === 'error') {
        report(action.error, query.meta, { toast: !throwsToBoundary(query, action.error), retry, retrying: refetchedAtWindowOpen(query, action.error), incident: runOf(query) });
      }
    });
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type !== 'updated' || !event.mutation) return;
      const mutation: Mutation<unknown, unknown, unknown, unknown> = event.mutation;
      const { action } = event;
      if (action.type === 'pending') runs.set(mutation, {});
      const retry = () => mutation.execute(mutation.state.variables).catch(() => undefined);
      if (action.type === 'failed') {
        const refusal = failedRefusal(action.error);
        if (refusal) report(refusal, mutation.meta, { toast: refusal.kind === 'rate_limited', retry, retrying: true, incident: runOf(mutation) });
      } else if (action.type === 'error') report(action.error, mutation.meta, { toast: true, retry, retrying: false, incident: runOf(mutation) });
    });
    return () => {
      unsubscribeQueries();
      unsubscribeMutations();
    };
  }, [context, queryClient, store]);

  // One timer for the whole store: the next toast to expire or window to open.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Only queries that gave up (their wait was too long to hold a retry open): a query still
    // retrying is not in 'error' and sends its own request once the wait is over.
    const onWindowOpen = (key: string) => refetchFailed(queryClient, (error) => waitsForRefetch(error) && rateLimitKey(error) === key);
    const schedule = () => {
      clearTimeout(timer);
      const deadline = nextDeadline(store.getState());
      if (deadline === null) return;
      timer = setTimeout(() => {
        for (const key of store.getState().tick(context.now())) onWindowOpen(key);
        schedule();
      }, delayUntil(deadline, context.now()));
    };
    const unsubscribe = store.subscribe(schedule);
    schedule();
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [context, queryClient, store]);

  // A hidden page pauses the toasts: nobody is there to read them.
  useEffect(() => {
    if (typeof document === 'undefined') return;
    const sync = () => {
      const state = store.getState();
      if (document.visibilityState === 'hidden') state.pause('hidden', context.now());
      else state.resume('hidden', context.now());
    };
    sync();
    document.addEventListener('visibilitychange', sync);
    return () => document.removeEventListener('visibilitychange', sync);
  }, [context, store]);

  // reportError / reportResponse from outside React reach this provider while it is mounted.
  useEffect(
    () =>
      registerProvider({
        report: (raw) => reportIncident(store, context, raw, {}),
        observeResponse: (response, api) => noteRateLimitHeaders(store, rateLimitKeyFor(api, response.url), response.headers, context.now()),
      }),
    [context, store],
  );

  return (
    <ApiErrorContext.Provider value={context}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ApiErrorContext.Provider>
  );
}

/** A rate limit whose wait the server gave: a query that gave up on it is refetched once its window opens. */
function waitsForRefetch(error: ApiError): boolean {
  return error.kind === 'rate_limited' && error.retryAfterMs !== null;
}

/** Whether a query that just failed for good will run again by itself (see `onWindowOpen`). */
function refetchedAtWindowOpen(query: Query, raw: unknown): boolean {
  return query.getObserversCount() > 0 && waitsForRefetch(normalizeError(raw));
}

/** One failure, from the caches or from `reportError`, into the store; returns it normalized. */
function reportIncident(store: ApiErrorStore, context: ApiErrorContextValue, raw: unknown, options: Pick<IncidentOptions, 'toast' | 'message' | 'retry' | 'retrying' | 'incident'>): ApiError {
  const error = normalizeError(raw, { profiles: context.profiles });
  recordIncident(store, error, { ...options, now: context.now(), reauth: context.canReauth });
  return error;
}

/**
 * Runs again the queries on screen that failed with a matching error. query.fetch, not
 * refetchQueries: that one skips a disabled query, and one run by hand must run again too.
 */
function refetchFailed(queryClient: QueryClient, matches: (error: ApiError) => boolean): void {
  for (const query of queryClient.getQueryCache().getAll()) {
    const { status, fetchStatus, error } = query.state;
    if (status !== 'error' || fetchStatus !== 'idle' || error == null || query.getObserversCount() === 0) continue;
    if (matches(normalizeError(error))) void query.fetch().catch(() => undefined);
  }
}
