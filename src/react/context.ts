import { createContext, useContext } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { ApiError, ApiProfile, CatalogKey, Messages, Recovery, RetryPolicy } from '../core/index.js';
import type { ApiErrorClient, ApiErrorStore } from '../store/index.js';

/** The catalog the UI reads: the English one with the app's overrides on top, so every catalog key is there. */
export type Catalog = Messages & Record<CatalogKey, string>;

/** What the provider shares with its hooks and components: its client's parts, and the catalog. */
export interface ApiErrorContextValue {
  client: ApiErrorClient;
  store: ApiErrorStore;
  queryClient: QueryClient;
  messages: Catalog;
  profiles: readonly ApiProfile[];
  now: () => number;
  queryPolicy: RetryPolicy;
  mutationPolicy: RetryPolicy;
  /** Whether the app handles re-authentication (it passed `onReauth`). */
  canReauth: boolean;
  /** Runs the app's `onReauth` once, however often it is called while it runs. */
  reauthenticate: () => Promise<void>;
  /** Handles the recoveries only the app can do (a new quote, a payment…); undefined when it has none. */
  onAction: ((action: Recovery, error: ApiError) => void) | undefined;
  /** Resolves once the rate-limit window for `key` is open again (at once when it is not closed). */
  waitForWindow: (key: string, signal?: AbortSignal) => Promise<void>;
}

export const ApiErrorContext = createContext<ApiErrorContextValue | null>(null);

/** The provider's context; throws a clear error when a hook is used outside `<ApiErrorProvider>`. */
export function useApiErrorContext(): ApiErrorContextValue {
  const context = useContext(ApiErrorContext);
  if (!context) throw new Error('faultline: this hook or component must be rendered inside <ApiErrorProvider>.');
  return context;
}
