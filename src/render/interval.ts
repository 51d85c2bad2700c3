/**
 * A small ASCII picture of a comparison's interval against the limit it must clear, oriented so that right is
 * better for every metric:
 *
 *     --=====o===|-----      the interval reaches the limit: fails
 *     -----|---===o====      the interval lies wholly right of the limit: passes
 *
 * The limit is its own column, not a value cell, and every value is put on the side of it that the rule's own
 * comparison puts it on (strictly greater clears the limit, as in core/rules.ts): a value that fails can never
 * be drawn right of `|`, however close to the limit it is or however coarse the scale. ASCII only, so every
 * monospace font draws it with the same width.
 */
import type { CheckResult } from '../core/report.js';

export const BAR_WIDTH = 21;

type BarCheck = Pick<CheckResult, 'rule' | 'direction' | 'delta' | 'ci_low' | 'ci_high' | 'threshold' | 'status'>;

/** The interval turned so that larger is better, with the bound it must exceed; undefined when not drawable. */
export function orientedInterval(c: BarCheck): { lo: number; hi: number; point: number; bound: number } | undefined {
  if (c.ci_low === null || c.ci_high === null || c.delta === null) return undefined;
  let d: number;
  if (c.rule === 'non_inferior' || c.rule === 'superior') d = c.direction === -1 ? -1 : 1;
  else if (c.rule === 'max_gap_increase') d = -1; // the gap's widening must stay below the threshold
  else return undefined;
  const bound = d * (c.rule === 'superior' ? 0 : (c.threshold ?? Number.NaN));
  const lo = d === 1 ? c.ci_low : -c.ci_high;
  const hi = d === 1 ? c.ci_high : -c.ci_low;
  const point = d * c.delta;
  if (![lo, hi, point, bound].every(Number.isFinite)) return undefined;
  return { lo, hi, point, bound };
}

/** True when the interval clears its bound by the rule's comparison (the same one core/rules.ts applies). */
export function clears(c: BarCheck): boolean | undefined {
  const o = orientedInterval(c);
  return o ? o.lo > o.bound : undefined;
}

/**
 * The picture as plain ASCII (`-` axis, `=` interval, `o` estimate, `|` limit), or undefined for checks that
 * have no interval against a limit.
 */
export function intervalPicture(c: BarCheck, width = BAR_WIDTH): string | undefined {
  const o = orientedInterval(c);
  if (!o) return undefined;
  // A check whose status says it did not pass is never drawn as clearing, whatever the numbers say.
  const mayClear = c.status === 'pass' || c.status === 'skipped';
  const values = [o.lo, o.hi, o.point, o.bound];
  let min = Math.min(...values);
  let max = Math.max(...values);
  const pad = (max - min) * 0.1 || Math.abs(o.bound) * 0.1 || 1e-9;
  min -= pad;
  max += pad;
  // Cells 0..width-2 hold values; the limit gets a column of its own, inserted after the last cell left of it.
  const cells = width - 1;
  const raw = (x: number) => Math.min(cells - 1, Math.max(0, Math.floor(((x - min) / (max - min)) * cells)));
  const limitAt = Math.min(cells - 1, Math.max(1, raw(o.bound) + 1)); // first cell right of the limit
  // Right of the limit only for values that strictly exceed it; the rest stay left, whatever the rounding.
  const place = (x: number, right: boolean) =>
    right ? Math.max(limitAt, raw(x)) : Math.min(limitAt - 1, raw(x));
  const loCell = place(o.lo, o.lo > o.bound && mayClear);
  const hiCell = place(o.hi, o.hi > o.bound);
  const pointCell = place(o.point, o.point > o.bound);
  const bar = Array.from({ length: cells }, () => '-');
  for (let i = loCell; i <= Math.max(loCell, hiCell); i++) bar[i] = '=';
  bar[Math.min(Math.max(pointCell, loCell), Math.max(loCell, hiCell))] = 'o';
  return [...bar.slice(0, limitAt), '|', ...bar.slice(limitAt)].join('');
}
