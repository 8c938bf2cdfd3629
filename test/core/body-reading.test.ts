import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseBodyText, readResponseBody } from '../../src/core/read-body.js';

const bytes = (text: string) => new TextEncoder().encode(text);

/** A body that arrives in the given chunks; `cancelled` turns true when the reader gives the rest up. */
function chunkedResponse(chunks: Uint8Array[], endless = false) {
  const state = { cancelled: false };
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(chunks[i++]);
      else if (!endless) controller.close();
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { response: new Response(body), state };
}

/** A Response-like object without a stream reader (an older fetch polyfill): only text() works. */
const textOnly = (text: () => Promise<string>, bodyUsed = false) => ({ body: null, bodyUsed, text }) as unknown as Response;

afterEach(() => {
  vi.useRealTimers();
});

describe('readResponseBody: the byte cap', () => {
  it('keeps a body of exactly maxBytes whole and cuts one byte more', async () => {
    expect(await readResponseBody(new Response('abcde'), 'text/plain', 5)).toBe('abcde');
    expect(await readResponseBody(new Response('abcdef'), 'text/plain', 5)).toBe('abcde');
  });

  it('cuts a stream whose later chunk crosses the cap, and cancels the rest of the download', async () => {
    const { response, state } = chunkedResponse([bytes('abc'), bytes('defg'), bytes('hij')], true);
    expect(await readResponseBody(response, 'text/plain', 5)).toBe('abcde');
    expect(state.cancelled).toBe(true);
  });

  it('decodes a multi-byte character split across chunks', async () => {
    const euro = bytes('€'); // three bytes
    const { response } = chunkedResponse([bytes('a'), euro.subarray(0, 1), euro.subarray(1), bytes('b')]);
    expect(await readResponseBody(response, 'text/plain')).toBe('a€b');
  });

  it('reads a body without a stream reader through text(), cut to maxBytes', async () => {
    expect(await readResponseBody(textOnly(async () => 'hello world'), 'text/plain', 5)).toBe('hello');
  });

  it('reads a body without a stream reader that never arrives as nothing', async () => {
    expect(await readResponseBody(textOnly(() => new Promise<string>(() => undefined)), 'text/plain', 100, 5)).toBeUndefined();
  });

  it('reads a body already used as nothing', async () => {
    expect(await readResponseBody(textOnly(async () => 'already read', true), 'text/plain')).toBeUndefined();
  });

  it('reads nothing when no time is left, even if data is ready', async () => {
    expect(await readResponseBody(new Response('ready'), 'text/plain', 100, 0)).toBeUndefined();
  });

  it('reads what came before the deadline of a body that never ends', async () => {
    const { response, state } = chunkedResponse([bytes('partial')], true);
    expect(await readResponseBody(response, 'text/plain', 100, 20)).toBe('partial');
    expect(state.cancelled).toBe(true);
  });

  it('never rejects on a stream that fails', async () => {
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('connection reset'));
      },
    });
    await expect(readResponseBody(new Response(body), 'text/plain')).resolves.toBeUndefined();
  });

  it('leaves no timer behind once the body is read', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    expect(await readResponseBody(new Response('{"a":1}'), 'application/json')).toEqual({ a: 1 });
    expect(vi.getTimerCount()).toBe(0);
    expect(await readResponseBody(textOnly(async () => 'text'), 'text/plain')).toBe('text');
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('parseBodyText: JSON or text', () => {
  it('detects JSON by its first character after whitespace', () => {
    expect(parseBodyText('  \n {"error":"x"}', null)).toEqual({ error: 'x' });
    expect(parseBodyText(' [1]', 'text/plain')).toEqual([1]);
    expect(parseBodyText('"quoted"', null)).toBe('quoted');
  });

  it('keeps a bare number or literal as text unless the content type says JSON', () => {
    expect(parseBodyText('123', 'text/plain')).toBe('123');
    expect(parseBodyText('null', null)).toBe('null');
    expect(parseBodyText('123', 'application/json')).toBe(123);
    expect(parseBodyText('123', 'application/problem+json; charset=utf-8')).toBe(123);
    expect(parseBodyText('true', 'APPLICATION/VND.API+JSON')).toBe(true);
  });

  it('does not take a type that only starts with json for JSON', () => {
    expect(parseBodyText('123', 'application/jsonx')).toBe('123');
    expect(parseBodyText('123', 'text/x-jsonish')).toBe('123');
  });

  it('reads the content type only in its first 256 characters', () => {
    const late = `text/plain; note=${'a'.repeat(300)}; x=/json`;
    expect(parseBodyText('123', late)).toBe('123');
  });

  it('keeps non-JSON text of exactly the cap whole and cuts one character more', () => {
    expect(parseBodyText('abcde', null, 5)).toBe('abcde');
    expect(parseBodyText('abcdef', null, 5)).toBe('abcde');
    expect(parseBodyText('{not json', 'application/json', 4)).toBe('{not');
  });

  it('reads blank text as nothing', () => {
    expect(parseBodyText(' \n\t', 'application/json')).toBeUndefined();
  });
});
