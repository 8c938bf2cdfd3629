// RFC 3339 §5.6 date-time (Anthropic's `anthropic-ratelimit-*-reset`, read by its opt-in profile): an offset or Z is required.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** An RFC 3339 timestamp in epoch ms, or null. */
export function parseRfc3339(value: string): number | null {
  const m = RFC3339.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, fraction = '', , sign, oh, om] = m;
  const month = Number(mo) - 1;
  // Without an offset, Number(undefined) is NaN and passes the offset checks (the offset is then 0).
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 60 || Number(oh) > 23 || Number(om) > 59) return null;
  // Month 13, day 0 and 31 Feb roll over into another month in Date.UTC: no date.
  if (new Date(Date.UTC(Number(y), month, Number(d))).getUTCMonth() !== month) return null;
  const offset = sign ? (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000 : 0;
  const ms = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
  return Date.UTC(Number(y), month, Number(d), Number(h), Number(mi), Number(s), ms) - offset;
}
