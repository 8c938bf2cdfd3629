import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { QueryClientProvider, type Mutation, type Query, type QueryClient } from '@tanstack/react-query';
import {
  createRetryPolicy,
  defaultMessages,
  normalizeError,
  type ApiError,
  type ApiProfile,
  type Messages,
  type Recovery,
  type RetryOptions,
} from '../core/index.js';
import {
  createApiErrorStore,
  delayUntil,
  nextDeadline,
  noteRateLimitHeaders,
  rateLimitKey,
  rateLimitKeyFor,
  recordIncident,
  waitForRateLimitWindow,
  type ApiErrorStore,
  type ApiErrorStoreOptions,
  type IncidentOptions,
} from '../store/index.js';
import { ApiErrorContext, type ApiErrorContextValue } from './context.js';
import { registerProvider } from './provider-registry.js';

export interface ApiErrorProviderProps extends ApiErrorStoreOptions {
  queryClient: QueryClient;
  /** Signs the user in again; on success the queries that failed with 401 run again. */
  onReauth?: () => Promise<void> | void;
  /** Overrides of the English catalog, by key (see `defaultMessages`); the way to translate. */
  messages?: Messages;
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

type Meta = Record<string, unknown> | undefined;

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
  const [store] = useState(() => props.store ?? createApiErrorStore({ maxVisible, maxQueued, durations }));
  const now = props.now ?? Date.now;

  // Installed during the first render, because children start their queries before this
  // component's effects run. Idempotent, so StrictMode's second render changes nothing.
  const [policies] = useState(() => {
    const queryPolicy = createRetryPolicy(retry);
    const mutationPolicy = createRetryPolicy({ ...retry, mutation: true });
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
    const isUnauthorized = (error: unknown) => error != null && normalizeError(error).kind === 'unauthorized';

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
              message: (messages ?? {})['reauth.replay'] ?? defaultMessages['reauth.replay'],
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
      messages: messages ? { ...defaultMessages, ...messages } : defaultMessages,
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
    const report = (raw: unknown, meta: Meta, options: { toast: boolean; retry: () => unknown; incident: object }) =>
      reportIncident(store, context, raw, { toast: options.toast && meta?.toast !== false, message: metaMessage(meta), retry: options.retry, incident: options.incident });
    const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated') return;
      const { action, query } = event;
      if (action.type === 'fetch') runs.set(query, {});
      // query.fetch, not refetchQueries: a person asking to retry means it, even for a disabled query.
      const retry = () => query.fetch().catch(() => undefined);
      // A failure that will be retried only matters when it is a rate limit: the countdown starts now.
      if (action.type === 'failed' && normalizeError(action.error).kind === 'rate_limited') {
        report(action.error, query.meta, { toast: true, retry, incident: runOf(query) });
      } else if (action.type === 'error') {
        report(action.error, query.meta, { toast: !throwsToBoundary(query, action.error), retry, incident: runOf(query) });
      }
    });
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type !== 'updated' || !event.mutation) return;
      const mutation: Mutation<unknown, unknown, unknown, unknown> = event.mutation;
      const { action } = event;
      if (action.type === 'pending') runs.set(mutation, {});
      const retry = () => mutation.execute(mutation.state.variables).catch(() => undefined);
      if (action.type === 'failed' && normalizeError(action.error).kind === 'rate_limited') report(action.error, mutation.meta, { toast: true, retry, incident: runOf(mutation) });
      else if (action.type === 'error') report(action.error, mutation.meta, { toast: true, retry, incident: runOf(mutation) });
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
    const onWindowOpen = (key: string) => refetchFailed(queryClient, (error) => error.kind === 'rate_limited' && rateLimitKey(error) === key);
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

/** One failure, from the caches or from `reportError`, into the store; returns it normalized. */
function reportIncident(store: ApiErrorStore, context: ApiErrorContextValue, raw: unknown, options: Pick<IncidentOptions, 'toast' | 'message' | 'retry' | 'incident'>): ApiError {
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
