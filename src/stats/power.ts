/**
 * The minimum detectable effect of a paired comparison (report field `mde`): the smallest margin a
 * non-inferiority test at this n could establish with 80 % power when the two models are truly equal.
 *
 * With the interval Δ̂ ± z·se (z = z_{1−α/2} of the two-sided level) and true Δ = 0, the check "L > −a"
 * passes with probability P(Δ̂ > z·se − a) = Φ((a − z·se)/se); setting that to the power 1 − β gives
 * a = (z_{1−α/2} + z_{1−β})·se. For intervals that are not Δ̂ ± z·se (percentile bootstrap, Newcombe), se is
 * the interval's own spread, (U − L)/(2z): the se a normal interval of the same width would have.
 */
import { normalQuantile, twoSidedZ } from './distributions.js';

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
