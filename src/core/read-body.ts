import { attempt } from './safe.js';

/** Bytes read from an error body at most; the rest is never downloaded. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Characters of a non-JSON error body kept on `ApiError.body`. */
export const MAX_BODY_TEXT = 8 * 1024;
/** How long an error body may take to arrive before faultline reads what came (a body that never ends). */
export const BODY_TIMEOUT_MS = 10_000;

/**
 * Reads at most `maxBytes` of a body stream within `timeoutMs`, then cancels the rest: what
 * arrived by then is the body.
 */
async function readCapped(response: Response, maxBytes: number, timeoutMs: number): Promise<string> {
  const stream = response.body;
  if (!stream || typeof stream.getReader !== 'function') {
    const text = await withDeadline(response.text(), timeoutMs, '');
    return text.slice(0, maxBytes);
  }
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  const deadline = Date.now() + timeoutMs;
  try {
    while (bytes < maxBytes) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      const { done, value } = await withDeadline(reader.read(), left, { done: true, value: undefined });
      if (done || !value) break;
      const chunk = value.byteLength > maxBytes - bytes ? value.subarray(0, maxBytes - bytes) : value;
      bytes += chunk.byteLength;
      text += decoder.decode(chunk, { stream: true });
    }
    text += decoder.decode();
  } finally {
    // Stop the download of whatever is left (a 10 MB HTML page behind a proxy error, a stalled stream).
    reader.cancel().catch(() => undefined);
  }
  return text;
}

/** `promise`, or `fallback` once `ms` have passed; the timer never outlives the race. */
function withDeadline<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), Math.min(ms, 2_147_483_647));
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/**
 * Parses a body's text: JSON when it is JSON, otherwise the text itself (cut to `maxText`
 * characters); empty means undefined.
 */
export function parseBodyText(text: string, contentType: string | null, maxText = MAX_BODY_TEXT): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const jsonLike = /^[[{"]/.test(trimmed) || (contentType !== null && /[/+]json\b/i.test(contentType.slice(0, 256)));
  if (jsonLike) {
    const parsed = attempt(() => JSON.parse(trimmed) as unknown, undefined);
    if (parsed !== undefined) return parsed;
  }
  // slice() gives a shorter text back whole.
  return text.slice(0, maxText);
}

/**
 * The body of an error response, read once, capped in size and time; never rejects (an
 * unreadable body is undefined).
 */
export async function readResponseBody(response: Response, contentType: string | null, maxBytes = MAX_BODY_BYTES, timeoutMs = BODY_TIMEOUT_MS): Promise<unknown> {
  try {
    if (response.bodyUsed) return undefined;
    return parseBodyText(await readCapped(response, maxBytes, timeoutMs), contentType);
  } catch {
    return undefined;
  }
}
