import { attempt, isArray, isRecord } from './safe.js';
import { redactSecrets } from './secrets.js';
import { capText } from './text.js';

const MAX_DEPTH = 6;
const MAX_ITEMS = 50;
/** Values copied in all (objects, arrays and leaves together): depth × items alone is 50⁶. */
const MAX_NODES = 1000;
/** Characters of any one string kept. */
export const MAX_STRING = 8 * 1024;
/** Characters of all strings together. */
const MAX_TOTAL_CHARS = 64 * 1024;

interface Budget {
  nodes: number;
  chars: number;
  seen: WeakSet<object>;
}

/**
 * A JSON-safe copy of an untrusted value: cycles cut, depth, size and string lengths bounded
 * (the whole copy stays under about 64 KB of text), functions dropped, every string passed
 * through `redactSecrets` (with the caller's own `secrets`). Never throws. `depth` -1 copies a
 * wrapper's members as if each were copied alone.
 */
export function jsonSafeCopy(value: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  return copy(value, secrets, depth, { nodes: 0, chars: 0, seen: new WeakSet() });
}

function copy(value: unknown, secrets: readonly string[], depth: number, budget: Budget): unknown {
  if ((budget.nodes += 1) > MAX_NODES) return undefined;
  if (typeof value === 'string') {
    const room = Math.max(0, Math.min(MAX_STRING, MAX_TOTAL_CHARS - budget.chars));
    // Redacted before it is cut, so a secret that straddles the cut cannot leave its start behind.
    const text = capText(redactSecrets(capText(value, room + 256), secrets), room);
    budget.chars += text.length;
    return text;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value !== 'object') return undefined;
  if (attempt(() => budget.seen.has(value), true)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Object]';
  budget.seen.add(value);
  return attempt<unknown>(() => {
    if (isArray(value)) {
      const out: unknown[] = [];
      for (const item of value.slice(0, MAX_ITEMS)) {
        if (budget.nodes >= MAX_NODES) break;
        out.push(copy(item, secrets, depth + 1, budget) ?? null);
      }
      return out;
    }
    if (!isRecord(value)) return undefined;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).slice(0, MAX_ITEMS)) {
      if (budget.nodes >= MAX_NODES) break;
      const plain = copy(attempt(() => value[key], '[Unreadable]'), secrets, depth + 1, budget);
      // defineProperty, not assignment: a `__proto__` key stays an ordinary key.
      if (plain !== undefined) Object.defineProperty(out, capText(key, 200), { value: plain, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }, '[Unreadable]');
}
