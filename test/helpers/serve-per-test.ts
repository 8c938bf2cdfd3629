import { afterEach, expect } from 'vitest';
import { isApiError, type ApiError } from '../../src/core/index.js';
import { startLocalServer, type Handler } from './local-server.js';

/**
 * A real server on 127.0.0.1 for each test that asks for one: the returned `serve(handler)` starts
 * it, and it is closed after the test. Call once at the top of a test file.
 */
export function servePerTest() {
  let server: Awaited<ReturnType<typeof startLocalServer>> | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  return async (handler: Handler) => (server = await startLocalServer(handler));
}

/** The ApiError a request fails with; the test fails if it succeeds or fails with anything else. */
export async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(isApiError(error)).toBe(true);
    return error as ApiError;
  }
  throw new Error('expected the request to fail');
}
