import { attempt } from './safe.js';

/** Bytes read from an error body at most; the rest is never downloaded. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Characters of a non-JSON body kept on `ApiError.body`. */
export const MAX_BODY_TEXT = 8 * 1024;

/** Reads at most `maxBytes` of a body stream and cancels the rest. */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const stream = response.body;
  if (!stream || typeof stream.getReader !== 'function') {
    const text = await response.text();
    return text.slice(0, maxBytes);
  }
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  try {
    while (bytes < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      const chunk = value.byteLength > maxBytes - bytes ? value.subarray(0, maxBytes - bytes) : value;
      bytes += chunk.byteLength;
      text += decoder.decode(chunk, { stream: true });
    }
    text += decoder.decode();
  } finally {
    // Stop the download of whatever is left (a 10 MB HTML page behind a proxy error).
    reader.cancel().catch(() => undefined);
  }
  return text;
}

/** Parses a body's text: JSON when it is JSON, otherwise the text itself; empty means undefined. */
export function parseBodyText(text: string, contentType: string | null): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const jsonLike = /^[[{"]/.test(trimmed) || (contentType !== null && /[/+]json\b/i.test(contentType));
  if (jsonLike) {
    const parsed = attempt(() => JSON.parse(trimmed) as unknown, undefined);
    if (parsed !== undefined) return parsed;
  }
  return text.length > MAX_BODY_TEXT ? text.slice(0, MAX_BODY_TEXT) : text;
}

/** The body of a response, read once and capped; never rejects (an unreadable body is undefined). */
export async function readResponseBody(response: Response, contentType: string | null, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  try {
    if (response.bodyUsed) return undefined;
    return parseBodyText(await readCapped(response, maxBytes), contentType);
  } catch {
    return undefined;
  }
}
