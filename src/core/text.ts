// The length limit every reader applies to text a server chose, before any pattern runs.

/** Characters of server text looked at for a message: enough for markup around a short message. */
export const MAX_TEXT_INPUT = 16 * 1024;

/** The first `max` characters of a string (never splitting a surrogate pair). */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}
