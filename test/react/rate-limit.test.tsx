import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useApiQuery, useRateLimit } from '../../src/index.js';
import { json, renderWithFaultline, scriptedApi } from './harness.js';

function Coins({ api, name = 'coins' }: { api: ReturnType<typeof scriptedApi>; name?: string }) {
  const query = useApiQuery({ queryKey: [name], queryFn: () => api.call<{ coins: string[] }>(), api: 'pumpfun' });
  return <p>{query.data ? `coins: ${query.data.coins.join(',')}` : query.status}</p>;
}

function Limit() {
  const { limited, secondsLeft } = useRateLimit('pumpfun');
  return <p>{limited ? `limited for ${secondsLeft}s` : 'open'}</p>;
}

const limited = (retryAfter: string) =>
  json(429, { error: 'Too Many Requests', message: 'Rate limit exceeded', statusCode: 429 }, { 'retry-after': retryAfter, 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '0' });
const ok = json(200, { coins: ['PEPE'] });
const url = 'https://frontend-api-v3.pump.fun/coins/latest';

describe('rate limits', () => {
  it('counts down 5…1 and sends exactly one new request when the window opens', async () => {
    vi.useFakeTimers();
    const api = scriptedApi(url, limited('5'), ok);
    renderWithFaultline(
      <>
        <Coins api={api} />
        <Limit />
      </>,
    );
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(api.calls).toBe(1);
    const toast = screen.getByRole('listitem');
    expect(within(toast).getByText('Slow down')).toBeInTheDocument();
    const seen: string[] = [];
    for (let second = 5; second >= 1; second -= 1) {
      seen.push(within(toast).getByRole('progressbar').getAttribute('aria-valuenow')!);
      expect(toast).toHaveTextContent(`Trying again in ${second}s.`);
      expect(screen.getByText(`limited for ${second}s`)).toBeInTheDocument();
      expect(api.calls).toBe(1);
      await act(() => vi.advanceTimersByTimeAsync(1000));
    }
    expect(seen).toEqual(['5', '4', '3', '2', '1']);
    // The retry went out as the window opened; the data is on screen well within 250 ms.
    expect(api.calls).toBe(2);
    await act(() => vi.advanceTimersByTimeAsync(100));
    expect(screen.getByText('coins: PEPE')).toBeInTheDocument();
    expect(api.calls).toBe(2);
    expect(screen.getByText('open')).toBeInTheDocument();
    expect(screen.queryByRole('listitem')).toBeNull();
    await act(() => vi.advanceTimersByTimeAsync(120_000));
    expect(api.calls).toBe(2);
  });

  it('refetches once at reset when the wait was too long to hold a retry', async () => {
    vi.useFakeTimers();
    const api = scriptedApi(url, limited('120'), ok);
    renderWithFaultline(<Coins api={api} />);
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.getByText('error')).toBeInTheDocument();
    expect(screen.getByRole('listitem')).toHaveTextContent('Trying again in 120s.');
    await act(() => vi.advanceTimersByTimeAsync(119_000));
    expect(api.calls).toBe(1);
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(api.calls).toBe(2);
    await act(() => vi.advanceTimersByTimeAsync(100));
    expect(screen.getByText('coins: PEPE')).toBeInTheDocument();
  });

  it('holds new queries to a limited API until the window opens', async () => {
    vi.useFakeTimers();
    const first = scriptedApi(url, limited('120'));
    const second = scriptedApi(url, ok);
    const { rerender } = renderWithFaultline(<Coins api={first} />);
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(first.calls).toBe(1);
    rerender(<Coins api={second} name="other" />);
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(second.calls).toBe(0);
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(second.calls).toBe(1);
  });
});

it('offers no Retry while the window is closed: it runs again by itself', async () => {
  vi.useFakeTimers();
  renderWithFaultline(<Coins api={scriptedApi(url, limited('5'), ok)} />);
  await act(() => vi.advanceTimersByTimeAsync(0));
  expect(within(screen.getByRole('listitem')).queryByRole('button', { name: 'Retry' })).toBeNull();
});
