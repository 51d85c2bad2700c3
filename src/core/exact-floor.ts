/**
 * Few disagreements are not certainty. A paired interval of a proportion (accuracy, recall, fpr, …) comes from
 * the rows where the two models disagree: b rows only the candidate gets right, c only the champion. When b and
 * c are small, normal, score and bootstrap intervals can be far too narrow — with b = c = 0 every one of them
 * is [0, 0], although zero disagreements among n rows only bound the disagreement rate by the exact
 * (Clopper–Pearson) bound, 0.74 % at n = 500. This floor widens such an interval so that it is never narrower
 * than the exact bounds on b and c allow:
 *
 * - low ≤ b/n − U(c), high ≥ U(b) − c/n, with U(x) the Clopper–Pearson upper bound of x/n at the interval's
 *   level: the champion-only rate could be as high as U(c) (and symmetrically). With b = c = 0 the interval is
 *   [−U(0), U(0)]. With many disagreements of both kinds the score interval is already wider; when one kind
 *   is rare (30 vs 10 of 1000) the exact bound can move the far end by a few thousandths.
 * - low ≤ 0 unless the exact one-sided McNemar test (b vs c, binomial with p = ½) favours the candidate at
 *   (1 − level)/2, and high ≥ 0 unless it favours the champion: `superior` never passes on disagreements that
 *   the exact test cannot tell from chance (5 vs 0: p = 0.031 > 0.025).
 *
 * Pure; the interval's other fields are kept, the note says what moved.
 */
import { pairedTableSize, type PairedTable } from '../stats/newcombe.js';
import { clopperPearson, exactMcNemarGreater } from '../stats/exact.js';
import { seFromInterval } from '../stats/power.js';
import { fmt } from './format.js';
import type { Interval } from './intervals.js';

/** The interval widened to the exact floor of its paired table (see the module comment). */
export function applyExactFloor(interval: Interval, t: PairedTable, confidenceLevel: number): Interval {
  const n = pairedTableSize(t);
  if (!(n > 0)) return interval;
  const b = t.candidateOnly;
  const c = t.championOnly;
  const alpha = 1 - confidenceLevel;
  let low = Math.min(interval.low, b / n - clopperPearson(c, n, confidenceLevel).high);
  let high = Math.max(interval.high, clopperPearson(b, n, confidenceLevel).high - c / n);
  if (exactMcNemarGreater(b, c) >= alpha / 2) low = Math.min(low, 0);
  if (exactMcNemarGreater(c, b) >= alpha / 2) high = Math.max(high, 0);
  if (low === interval.low && high === interval.high) return interval;
  const why =
    `widened to the exact bound of the disagreements (${b} rows only the candidate gets right, ${c} only the champion, ` +
    `of ${n}; exact McNemar and Clopper–Pearson): [${fmt(low)}, ${fmt(high)}] instead of [${fmt(interval.low)}, ${fmt(interval.high)}]`;
  return {
    ...interval,
    low,
    high,
    se: seFromInterval(low, high, confidenceLevel),
    note: interval.note ? `${interval.note}; ${why}` : why
  };
}
