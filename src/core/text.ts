// Server text reaches people. It must arrive as plain text: no tags, no entity tricks, no secrets,
// and short enough to read. Every reader here is linear in its input: a hostile server chooses
// the text, so no pattern may backtrack over it, and every input is capped before a pattern runs.

const MAX_MESSAGE_LENGTH = 500;
/** Characters of server text looked at for a message: enough for markup around a short message. */
export const MAX_TEXT_INPUT = 16 * 1024;

/** The first `max` characters of a string (never splitting a surrogate pair). */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

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
export function toPlainText(input: string, maxLength = MAX_MESSAGE_LENGTH, secrets: readonly string[] = []): string {
  const capped = redactSecrets(capText(input, MAX_TEXT_INPUT), secrets, false);
  // Strip before and after decoding: `&lt;img onerror=…&gt;` must not come back as a tag.
  const text = decodeEntities(capped.replace(TAG, ' ')).replace(TAG, ' ');
  const clean = redactSecrets(text, secrets).replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
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
    const name = html.slice(open.start + 1, open.end).toLowerCase();
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

/** The readable text of an HTML error page: its title, else its first heading, else its body text. */
export function textFromHtml(input: string, secrets: readonly string[] = []): string {
  const html = withoutCode(capText(input, 4 * MAX_TEXT_INPUT));
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

// Credentials that servers sometimes echo back ("invalid token eyJ…", "Bearer abc…", "?api_key=…").
// Each pattern is linear: a fixed prefix, then one greedy run whose end is the end of the match.
const SCHEME_TOKEN = /\b(bearer|basic|token)(\s+)[A-Za-z0-9._~+/=-]{8,}/gi;
const STRIPE_KEY = /\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{8,}/g;
const QUERY_SECRET = /\b((?:api[-_]?key|apikey|key|token|access[-_]?token|auth|authorization|secret|client[-_]?secret|password|signature|sig|jwt|session)=)[^&#\s"'<>]+/gi;
// RPC providers put the API key in the URL's path (Alchemy `/v2/<key>`, Infura `/v3/<key>`, QuickNode
// `/<token>/`), and SDKs quote that URL in their messages. A path segment of 32+ key characters with
// letters and digits is taken for a key; UUIDs (resource ids) are kept.
const PATH_KEY = /\/([A-Za-z0-9_-]{32,})(?=[/?#\s"'<>),;]|$)/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const redactPathKey = (match: string, segment: string) => (/[0-9]/.test(segment) && /[A-Za-z]/.test(segment) && !UUID.test(segment) ? '/[redacted]' : match);
// A JWT is three base64url segments; it is found by reading each run of JWT characters once.
const JWT_RUN = /[A-Za-z0-9_.-]{11,}/g;
const SEGMENT = /[A-Za-z0-9_-]/;
const WORD = /[A-Za-z0-9_]/;

/** Cuts JWTs (`eyJ…` `.` 4+ chars `.` …) out of one run of JWT characters, in one pass. */
function redactJwts(run: string): string {
  let out = '';
  let copied = 0;
  let from = 0;
  for (;;) {
    const start = run.indexOf('eyJ', from);
    if (start === -1) break;
    if (start > 0 && WORD.test(run[start - 1]!)) {
      from = start + 1;
      continue;
    }
    // First segment: every candidate start inside it ends at the same place, so a failure here
    // fails them all and the search resumes after it (what keeps "eyJ-eyJ-eyJ-…" linear).
    let i = start + 3;
    while (i < run.length && SEGMENT.test(run[i]!)) i += 1;
    const firstEnd = i;
    let ok = firstEnd - start - 3 >= 4 && run[i] === '.';
    if (ok) {
      i += 1;
      const second = i;
      while (i < run.length && SEGMENT.test(run[i]!)) i += 1;
      ok = i - second >= 4 && run[i] === '.';
      if (ok) {
        i += 1;
        while (i < run.length && SEGMENT.test(run[i]!)) i += 1;
      }
    }
    if (ok) {
      out += `${run.slice(copied, start)}[redacted]`;
      copied = i;
      from = i;
    } else {
      from = Math.max(firstEnd, start + 1);
    }
  }
  return copied === 0 ? run : out + run.slice(copied);
}

/**
 * Replaces anything that looks like a credential, and each of `secrets`, with `[redacted]`.
 * Linear in the length of `text`.
 */
export function redactSecrets(text: string, secrets: readonly string[] = [], patterns = true): string {
  let out = text;
  for (const secret of secrets) {
    if (typeof secret === 'string' && secret.length >= 4 && out.includes(secret)) out = out.split(secret).join('[redacted]');
  }
  if (!patterns) return out;
  return out
    .replace(JWT_RUN, redactJwts)
    .replace(SCHEME_TOKEN, (_match, scheme: string, space: string) => `${scheme}${space}[redacted]`)
    .replace(STRIPE_KEY, '[redacted]')
    .replace(PATH_KEY, redactPathKey)
    .replace(QUERY_SECRET, (_match, name: string) => `${name}redacted`);
}

const SENSITIVE_QUERY = /^(api[-_]?key|apikey|key|token|access[-_]?token|auth|authorization|secret|client[-_]?secret|password|signature|sig|jwt|session)$/i;

/** A URL fit for logs: credentials in the query and user-info are masked. Never throws. */
export function redactUrl(input: string, secrets: readonly string[] = []): string {
  const url = redactSecrets(capText(input, 8192), secrets, false);
  try {
    const parsed = new URL(url, 'http://relative.invalid');
    let changed = false;
    if (parsed.username || parsed.password) {
      parsed.username = '';
      parsed.password = '';
      changed = true;
    }
    for (const key of [...parsed.searchParams.keys()]) {
      if (SENSITIVE_QUERY.test(key)) {
        parsed.searchParams.set(key, 'redacted');
        changed = true;
      }
    }
    if (!changed) return redactSecrets(url);
    return redactSecrets(parsed.origin === 'http://relative.invalid' ? `${parsed.pathname}${parsed.search}${parsed.hash}` : parsed.href);
  } catch {
    return redactSecrets(url);
  }
}

/** An http(s) URL as a string, or null for anything else (javascript:, data:, relative, garbage). Never throws. */
export function safeHttpUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2048) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
