/**
 * The tilted score interval of a mean (`tilted-score`, docs/statistics.md §2.6a), for the mean of per-row
 * differences of a loss. The normal interval d̄ ± z·s/√n misses on the side the differences are skewed
 * towards: a sample whose mean came out low has usually also missed the long tail, so its s is small as well.
 * Like Tango's interval for proportions, this one takes the variance at the hypothesised mean instead of at
 * d̄: a value μ is inside when |d̄ − μ| ≤ q·s(μ)/√n, where s(μ)² is the variance of the rows reweighted by
 * exponential tilting, w ∝ exp(t·d) with t chosen so that the weighted mean is μ (of the distributions on the
 * observed rows with mean μ, the closest to the sample in Kullback–Leibler divergence). Moving the mean
 * towards the long tail puts weight on it and widens s(μ); moving it away narrows it, so the interval leans
 * the way the data are skewed, by as much as they are.
 *
 * The critical value q is Student's t with 2n/(κ − 1) degrees of freedom (κ = m₄/m₂², at least 3): the
 * variance of s² is about (κ − 1)σ⁴/n, the same as that of a scaled χ² on that many degrees of freedom, so a
 * heavy-tailed sample's noisier standard error widens the interval as a small normal sample's would. With κ = 3
 * (normal rows) this is t with n degrees of freedom, within 0.25 % of z from 500 rows (1.9647 against 1.9600).
 *
 * O(n) per evaluation of s(μ); a bound takes about six (two steps out to the first crossing, then a few
 * safeguarded Newton steps). Pure.
 */
import { studentTQuantile } from './distributions.js';
import { mean } from './losses.js';

/** Above this many degrees of freedom t and z agree to 1e-5 and the O(dof) exact t series is not worth it. */
const MAX_DOF = 100_000;

/**
 * The degrees of freedom a mean's standard error rests on, 2n/(κ − 1) rounded down, κ the rows' kurtosis taken
 * as at least 3 (so never more than n): the variance of s² is about (κ − 1)σ⁴/n, that of a scaled χ² on this
 * many degrees of freedom.
 */
export function varianceDegreesOfFreedom(n: number, kurtosis: number): number {
  return Math.max(1, Math.floor((2 * n) / (Math.max(3, kurtosis) - 1)));
}

export interface TiltedMeanInterval {
  /** The sample mean d̄. */
  mean: number;
  low: number;
  high: number;
  /** s/√n with s's denominator n − 1, as the normal interval reports it. */
  se: number;
  /** The critical value q used on both sides. */
  critical: number;
  /** Its degrees of freedom, 2n/(κ − 1) rounded down and capped at MAX_DOF. */
  dof: number;
}

/** Moments of the tilted rows, about d̄: mean, variance and third central moment under w ∝ exp(t·c). */
interface Tilted {
  shift: number;
  variance: number;
  third: number;
}

function tilt(c: Float64Array, t: number, top: number): Tilted {
  // exp(t·(c − top)) ≤ 1 with top the extreme row on t's side: no overflow however far t goes.
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let i = 0; i < c.length; i++) {
    const x = c[i]!;
    const w = Math.exp(t * (x - top));
    const wx = w * x;
    s0 += w;
    s1 += wx;
    s2 += wx * x;
    s3 += wx * x * x;
  }
  const m = s1 / s0;
  const e2 = s2 / s0;
  const variance = Math.max(0, e2 - m * m);
  const third = s3 / s0 - 3 * m * e2 + 2 * m * m * m;
  return { shift: m, variance, third };
}

/** Ratio between the tilts the search for a bound's first crossing tries in turn. */
const STEP = 1.5;

/**
 * The bound on one side (+1 upper, −1 lower): the mean μ = d̄ + shift(t) at the first tilt t (from 0 outward)
 * where |shift|/√(k·variance/n) reaches q (k = n/(n − 1), as s has it). The statistic is 0 at t = 0 and grows
 * without limit as the weight concentrates on the extreme row, but not always monotonically: with a few huge
 * rows it can reach q, dip below and reach it again. So tilts are tried outward in steps of STEP from half
 * the first-order guess, and the first bracket is refined by Newton steps kept inside it (bisecting when a
 * step would leave it). A dip narrower than one step, or one that ends before half the guess, can be stepped
 * over; that only widens the interval (the walk back from a start already past q finds the last crossing
 * below it, not the first).
 */
function bound(c: Float64Array, side: 1 | -1, q: number, m2: number): number {
  const n = c.length;
  const k = n / (n - 1);
  let top = c[0]!;
  for (let i = 1; i < n; i++) top = side > 0 ? Math.max(top, c[i]!) : Math.min(top, c[i]!);
  const stat = (r: Tilted): number => (side * r.shift) / Math.sqrt((k * r.variance) / n);
  const past = (r: Tilted): boolean => r.variance === 0 || stat(r) >= q;
  // First order, shift ≈ t·m₂, so the statistic ≈ |t|·√(n·m₂/k) and reaches q near guess.
  const guess = side * (q / Math.sqrt((n * m2) / k));
  // near: a tilt whose statistic is below q; far: the next one tried, at or past it.
  let t = guess / 2;
  let at = tilt(c, t, top);
  let near: number;
  let far: number;
  if (past(at)) {
    far = t;
    for (let i = 0; i < 400; i++) {
      t /= STEP;
      at = tilt(c, t, top);
      if (!past(at)) break;
      far = t;
    }
    near = t;
    t = far;
    at = tilt(c, t, top);
  } else {
    near = t;
    for (let i = 0; i < 400; i++) {
      t *= STEP;
      at = tilt(c, t, top);
      if (past(at)) break;
      near = t;
    }
    far = t;
  }
  if (at.variance === 0) return at.shift; // all weight on the extreme row: nothing lies beyond it
  for (let i = 0; i < 100; i++) {
    const g = stat(at) - q;
    if (Math.abs(g) <= 1e-13 * q) break;
    if (g > 0) far = t;
    else near = t;
    // d shift/dt = variance, d variance/dt = third: the derivative of the statistic in t.
    const v = at.variance;
    const slope = Math.sqrt(n / k) * (Math.sqrt(v) - (at.shift * at.third) / (2 * v * Math.sqrt(v))) * side;
    let next = t - g / slope;
    if (!(slope !== 0 && (next - near) * (next - far) < 0)) next = (near + far) / 2;
    const last = Math.abs(next - t) <= 1e-14 * Math.abs(t);
    t = next;
    at = tilt(c, t, top);
    if (last || at.variance === 0) break;
  }
  return at.shift;
}

/**
 * The tilted score interval of the mean of `values` at `confidenceLevel` (module comment). One value, or
 * values that do not vary, give the zero-width interval [d̄, d̄] and se 0. Throws on an empty input or values
 * that are not finite.
 */
export function tiltedMeanInterval(values: ArrayLike<number>, confidenceLevel: number): TiltedMeanInterval {
  const n = values.length;
  if (n === 0) throw new RangeError('tiltedMeanInterval: no rows');
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new RangeError(`confidence level must be in (0, 1), got ${confidenceLevel}`);
  }
  const d = mean(values);
  if (!Number.isFinite(d)) throw new RangeError('tiltedMeanInterval: the values must be finite');
  // Centred and divided by the largest deviation: the moments below square and raise to the fourth power, and
  // values of 1e80 would overflow; the interval scales back at the end.
  const c = new Float64Array(n);
  let scale = 0;
  for (let i = 0; i < n; i++) {
    c[i] = values[i]! - d;
    scale = Math.max(scale, Math.abs(c[i]!));
  }
  if (n < 2 || scale === 0) return { mean: d, low: d, high: d, se: 0, critical: 0, dof: 0 };
  let s2 = 0;
  let s4 = 0;
  for (let i = 0; i < n; i++) {
    const x = c[i]! / scale;
    c[i] = x;
    s2 += x * x;
    s4 += x * x * x * x;
  }
  const m2 = s2 / n;
  const dof = Math.min(MAX_DOF, varianceDegreesOfFreedom(n, s4 / n / (m2 * m2)));
  const q = studentTQuantile((1 + confidenceLevel) / 2, dof);
  const se = scale * Math.sqrt(s2 / (n - 1) / n);
  return { mean: d, low: d + scale * bound(c, -1, q, m2), high: d + scale * bound(c, 1, q, m2), se, critical: q, dof };
}
