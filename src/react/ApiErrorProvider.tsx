import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { defaultMessages, type MessageOverrides } from '../core/index.js';
import { createApiErrorClient, type ApiErrorClient, type ApiErrorClientOptions } from '../store/index.js';
import { ApiErrorContext, type ApiErrorContextValue, type Catalog } from './context.js';

export interface ApiErrorProviderProps extends Omit<ApiErrorClientOptions, 'messages' | 'store' | 'visibility'> {
  /** Signs the user in again (whatever it returns is ignored; a rejection means it failed); on success the queries that failed with 401 run again. */
  onReauth?: () => unknown | Promise<unknown>;
  /** Overrides of the English catalog, by key (see `defaultMessages`, `MessageKey`); the way to translate. */
  messages?: MessageOverrides;
  /**
   * A client made with `createApiErrorClient` (outside React, as a QueryClient is), to report to
   * it or read its store from anywhere. Without it the provider makes one from its props, once.
   */
  client?: ApiErrorClient;
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

/** The catalog with the app's overrides on top (an override left undefined keeps the default). */
function mergeMessages(overrides: MessageOverrides | undefined): Catalog {
  if (!overrides) return defaultMessages;
  const merged: Catalog = { ...defaultMessages };
  for (const [key, value] of Object.entries(overrides)) if (typeof value === 'string') merged[key] = value;
  return merged;
}

/**
 * Joins faultline to a QueryClient (as `QueryClientProvider` joins a QueryClient to React): makes
 * or takes an `ApiErrorClient`, which reports the caches' errors, installs the retry policies where
 * the app set none and keeps the windows and re-authentication; mounts it while rendered; and
 * provides it, with the catalog and the QueryClient, below.
 */
export function ApiErrorProvider(props: ApiErrorProviderProps) {
  const { onReauth, onAction, children } = props;
  const messages = useMemo(() => mergeMessages(props.messages), [props.messages]);
  // Made during the first render, because children start their queries before effects run.
  const [client] = useState(() => props.client ?? createApiErrorClient({ ...props, messages }));

  // The latest callbacks, read when called: inline functions do not rebuild the context. A client
  // the app made keeps its own callbacks where the provider is given none.
  const own = client.callbacks();
  const callbacks = props.client ? { onReauth: onReauth ?? own.onReauth, onAction: onAction ?? own.onAction, messages } : { onReauth, onAction, messages };
  useEffect(() => client.setCallbacks(callbacks));
  // Counted: StrictMode's mount, unmount, mount leaves one set of subscriptions (no double toasts).
  useEffect(() => {
    client.mount();
    return () => client.unmount();
  }, [client]);

  const canReauth = callbacks.onReauth !== undefined;
  const hasOnAction = callbacks.onAction !== undefined;
  const context = useMemo<ApiErrorContextValue>(
    () => ({
      ...client,
      client,
      messages,
      canReauth,
      onAction: hasOnAction ? (action, error) => client.callbacks().onAction?.(action, error) : undefined,
    }),
    [client, messages, canReauth, hasOnAction],
  );

  return (
    <ApiErrorContext.Provider value={context}>
      <QueryClientProvider client={client.queryClient}>{children}</QueryClientProvider>
    </ApiErrorContext.Provider>
  );
}
