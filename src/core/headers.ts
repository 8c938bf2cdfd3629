import { asText, attempt, isArray, isRecord, prop } from './safe.js';
import { capText } from './text.js';

/** Header names in lower case mapped to their values; what every reader below takes. */
export type HeaderMap = ReadonlyMap<string, string>;

const MAX_HEADERS = 200;
// No header faultline reads is longer; browsers allow 256 KB, and every reader after this is linear anyway.
const MAX_VALUE_LENGTH = 4096;

/**
 * Reads headers from whatever carries them (a `Headers`, a plain object as axios gives,
 * a Map or an array of pairs) into a lower-cased map. Never throws; junk gives an empty map.
 */
export function toHeaderMap(input: unknown): HeaderMap {
  const map = new Map<string, string>();
  const add = (name: unknown, value: unknown) => {
    if (map.size >= MAX_HEADERS || typeof name !== 'string') return;
    const text = isArray(value) ? value.slice(0, 20).map(asText).filter(Boolean).join(', ') : asText(value);
    if (text !== null && name.length <= 256) map.set(name.toLowerCase(), capText(text, MAX_VALUE_LENGTH));
  };
  attempt(() => {
    if (typeof Headers !== 'undefined' && input instanceof Headers) {
      input.forEach((value, name) => add(name, value));
    } else if (input instanceof Map) {
      input.forEach((value, name) => add(name, value));
    } else if (isArray(input)) {
      for (const pair of input.slice(0, MAX_HEADERS)) if (isArray(pair)) add(pair[0], pair[1]);
    } else if (isRecord(input)) {
      // AxiosHeaders and similar expose toJSON(); a plain object is read as it is.
      // Read through the prototype on purpose: that is where AxiosHeaders keeps toJSON. A throwing getter ends in attempt().
      const toJSON = (input as { toJSON?: unknown }).toJSON;
      const plain = typeof toJSON === 'function' ? attempt(() => (toJSON as () => unknown).call(input), input) : input;
      const source = isRecord(plain) ? plain : input;
      for (const name of Object.keys(source).slice(0, MAX_HEADERS)) add(name, prop(source, name));
    }
  }, undefined);
  return map;
}
