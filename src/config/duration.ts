/**
 * Prometheus durations (`5m`, `1h30m`, `3d`), as the config's burn-rate windows and rule files write them.
 * Units as Prometheus defines them: ms, s, m, h, d (24h), w (7d), y (365d), largest first, each at most once.
 */
const UNIT_MS: Record<string, number> = {
  y: 365 * 86_400_000,
  w: 7 * 86_400_000,
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1000,
  ms: 1
};
const ORDER = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];

/** Milliseconds of a Prometheus duration, or null when `text` is not one (or is zero). */
export function parseDuration(text: string): number | null {
  const re = /(\d+)(ms|y|w|d|h|m|s)/y;
  let at = 0;
  let total = 0;
  let last = -1;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) return null;
    const rank = ORDER.indexOf(m[2]);
    if (rank <= last) return null;
    last = rank;
    total += Number(m[1]) * UNIT_MS[m[2]];
    at = re.lastIndex;
  }
  return total > 0 && Number.isSafeInteger(total) ? total : null;
}
