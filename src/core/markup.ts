// Server text reaches people. It must arrive as plain text: no tags, no entity tricks, no secrets,
// and short enough to read. Every reader here is linear in its input: a hostile server chooses
// the text, so no pattern may backtrack over it, and every input is capped before a pattern runs.

import { redactSecrets } from './secrets.js';
import { MAX_TEXT_INPUT, capText } from './text.js';

const MAX_MESSAGE_LENGTH = 500;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,8}|#\d{1,10}|[a-z]{1,32});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
    }
    // Own properties only: `&constructor;` must stay text, not become the source of `Object`.
    const key = name.toLowerCase();
    return Object.prototype.hasOwnProperty.call(ENTITIES, key) ? ENTITIES[key]! : whole;
  });
}

// A tag is `<` followed by a letter, `/`, `!` or `?`; an unclosed one runs to the end of the text,
// so `<img src=x onerror=alert(1)` without its `>` is removed as well. Linear: `[^>]*` stops at the
// first `>` or runs to the end, and a match at the end consumes everything after it.
const TAG = /<[a-z!/?][^>]*(?:>|$)/gi;

/** Plain, single-spaced text with no markup, capped in length; `secrets` are cut out. Never throws. */
export function toPlainText(input: string, maxLength = MAX_MESSAGE_LENGTH, secrets?: readonly string[]): string {
  const capped = redactSecrets(capText(input, MAX_TEXT_INPUT), secrets, false);
  // Strip before and after decoding: `&lt;img onerror=…&gt;` must not come back as a tag.
  const text = decodeEntities(capped.replace(TAG, ' ')).replace(TAG, ' ');
  const clean = redactSecrets(text, secrets).replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
  return clean.length > maxLength ? `${clean.slice(0, maxLength - 1).trimEnd()}…` : clean;
}

/**
 * Finds `pattern` (a /g regex of fixed-length alternatives, so each try is O(1)) from `from`;
 * the index of the match and of its end, or null.
 */
function findFrom(text: string, pattern: RegExp, from: number): { start: number; end: number } | null {
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

/** The end of the tag opened at `start` (after its `>`), or -1 when it is never closed. */
function tagEnd(text: string, start: number): number {
  const close = text.indexOf('>', start);
  return close === -1 ? -1 : close + 1;
}

const CODE_OPEN = /<(script|style|template|noscript)\b/gi;

/**
 * Removes script, style, template and noscript elements; an unclosed one runs to the end.
 * One forward pass: each search starts where the last one ended, so the work is linear.
 */
function withoutCode(html: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = findFrom(html, CODE_OPEN, at);
    if (!open) return out + html.slice(at);
    out += `${html.slice(at, open.start)} `;
    // Matched case-insensitively: `<SCRIPT>` closes with `</script>`.
    const name = html.slice(open.start + 1, open.end);
    const close = findFrom(html, new RegExp(`</${name}\\s*>`, 'gi'), open.end);
    if (!close) return out;
    at = close.end;
  }
}

/** The content of the first `<name …>…</name` element, or undefined. Linear (see `withoutCode`). */
function firstElementText(html: string, name: 'title' | 'h1'): string | undefined {
  const open = findFrom(html, new RegExp(`<${name}\\b`, 'gi'), 0);
  if (!open) return undefined;
  const contentStart = tagEnd(html, open.end);
  if (contentStart === -1) return undefined;
  const close = findFrom(html, new RegExp(`</${name}`, 'gi'), contentStart);
  return close ? html.slice(contentStart, close.start) : undefined;
}

/**
 * The readable text of an HTML error page: its title, else its first heading, else its body text.
 * Only the first `maxInput` characters are read (tests lift the cap to reach the readers below it).
 */
export function textFromHtml(input: string, secrets: readonly string[], maxInput = 4 * MAX_TEXT_INPUT): string {
  const html = withoutCode(capText(input, maxInput));
  for (const candidate of [firstElementText(html, 'title'), firstElementText(html, 'h1')]) {
    const plain = candidate ? toPlainText(candidate, MAX_MESSAGE_LENGTH, secrets) : '';
    if (plain) return plain;
  }
  const bodyOpen = findFrom(html, /<body\b/gi, 0);
  const bodyStart = bodyOpen ? tagEnd(html, bodyOpen.end) : -1;
  let body: string;
  if (bodyStart !== -1) body = html.slice(bodyStart);
  else {
    const head = findFrom(html, /<head\b/gi, 0);
    const headClose = head ? findFrom(html, /<\/head\s*>/gi, head.end) : null;
    body = head && headClose ? `${html.slice(0, head.start)} ${html.slice(headClose.end)}` : html;
  }
  return toPlainText(body, MAX_MESSAGE_LENGTH, secrets);
}

/** Whether a text body is an HTML page rather than a message. */
export function looksLikeHtml(text: string, contentType: string | null): boolean {
  if (contentType && /\bhtml\b/i.test(capText(contentType, 256))) return true;
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(capText(text.trimStart(), 64));
}
