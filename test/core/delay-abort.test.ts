import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { delay } from '../../src/core/delay.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('delay', () => {
  it('resolves after the wait and removes its abort listener', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const controller = new AbortController();
    const wait = delay(1000, controller.signal);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(wait).resolves.toBeUndefined();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('rejects with the reason as soon as the signal aborts, and leaves no timer or listener', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const controller = new AbortController();
    const wait = delay(60_000, controller.signal);
    const reason = new Error('unmounted');
    controller.abort(reason);
    await expect(wait).rejects.toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('rejects at once on a signal already aborted', async () => {
    const reason = new Error('gone');
    await expect(delay(60_000, AbortSignal.abort(reason))).rejects.toBe(reason);
  });

  it('waits without a signal', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const wait = delay(50);
    await vi.advanceTimersByTimeAsync(50);
    await expect(wait).resolves.toBeUndefined();
  });
});
