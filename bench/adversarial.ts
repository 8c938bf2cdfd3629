import { ApiError, describeError, errorFromResponse, normalizeError, parseRetryAfter, rateLimitFromHeaders, toHeaderMap } from '../src/core/index.js';
import { jsonSafeCopy } from '../src/core/plain-value.js';
import { redactSecrets } from '../src/core/secrets.js';

// Issue 12: inputs a hostile server sends on purpose, at 64 KB and 1 MB, through each public reader.
// Linear readers take at most 16× as long for 16× the input; capped ones take about the same.

export interface AdversarialRow {
  reader: string;
  input: string;
  ms64k: number;
  ms1m: number;
}

const KB64 = 64 * 1024;
const MB1 = 1024 * 1024;
const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const axios = (status: number, data: unknown) => Object.assign(new Error(`Request failed with status code ${status}`), { response: { status, headers: {}, data } });

interface Case {
  reader: string;
  input: string;
  /** Builds the input of about `size` characters (not timed). */
  make: (size: number) => string;
  /** Reads it (timed). */
  run: (input: string) => unknown;
}

const json = (text: string) => JSON.stringify({ message: text });

const cases: Case[] = [
  { reader: 'errorFromResponse', input: 'JSON message of `eyJ-` runs (JWT-like, never complete)', make: (n) => json(fill('eyJ-', n)), run: (body) => errorFromResponse(new Response(body, { status: 400 })) },
  { reader: 'errorFromResponse', input: 'text/html of unclosed `<title>`', make: (n) => fill('<title>', n), run: (body) => errorFromResponse(new Response(body, { status: 502, headers: { 'content-type': 'text/html' } })) },
  { reader: 'normalizeError (axios)', input: 'message of `eyJ-` runs', make: (n) => fill('eyJ-', n), run: (text) => normalizeError(axios(400, { message: text })) },
  { reader: 'normalizeError (axios)', input: 'message of `Bearer ` runs', make: (n) => fill('Bearer ', n), run: (text) => normalizeError(axios(401, { message: text })) },
  { reader: 'normalizeError (axios)', input: 'HTML of unclosed `<script>`', make: (n) => fill('<script>', n), run: (text) => normalizeError(axios(502, text)) },
  { reader: 'normalizeError (axios)', input: 'HTML of unclosed `<title><h1><body `', make: (n) => fill('<title><h1><body ', n), run: (text) => normalizeError(axios(502, text)) },
  { reader: 'normalizeError (thrown)', input: 'Error message of `&#x` and `&amp` runs', make: (n) => fill('&#x&amp', n), run: (text) => normalizeError(new Error(text)) },
  { reader: 'rateLimitFromHeaders', input: '`x-ratelimit-limit: 111…1x`', make: (n) => `${fill('1', n - 1)}x`, run: (text) => rateLimitFromHeaders(toHeaderMap({ 'x-ratelimit-limit': text }), 0) },
  { reader: 'rateLimitFromHeaders', input: '`RateLimit: "a";r=1,"a";r=1,…`', make: (n) => fill('"a";r=1,', n), run: (text) => rateLimitFromHeaders(toHeaderMap({ ratelimit: text, 'ratelimit-policy': text }), 0) },
  { reader: 'parseRetryAfter', input: '`111…1x`', make: (n) => `${fill('1', n - 1)}x`, run: (text) => parseRetryAfter(text, 0) },
  { reader: 'ApiError#toJSON', input: 'hand-built error, every field that size', make: (n) => fill('eyJ-', n), run: (t) => JSON.stringify(new ApiError({ kind: 'unknown', message: t, code: t, requestId: t, details: { t, list: [t, t, t] }, body: t, cause: new Error(t) })) },
  // The pattern readers themselves, below every cap: linear, so 16× the input takes about 16× the time.
  { reader: 'redactSecrets (internal, uncapped)', input: '`eyJ-` runs', make: (n) => fill('eyJ-', n), run: (text) => redactSecrets(text, ['secret-token']) },
  { reader: 'redactSecrets (internal, uncapped)', input: '`eyJa.eyJa.` runs with `Bearer`, `sk_live_`, `?token=`', make: (n) => fill('eyJa.eyJa. Bearer x sk_live_ ?token=', n), run: (text) => redactSecrets(text) },
  { reader: 'jsonSafeCopy (internal)', input: 'an array of 10,000 strings that size ÷ 10,000', make: (n) => fill('eyJ-', n), run: (text) => jsonSafeCopy(Array.from({ length: 10_000 }, (_, i) => text.slice(i, i + Math.ceil(text.length / 10_000)))) },
  { reader: 'describeError', input: 'details with values of that size', make: (n) => fill('eyJ-', n), run: (t) => describeError(new ApiError({ kind: 'validation', message: t, details: { a: t, b: t } })) },
];

/** Median ms of `run(size)` over repeated runs (at least 5, or about 300 ms). */
async function measure(c: Case, size: number): Promise<number> {
  const input = c.make(size);
  const times: number[] = [];
  const started = performance.now();
  while (times.length < 5 || (performance.now() - started < 300 && times.length < 200)) {
    const t = performance.now();
    await c.run(input);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export async function benchAdversarial(): Promise<AdversarialRow[]> {
  const rows: AdversarialRow[] = [];
  for (const c of cases) {
    await c.run(c.make(1024)); // warm up
    rows.push({ reader: c.reader, input: c.input, ms64k: await measure(c, KB64), ms1m: await measure(c, MB1) });
  }
  return rows;
}
