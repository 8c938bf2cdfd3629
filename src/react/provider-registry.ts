import type { ApiError } from '../core/index.js';

/** How `reportError` and `reportResponse` reach the mounted providers from outside React. */
export interface ProviderHandle {
  report: (error: unknown) => ApiError;
  observeResponse: (response: Response, api?: string) => void;
}

// Only providers mounted in a browser register (in an effect), so server renders never share
// anything through this set: each request's provider keeps its own store.
const mounted: ProviderHandle[] = [];

export function registerProvider(handle: ProviderHandle): () => void {
  mounted.push(handle);
  return () => {
    const index = mounted.indexOf(handle);
    if (index >= 0) mounted.splice(index, 1);
  };
}

/** The most recently mounted provider, which is the innermost one in a nested app. */
export function activeProvider(): ProviderHandle | undefined {
  return mounted[mounted.length - 1];
}
