import { attempt, isArray, isRecord } from './safe.js';
import { redactSecrets } from './secrets.js';
import { capText } from './text.js';

const MAX_DEPTH = 6;
const MAX_ITEMS = 50;
/** Values copied in all (objects, arrays and leaves together): depth × items alone is 50⁶. */
const MAX_NODES = 1000;
/** Characters of any one string kept. */
export const MAX_STRING = 8 * 1024;
/** Characters of any one string of a small member (a message, a code, a URL). */
const SHORT_STRING = 2000;
/** Characters of all strings together. */
const MAX_TOTAL_CHARS = 64 * 1024;

interface Budget {
  nodes: number;
  chars: number;
  seen: WeakSet<object>;
  /** Characters of any one string kept. */
  maxString: number;
}

const budget = (maxString = MAX_STRING): Budget => ({ nodes: 0, chars: 0, seen: new WeakSet(), maxString });

/**
 * A JSON-safe copy of an untrusted value: cycles cut, depth, size and string lengths bounded
 * (keys and strings together stay under about 64 KB of text), functions dropped, every string
 * passed through `redactSecrets` (with the caller's own `secrets`). Never throws.
 */
export function jsonSafeCopy(value: unknown, secrets: readonly string[] = []): unknown {
  return copy(value, secrets, 0, budget());
}

/**
 * A record of members each copied alone (`toJSON`'s fields): a huge `details` cannot crowd the
 * request, recovery or cause out of the copy, and an object that `details` and `body` share is
 * copied in both rather than read as a cycle. Strings outside the `large` members keep at most
 * `SHORT_STRING` characters, so the whole stays under about 150 KB.
 */
export function jsonSafeMembers(members: Record<string, unknown>, large: readonly string[], secrets: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(members)) {
    const plain = copy(members[key], secrets, 0, budget(large.includes(key) ? MAX_STRING : SHORT_STRING));
    if (plain !== undefined) out[key] = plain;
  }
  return out;
}

function copy(value: unknown, secrets: readonly string[], depth: number, budget: Budget): unknown {
  if ((budget.nodes += 1) > MAX_NODES) return undefined;
  if (typeof value === 'string') {
    const room = Math.max(0, Math.min(budget.maxString, MAX_TOTAL_CHARS - budget.chars));
    // Redacted before it is cut, so a secret that straddles the cut cannot leave its start behind.
    const text = capText(redactSecrets(capText(value, room + 256), secrets), room);
    budget.chars += text.length;
    return text;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value !== 'object') return undefined;
  if (budget.seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Object]';
  budget.seen.add(value);
  return attempt<unknown>(() => {
    if (isArray(value)) {
      const out: unknown[] = [];
      for (const item of value.slice(0, MAX_ITEMS)) {
        if (budget.nodes >= MAX_NODES || budget.chars >= MAX_TOTAL_CHARS) break;
        out.push(copy(item, secrets, depth + 1, budget) ?? null);
      }
      return out;
    }
    if (!isRecord(value)) return undefined;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).slice(0, MAX_ITEMS)) {
      if (budget.nodes >= MAX_NODES || budget.chars >= MAX_TOTAL_CHARS) break;
      const name = capText(key, 200);
      budget.chars += name.length;
      const plain = copy(attempt(() => value[key], '[Unreadable]'), secrets, depth + 1, budget);
      // defineProperty, not assignment: a `__proto__` key stays an ordinary key.
      if (plain !== undefined) Object.defineProperty(out, name, { value: plain, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }, '[Unreadable]');
}
