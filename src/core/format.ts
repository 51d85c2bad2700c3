/** Number formatting shared by check messages and renderers, so a value reads the same everywhere. */

/** A metric value with 4 decimals (enough to see a 0.1 % margin), or `–` when there is none. */
export function fmt(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const s = x.toFixed(4);
  return s === '-0.0000' ? '0.0000' : s;
}

/** A difference with an explicit sign (`+0.0090`, `-0.0120`). */
export function fmtSigned(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const s = fmt(x);
  return s.startsWith('-') || s === '0.0000' ? s : `+${s}`;
}

/** A confidence level as a percentage (`95%`, `99.5%`). */
export function fmtLevel(level: number): string {
  return `${Number((level * 100).toFixed(4))}%`;
}
