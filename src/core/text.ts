// Server text reaches people. It must arrive as plain text: no tags, no entity tricks, no secrets,
// and short enough to read.

const MAX_MESSAGE_LENGTH = 500;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

// A tag is `<` followed by a letter, `/`, `!` or `?`; an unclosed one runs to the end of the text,
// so `<img src=x onerror=alert(1)` without its `>` is removed as well.
const TAG = /<[a-z!/?][^>]*(?:>|$)/gi;

/** Plain, single-spaced text with no markup, capped in length. Never throws. */
export function toPlainText(input: string, maxLength = MAX_MESSAGE_LENGTH): string {
  // Strip before and after decoding: `&lt;img onerror=…&gt;` must not come back as a tag.
  const text = decodeEntities(input.replace(TAG, ' ')).replace(TAG, ' ');
  const clean = redactSecrets(text).replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > maxLength ? `${clean.slice(0, maxLength - 1).trimEnd()}…` : clean;
}

/** The readable text of an HTML error page: its title, else its first heading, else its body text. */
export function textFromHtml(html: string): string {
  const withoutCode = html.replace(/<(script|style|template|noscript)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ');
  const title = /<title\b[^>]*>([\s\S]*?)<\/title/i.exec(withoutCode)?.[1];
  const heading = /<h1\b[^>]*>([\s\S]*?)<\/h1/i.exec(withoutCode)?.[1];
  for (const candidate of [title, heading]) {
    const plain = candidate ? toPlainText(candidate) : '';
    if (plain) return plain;
  }
  const body = /<body\b[^>]*>([\s\S]*)/i.exec(withoutCode)?.[1] ?? withoutCode.replace(/<head\b[\s\S]*?<\/head\s*>/i, ' ');
  return toPlainText(body);
}

/** Whether a text body is an HTML page rather than a message. */
export function looksLikeHtml(text: string, contentType: string | null): boolean {
  if (contentType && /\bhtml\b/i.test(contentType)) return true;
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text);
}

// Credentials that servers sometimes echo back ("invalid token eyJ…", "Bearer abc…").
const SECRET_PATTERNS: readonly RegExp[] = [
  /\b(bearer|basic|token)\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, // JWT
  /\b(sk|pk|rk)_(live|test)_[A-Za-z0-9]{8,}/g,
];

/** Replaces anything that looks like a credential, and each of `secrets`, with `[redacted]`. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  for (const pattern of SECRET_PATTERNS) {
    out = out.replace(pattern, (match, scheme?: string) =>
      typeof scheme === 'string' && /^(bearer|basic|token)$/i.test(scheme) ? `${scheme} [redacted]` : '[redacted]',
    );
  }
  return out;
}

const SENSITIVE_QUERY = /^(api[-_]?key|apikey|key|token|access[-_]?token|auth|authorization|secret|password|signature|sig|jwt|session)$/i;

/** A URL fit for logs: credentials in the query and user-info are masked. Never throws. */
export function redactUrl(url: string): string {
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
    if (!changed) return url;
    return parsed.origin === 'http://relative.invalid' ? `${parsed.pathname}${parsed.search}${parsed.hash}` : parsed.href;
  } catch {
    return redactSecrets(url);
  }
}

/** An http(s) URL as a string, or null for anything else (javascript:, data:, relative, garbage). */
export function safeHttpUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2048) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
