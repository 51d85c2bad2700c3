/**
 * Quantiles from cumulative histogram buckets: the point estimate as Prometheus' histogram_quantile computes
 * it, and an anytime-valid confidence sequence whose ends are bucket edges (Howard & Ramdas 2022, "Sequential
 * estimation of quantiles with applications to A/B-testing and best-arm identification", for a fixed quantile).
 *
 * Why edges: with counts only at the edges, all the data says about the q-quantile Q is on which side of each
 * edge it lies. The count C_j of observations ≤ e_j is Binomial(n, F(e_j)); if Q ≤ e_j then F(e_j) ≥ q, if
 * Q > e_j then F(e_j) < q. Coupling every edge to one Bernoulli(q) sequence (1{U_i ≤ q}, X_i = F⁻¹(U_i)), a
 * beta-binomial confidence sequence for that one sequence (beta-binomial-cs.ts) makes every edge's conclusion
 * hold at once and at every look: "Q > e_j" when C_j is too small for q, "Q ≤ e_j" when too large.
 */
import { betaBinomialLogMixture, type BetaPrior, priorAround } from './beta-binomial-cs.js';

/** Cumulative histogram: finite upper bounds (ascending), the count at or below each, and the total (+Inf). */
export interface Histogram {
  bounds: readonly number[];
  cumulative: readonly number[];
  total: number;
}

/**
 * The q-quantile as histogram_quantile estimates it: linear interpolation inside the bucket holding rank q·n,
 * the first bucket starting at 0 (when its upper bound is positive); a rank in the +Inf bucket gives the
 * largest finite bound. NaN for an empty histogram.
 */
export function histogramQuantile(h: Histogram, q: number): number {
  if (h.total <= 0) return NaN;
  const rank = q * h.total;
  let prevCount = 0;
  let prevBound = 0;
  for (let j = 0; j < h.bounds.length; j++) {
    const count = h.cumulative[j]!;
    const bound = h.bounds[j]!;
    if (count >= rank) {
      const start = j === 0 ? (bound > 0 ? 0 : bound) : prevBound;
      if (count === prevCount) return bound;
      return start + ((bound - start) * (rank - prevCount)) / (count - prevCount);
    }
    prevCount = count;
    prevBound = bound;
  }
  return h.bounds.length > 0 ? h.bounds[h.bounds.length - 1]! : NaN;
}

/** Weight of the beta mixture around the quantile's level, in prior observations. */
export const QUANTILE_PRIOR_WEIGHT = 500;

/**
 * Anytime-valid bounds on the q-quantile at miscoverage α: low is the largest edge Q is shown to exceed (0 when
 * none), high the smallest edge Q is shown not to exceed (Infinity when none, e.g. when it may lie in +Inf).
 */
export function quantileBounds(
  h: Histogram,
  q: number,
  alpha: number,
  prior: BetaPrior = priorAround(q, QUANTILE_PRIOR_WEIGHT)
): { low: number; high: number } {
  const n = h.total;
  let low = 0;
  let high = Infinity;
  if (n <= 0) return { low, high };
  const level = Math.log(1 / alpha);
  for (let j = 0; j < h.bounds.length; j++) {
    const c = h.cumulative[j]!;
    const rejected = betaBinomialLogMixture(c, n, q, prior) >= level;
    if (!rejected) continue;
    if (c < n * q) low = h.bounds[j]!;
    else if (c > n * q) {
      high = h.bounds[j]!;
      break;
    }
  }
  return { low, high };
}

/** The bucket [lower edge, upper edge] holding the q-quantile's rank (upper Infinity in the +Inf bucket). */
export function quantileBucket(h: Histogram, q: number): { low: number; high: number } {
  const rank = q * h.total;
  for (let j = 0; j < h.bounds.length; j++) {
    if (h.cumulative[j]! >= rank) return { low: j === 0 ? 0 : h.bounds[j - 1]!, high: h.bounds[j]! };
  }
  return { low: h.bounds.length > 0 ? h.bounds[h.bounds.length - 1]! : 0, high: Infinity };
}
