import { useStore } from 'zustand';
import type { ApiErrorState } from '../store/index.js';
import { useApiErrorContext } from './context.js';

/** Reads the provider's store with a selector; the headless path for apps that render their own UI. */
export function useApiErrorStore<T>(selector: (state: ApiErrorState) => T): T {
  return useStore(useApiErrorContext().store, selector);
}
