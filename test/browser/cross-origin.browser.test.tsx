import '../../src/styles.css';
import { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import { createApiClient } from '../../src/core/index.js';
import { ApiErrorProvider, ApiErrorToaster, useApiQuery } from '../../src/index.js';

// The page runs on localhost; the API on 127.0.0.1 (test/browser/cross-origin-api.ts): two origins,
// so Chromium hides every response header the API does not list in Access-Control-Expose-Headers.
const apiUrl = inject('crossOriginApi');
const sawSoFar = async (scenario: string): Promise<number[]> => (await fetch(`${apiUrl}/arrivals/${scenario}`)).json();

afterEach(() => {
  vi.restoreAllMocks();
});

function Items({ scenario, mode, status }: { scenario: string; mode: 'exposed' | 'hidden'; status: 429 | 503 }) {
  const [client] = useState(() => createApiClient({ baseUrl: `${apiUrl}/limited/${scenario}/${mode}/${status}` }));
  const query = useApiQuery({ queryKey: [scenario], queryFn: () => client.get<{ items: string[] }>('/items'), api: client });
  return <p>{query.data ? `got ${query.data.items.join(',')}` : query.status}</p>;
}

async function run(mode: 'exposed' | 'hidden', status: 429 | 503 = 429) {
  const scenario = `${mode}-${status}-${Math.random().toString(36).slice(2, 8)}`;
  const screen = await render(
    <ApiErrorProvider queryClient={new QueryClient()} retry={{ random: () => 0 }}>
      <Items scenario={scenario} mode={mode} status={status} />
      <ApiErrorToaster />
    </ApiErrorProvider>,
  );
  await expect.element(screen.getByText('got gm'), { timeout: 8000 }).toBeInTheDocument();
  const arrivals = await sawSoFar(scenario);
  // For the report: what the server saw, in ms since the first request.
  console.info(`cross-origin ${status}, headers ${mode}: ${arrivals.length} requests at ${arrivals.join(', ')} ms`);
  return arrivals;
}

describe('an API on another origin refusing for 2 s', () => {
  it('with Access-Control-Expose-Headers: waits the Retry-After it can read, then one request', async () => {
    const warn = vi.spyOn(console, 'warn');
    const arrivals = await run('exposed');
    expect(arrivals).toHaveLength(2);
    expect(arrivals[1]).toBeGreaterThanOrEqual(2000);
    expect(warn.mock.calls.filter(([text]) => String(text).includes('Access-Control-Expose-Headers'))).toHaveLength(0);
  });

  it('without it: no blind retry inside the window (1 s, then 2 s), and a hint for the developer', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const arrivals = await run('hidden');
    // 0 ms: refused, no wait readable → 1 s window; 1 s: refused again → 2 s window; 3 s: answered.
    expect(arrivals).toHaveLength(3);
    const gaps = arrivals.slice(1).map((at, i) => at - arrivals[i]!);
    expect(gaps[0]).toBeGreaterThanOrEqual(1000);
    expect(gaps[1]).toBeGreaterThanOrEqual(2000);
    const hints = warn.mock.calls.map(([text]) => String(text)).filter((text) => text.includes('Access-Control-Expose-Headers: Retry-After'));
    expect(hints).toHaveLength(1);
    expect(hints[0]).toContain(`${new URL(apiUrl).origin} answered 429`);
  });

  it('a 503 without readable headers backs off the same way', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const arrivals = await run('hidden', 503);
    expect(arrivals).toHaveLength(3);
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(1000);
    expect(arrivals[2]! - arrivals[1]!).toBeGreaterThanOrEqual(2000);
  });
});
