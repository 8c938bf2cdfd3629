import { createContext, useContext } from 'react';
import type { ApiError, CatalogKey, Messages, Recovery } from '../core/index.js';
import type { ApiErrorClient } from '../store/index.js';

/** The catalog the UI reads: the English one with the app's overrides on top, so every catalog key is there. */
export type Catalog = Messages & Record<CatalogKey, string>;

/** What the provider shares with its hooks and components: its client's parts, and the catalog. */
export interface ApiErrorContextValue extends ApiErrorClient {
  client: ApiErrorClient;
  messages: Catalog;
  /** Whether the app handles re-authentication (it passed `onReauth`). */
  canReauth: boolean;
  /** Handles the recoveries only the app can do (a new quote, a payment…); undefined when it has none. */
  onAction: ((action: Recovery, error: ApiError) => void) | undefined;
}

export const ApiErrorContext = createContext<ApiErrorContextValue | null>(null);

/** The provider's context; throws a clear error when a hook is used outside `<ApiErrorProvider>`. */
export function useApiErrorContext(): ApiErrorContextValue {
  const context = useContext(ApiErrorContext);
  if (!context) throw new Error('faultline: this hook or component must be rendered inside <ApiErrorProvider>.');
  return context;
}
