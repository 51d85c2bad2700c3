/**
 * Regression metrics of docs/statistics.md (mae, mse, rmse, mape, r2) with scikit-learn's definitions, and the
 * delta-method intervals for the two that are not plain means (rmse, r2).
 *
 * Per-row losses, not only their means, because the paired intervals need each row's difference.
 */
import { mean, sum } from './losses.js';

// Bound once: in a vm sandbox (Jest) every lookup of a global such as Math costs ~100x a local one.
const { abs, sqrt } = Math;

/** numpy's float64 machine epsilon: scikit-learn's floor on |y| in the MAPE denominator. */
const EPS = 2.220446049250313e-16;

function checkLengths(target: ArrayLike<number>, value: ArrayLike<number>): void {
  if (value.length !== target.length) throw new RangeError('labels and predictions must have the same length');
}

/** |y − ŷ| per row; the mean is sklearn's mean_absolute_error. */
export function absoluteErrorRows(target: ArrayLike<number>, value: ArrayLike<number>): Float64Array {
  checkLengths(target, value);
  const out = new Float64Array(target.length);
  for (let i = 0; i < out.length; i++) out[i] = abs(value[i]! - target[i]!);
  return out;
}

/** (y − ŷ)² per row; the mean is sklearn's mean_squared_error. */
export function squaredErrorRows(target: ArrayLike<number>, value: ArrayLike<number>): Float64Array {
  checkLengths(target, value);
  const out = new Float64Array(target.length);
  for (let i = 0; i < out.length; i++) {
    const e = value[i]! - target[i]!;
    out[i] = e * e;
  }
  return out;
}

/** The rows whose label is not 0: the rows MAPE is defined on (docs/statistics.md). */
export function nonZeroRows(target: ArrayLike<number>): Uint32Array {
  let k = 0;
  for (let i = 0; i < target.length; i++) if (target[i] !== 0) k++;
  const rows = new Uint32Array(k);
  k = 0;
  for (let i = 0; i < target.length; i++) if (target[i] !== 0) rows[k++] = i;
  return rows;
}

/**
 * |y − ŷ| / max(|y|, eps) for the given rows (those with a non-zero label): the mean is sklearn's
 * mean_absolute_percentage_error on those rows (a fraction, not a percentage, as scikit-learn).
 */
export function absolutePercentageErrorRows(
  target: ArrayLike<number>,
  value: ArrayLike<number>,
  rows: Uint32Array
): Float64Array {
  checkLengths(target, value);
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const y = abs(target[i]!);
    out[k] = abs(value[i]! - target[i]!) / (y > EPS ? y : EPS);
  }
  return out;
}

/** Σ (y − ȳ)² with a compensated mean: R²'s denominator (n times the label variance). */
export function totalSumOfSquares(target: ArrayLike<number>): number {
  const ybar = mean(target);
  const dev = new Float64Array(target.length);
  for (let i = 0; i < dev.length; i++) {
    const d = target[i]! - ybar;
    dev[i] = d * d;
  }
  return sum(dev);
}

/**
 * R² as scikit-learn's r2_score: 1 − Σ(y − ŷ)²/Σ(y − ȳ)², and, when every label is the same (denominator 0),
 * 1 for a perfect prediction and 0 otherwise (`force_finite`), so it is never NaN.
 */
export function r2FromSums(residual: number, total: number): number {
  if (total === 0) return residual === 0 ? 1 : 0;
  return 1 - residual / total;
}

/** Sample standard deviation (denominator n − 1) of the values, over √n: the standard error of their mean. */
function standardErrorOfMean(values: Float64Array): number {
  const n = values.length;
  if (n < 2) return 0;
  const m = mean(values);
  const sq = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = values[i]! - m;
    sq[i] = e * e;
  }
  return sqrt(sum(sq) / (n - 1) / n);
}

export interface DeltaInterval {
  candidate: number;
  champion: number;
  delta: number;
  se: number;
  /** The per-row influence of Δ (mean ≈ 0): se = sd/√n, and the tilted score interval is about its mean. */
  influence: Float64Array;
}

/**
 * Δ RMSE = √mse(candidate) − √mse(champion) and its delta-method standard error. With a = mse_cand and
 * b = mse_champ (means of the per-row squared errors), the gradient of √a − √b is (1/(2√a), −1/(2√b)), so
 * Δ's influence on row i is (e²_cand,i − a)/(2√a) − (e²_champ,i − b)/(2√b), and se = sd(influence)/√n.
 * Returns null when either MSE is 0 (a perfect model: √ has no derivative at 0) — the caller falls back to
 * the bootstrap.
 */
export function rmseDelta(candSq: Float64Array, champSq: Float64Array): DeltaInterval | null {
  const a = mean(candSq);
  const b = mean(champSq);
  const candidate = sqrt(a);
  const champion = sqrt(b);
  if (a === 0 || b === 0) return null;
  const influence = new Float64Array(candSq.length);
  for (let i = 0; i < influence.length; i++) {
    influence[i] = (candSq[i]! - a) / (2 * candidate) - (champSq[i]! - b) / (2 * champion);
  }
  return { candidate, champion, delta: candidate - champion, se: standardErrorOfMean(influence), influence };
}

/**
 * Δ R² and its delta-method standard error. Both models share the labels, so R²'s denominator
 * T = Σ(y − ȳ)² is common and Δ = (SSE_champ − SSE_cand)/T = mean(d)/mean(v) with d_i = e²_champ,i − e²_cand,i
 * and v_i = (y_i − ȳ)²: a ratio of two means, whose influence on row i is (d_i − Δ·v_i)/mean(v) (ȳ's own
 * estimation has zero first-order effect, since Σ(y − ȳ) = 0). se = sd(influence)/√n.
 * Returns null when every label is the same (T = 0: R² is a convention, not an estimate).
 */
export function r2Delta(target: ArrayLike<number>, candSq: Float64Array, champSq: Float64Array): DeltaInterval | null {
  const total = totalSumOfSquares(target);
  const candidate = r2FromSums(sum(candSq), total);
  const champion = r2FromSums(sum(champSq), total);
  if (total === 0) return null;
  const n = target.length;
  const ybar = mean(target);
  const meanV = total / n;
  const delta = candidate - champion;
  const influence = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const dev = target[i]! - ybar;
    influence[i] = (champSq[i]! - candSq[i]! - delta * dev * dev) / meanV;
  }
  return { candidate, champion, delta, se: standardErrorOfMean(influence), influence };
}
