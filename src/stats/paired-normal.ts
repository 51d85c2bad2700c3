/**
 * Paired normal interval for the difference of two mean losses on the same rows (docs/statistics.md, `paired-normal`).
 * By the central limit theorem the mean of the per-row differences d = candidate − champion is approximately
 * normal with standard error sd(d)/√n; pairing removes the between-row variance both models share, which is
 * what makes the interval tight enough to gate on.
 */
import { twoSidedZ } from './distributions.js';
import { mean, sum } from './losses.js';

/**
 * Means of both per-row series, Δ = mean(candidate − champion), se = sd(d)/√n with sd's denominator n − 1,
 * and the interval Δ ± z·se. Two passes (mean, then squared deviations, both compensated) keep the variance
 * accurate when the differences are tiny next to the losses. With one row se = 0 and low = high = Δ.
 * Throws on empty or mismatched inputs.
 */
export function pairedMeanInterval(
  candidate: ArrayLike<number>,
  champion: ArrayLike<number>,
  confidenceLevel: number
): { candidate: number; champion: number; delta: number; se: number; low: number; high: number } {
  const z = twoSidedZ(confidenceLevel);
  const n = candidate.length;
  if (champion.length !== n) throw new RangeError('pairedMeanInterval: candidate and champion differ in length');
  if (n === 0) throw new RangeError('pairedMeanInterval: no rows');
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = candidate[i]! - champion[i]!;
  const delta = mean(d);
  let se = 0;
  if (n > 1) {
    for (let i = 0; i < n; i++) {
      const e = d[i]! - delta;
      d[i] = e * e;
    }
    se = Math.sqrt(sum(d) / (n - 1) / n);
  }
  return { candidate: mean(candidate), champion: mean(champion), delta, se, low: delta - z * se, high: delta + z * se };
}
