import type { ApiErrorClient } from './api-error-client.js';

// Only clients mounted in a browser are here (a provider mounts its client in an effect), so
// server renders never share anything through this list: each request keeps its own store.
const mounted: ApiErrorClient[] = [];

/** Adds a mounted client; returns its removal. */
export function addMountedClient(client: ApiErrorClient): () => void {
  mounted.push(client);
  return () => {
    const index = mounted.indexOf(client);
    if (index >= 0) mounted.splice(index, 1);
  };
}

/** The most recently mounted client: the innermost provider's in a nested app. */
export function activeClient(): ApiErrorClient | undefined {
  return mounted[mounted.length - 1];
}
