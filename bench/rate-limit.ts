// Scenario 1: a rate-limit window on a real HTTP server on 127.0.0.1. The server refuses for 2 s
// from the first request, then answers 200. Each client fetches as its users would with its
// defaults; we count the requests that arrive while the window is closed (wasted: they can only be
// refused) and how long after the window opens the caller gets its 200.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { QueryClient } from '@tanstack/react-query';
import axios from 'axios';
import axiosRetry from 'axios-retry';
import ky from 'ky';
import { createApiClient, createRetryPolicy, isApiError } from '../src/core/index.js';
import { createApiErrorStore, noteRateLimitHeaders, report, waitForRateLimitWindow } from '../src/store/index.js';

const WINDOW_MS = 2000;
const GIVE_UP_MS = 12_000;

export type Mode = '429 + Retry-After: 2' | '503 + Retry-After (HTTP-date)' | '500, no header' | 'X-RateLimit-Remaining: 0, then more requests';
export const MODES: Mode[] = ['429 + Retry-After: 2', '503 + Retry-After (HTTP-date)', '500, no header', 'X-RateLimit-Remaining: 0, then more requests'];

interface Trial {
  url: string;
  arrivals: number[];
  windowEnd: () => number | null;
  close: () => Promise<void>;
}

/** A server that refuses for WINDOW_MS from the first request, the way `mode` says. */
async function startServer(mode: Mode): Promise<Trial> {
  const arrivals: number[] = [];
  let end: number | null = null;
  const server: Server = createServer((req, res) => {
    const now = Date.now();
    arrivals.push(now);
    const first = end === null;
    // Retry-After in seconds says exactly 2 s. HTTP-dates and X-RateLimit-Reset (epoch seconds)
    // cannot say anything finer than a whole second, so those windows end on one; otherwise
    // every client would look late by the rounding.
    const wholeSecond = mode === '503 + Retry-After (HTTP-date)' || mode === 'X-RateLimit-Remaining: 0, then more requests';
    end ??= wholeSecond ? Math.ceil((now + WINDOW_MS) / 1000) * 1000 : now + WINDOW_MS;
    const closed = now < end;
    const secondsLeft = Math.max(1, Math.ceil((end - now) / 1000));
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (!closed) return json(200, { ok: true });
    switch (mode) {
      case '429 + Retry-After: 2':
        return json(429, { error: 'Too Many Requests' }, { 'retry-after': String(Math.round((end - now) / 1000)) });
      case '503 + Retry-After (HTTP-date)':
        return json(503, { error: 'Service Unavailable' }, { 'retry-after': new Date(Math.ceil(end / 1000) * 1000).toUTCString() });
      case '500, no header':
        return json(500, { error: 'Internal Server Error' });
      case 'X-RateLimit-Remaining: 0, then more requests':
        // The first answer spends the quota; anything more inside the window is refused.
        if (first) return json(200, { ok: true }, { 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.ceil(end / 1000)) });
        return json(429, { error: 'Too Many Requests' }, { 'retry-after': String(secondsLeft), 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.ceil(end / 1000)) });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/data`,
    arrivals,
    windowEnd: () => end,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** A client under test: fetch `url` once as a logical request, resolving on success. */
type Fetcher = (url: string) => Promise<unknown>;

async function plainFetch(url: string) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

export const CLIENTS: Record<string, () => Fetcher> = {
  // useQuery in a browser retries 3 times with 1 s, 2 s, 4 s; fetchQuery defaults to no retry, so say it.
  'TanStack Query defaults': () => {
    const client = new QueryClient();
    let n = 0;
    return (url) => client.fetchQuery({ queryKey: ['data', (n += 1)], queryFn: () => plainFetch(url), retry: 3 });
  },
  'TanStack Query + faultline': () => {
    const client = new QueryClient();
    const store = createApiErrorStore();
    const api = createApiClient({ baseUrl: 'http://unused.invalid', onResponse: (response) => noteRateLimitHeaders(store, 'bench', response.headers, Date.now()) });
    let n = 0;
    // What useApiQuery and the provider do: wait for a closed window, record a rate limit's window.
    return (url) =>
      client.fetchQuery({
        queryKey: ['data', (n += 1)],
        ...createRetryPolicy(),
        queryFn: async ({ signal }) => {
          await waitForRateLimitWindow(store, 'bench', signal);
          try {
            return await api.get(url, { signal });
          } catch (error) {
            if (isApiError(error)) report(store, { ...error, api: 'bench' } as typeof error, { now: Date.now(), toast: false });
            throw error;
          }
        },
      });
  },
  'ky defaults': () => (url) => ky.get(url).json(),
  'axios + axios-retry defaults': () => {
    const instance = axios.create();
    axiosRetry(instance);
    return async (url) => (await instance.get(url)).data;
  },
};

interface TrialResult {
  wasted: number;
  recoveryMs: number | null;
}

export interface RateLimitRow {
  mode: Mode;
  client: string;
  /** Median over the trials. */
  wasted: number;
  maxWasted: number;
  /** Median time from the window opening to the caller's 200, over the trials that succeeded. */
  recoveryMs: number | null;
  succeeded: string;
}

const TRIALS = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Runs one client against one mode: the numbers are from the server's side. */
async function trial(mode: Mode, name: string): Promise<TrialResult> {
  const server = await startServer(mode);
  const get = CLIENTS[name]!();
  let doneAt: number | null = null;
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('gave up')), GIVE_UP_MS));
  try {
    if (mode === 'X-RateLimit-Remaining: 0, then more requests') {
      await Promise.race([get(server.url), timeout]);
      // The app wants three more things right away (another page, a detail, a refresh).
      await Promise.race([Promise.all([get(server.url), get(server.url), get(server.url)]), timeout]);
    } else {
      await Promise.race([get(server.url), timeout]);
    }
    doneAt = Date.now();
  } catch {
    // Gave up (retries spent inside the window): counted as a failed trial.
  } finally {
    await server.close();
  }
  const end = server.windowEnd()!;
  // Wasted: every request that reached the server while the window was closed, except the one
  // that discovered it (the first request of the three refused modes).
  const inside = server.arrivals.filter((t) => t < end).length;
  return { wasted: Math.max(0, inside - 1), recoveryMs: doneAt === null ? null : Math.max(0, doneAt - end) };
}

async function trials(mode: Mode, client: string): Promise<RateLimitRow> {
  const results: TrialResult[] = [];
  for (let i = 0; i < TRIALS; i += 1) results.push(await trial(mode, client));
  const recovered = results.flatMap((r) => (r.recoveryMs === null ? [] : [r.recoveryMs]));
  return {
    mode,
    client,
    wasted: median(results.map((r) => r.wasted)),
    maxWasted: Math.max(...results.map((r) => r.wasted)),
    recoveryMs: recovered.length ? median(recovered) : null,
    succeeded: `${recovered.length}/${TRIALS}`,
  };
}

export async function benchRateLimit(): Promise<RateLimitRow[]> {
  const rows: RateLimitRow[] = [];
  for (const mode of MODES) {
    // Clients in parallel, each against its own server: the scenario takes one window, not four.
    rows.push(...(await Promise.all(Object.keys(CLIENTS).map((name) => trials(mode, name)))));
  }
  return rows;
}
