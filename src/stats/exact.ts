/**
 * Exact binomial bounds for small counts: the Clopper–Pearson interval of a proportion and the exact
 * (conditional) McNemar test of paired disagreements. The normal and score approximations behind the other
 * intervals say nothing reliable about a count of 0, 1 or 5; these do, and the gate uses them as a floor on
 * how narrow a paired interval may be (core/exact-floor.ts).
 */
import jStat from 'jstat';

/**
 * Clopper–Pearson's exact interval for x successes in n trials at two-sided `confidenceLevel`:
 * low = Beta⁻¹(α/2; x, n − x + 1) (0 when x = 0), high = Beta⁻¹(1 − α/2; x + 1, n − x) (1 when x = n).
 * statsmodels' proportion_confint(method='beta'). Throws unless 0 ≤ x ≤ n, n > 0.
 */
export function clopperPearson(x: number, n: number, confidenceLevel: number): { low: number; high: number } {
  if (!(n > 0 && x >= 0 && x <= n)) throw new RangeError(`clopperPearson: need 0 ≤ x ≤ n and n > 0, got x = ${x}, n = ${n}`);
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new RangeError(`clopperPearson: confidence level must be in (0, 1), got ${confidenceLevel}`);
  }
  const alpha = 1 - confidenceLevel;
  const low = x === 0 ? 0 : jStat.beta.inv(alpha / 2, x, n - x + 1);
  const high = x === n ? 1 : jStat.beta.inv(1 - alpha / 2, x + 1, n - x);
  return { low, high };
}

/**
 * The exact one-sided McNemar p-value that the first kind of disagreement is more frequent: with b rows where
 * only the candidate is right and c where only the champion is, P(X ≥ b) for X ~ Binomial(b + c, ½)
 * (scipy.stats.binomtest(b, b + c, 0.5, alternative='greater')). 1 when there is no disagreement.
 */
export function exactMcNemarGreater(b: number, c: number): number {
  if (!(b >= 0 && c >= 0)) throw new RangeError(`exactMcNemarGreater: counts must be ≥ 0, got ${b}, ${c}`);
  const m = b + c;
  if (m === 0 || b === 0) return 1;
  // P(X ≥ b) = I_{1/2}(b, m − b + 1), the regularised incomplete beta function.
  return Math.min(1, jStat.ibeta(0.5, b, m - b + 1));
}
