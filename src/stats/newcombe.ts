/**
 * Newcombe's hybrid score interval for the difference of two paired proportions (Newcombe 1998, "Improved
 * confidence intervals for the difference between binomial proportions based on paired data", Statistics in
 * Medicine 17:2635–2650, method 10), used by `ci.method: analytic` for the confusion metrics that are
 * proportions over a fixed set of rows (accuracy; recall, fnr over the positives; specificity, fpr over the
 * negatives; selection rate), where each row is a pair (candidate hit?, champion hit?).
 *
 * Each proportion gets its Wilson score interval; the two are combined by "square and add" with a correction
 * for the correlation of the pair, phi, estimated from the 2×2 table with Newcombe's continuity correction.
 * Unlike the Wald interval it never leaves [−1, 1] and keeps its coverage near 0 and 1 and for small n.
 * Checked against the published example of Fagerland, Lydersen & Laake (2017, Statistical Analysis of
 * Contingency Tables, ch. 8; Cavo et al. 2012 data).
 */
import { twoSidedZ } from './distributions.js';

// Bound once: in a vm sandbox (Jest) every lookup of a global such as Math costs ~100x a local one.
const { sqrt } = Math;

/** Wilson's score interval for x successes in n trials at critical value z (n > 0). */
export function wilsonInterval(x: number, n: number, z: number): { low: number; high: number } {
  const p = x / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const half = z * sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denom = 1 + z2 / n;
  return { low: (centre - half) / denom, high: (centre + half) / denom };
}

/** A paired 2×2 table: rows = candidate hit / miss, columns = champion hit / miss. */
export interface PairedTable {
  /** Both hit. */
  both: number;
  /** Candidate hits, champion misses. */
  candidateOnly: number;
  /** Champion hits, candidate misses. */
  championOnly: number;
  /** Both miss. */
  neither: number;
}

/** The rows a paired table counts. */
export function pairedTableSize(t: PairedTable): number {
  return t.both + t.candidateOnly + t.championOnly + t.neither;
}

/**
 * Δ = p(candidate) − p(champion) and Newcombe's method-10 interval at `confidenceLevel`.
 * Throws on an empty table (there is no proportion to compare).
 */
export function newcombePaired(
  t: PairedTable,
  confidenceLevel: number
): { candidate: number; champion: number; delta: number; low: number; high: number } {
  const z = twoSidedZ(confidenceLevel);
  const n = pairedTableSize(t);
  if (!(n > 0)) throw new RangeError('newcombePaired: the table is empty');
  const x1 = t.both + t.candidateOnly;
  const x2 = t.both + t.championOnly;
  const p1 = x1 / n;
  const p2 = x2 / n;
  const w1 = wilsonInterval(x1, n, z);
  const w2 = wilsonInterval(x2, n, z);
  // phi: the correlation of the pair, with Newcombe's correction (numerator pulled towards 0 by n/2 when
  // positive), and 0 when a margin of the table is empty.
  const margins = x1 * (n - x1) * x2 * (n - x2);
  let phi = 0;
  if (margins > 0) {
    const a = t.both * t.neither - t.candidateOnly * t.championOnly;
    const c = a > n / 2 ? a - n / 2 : a < 0 ? a : 0;
    phi = c / sqrt(margins);
  }
  const d1 = p1 - w1.low;
  const e2 = w2.high - p2;
  const d2 = p2 - w2.low;
  const e1 = w1.high - p1;
  // a² − 2φab + b² ≥ (a − b)² ≥ 0 for |φ| ≤ 1; the max only absorbs rounding.
  const lowerSpread = sqrt(Math.max(0, d1 * d1 - 2 * phi * d1 * e2 + e2 * e2));
  const upperSpread = sqrt(Math.max(0, d2 * d2 - 2 * phi * d2 * e1 + e1 * e1));
  const delta = p1 - p2;
  return { candidate: p1, champion: p2, delta, low: delta - lowerSpread, high: delta + upperSpread };
}
