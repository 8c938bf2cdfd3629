// Reading values we did not create: any property access may throw (getters, revoked proxies),
// any toString may throw, any object may be cyclic. These helpers never throw.

export type Dict = Record<string, unknown>;

/** Reads `value[key]`, or undefined when the value is not an object or the read throws. */
export function prop(value: unknown, key: string): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
  try {
    // Own properties only: a body's `constructor` or `__proto__` must not reach Object.prototype.
    return Object.prototype.hasOwnProperty.call(value, key) ? (value as Dict)[key] : undefined;
  } catch {
    return undefined;
  }
}

/** Like `prop`, but also finds inherited properties (Error fields such as `name` and `message`). */
export function inheritedProp(value: unknown, key: string): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
  try {
    return (value as Dict)[key];
  } catch {
    return undefined;
  }
}

/** The first own property among `keys` that holds a usable value. */
export function firstProp(value: unknown, keys: readonly string[]): unknown {
  for (const key of keys) {
    const found = prop(value, key);
    if (found !== undefined && found !== null && found !== '') return found;
  }
  return undefined;
}

export function isRecord(value: unknown): value is Dict {
  try {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    // Array.isArray throws on a revoked proxy.
    return false;
  }
}

export function isArray(value: unknown): value is unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/** Characters of one body field read at most: enough for any message, code or URL worth reading. */
const MAX_FIELD_TEXT = 16 * 1024;

/** A string (capped, before any pattern reads it) for a string, a finite number or a boolean; anything else is null. */
export function asText(value: unknown): string | null {
  if (typeof value === 'string') return value.slice(0, MAX_FIELD_TEXT);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return null;
}

/** A finite number, only when it already is one (no strings); null otherwise. */
export function finiteNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A finite number from a number or a numeric string; null otherwise. */
export function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  // Number('') and Number(' ') are 0: blank is no number. (Number trims what it reads.)
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

/** String(value) that cannot throw (symbols, objects with throwing toString). */
export function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '';
  }
}

/** Runs `read`, or returns `fallback` if it throws. */
export function attempt<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}
