// capText: the cut every reader applies to server text before a pattern runs. It keeps exactly
// `max` UTF-16 units, one fewer when the cut would leave half of a surrogate pair (an emoji, a CJK
// extension character) at the end.
import { describe, expect, it } from 'vitest';
import { capText } from '../../src/core/text.js';

describe('capText', () => {
  it('keeps text of at most max units as it is, even one ending in a lone high surrogate', () => {
    expect(capText('abc', 3)).toBe('abc');
    expect(capText('ab', 3)).toBe('ab');
    expect(capText('', 0)).toBe('');
    expect(capText('a\ud83d', 2)).toBe('a\ud83d');
  });

  it('cuts longer text to exactly max units', () => {
    expect(capText('abcdef', 3)).toBe('abc');
    expect(capText('abcd', 3)).toBe('abc');
  });

  it('drops a high surrogate that the cut would separate from its low half', () => {
    expect(capText('ab😀cd', 3)).toBe('ab');
    // The first and the last high surrogates: U+10000 (\ud800\udc00) and U+10FFFF (\udbff\udfff).
    expect(capText('a\u{10000}b', 2)).toBe('a');
    expect(capText('a\u{10FFFF}b', 2)).toBe('a');
  });

  it('keeps a whole pair, a low surrogate or a BMP character at the cut', () => {
    expect(capText('ab😀cd', 4)).toBe('ab😀');
    expect(capText('😀b', 2)).toBe('😀');
    // The characters just outside the high-surrogate range: U+D7FF and a low surrogate U+DC00.
    expect(capText('a\ud7ffb', 2)).toBe('a\ud7ff');
    expect(capText('a\udc00b', 2)).toBe('a\udc00');
  });
});
