/**
 * Where an interval of a mean cannot be trusted yet: the per-row differences of a loss are skewed
 * (confident mistakes in log loss, outliers in squared errors), and the one-sided error of Δ̂ ± z·se is then
 * about φ(z)·γ·(2z² + 1)/(6√n) (the first Edgeworth term, γ the skewness of the differences; Hall 1992): at
 * 95 % two-sided, 0.085·γ/√n on the side where the rows are skewed; keeping it below 1.7 points needs
 * n ≥ (0.085·γ/0.017)² = 25·γ² rows (the bound is pessimistic: on the coverage study's contaminated errors the
 * decided checks stay at ≤ 2.7 % false passes with this factor, while 100·γ² left half of 5,000-row test sets
 * undecided). The tilted score interval (stats/tilted-mean.ts) removes most of that term where the sample shows
 * its skew, not where it has not seen the tail yet; hence the row minimums and this rule stay. With fewer rows,
 * the comparison is inconclusive by design, with the reason. A bootstrap-t interval (second-order correct in
 * theory) was tried and did worse on the coverage study's contaminated errors; so was the percentile bootstrap
 * (docs/statistics.md). Pure.
 */
import { varianceDegreesOfFreedom } from '../stats/tilted-mean.js';
import { fmt } from './format.js';

/** n must be at least ROWS_PER_SKEW2 × (sample skewness of the per-row differences)². */
export const ROWS_PER_SKEW2 = 25;

/**
 * Below this many rows no loss comparison is decided: a small sample rarely shows the tail that makes the
 * differences skewed (at 30 rows a 5 % outlier rate leaves a fifth of test sets without any), so their
 * skewness cannot vouch for them; and at 100 rows even normal regression errors and Brier scores give 2.9–3.6 %
 * false passes (docs/statistics.md).
 */
export const MIN_LOSS_ROWS = 500;

/**
 * The sample skewness m₃/m₂^{3/2} and kurtosis m₄/m₂² of the values, in one pass after the mean and scale (both 0 when
 * the values do not vary; skewness 0 below 3 values).
 */
export function shape(values: ArrayLike<number>): { skewness: number; kurtosis: number } {
  const n = values.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += values[i]!;
  const m = s / n;
  // Both are scale-free: deviations are divided by the largest, so that their fourth powers cannot overflow.
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(values[i]! - m));
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i]! - m) / scale;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  m2 /= n;
  if (!(m2 > 0)) return { skewness: 0, kurtosis: 0 };
  return { skewness: n < 3 ? 0 : m3 / n / Math.pow(m2, 1.5), kurtosis: m4 / n / (m2 * m2) };
}

/** The sample skewness m₃/m₂^{3/2} of the values (0 when they do not vary or are fewer than 3). */
export function skewness(values: ArrayLike<number>): number {
  return shape(values).skewness;
}

/**
 * Log loss needs more: its per-row differences are skewed by confident mistakes in a way a moderate sample
 * does not show, and the coverage study finds 3.3–3.5 % false passes at 100–500 rows (2.8 % at 1,000).
 */
export const LOG_LOSS_MIN_ROWS = 1000;

/** Why a log-loss comparison on n rows is not decided, or undefined. */
export function logLossTooFew(n: number): string | undefined {
  return n < LOG_LOSS_MIN_ROWS
    ? `only ${n} rows: log_loss comparisons need at least ${LOG_LOSS_MIN_ROWS} (below, a candidate worse by the margin passes 3.3–3.5 % of the time instead of 2.5 %; docs/statistics.md); brier is reliable from ${MIN_LOSS_ROWS} rows`
    : undefined;
}

/** The rows a normal interval needs for differences of this skewness (see the module comment). */
export function rowsNeeded(gamma: number): number {
  return Math.ceil(ROWS_PER_SKEW2 * gamma * gamma);
}

/** The row minimum alone, for counts input, which has sums but no per-row differences to measure skewness on. */
export function lossTooFew(n: number, metric: string): string | undefined {
  return n < MIN_LOSS_ROWS
    ? `only ${n} rows: comparisons of ${metric} need at least ${MIN_LOSS_ROWS} (a smaller sample cannot show how heavy the tail of its per-row differences is; docs/statistics.md)`
    : undefined;
}

/**
 * The fewest degrees of freedom the standard error of a mean may rest on: 2n/(κ − 1), κ the kurtosis of the
 * per-row values (n for normal rows; stats/tilted-mean.ts). Below 30 a few huge rows carry the variance, and on
 * the coverage study's contaminated errors at 500 rows (5 % of rows with 10× the spread: 6–19 degrees of freedom
 * where the skewness rule lets them through) the decided intervals covered 97–99 % and said little.
 */
export const MIN_VARIANCE_DOF = 30;

/** Why the interval of the mean of these per-row values is not yet reliable, or undefined. */
export function skewedMean(values: ArrayLike<number>, metric: string): string | undefined {
  const n = values.length;
  const few = lossTooFew(n, metric);
  if (few) return few;
  const { skewness: gamma, kurtosis: kappa } = shape(values);
  const need = rowsNeeded(gamma);
  if (n < need) {
    return (
      `the per-row differences of ${metric} are too skewed for ${n} rows (skewness ${fmt(gamma)}): its interval needs ` +
      `about ${need} rows to hold its level (docs/statistics.md), so the comparison is not decided`
    );
  }
  const dof = varianceDegreesOfFreedom(n, kappa);
  if (dof >= MIN_VARIANCE_DOF) return undefined;
  return (
    `the per-row differences of ${metric} are too heavy-tailed for ${n} rows (kurtosis ${fmt(kappa)}): a few rows carry ` +
    `their variance, which leaves its estimate about ${dof} degrees of freedom; about ` +
    `${Math.ceil((MIN_VARIANCE_DOF * (kappa - 1)) / 2)} rows are needed (docs/statistics.md), so the comparison is not decided`
  );
}

/** The per-row influence of Δ RMSE (delta method), whose mean the interval is about. */
export function rmseInfluence(candSq: Float64Array, champSq: Float64Array): Float64Array {
  const n = candSq.length;
  let a = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    a += candSq[i]!;
    b += champSq[i]!;
  }
  const ra = 2 * Math.sqrt(a / n);
  const rb = 2 * Math.sqrt(b / n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = candSq[i]! / (ra || 1) - champSq[i]! / (rb || 1);
  return out;
}

/** The per-row influence of Δ R² (up to a constant factor): d − Δ·(y − ȳ)² with d = e²_champ − e²_cand. */
export function r2Influence(target: Float64Array, candSq: Float64Array, champSq: Float64Array, delta: number): Float64Array {
  const n = target.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += target[i]!;
  const ybar = s / n;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const dev = target[i]! - ybar;
    out[i] = champSq[i]! - candSq[i]! - delta * dev * dev;
  }
  return out;
}
