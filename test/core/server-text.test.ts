// Server text reaches people as plain text: HTML error pages read for their title, heading or body;
// tags and entity tricks removed; long text cut with an ellipsis.
import { describe, expect, it } from 'vitest';
import { type ApiProfile, defineApi, errorFromResponse, normalizeError } from '../../src/core/index.js';
import { looksLikeHtml, textFromHtml, toPlainText } from '../../src/core/markup.js';

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

describe('textFromHtml: which part of a page is read', () => {
  const read = (html: string) => textFromHtml(html, []);

  it('a heading, not the text before it', () => {
    expect(read('<html><body><p>Error 502</p><h1>Bad gateway</h1></body></html>')).toBe('Bad gateway');
  });

  it('the body from its start tag, without the text before it', () => {
    expect(read('<html>Banner<body class="page">Body text</body></html>')).toBe('Body text');
  });

  it('without a body tag, everything but the head, whose end tag may carry spaces', () => {
    expect(read('<html><head><link rel="icon">Stray head text</head>Outside</html>')).toBe('Outside');
    expect(read('<html><head><link rel="icon">Stray head text</head >Outside</html>')).toBe('Outside');
    // A body tag that never ends starts nothing: the page is read as if it had none.
    expect(read('<html><head><link rel="icon">Head words</head>Body words<body')).toBe('Body words');
  });

  it('closes a code element whatever the case of either tag', () => {
    expect(read('Before<SCRIPT>alert(1)</script>after')).toBe('Before after');
    expect(read('Before<style>p{}</STYLE >after')).toBe('Before after');
  });
});

describe('looksLikeHtml', () => {
  it.each(['<!DOCTYPE html><html>', '<!doctype html>', '<html>', '<html lang="en">', '<HEAD>', '<head profile="x">', '<body>', '<body class="x">', '\n  <html>', `${' '.repeat(100)}<html>`])(
    'a text starting %j is a page',
    (text) => {
      expect(looksLikeHtml(text, null)).toBe(true);
    },
  );

  it.each(['<htmlx>', '<header>', '<bodyguard>', 'Error:<html>', 'Use <html> tags', '{"error":"<html>"}', 'plain words', ''])('a text starting %j is not', (text) => {
    expect(looksLikeHtml(text, null)).toBe(false);
  });

  it('an HTML content type makes any text a page; another content type leaves it to the text', () => {
    expect(looksLikeHtml('plain words', 'text/html; charset=utf-8')).toBe(true);
    expect(looksLikeHtml('plain words', 'TEXT/HTML')).toBe(true);
    expect(looksLikeHtml('plain words', 'text/plain')).toBe(false);
    expect(looksLikeHtml('plain words', 'text/htmlx')).toBe(false);
    expect(looksLikeHtml('<html>', 'text/plain')).toBe(true);
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

describe('toPlainText', () => {
  it('decodes code points 1 to U+10FFFF, and drops 0 and anything past U+10FFFF', () => {
    expect(toPlainText('x&#0;y')).toBe('xy');
    expect(toPlainText('x&#1;y')).toBe('x y');
    expect(toPlainText('a&#x10FFFF;b')).toBe('a\u{10FFFF}b');
    expect(toPlainText('a&#x110000;b&#1114112;c')).toBe('abc');
  });

  it('puts one space where a tag was, in either pass', () => {
    expect(toPlainText('a<br>b')).toBe('a b');
    expect(toPlainText('a&lt;br&gt;b')).toBe('a b');
  });

  it('trims the end of the cut before the ellipsis', () => {
    expect(toPlainText('abc def', 5)).toBe('abc…');
    expect(toPlainText(`${'a'.repeat(498)} bbbb`)).toBe(`${'a'.repeat(498)}…`);
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

  it('reads with the profile forced through `api`, and skips what has no reader', () => {
    expect(normalizeError(new WalletError(429), { api: chain })).toMatchObject({ kind: 'rate_limited', api: 'chain', status: 429 });
    const plainProfile = defineApi({ name: 'plain' });
    expect(normalizeError(new WalletError(429), { api: plainProfile, profiles: [chain] }).api).toBe('chain');
    expect(normalizeError(new WalletError(429), { api: 'chain', profiles: [chain] }).api).toBe('chain');
    // A hole in the caller's list (plain JavaScript) is skipped too.
    expect(normalizeError(new WalletError(429), { profiles: [null as unknown as ApiProfile, chain] }).api).toBe('chain');
  });
});
