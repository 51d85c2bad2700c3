/**
 * The minimum detectable effect of a paired comparison (report field `mde`): the smallest margin a
 * non-inferiority test at this n could establish with 80 % power when the two models are truly equal.
 *
 * With the interval Δ̂ ± z·se (z = z_{1−α/2} of the two-sided level) and true Δ = 0, the check "L > −a"
 * passes with probability P(Δ̂ > z·se − a) = Φ((a − z·se)/se); setting that to the power 1 − β gives
 * a = (z_{1−α/2} + z_{1−β})·se. For intervals that are not Δ̂ ± z·se (percentile bootstrap, Newcombe), se is
 * the interval's own spread, (U − L)/(2z): the se a normal interval of the same width would have.
 */
import { normalCdf, normalQuantile, twoSidedZ } from './distributions.js';

/** Power the mde is quoted at. */
export const MDE_POWER = 0.8;

/** (z_{1−α/2} + z_{power})·se; 0 when se is 0. Throws on a negative or non-finite se. */
export function minimumDetectableEffect(se: number, confidenceLevel: number, power = MDE_POWER): number {
  if (!(se >= 0 && se < Infinity)) throw new RangeError(`minimumDetectableEffect: se must be finite and ≥ 0, got ${se}`);
  return (twoSidedZ(confidenceLevel) + normalQuantile(power)) * se;
}

/** The se a normal interval of width high − low would have at this level: (high − low)/(2z). */
export function seFromInterval(low: number, high: number, confidenceLevel: number): number {
  return (high - low) / (2 * twoSidedZ(confidenceLevel));
}

/**
 * The decision rules seen as tests of H0 "the models differ by at least the margin", evaluated at the truth
 * Δ = 0 (the candidate exactly as good as the champion) with the interval Δ̂ ± z·se:
 * - non-inferiority at margin a passes iff Δ̂ − z·se > −a: power Φ(a/se − z);
 * - equivalence at margin e (two one-sided tests) passes iff −e < Δ̂ ± z·se < e: power Φ(e/se − z) − Φ(z − e/se),
 *   = 2Φ(e/se − z) − 1 when positive, else 0 (an interval wider than 2e can never fit).
 * se scales as 1/√n, so the n that gives power p from a pilot of n₀ rows with standard error se₀ is
 * n₀·(se₀·(z + z_q)/margin)² with q = p (non-inferiority) or (1 + p)/2 (equivalence).
 */
export type MarginRule = 'non_inferior' | 'equivalent';

/** P(pass | Δ = 0). With se = 0 the interval is the point 0: it passes iff the margin is positive. */
export function powerAtZero(rule: MarginRule, margin: number, se: number, confidenceLevel: number): number {
  if (!(margin >= 0) || !(se >= 0)) throw new RangeError(`powerAtZero: margin and se must be ≥ 0, got ${margin}, ${se}`);
  if (se === 0) return margin > 0 ? 1 : 0;
  const x = margin / se - twoSidedZ(confidenceLevel);
  return rule === 'non_inferior' ? normalCdf(x) : Math.max(0, 2 * normalCdf(x) - 1);
}

/** The smallest margin with the given power at Δ = 0 and this se. */
export function detectableMargin(rule: MarginRule, se: number, confidenceLevel: number, power = MDE_POWER): number {
  return (twoSidedZ(confidenceLevel) + normalQuantile(rule === 'non_inferior' ? power : (1 + power) / 2)) * se;
}

/**
 * Rows needed for the given power at Δ = 0 when n₀ rows gave standard error se₀: the smallest integer n with
 * se₀·√(n₀/n) ≤ margin/(z + z_q). Null when the margin is 0 (no n suffices); n₀ itself is never the floor,
 * so a pilot larger than needed gets the smaller size.
 */
export function requiredN(
  rule: MarginRule,
  margin: number,
  se0: number,
  n0: number,
  confidenceLevel: number,
  power = MDE_POWER
): number | null {
  if (!(power > 0 && power < 1)) throw new RangeError(`requiredN: power must be in (0, 1), got ${power}`);
  if (!(margin > 0)) return null;
  if (se0 === 0) return 1;
  const ratio = detectableMargin(rule, se0, confidenceLevel, power) / margin;
  // The tiny tolerance keeps an exact boundary (ratio² · n₀ an integer up to rounding) from adding a row.
  return Math.max(1, Math.ceil(n0 * ratio * ratio - 1e-9));
}
