import { attempt, isArray, isRecord } from './safe.js';
import { redactSecrets } from './text.js';

const MAX_DEPTH = 6;
const MAX_ITEMS = 50;

/**
 * A JSON-safe copy of an untrusted value: cycles cut, depth and size bounded, functions dropped,
 * every string passed through `redactSecrets` (with the caller's own `secrets`). Never throws.
 */
export function toPlain(value: unknown, secrets: readonly string[] = [], depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactSecrets(value, secrets);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value !== 'object') return undefined;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Object]';
  seen.add(value);
  return attempt<unknown>(() => {
    if (isArray(value)) return value.slice(0, MAX_ITEMS).map((item) => toPlain(item, secrets, depth + 1, seen) ?? null);
    if (!isRecord(value)) return undefined;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).slice(0, MAX_ITEMS)) {
      const plain = toPlain(value[key], secrets, depth + 1, seen);
      // defineProperty, not assignment: a `__proto__` key stays an ordinary key.
      if (plain !== undefined) Object.defineProperty(out, key, { value: plain, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }, '[Unreadable]');
}
