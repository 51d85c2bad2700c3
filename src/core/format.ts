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

/** A fraction as a percentage, up to 4 decimals (`95%`, `99.5%`, `2.5%`). */
export function fmtPercent(r: number): string {
  return `${Number((r * 100).toFixed(4))}%`;
}

/** A confidence level as a percentage (`95%`, `99.5%`). */
export const fmtLevel = fmtPercent;

/** A relative change with an explicit sign, 2 decimals (`+12.5%`, `-3%`). */
export function fmtSignedPercent(r: number): string {
  return `${r >= 0 ? '+' : ''}${Number((r * 100).toFixed(2))}%`;
}
