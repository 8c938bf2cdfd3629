// Two small store rules: what `report` shows for an error it cannot read, and when it warns about
// unreadable waits; and which client is the active one as providers mount and unmount.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/core/index.js';
import { createApiErrorStore, report } from '../../src/store/index.js';
import { activeClient, addMountedClient } from '../../src/store/mounted-clients.js';
import type { ApiErrorClient } from '../../src/store/api-error-client.js';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('report', () => {
  it('shows an error whose fields throw when read as a plain failure that keeps it as its cause', () => {
    const store = createApiErrorStore();
    const hostile = new ApiError({ kind: 'server', message: 'x' });
    Object.defineProperty(hostile, 'kind', { get: () => { throw new Error('no'); } });
    const toast = report(store, hostile, { now: 0 });
    expect(toast?.error).toMatchObject({ kind: 'unknown', message: 'Something went wrong' });
    expect(toast?.error.cause).toBe(hostile);
  });

  it('warns about an unreadable cross-origin wait in development only', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.stubGlobal('location', { origin: 'https://app.example' });
    const blind = (host: string) => new ApiError({ kind: 'rate_limited', status: 429, retryable: true, message: 'x', request: { method: 'GET', url: `https://${host}/a` } });
    vi.stubEnv('NODE_ENV', 'production');
    report(createApiErrorStore(), blind('prod.example'), { now: 0, toast: false });
    expect(warn).not.toHaveBeenCalled();
    vi.stubEnv('NODE_ENV', 'development');
    report(createApiErrorStore(), blind('dev.example'), { now: 0, toast: false });
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe('mounted clients', () => {
  const client = (name: string) => ({ name }) as unknown as ApiErrorClient;

  it('the innermost mounted client is active; removing any one leaves the others in order', () => {
    const [a, b, c] = [client('a'), client('b'), client('c')];
    const removeA = addMountedClient(a);
    const removeB = addMountedClient(b);
    const removeC = addMountedClient(c);
    expect(activeClient()).toBe(c);
    removeA();
    expect(activeClient()).toBe(c);
    removeC();
    expect(activeClient()).toBe(b);
    // Removing twice (StrictMode runs effect cleanups twice) removes nothing else.
    removeC();
    expect(activeClient()).toBe(b);
    removeB();
    expect(activeClient()).toBeUndefined();
  });
});
