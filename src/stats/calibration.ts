/**
 * Expected calibration error as docs/statistics.md pins it: 10 equal-width bins on the positive-class probability,
 * bin = min(⌊score·10⌋, 9), ECE = Σ_b (n_b/n)·|mean(label)_b − mean(score)_b|.
 *
 * Since (n_b/n)·|mean(y)_b − mean(s)_b| = |Σ_b (y − s)|/n, ECE needs only each bin's sum of y − s: one pass,
 * no division by a bin count, and empty bins contribute 0 by construction. With row weights (the bootstrap)
 * the sums and n are weighted.
 */

// Bound once: in a vm sandbox (Jest) every lookup of a global such as Math costs ~100x a local one.
const { abs, floor } = Math;

export const ECE_BINS = 10;

/** The bin of each probability: min(⌊p·10⌋, 9). Throws on a value outside [0, 1] (or NaN). */
export function eceBins(p: ArrayLike<number>): Uint8Array {
  const bins = new Uint8Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const s = p[i]!;
    if (!(s >= 0 && s <= 1)) throw new RangeError(`row ${i}: ECE needs a probability in [0, 1], got ${s}`);
    const b = floor(s * ECE_BINS);
    bins[i] = b > ECE_BINS - 1 ? ECE_BINS - 1 : b;
  }
  return bins;
}

/**
 * ECE of probabilities `p` for 0/1 labels, given their bins (eceBins(p)). With `weights`, row i counts
 * weights[i] times; returns NaN when the total weight is 0.
 */
export function ece(label: Uint8Array, p: ArrayLike<number>, bins: Uint8Array, weights?: ArrayLike<number>): number {
  const gap = new Float64Array(ECE_BINS);
  let total = 0;
  for (let i = 0; i < label.length; i++) {
    const w = weights === undefined ? 1 : weights[i]!;
    if (w === 0) continue;
    gap[bins[i]!] += w * (label[i]! - p[i]!);
    total += w;
  }
  if (total === 0) return NaN;
  let sum = 0;
  for (let b = 0; b < ECE_BINS; b++) sum += abs(gap[b]!);
  return sum / total;
}

/** label − probability per row: the only per-row quantity ECE needs besides the bin. */
export function calibrationResiduals(label: Uint8Array, p: ArrayLike<number>): Float64Array {
  const r = new Float64Array(label.length);
  for (let i = 0; i < r.length; i++) r[i] = label[i]! - p[i]!;
  return r;
}

/**
 * ECE(candidate) − ECE(champion) under row weights in one pass (the row bootstrap's statistic), from each
 * model's residuals (calibrationResiduals) and bins. The weights are a bootstrap resample of n rows, so they
 * sum to n; rows with weight 0 are skipped.
 */
export function pairedEceDelta(
  residualCand: Float64Array,
  binsCand: Uint8Array,
  residualChamp: Float64Array,
  binsChamp: Uint8Array,
  weights: Uint32Array,
  gapCand: Float64Array,
  gapChamp: Float64Array
): number {
  gapCand.fill(0);
  gapChamp.fill(0);
  const n = weights.length;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (w === 0) continue;
    gapCand[binsCand[i]!] += w * residualCand[i]!;
    gapChamp[binsChamp[i]!] += w * residualChamp[i]!;
  }
  let d = 0;
  for (let b = 0; b < ECE_BINS; b++) d += abs(gapCand[b]!) - abs(gapChamp[b]!);
  return d / n;
}

/**
 * ECE with each bin's |gap| debiased: |Σ_b r| is biased upwards by the noise of the sum, most where the true gap
 * is near 0; √max(0, S_b² − V̂_b), with V̂_b the unbiased variance estimate of the sum S_b, removes the part of
 * that bias the sample can see. Not the reported ECE (docs/statistics.md defines that); the centre of its interval.
 */
export function eceDebiased(residual: Float64Array, bins: Uint8Array): number {
  const s = new Float64Array(ECE_BINS);
  const q = new Float64Array(ECE_BINS);
  const m = new Float64Array(ECE_BINS);
  for (let i = 0; i < residual.length; i++) {
    const b = bins[i]!;
    const r = residual[i]!;
    s[b] += r;
    q[b] += r * r;
    m[b] += 1;
  }
  let sum = 0;
  for (let b = 0; b < ECE_BINS; b++) {
    const k = m[b]!;
    if (k === 0) continue;
    const v = k > 1 ? ((q[b]! - (s[b]! * s[b]!) / k) * k) / (k - 1) : 0;
    sum += Math.sqrt(Math.max(0, s[b]! * s[b]! - v));
  }
  return residual.length ? sum / residual.length : NaN;
}
