// Server text reaches people as plain text: HTML error pages read for their title, heading or body;
// tags and entity tricks removed; long text cut with an ellipsis.
import { describe, expect, it } from 'vitest';
import { defineApi, errorFromResponse, normalizeError } from '../../src/core/index.js';

const messageOf = async (body: string, contentType: string | null = 'text/html') =>
  (await errorFromResponse(new Response(body, { status: 502, headers: contentType ? { 'content-type': contentType } : {} }))).message;
/** The text kept of a thrown Error's message. */
const plain = (text: string) => normalizeError(new Error(text)).message;

describe('HTML error pages', () => {
  it('reads the title, else the first heading, else the body text', async () => {
    expect(await messageOf('<html><head><title> Bad  gateway </title></head><body><h1>Other</h1></body></html>')).toBe('Bad gateway');
    expect(await messageOf('<html><head><TITLE lang="en">Upper</TITLE></head></html>')).toBe('Upper');
    expect(await messageOf('<html><head><title></title></head><body><h1 class="x">Heading</h1><p>text</p></body></html>')).toBe('Heading');
    expect(await messageOf('<html><body><p>Only <b>body</b> text</p></body></html>')).toBe('Only body text');
    expect(await messageOf('<html><head><meta charset="utf-8"><link rel="x"></head>Outside the head</html>')).toBe('Outside the head');
  });

  it('drops scripts, styles, templates and noscript, closed or not', async () => {
    expect(await messageOf('<html><body><script>alert(1)</script><style>p{}</style>Visible<noscript>no</noscript><template>t</template> text</body></html>')).toBe('Visible text');
    expect(await messageOf('<html><body>Before<SCRIPT type="x">alert(1)</script >after</body></html>')).toBe('Before after');
    expect(await messageOf('<html><body>Kept<script>never closed, never shown')).toBe('Kept');
    expect(await messageOf('<html><head><title><script>x</script>Real title</title></head></html>')).toBe('Real title');
  });

  it('skips a title or heading that is never closed, or whose tag never ends', async () => {
    expect(await messageOf('<html><body><h1>Heading</h1><title>unclosed')).toBe('Heading');
    expect(await messageOf('<html><body><title x="never ends')).toBe('Request failed with status 502');
    expect(await messageOf('<html><head><title>T</title></head><body')).toBe('T');
  });

  it('recognises a page by its start even without an HTML content type', async () => {
    expect(await messageOf('<!DOCTYPE html><html><title>Doc</title></html>', 'text/plain')).toBe('Doc');
    expect(await messageOf('  <html lang="en"><title>Lang</title></html>', null)).toBe('Lang');
    expect(await messageOf('<body><h1>Body first</h1></body>', null)).toBe('Body first');
    expect(await messageOf('<head><title>Head first</title></head>', null)).toBe('Head first');
    expect(await messageOf('<b>not a page</b> but words', 'text/plain')).toBe('not a page but words');
  });
});

describe('plain text from server text', () => {
  it('removes tags, closed or not, before and after decoding entities', () => {
    expect(plain('a <img src=x onerror=alert(1)> b')).toBe('a b');
    expect(plain('a <img src=x onerror=alert(1)')).toBe('a');
    expect(plain('x &lt;img onerror=alert(1)&gt; y')).toBe('x y');
    expect(plain('1 < 2 and 3 > 2')).toBe('1 < 2 and 3 > 2');
    expect(plain('<!-- c --> <?xml x?> </p>done')).toBe('done');
  });

  it('decodes named and numeric entities, and only real ones', () => {
    expect(plain('&amp; &LT; &gt; &quot; &apos; a&nbsp;b')).toBe('& < > " \' a b');
    expect(plain('&#65;&#x42;&#X43;')).toBe('ABC');
    expect(plain('&#0;x&#x110000;y')).toBe('xy');
    expect(plain('&constructor; &toString; &unknown;')).toBe('&constructor; &toString; &unknown;');
  });

  it('turns control characters and runs of space into one space, trimmed', () => {
    expect(plain('  a\u0000\u0001b\tc\n\nd\u007f  ')).toBe('a b c d');
  });

  it('cuts text past 500 characters with an ellipsis', () => {
    const text = plain(`${'word '.repeat(200)}`);
    expect(text.length).toBeLessThanOrEqual(500);
    expect(text.endsWith('…')).toBe(true);
    expect(text.endsWith(' …')).toBe(false);
    expect(plain('x'.repeat(500))).toBe('x'.repeat(500));
    expect(plain('x'.repeat(501))).toBe(`${'x'.repeat(499)}…`);
  });
});

describe("a profile's readThrown", () => {
  class WalletError extends Error {
    constructor(readonly walletCode: number) {
      super('wallet says no');
    }
  }
  const chain = defineApi({
    name: 'chain',
    readThrown: (thrown) => (thrown instanceof WalletError ? { body: { code: `W${thrown.walletCode}`, message: thrown.message }, status: thrown.walletCode, url: 'https://rpc.chain.test/' } : null),
    codes: { W429: { kind: 'rate_limited', retry: true } },
  });
  const broken = defineApi({ name: 'broken', readThrown: () => { throw new Error('profile bug'); } });

  it('reads what its SDK throws, with a real status only, as a POST to the URL it names', () => {
    expect(normalizeError(new WalletError(429), { profiles: [broken, chain] })).toMatchObject({ kind: 'rate_limited', api: 'chain', status: 429, code: 'W429', request: { method: 'POST', url: 'https://rpc.chain.test/' } });
    expect(normalizeError(new WalletError(42), { profiles: [chain] }).status).toBeNull();
    expect(normalizeError(new WalletError(600), { profiles: [chain] }).status).toBeNull();
    expect(normalizeError(new WalletError(100), { profiles: [chain] }).status).toBe(100);
    expect(normalizeError(new WalletError(599), { profiles: [chain] }).status).toBe(599);
  });

  it('keeps the request the caller names, reads with a forced profile first, and lets others pass', () => {
    const request = { method: 'GET', url: 'https://mine.test/a' };
    expect(normalizeError(new WalletError(429), { api: chain, request }).request).toMatchObject(request);
    expect(normalizeError(new Error('plain'), { profiles: [chain] }).api).toBeNull();
    expect(normalizeError(new WalletError(429), { profiles: [broken] }).api).toBeNull();
  });
});
