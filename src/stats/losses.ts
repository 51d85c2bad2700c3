/**
 * Per-row losses for the mean-loss metrics (docs/statistics.md: log_loss, brier), and an accurate mean.
 * Per-row values, not just their means, because the paired normal interval needs each row's difference.
 */

// Bound once: in a vm sandbox (Jest) every lookup of a global such as Math costs ~100x a local one.
const { abs, log } = Math;

/** numpy's float64 machine epsilon, the clip scikit-learn's log_loss applies to probabilities. */
export const LOG_LOSS_EPS = 2.220446049250313e-16;

function checkLengths(label: Uint8Array, p: ArrayLike<number>): void {
  if (p.length !== label.length) throw new RangeError('labels and probabilities must have the same length');
}

/**
 * Binary cross-entropy of each row, natural log: −ln p for a positive, −ln(1 − p) for a negative, with the
 * probability of the observed class clipped to [eps, 1 − eps] as scikit-learn does (it clips the two-column
 * matrix [1 − p, p]), so a confident mistake costs ≈ 36.04 rather than ∞. The mean equals
 * sklearn.metrics.log_loss. Labels other than 0/1 throw.
 */
export function logLossRows(label: Uint8Array, p: ArrayLike<number>): Float64Array {
  checkLengths(label, p);
  const out = new Float64Array(label.length);
  const lo = LOG_LOSS_EPS;
  const hi = 1 - LOG_LOSS_EPS;
  for (let i = 0; i < label.length; i++) {
    const y = label[i]!;
    if (y > 1) throw new RangeError(`row ${i}: label must be 0 or 1, got ${y}`);
    // The observed class's probability, formed before clipping as sklearn forms its 1 − p column.
    const q = y === 1 ? p[i]! : 1 - p[i]!;
    out[i] = -log(q < lo ? lo : q > hi ? hi : q);
  }
  return out;
}

/** Squared error (p − y)² of each row; the mean equals sklearn.metrics.brier_score_loss. */
export function brierRows(label: Uint8Array, p: ArrayLike<number>): Float64Array {
  checkLengths(label, p);
  const out = new Float64Array(label.length);
  for (let i = 0; i < label.length; i++) {
    const y = label[i]!;
    if (y > 1) throw new RangeError(`row ${i}: label must be 0 or 1, got ${y}`);
    const d = p[i]! - y;
    out[i] = d * d;
  }
  return out;
}

/**
 * Compensated (Neumaier) sum: the rounding error of each addition is carried along and added back, so the
 * error does not grow with the number of terms (10^7 rows of losses).
 */
export function sum(xs: ArrayLike<number>): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const t = s + x;
    c += abs(s) >= abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + c;
}

/** Arithmetic mean with compensated summation. Throws on an empty input. */
export function mean(xs: ArrayLike<number>): number {
  if (xs.length === 0) throw new RangeError('mean of an empty array');
  return sum(xs) / xs.length;
}
