import { useQuery } from '@tanstack/react-query';
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../src/core/index.js';
import { useApiMutation, useApiQuery } from '../../src/index.js';
import { json, renderWithFaultline, scriptedApi } from './harness.js';

// What a cross-origin 429 looks like to a page when the API does not list its headers in
// Access-Control-Expose-Headers: the status and the body, no Retry-After, no X-RateLimit-*.
const hiddenLimit = () => new Response('Too Many Requests', { status: 429, headers: { 'content-type': 'text/plain' } });
const ok = json(200, { items: ['a'] });
const url = 'https://feed.example.org/items';

function Items({ api, name = 'items' }: { api: ReturnType<typeof scriptedApi>; name?: string }) {
  const query = useApiQuery({ queryKey: [name], queryFn: () => api.call<{ items: string[] }>(), api: 'https://feed.example.org' });
  return <p>{query.data ? `items: ${query.data.items.join(',')}` : query.status}</p>;
}

async function advance(ms: number) {
  await act(() => vi.advanceTimersByTimeAsync(ms));
}

describe('a rate limit whose wait the page cannot read', () => {
  // About 130 s of fake time and a render per second: give it room on a loaded machine.
  it('closes the window for 1 s, then 2 s, then 4 s: no request inside it, one request as each countdown ends', { timeout: 30_000 }, async () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const api = scriptedApi(url, hiddenLimit);
    renderWithFaultline(<Items api={api} />);
    await advance(0);
    expect(api.calls).toBe(1);
    expect(screen.getByRole('listitem')).toHaveTextContent('Trying again in 1s.');

    // Each window: nothing goes out until its last millisecond, then exactly one request.
    for (const [windowMs, callsAfter] of [
      [1000, 2],
      [2000, 3],
      [4000, 4],
    ] as const) {
      await advance(windowMs - 1);
      expect(api.calls).toBe(callsAfter - 1);
      await advance(1);
      expect(api.calls).toBe(callsAfter);
      if (callsAfter < 4) expect(screen.getByRole('listitem')).toHaveTextContent(`Trying again in ${windowMs * 2 / 1000}s.`);
    }

    // Retries exhausted: the toast says so, counts nothing down, and nothing more is sent by itself.
    const toast = screen.getByRole('listitem');
    expect(toast).toHaveTextContent('Stopped trying again automatically.');
    expect(within(toast).queryByRole('progressbar')).toBeNull();
    await advance(120_000);
    expect(api.calls).toBe(4);
    expect(screen.getByRole('listitem')).toBe(toast);

    // Its Retry really sends.
    vi.useRealTimers();
    await userEvent.click(within(toast).getByRole('button', { name: 'Retry' }));
    expect(api.calls).toBe(5);
    // Development builds name the header to expose, once for this origin (jsdom's page is http://localhost:3000).
    const hints = warn.mock.calls.filter(([text]) => String(text).includes('Access-Control-Expose-Headers: Retry-After'));
    expect(hints).toHaveLength(1);
    expect(String(hints[0]![0])).toContain('https://feed.example.org answered 429');
  });

  it('holds a second query to the same API (a plain useQuery too) until the window opens', async () => {
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const first = scriptedApi(url, hiddenLimit, ok);
    const second = scriptedApi(url, hiddenLimit, ok);
    function Plain() {
      // No `api`: its retry follows the window through the provider's retry policy.
      const query = useQuery({ queryKey: ['plain'], queryFn: () => second.call<{ items: string[] }>() });
      return <p>{query.data ? 'plain done' : query.status}</p>;
    }
    renderWithFaultline(
      <>
        <Items api={first} />
        <Plain />
      </>,
    );
    await advance(0);
    expect([first.calls, second.calls]).toEqual([1, 1]);
    // Both refusals came back while the first one's 1 s window was closed: the window does not grow.
    await advance(999);
    expect([first.calls, second.calls]).toEqual([1, 1]);
    await advance(1);
    expect([first.calls, second.calls]).toEqual([2, 2]);
    await advance(50);
    expect(screen.getByText('items: a')).toBeInTheDocument();
    expect(screen.getByText('plain done')).toBeInTheDocument();
  });

  it("waits the profile's documented default where it has one (pump.fun: 60 s)", async () => {
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const pump = scriptedApi('https://frontend-api-v3.pump.fun/coins/latest', json(429, { error: 'Too Many Requests', message: 'Rate limit exceeded', statusCode: 429 }), ok);
    function Coins() {
      const query = useApiQuery({ queryKey: ['coins'], queryFn: () => pump.call<{ items: string[] }>(), api: 'pumpfun' });
      return <p>{query.data ? 'coins' : query.status}</p>;
    }
    renderWithFaultline(<Coins />);
    await advance(0);
    expect(screen.getByRole('listitem')).toHaveTextContent('Trying again in 60s.');
    await advance(59_999);
    expect(pump.calls).toBe(1);
    await advance(300);
    expect(pump.calls).toBe(2);
  });
});

describe('a relative baseUrl', () => {
  it("keys the window by the page's origin, so a second query to the same API waits for it", async () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    const answers = [() => new Response('{}', { status: 429, headers: { 'retry-after': '120' } }), () => json(200, { items: ['b'] })()];
    const client = createApiClient({
      baseUrl: '/api',
      fetch: async (input) => {
        seen.push(String(input));
        return answers[Math.min(seen.length - 1, 1)]!();
      },
    });
    function Feed({ name }: { name: string }) {
      const query = useApiQuery({ queryKey: [name], queryFn: () => client.get<{ items: string[] }>('/items'), api: client });
      return <p>{query.data ? `${name}: ${query.data.items.join(',')}` : `${name} ${query.status}`}</p>;
    }
    const { rerender } = renderWithFaultline(<Feed name="first" />);
    await advance(0);
    expect(seen).toEqual(['http://localhost:3000/api/items']);
    rerender(
      <>
        <Feed name="first" />
        <Feed name="second" />
      </>,
    );
    await advance(60_000);
    expect(seen).toHaveLength(1);
    await advance(60_300);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(screen.getByText('second: b')).toBeInTheDocument();
  });

  it('warns in development about an api name that matches no profile', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    function Named() {
      useApiQuery({ queryKey: ['n'], queryFn: () => Promise.resolve(1), api: 'pumpfunn' });
      return null;
    }
    renderWithFaultline(<Named />);
    expect(warn.mock.calls.some(([text]) => String(text).includes("api 'pumpfunn' matches no profile"))).toBe(true);
  });
});

describe('errors faultline cannot classify', () => {
  it("keep React Query's default retry for queries (3 retries: 1 s, 2 s, 4 s), none for mutations", async () => {
    vi.useFakeTimers();
    const calls = { query: 0, mutation: 0 };
    const ownQuery = async () => {
      calls.query += 1;
      throw new Error('HTTP 500');
    };
    const ownMutation = async () => {
      calls.mutation += 1;
      throw new Error('HTTP 500');
    };
    function App() {
      const query = useQuery({ queryKey: ['own'], queryFn: ownQuery });
      const save = useApiMutation({ mutationFn: ownMutation });
      return (
        <>
          <p>{`query ${query.status}`}</p>
          <button type="button" onClick={() => save.mutate()}>
            save
          </button>
        </>
      );
    }
    renderWithFaultline(<App />, { retry: { random: () => 0 } });
    fireEvent.click(screen.getByRole('button', { name: 'save' }));
    await advance(0);
    expect(calls.query).toBe(1);
    await advance(999);
    expect(calls.query).toBe(1);
    await advance(1);
    expect(calls.query).toBe(2);
    await advance(2000);
    expect(calls.query).toBe(3);
    await advance(4000);
    expect(calls.query).toBe(4);
    await advance(60_000);
    expect(calls.query).toBe(4);
    expect(screen.getByText('query error')).toBeInTheDocument();
    expect(calls.mutation).toBe(1);
  });
});
