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

const listeners = new Set<() => void>();

/** For `useSyncExternalStore`: the toaster hands the asking over when a prompt mounts, and back when it unmounts. */
export function subscribeReauthPrompts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function count(store: ApiErrorStore, by: number): void {
  prompts.set(store, (prompts.get(store) ?? 0) + by);
  for (const listener of listeners) listener();
}

/** Counts a mounted prompt; returns its unmount. */
export function addReauthPrompt(store: ApiErrorStore): () => void {
  count(store, 1);
  return () => count(store, -1);
}
