/**
 * The Clopper–Pearson ("exact") interval of a binomial proportion: the error rate's upper confidence bound, a
 * robustness suite's failure rate and the trace coverage of a log sample.
 *
 * Why Clopper–Pearson rather than Wilson: the gate blocks when the error rate *may* exceed the budget, so the
 * bound must not undercover. Clopper–Pearson inverts the binomial tests exactly and its coverage is at least
 * the nominal level for every n and p (Clopper & Pearson 1934; Brown, Cai & DasGupta 2001 discuss its
 * conservativeness); Wilson's can fall below nominal for small counts, which is the regime of error rates.
 * Same as statsmodels' `proportion_confint(method="beta")` and R's `binom.test`.
 *
 *   low  = B⁻¹(α/2; x, n − x + 1)      (0 when x = 0)
 *   high = B⁻¹(1 − α/2; x + 1, n − x)  (1 when x = n)
 *
 * with α = 1 − level and B⁻¹ the beta quantile (jStat's, accurate to ~1e-9 relative against SciPy).
 * x may be non-integer (a rate × requests from a summary file): the formula extends continuously.
 */
import jStat from 'jstat';

// jstat ships no types for its beta distribution; src/types/jstat.d.ts declares only what the stats use.
const { beta } = jStat as unknown as { beta: { inv(p: number, a: number, b: number): number } };

export interface ProportionInterval {
  low: number;
  high: number;
}

/** Two-sided Clopper–Pearson interval for x successes in n trials at `level`. Throws on bad arguments. */
export function clopperPearson(x: number, n: number, level: number): ProportionInterval {
  if (!(n > 0) || !Number.isFinite(n)) throw new RangeError(`clopperPearson: n must be positive, got ${n}`);
  if (!(x >= 0 && x <= n)) throw new RangeError(`clopperPearson: x must be in [0, n], got ${x}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`clopperPearson: level must be in (0, 1), got ${level}`);
  const alpha = 1 - level;
  const low = x === 0 ? 0 : beta.inv(alpha / 2, x, n - x + 1);
  const high = x === n ? 1 : beta.inv(1 - alpha / 2, x + 1, n - x);
  return { low: clamp01(low), high: clamp01(high) };
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}
