// Scenario 2: a retry herd. 1,000 clients get the same 503 at the same instant and retry once it
// is over (a simulated clock: no server, no sleeping). Peak requests per 100 ms tells how hard the
// recovering server is hit by the first retry wave.
import { ApiError, createRetryPolicy } from '../src/core/index.js';

const CLIENTS = 1000;

/** A small seeded PRNG (mulberry32), so every run draws the same jitter. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// TanStack Query's default retryDelay (query-core's retryer.ts): min(1000 · 2^n, 30000), no jitter.
const tanstackDefault = (failureCount: number) => Math.min(1000 * 2 ** failureCount, 30_000);

export interface HerdRow {
  case: string;
  strategy: string;
  peakPer100ms: number;
  spreadMs: string;
}

function summarise(label: string, strategy: string, delays: number[]): HerdRow {
  const buckets = new Map<number, number>();
  for (const delay of delays) buckets.set(Math.floor(delay / 100), (buckets.get(Math.floor(delay / 100)) ?? 0) + 1);
  const sorted = [...delays].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { case: label, strategy, peakPer100ms: Math.max(...buckets.values()), spreadMs: `${Math.round(at(0.05))}–${Math.round(at(0.95))}` };
}

export function benchHerd(): HerdRow[] {
  const plain = new ApiError({ kind: 'unavailable', status: 503, message: 'Service Unavailable', retryable: true, request: { method: 'GET', url: 'https://api.example.com/feed' } });
  const withHeader = new ApiError({ kind: 'unavailable', status: 503, message: 'Service Unavailable', retryable: true, retryAfterMs: 2000, request: plain.request });
  const rows: HerdRow[] = [];
  for (const [label, error] of [
    ['503, no Retry-After', plain],
    ['503, Retry-After: 2', withHeader],
  ] as const) {
    const random = seeded(42);
    const faultline = Array.from({ length: CLIENTS }, () => createRetryPolicy({ random }).retryDelay(0, error));
    const tanstack = Array.from({ length: CLIENTS }, () => tanstackDefault(0));
    rows.push(summarise(label, 'TanStack Query default', tanstack), summarise(label, 'faultline', faultline));
  }
  return rows;
}
