import { redactSecrets } from './secrets.js';
import { capText } from './text.js';

// Links rendered from errors: http(s) only, and no credential in their query.

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
    // The URL parser strips leading and trailing spaces and C0 controls itself.
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
