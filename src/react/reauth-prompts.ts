import type { ApiErrorStore } from '../store/index.js';

/**
 * The stores whose app renders `<ReauthPrompt/>` now (a count: StrictMode mounts twice). While one
 * is mounted the modal asks for sign-in; otherwise the toaster asks with a toast (its Sign in runs
 * `onReauth`, and the queries that failed with 401 run again). Weak: a dropped store drops its count.
 */
const prompts = new WeakMap<ApiErrorStore, number>();

export function hasReauthPrompt(store: ApiErrorStore): boolean {
  return (prompts.get(store) ?? 0) > 0;
}

/** Counts a mounted prompt; returns its unmount. */
export function addReauthPrompt(store: ApiErrorStore): () => void {
  prompts.set(store, (prompts.get(store) ?? 0) + 1);
  return () => prompts.set(store, (prompts.get(store) ?? 1) - 1);
}
