/**
 * The standard normal distribution, for DeLong and paired-normal intervals (z = Φ⁻¹((1 + level)/2)), and
 * Student's t, for cluster-robust and tilted-score intervals.
 * jstat's quantile is accurate to ~1e-15 in the centre (1.9599639845400545 at 0.975, R: 1.959963984540054),
 * which is far below anything a reported interval shows.
 */
import jStat from 'jstat';

/** Φ⁻¹(p): the standard normal quantile. Throws unless 0 < p < 1. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p must be in (0, 1), got ${p}`);
  if (p === 0.5) return 0; // jstat returns −7.7e-17 here; the exact value reads better in reports.
  return jStat.normal.inv(p, 0, 1);
}

/** Φ(x): the standard normal CDF. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) throw new RangeError('normalCdf: x is NaN');
  return jStat.normal.cdf(x, 0, 1);
}

/**
 * The two-sided critical value z with P(|Z| ≤ z) = level, e.g. 1.959964 for 0.95.
 * Throws unless 0 < level < 1.
 */
export function twoSidedZ(confidenceLevel: number): number {
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new RangeError(`confidence level must be in (0, 1), got ${confidenceLevel}`);
  }
  return normalQuantile((1 + confidenceLevel) / 2);
}

/**
 * CDF of Student's t with an integer number ν of degrees of freedom, by the finite series of Abramowitz &
 * Stegun 26.7.3–4 in θ = atan(t/√ν) — accurate to rounding, where jstat's incomplete-beta route is good to
 * ~1e-8 only. O(ν) terms.
 */
function studentTCdf(t: number, dof: number): number {
  const theta = Math.atan(t / Math.sqrt(dof));
  const c2 = Math.cos(theta) ** 2;
  const s = Math.sin(theta);
  let term = 1;
  let sum = 1;
  if (dof % 2 === 0) {
    for (let k = 2; k <= dof - 2; k += 2) {
      term *= (c2 * (k - 1)) / k;
      sum += term;
    }
    return 0.5 + 0.5 * s * sum;
  }
  if (dof === 1) return 0.5 + theta / Math.PI;
  for (let k = 3; k <= dof - 2; k += 2) {
    term *= (c2 * (k - 1)) / k;
    sum += term;
  }
  return 0.5 + (theta + s * Math.cos(theta) * sum) / Math.PI;
}

/** Student's t quantile for integer ν: jstat's value refined by Newton steps on the exact series CDF. */
export function studentTQuantile(p: number, dof: number): number {
  if (!(p > 0 && p < 1) || !Number.isInteger(dof) || dof < 1) throw new RangeError(`studentTQuantile: bad arguments ${p}, ${dof}`);
  let x = jStat.studentt.inv(p, dof);
  for (let k = 0; k < 8; k++) {
    const step = (studentTCdf(x, dof) - p) / jStat.studentt.pdf(x, dof);
    x -= step;
    if (Math.abs(step) <= 1e-16 * Math.abs(x)) break;
  }
  return x;
}
