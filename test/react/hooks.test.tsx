import { act, renderHook, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, solanaSwap } from '../../src/core/index.js';
import { ApiErrorProvider, reportError, useApiErrorMessage, useApiErrorStore, useApiMutation, useRateLimit, useReauth } from '../../src/index.js';
import { json, newQueryClient, renderWithFaultline, scriptedApi } from './harness.js';

describe('hooks', () => {
  it('useApiErrorMessage describes any error, in the provider language', () => {
    const queryClient = newQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ApiErrorProvider queryClient={queryClient} messages={{ 'kind.network.title': 'Hors ligne' }}>
        {children}
      </ApiErrorProvider>
    );
    const { result } = renderHook(() => useApiErrorMessage(new TypeError('Failed to fetch')), { wrapper });
    expect(result.current).toMatchObject({ title: 'Hors ligne', action: { type: 'retry', label: 'Retry' } });
    expect(renderHook(() => useApiErrorMessage(null), { wrapper }).result.current).toBeNull();
  });

  it('useRateLimit counts whole seconds and re-renders once a second', async () => {
    vi.useFakeTimers();
    const queryClient = newQueryClient();
    // A name resolves among the provider's profiles (profiles are opt-in).
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ApiErrorProvider queryClient={queryClient} profiles={[solanaSwap]}>
        {children}
      </ApiErrorProvider>
    );
    let renders = 0;
    const { result } = renderHook(
      () => {
        renders += 1;
        return useRateLimit('solana-swap');
      },
      { wrapper },
    );
    expect(result.current).toEqual({ limited: false, secondsLeft: 0, resetAt: null });
    act(() => {
      reportError(new ApiError({ kind: 'rate_limited', status: 429, api: 'solana-swap', retryAfterMs: 3000, retryable: true, message: 'x' }));
    });
    expect(result.current).toMatchObject({ limited: true, secondsLeft: 3 });
    const before = renders;
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(result.current.secondsLeft).toBe(2);
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(result.current).toEqual({ limited: false, secondsLeft: 0, resetAt: null });
    expect(renders - before).toBeLessThanOrEqual(6);
  });

  it('useReauth and useApiErrorStore read the provider state', () => {
    const queryClient = newQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ApiErrorProvider queryClient={queryClient} onReauth={() => undefined}>
        {children}
      </ApiErrorProvider>
    );
    const { result } = renderHook(() => ({ reauth: useReauth(), toasts: useApiErrorStore((s) => s.toasts.length) }), { wrapper });
    expect(result.current.reauth.status).toBe('ok');
    act(() => {
      reportError(new ApiError({ kind: 'unauthorized', status: 401, message: 'expired' }));
      reportError(new ApiError({ kind: 'conflict', status: 409, message: 'used key' }));
    });
    expect(result.current.reauth.status).toBe('required');
    expect(result.current.toasts).toBe(1);
  });

  it('a hook outside the provider says what is wrong', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => renderHook(() => useReauth())).toThrow('must be rendered inside <ApiErrorProvider>');
  });

  it('useApiMutation does not resend a POST after a 500, but resends SEND_FAILED (safe by the API)', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const unsafe = scriptedApi('POST https://api.example.com/v1/orders', json(500, { error: { code: 'INTERNAL_SERVER_ERROR', message: 'x' } }));
    const safe = scriptedApi('POST https://swap-api.solana.example/v1/send', json(502, { error: 'Send failed', code: 'SEND_FAILED', signature: 'sig' }), json(200, { status: 'submitted' }));
    function Buttons() {
      const order = useApiMutation({ mutationFn: () => unsafe.call() });
      const send = useApiMutation({ mutationFn: () => safe.call<{ status: string }>() });
      return (
        <>
          <button type="button" onClick={() => order.mutate()}>
            order
          </button>
          <button type="button" onClick={() => send.mutate()}>
            send
          </button>
          <p>{`order ${order.status}, send ${send.data?.status ?? send.status}`}</p>
        </>
      );
    }
    renderWithFaultline(<Buttons />);
    await user.click(screen.getByRole('button', { name: 'order' }));
    await user.click(screen.getByRole('button', { name: 'send' }));
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(screen.getByText('order error, send submitted')).toBeInTheDocument();
    expect(unsafe.calls).toBe(1);
    expect(safe.calls).toBe(2);
  });
});

describe('useRateLimit by name', () => {
  it('finds no window for a name none of the provider profiles has (no built-in is looked up)', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const queryClient = newQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => <ApiErrorProvider queryClient={queryClient}>{children}</ApiErrorProvider>;
    const { result } = renderHook(() => ({ byName: useRateLimit('solana-swap'), byProfile: useRateLimit(solanaSwap) }), { wrapper });
    act(() => {
      reportError(new ApiError({ kind: 'rate_limited', status: 429, api: 'solana-swap', retryAfterMs: 3000, retryable: true, message: 'x' }));
    });
    expect(result.current.byName.limited).toBe(false);
    expect(result.current.byProfile).toMatchObject({ limited: true, secondsLeft: 3 });
  });
});
