// Dates in headers: Retry-After's HTTP-date (RFC 9110 §5.6.7, all three forms) and Anthropic's
// RFC 3339 resets. A malformed date is no date: no wait is made up from it.
import { describe, expect, it } from 'vitest';
import { anthropic, errorFromResponse, parseRetryAfter } from '../../src/core/index.js';

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0); // Tue, 24 Nov 2026 12:00:00 GMT

describe('Retry-After as an HTTP-date', () => {
  it.each([
    ['IMF-fixdate', 'Tue, 24 Nov 2026 12:00:30 GMT', 30_000],
    ['IMF-fixdate, any case', 'tue, 24 nov 2026 12:01:00 gmt', 60_000],
    ['IMF-fixdate with spaces around', '  Tue, 24 Nov 2026 12:00:05 GMT  ', 5_000],
    ['RFC 850', 'Tuesday, 24-Nov-26 12:00:10 GMT', 10_000],
    ['asctime, one-digit day', 'Tue Nov  4 12:00:00 2026', null],
    ['asctime', 'Tue Nov 24 12:00:20 2026', 20_000],
    ['a leap second', 'Tue, 24 Nov 2026 12:00:60 GMT', 60_000],
    ['the last hour, minute and second', 'Tue, 24 Nov 2026 23:59:59 GMT', 43_199_000],
  ])('reads %s', (_name, value, wait) => {
    const read = parseRetryAfter(value, NOW);
    // A date in the past is no wait (0); the one-digit day above is in the past.
    expect(read).toBe(wait === null ? 0 : wait);
  });

  it.each([
    ['no such month', 'Tue, 24 Nox 2026 12:00:30 GMT'],
    ['31 February', 'Sat, 31 Feb 2027 12:00:30 GMT'],
    ['day 0', 'Tue, 00 Dec 2026 12:00:30 GMT'],
    ['day 32', 'Tue, 32 Dec 2026 12:00:30 GMT'],
    ['hour 24', 'Tue, 24 Dec 2026 24:00:30 GMT'],
    ['minute 60', 'Tue, 24 Dec 2026 12:60:30 GMT'],
    ['second 61', 'Tue, 24 Dec 2026 12:00:61 GMT'],
    ['no GMT', 'Tue, 24 Dec 2026 12:00:30'],
    ['a local zone', 'Tue, 24 Dec 2026 12:00:30 PST'],
    ['a prefix of junk', 'x Tue, 24 Dec 2026 12:00:30 GMT'],
    ['a suffix of junk', 'Tue, 24 Dec 2026 12:00:30 GMT x'],
    ['RFC 850 with a short weekday', 'Tue, 24-Dec-26 12:00:30 GMT'],
    ['asctime with a zone', 'Tue Dec 24 12:00:30 2026 GMT'],
    ['over 40 characters', `Tue, 24 Dec 2026 12:00:30 GMT${' '.repeat(5)}${'x'.repeat(10)}`],
  ])('reads %s as no wait', (_name, value) => {
    expect(parseRetryAfter(value, NOW)).toBeNull();
  });

  it('reads day 31 of a month that has one', () => {
    expect(parseRetryAfter('Thu, 31 Dec 2026 23:59:59 GMT', Date.UTC(2026, 11, 31, 23, 59, 0))).toBe(59_000);
  });

  it("reads RFC 850's two-digit year as the closest century (no more than 50 years ahead)", () => {
    // In 2026, '75' is 2075 (49 years ahead) and '77' is 1977 (51 years ahead is too far).
    // (A wait is at most a day: 2075 is read as that.)
    expect(parseRetryAfter('Monday, 01-Jan-75 00:00:00 GMT', NOW)).toBe(86_400_000);
    expect(parseRetryAfter('Saturday, 01-Jan-77 00:00:00 GMT', NOW)).toBe(0);
    // Near the end of a century, '05' is the next one's.
    const late = Date.UTC(2098, 5, 1);
    expect(parseRetryAfter('Sunday, 01-Jun-98 00:00:10 GMT', late)).toBe(10_000);
    expect(parseRetryAfter('Monday, 01-Jun-05 00:00:00 GMT', Date.UTC(2099, 5, 1))).toBe(86_400_000);
    expect(parseRetryAfter('Thursday, 01-Jun-00 00:00:00 GMT', Date.UTC(2049, 5, 1))).toBe(0);
  });
});

describe("Anthropic's RFC 3339 resets", () => {
  const resetOf = async (value: string) => {
    const response = new Response('{}', { status: 429, headers: { 'anthropic-ratelimit-requests-remaining': '0', 'anthropic-ratelimit-requests-reset': value } });
    const error = await errorFromResponse(response, { api: anthropic, now: NOW });
    return error.rateLimit?.resetAt ?? null;
  };

  it.each([
    ['Z', '2026-11-24T12:00:30Z', NOW + 30_000],
    ['lower-case z and t', '2026-11-24t12:00:30z', NOW + 30_000],
    ['a space for T', '2026-11-24 12:00:30Z', NOW + 30_000],
    ['a positive offset', '2026-11-24T13:30:30+01:30', NOW + 30_000],
    ['a negative offset', '2026-11-24T07:00:30-05:00', NOW + 30_000],
    ['a fraction, cut to ms', '2026-11-24T12:00:30.123456789Z', NOW + 30_123],
    ['a short fraction', '2026-11-24T12:00:30.5Z', NOW + 30_500],
    ['a leap second', '2026-11-24T12:00:60Z', NOW + 60_000],
  ])('reads %s', async (_name, value, at) => {
    expect(await resetOf(value)).toBe(at);
  });

  it.each([
    ['no offset', '2026-11-24T12:00:30'],
    ['month 13', '2026-13-24T12:00:30Z'],
    ['30 February', '2027-02-30T12:00:30Z'],
    ['day 0', '2026-11-00T12:00:30Z'],
    ['day 32', '2026-12-32T12:00:30Z'],
    ['hour 24', '2026-11-24T24:00:30Z'],
    ['minute 60', '2026-11-24T12:60:30Z'],
    ['second 61', '2026-11-24T12:00:61Z'],
    ['offset hour 24', '2026-11-24T12:00:30+24:00'],
    ['offset minute 60', '2026-11-24T12:00:30+01:60'],
    ['junk after', '2026-11-24T12:00:30Zjunk'],
  ])('reads %s as no reset', async (_name, value) => {
    expect(await resetOf(value)).toBeNull();
  });
});

// The readers themselves, at the edges of each field (RFC 9110 §5.6.7, RFC 3339 §5.6).
describe('date readers at their edges', async () => {
  const { parseHttpDate } = await import('../../src/core/http-date.js');
  const { parseRfc3339 } = await import('../../src/core/rfc3339.js');

  it('reads every month by its name, February included, and the last valid hour, minute and second', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    months.forEach((name, month) => expect(parseHttpDate(`Sun, 01 ${name} 2027 00:00:00 GMT`, NOW), name).toBe(Date.UTC(2027, month, 1)));
    expect(parseHttpDate('Sun, 28 Feb 2027 23:59:59 GMT', NOW)).toBe(Date.UTC(2027, 1, 28, 23, 59, 59));
    expect(parseHttpDate('Sun Feb  7 10:00:00 2027', NOW)).toBe(Date.UTC(2027, 1, 7, 10));
    expect(parseHttpDate('  Sun, 28 Feb 2027 00:00:00 GMT  ', NOW)).toBe(Date.UTC(2027, 1, 28));
  });

  it("takes RFC 850's year exactly 50 years ahead as ahead, and only a later one as past", () => {
    // RFC 9110 §5.6.7: "more than 50 years in the future" is the past.
    expect(parseHttpDate('Saturday, 01-Jan-76 00:00:00 GMT', NOW)).toBe(Date.UTC(2076, 0, 1));
    expect(parseHttpDate('Thursday, 01-Jan-77 00:00:00 GMT', NOW)).toBe(Date.UTC(1977, 0, 1));
    // Late in a century a small two-digit year is the next century's, up to 50 years ahead exactly.
    expect(parseHttpDate('Tuesday, 01-Jan-49 00:00:00 GMT', Date.UTC(2099, 0, 1))).toBe(Date.UTC(2149, 0, 1));
    expect(parseHttpDate('Tuesday, 01-Jan-48 00:00:00 GMT', Date.UTC(2099, 0, 1))).toBe(Date.UTC(2148, 0, 1));
  });

  it('reads RFC 3339 up to 23:59:60 and offsets up to ±23:59, and nothing past them', () => {
    expect(parseRfc3339('2027-02-28T23:59:59Z')).toBe(Date.UTC(2027, 1, 28, 23, 59, 59));
    expect(parseRfc3339('2027-02-28T23:59:60Z')).toBe(Date.UTC(2027, 1, 28, 23, 59, 60));
    expect(parseRfc3339('2027-12-31T00:00:00+23:59')).toBe(Date.UTC(2027, 11, 31) - (23 * 60 + 59) * 60_000);
    expect(parseRfc3339(' 2027-01-01T00:00:00Z ')).toBe(Date.UTC(2027, 0, 1));
    expect(parseRfc3339('2027-01-01T00:00:00-00:30')).toBe(Date.UTC(2027, 0, 1) + 30 * 60_000);
    for (const bad of ['2027-13-01T00:00:00Z', '2027-00-10T00:00:00Z', '2027-01-00T00:00:00Z', '2027-01-32T00:00:00Z', '2027-02-29T00:00:00Z', '2027-01-01T24:00:00Z', '2027-01-01T00:60:00Z', '2027-01-01T00:00:61Z', '2027-01-01T00:00:00+24:00', '2027-01-01T00:00:00+00:60', 'x2027-01-01T00:00:00Z', '2027-01-01T00:00:00', '2027-01-01T00:00:00Zx']) {
      expect(parseRfc3339(bad), bad).toBeNull();
    }
  });
});
