// Dates in headers, parsed by hand: `Date.parse` accepts far more than the standards allow and
// reads some forms (asctime) in the machine's local time zone.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// RFC 9110 §5.6.7, the three forms a recipient must accept; all are UTC.
const IMF_FIXDATE = /^(?:mon|tue|wed|thu|fri|sat|sun), (\d{2}) ([a-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/i; // Sun, 06 Nov 1994 08:49:37 GMT
const RFC850_DATE = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday), (\d{2})-([a-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/i; // Sunday, 06-Nov-94 08:49:37 GMT
const ASCTIME_DATE = /^(?:mon|tue|wed|thu|fri|sat|sun) ([a-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/i; // Sun Nov  6 08:49:37 1994

function utc(year: number, monthName: string, day: number, hour: number, minute: number, second: number): number | null {
  const month = MONTHS.indexOf(monthName.toLowerCase());
  // RFC 9110 §5.6.7 allows a leap second (60): it is the instant the next minute starts.
  if (hour > 23 || minute > 59 || second > 60) return null;
  // Date.UTC rolls 31 Feb over into March and month -1 back into December: an unknown month, day 0
  // and a day the month does not have all come back in another month, and are no date.
  return new Date(Date.UTC(year, month, day)).getUTCMonth() === month ? Date.UTC(year, month, day, hour, minute, second) : null;
}

/**
 * RFC 850's two-digit year (RFC 9110 §5.6.7): a year that appears more than 50 years in the future
 * is the most recent past year with the same last two digits.
 */
function fullYear(twoDigits: number, now: number): number {
  const current = new Date(now).getUTCFullYear();
  let year = Math.floor(current / 100) * 100 + twoDigits;
  if (year > current + 50) year -= 100;
  else if (year <= current - 50) year += 100;
  return year;
}

/** An HTTP-date (RFC 9110 §5.6.7, any of its three forms) in epoch ms, or null. (`Number(' 6')` is 6: asctime's space-padded day needs no trim.) */
export function parseHttpDate(value: string, now: number): number | null {
  const text = value.trim();
  if (text.length > 40) return null;
  let m = IMF_FIXDATE.exec(text);
  if (m) return utc(Number(m[3]), m[2]!, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
  m = RFC850_DATE.exec(text);
  if (m) return utc(fullYear(Number(m[3]), now), m[2]!, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
  m = ASCTIME_DATE.exec(text);
  if (m) return utc(Number(m[6]), m[1]!, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
  return null;
}
