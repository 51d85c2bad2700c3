/**
 * Timestamps of a data table, for freshness: ISO 8601 (`2026-11-30`, `2026-11-30T10:00:00Z`,
 * `2026-11-30 10:00:00.123+01:00`; without an offset the time is read as UTC) or epoch seconds (a plain decimal
 * number). Pure.
 */

/** The latest instant a timestamp may name (9999-12-31T23:59:59Z); beyond it epoch values are milliseconds. */
const MAX_EPOCH_SECONDS = 253402300799;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
const EPOCH = /^-?\d+(\.\d+)?$/;

export type Timestamp = { ms: number } | { error: string };

/** Epoch milliseconds of `text` (trimmed), or why it is not a timestamp. */
export function parseTimestamp(text: string): Timestamp {
  const t = text.trim();
  if (EPOCH.test(t)) {
    const s = Number(t);
    if (Math.abs(s) > MAX_EPOCH_SECONDS) return { error: 'is beyond year 9999 as epoch seconds (epoch milliseconds? divide by 1000)' };
    return { ms: s * 1000 };
  }
  const m = ISO.exec(t);
  if (!m) return { error: 'is neither an ISO 8601 timestamp nor epoch seconds' };
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(Number(y), month) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    return { error: 'is not a valid date and time' };
  }
  let offsetMin = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    offsetMin = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3]));
  }
  const ms =
    Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s)) +
    (frac ? Math.floor(Number(`0${frac}`) * 1000) : 0) -
    offsetMin * 60_000;
  return { ms };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
