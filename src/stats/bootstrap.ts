/**
 * The paired bootstrap over joint cell counts (SPEC §4, method `bootstrap-cells`).
 *
 * Resampling n rows with replacement and tallying them into k cells gives counts that are exactly
 * Multinomial(n, cells/n): every resampled row lands in cell j with probability cells[j]/n, independently.
 * So one multinomial draw per resample replaces n row draws: O(k) instead of O(n) work, and the pairing of
 * champion and candidate on the same rows is kept because both predictions live in the same cell.
 */
import { quantileSorted } from './quantile.js';
import { Rng } from './prng.js';
import { multinomial } from './sampling.js';

// Bound once: in a vm sandbox (Jest) every lookup of a global such as Math costs ~100x a local one.
const { isSafeInteger, isNaN } = Number;

export interface BootstrapOptions {
  /** Number of resamples B (≥ 1; 10,000 by default in the config). */
  resamples: number;
  /** Seed of this interval's stream; pass deriveSeed(config seed, check label). */
  seed: number;
  /** Two-sided level in (0, 1), e.g. 0.95. */
  confidenceLevel: number;
}

/**
 * Percentile interval of `statistic` under the paired bootstrap of `cells` (non-negative integer counts).
 * Each resample draws Multinomial(sum(cells), cells/sum) into one reused buffer and evaluates the statistic on
 * it; the bounds are the type-7 quantiles of the B values at (1 − level)/2 and (1 + level)/2.
 * Deterministic for a given seed. The statistic must not keep or modify the buffer and must return a finite
 * number (binaryMetric never returns NaN); a NaN is a bug and throws.
 */
export function cellsBootstrap(
  cells: Float64Array,
  statistic: (cells: Float64Array) => number,
  opts: BootstrapOptions
): { low: number; high: number; resamples: number } {
  const { resamples, confidenceLevel } = opts;
  if (!isSafeInteger(resamples) || resamples < 1) {
    throw new RangeError(`cellsBootstrap: resamples must be a positive integer, got ${resamples}`);
  }
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new RangeError(`cellsBootstrap: confidence level must be in (0, 1), got ${confidenceLevel}`);
  }
  let n = 0;
  for (let j = 0; j < cells.length; j++) {
    const c = cells[j]!;
    if (!(isSafeInteger(c) && c >= 0)) throw new RangeError(`cellsBootstrap: cell ${j} is not a count: ${c}`);
    n += c;
  }
  if (n === 0) throw new RangeError('cellsBootstrap: no rows to resample');

  const rng = new Rng(opts.seed);
  const draw = new Float64Array(cells.length);
  const values = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    // Integer counts as weights keep the conditional-binomial probabilities exact (see multinomial()).
    multinomial(rng, n, cells, draw);
    const v = statistic(draw);
    if (isNaN(v)) throw new Error('cellsBootstrap: the statistic returned NaN');
    values[b] = v;
  }
  values.sort();
  return {
    low: quantileSorted(values, (1 - confidenceLevel) / 2),
    high: quantileSorted(values, (1 + confidenceLevel) / 2),
    resamples
  };
}
