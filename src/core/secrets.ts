// Credentials never reach a message, a log or the store: known token shapes and the caller's own
// secrets are cut out of every text faultline keeps.
import { capText } from './text.js';

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
  // Where the segment (base64url characters) starting at `i` ends: at a '.' or the end of the run.
  const segmentEnd = (i: number) => {
    while (i < run.length && SEGMENT.test(run[i]!)) i += 1;
    return i;
  };
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
    const firstEnd = segmentEnd(start + 3);
    const secondEnd = firstEnd - start - 3 >= 4 && run[firstEnd] === '.' ? segmentEnd(firstEnd + 1) : -1;
    if (secondEnd - firstEnd - 1 >= 4 && run[secondEnd] === '.') {
      const end = segmentEnd(secondEnd + 1);
      out += `${run.slice(copied, start)}[redacted]`;
      copied = end;
      from = end;
    } else {
      from = firstEnd;
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

/**
 * A short field (code, request id) redacted like a message, whether a server sent it or a thrown
 * value carried it; null when not a string or blank. Cut after redacting, so a secret that runs
 * past `max` is cut out whole rather than shortened into view.
 */
export function redactField(value: unknown, secrets: readonly string[] = [], max = 200): string | null {
  if (typeof value !== 'string') return null;
  const text = redactSecrets(capText(value, max + 256).trim(), secrets);
  return text === '' ? null : capText(text, max);
}
