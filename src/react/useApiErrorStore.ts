import { useSyncExternalStore } from 'react';
import type { ApiErrorState } from '../store/index.js';
import { useApiErrorContext } from './context.js';

/**
 * Reads the provider's store with a selector; the headless path for apps that render their own UI.
 * zustand's `useStore` in three lines, straight on React's `useSyncExternalStore` (its
 * `useDebugValue` and `zustand/react` module left out of the bundle).
 */
export function useApiErrorStore<T>(selector: (state: ApiErrorState) => T): T {
  const { store } = useApiErrorContext();
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()), () => selector(store.getInitialState()));
}
