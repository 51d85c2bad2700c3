/**
 * Paired bootstraps of Δ = metric(candidate) − metric(champion), percentile intervals.
 *
 * - `cellsBootstrap` (docs/statistics.md, method `bootstrap-cells`): resampling n rows with replacement and tallying them
 *   into k cells gives counts that are exactly Multinomial(n, cells/n): every resampled row lands in cell j with
 *   probability cells[j]/n, independently. So one multinomial draw per resample replaces n row draws: O(k)
 *   instead of O(n) work, and the pairing of champion and candidate on the same rows is kept because both
 *   predictions live in the same cell.
 * - `rowBootstrap` (method `bootstrap-rows`), for statistics that no small table of counts determines (PR-AUC,
 *   ECE, RMSE, R², and every metric under `ci.method: bootstrap`): each resample is a vector of row weights
 *   w ~ Multinomial(n, 1/n, …, 1/n) — how often each row was drawn — and the statistic is evaluated with those
 *   weights in one O(n) pass. This is Efron's row bootstrap exactly (not the Poisson approximation, whose total
 *   weight varies), so it is comparable with a numpy row bootstrap within Monte Carlo error.
 *
 * Interval: the percentile interval [q_{(1−level)/2}, q_{(1+level)/2}] of the B resampled values (type-7
 * quantiles, numpy's default). Percentile rather than BCa: BCa's acceleration needs the jackknife, which is
 * O(n) statistic evaluations (O(n²)) for the row-level statistics, and the coverage study
 * (docs/statistics.md) shows the percentile interval within 94–96 % on the intended cases.
 */
import { quantileSorted } from './quantile.js';
import { Rng } from './prng.js';
import { multinomial } from './sampling.js';

// Bound once: in a vm sandbox (Jest) every lookup of a global such as Math costs ~100x a local one.
const { isSafeInteger, isNaN } = Number;
const { floor } = Math;

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
  checkOptions('cellsBootstrap', opts);
  const { resamples, confidenceLevel } = opts;
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
  return { ...percentileInterval(values, confidenceLevel), resamples };
}

function checkOptions(name: string, opts: BootstrapOptions): void {
  const { resamples, confidenceLevel } = opts;
  if (!isSafeInteger(resamples) || resamples < 1) {
    throw new RangeError(`${name}: resamples must be a positive integer, got ${resamples}`);
  }
  if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
    throw new RangeError(`${name}: confidence level must be in (0, 1), got ${confidenceLevel}`);
  }
}

/**
 * The percentile interval of bootstrap values (sorted in place): type-7 quantiles at (1 ∓ level)/2.
 * Throws on an empty array.
 */
export function percentileInterval(values: Float64Array, confidenceLevel: number): { low: number; high: number } {
  values.sort();
  return {
    low: quantileSorted(values, (1 - confidenceLevel) / 2),
    high: quantileSorted(values, (1 + confidenceLevel) / 2)
  };
}

const TWO_POW_32 = 4294967296;
/** Below this n, x·n for a 32-bit x is exact in a double (< 2^53), so Lemire's method applies. */
const LEMIRE_MAX_N = 2097152;

/**
 * One bootstrap resample of n rows as weights: out[i] = how many of n draws with replacement picked row i,
 * i.e. a Multinomial(n, 1/n, …, 1/n) vector summing to n. O(n).
 *
 * Each draw is an exactly uniform index: for n ≤ 2^21 by Lemire's multiply-and-reject on one 32-bit draw
 * (index = ⌊x·n/2^32⌋, rejecting the x whose low part falls in the (2^32 mod n) values that would bias it;
 * "Fast random integer generation in an interval", ACM TOMACS 2019); beyond, as ⌊u·n⌋ with a 53-bit uniform u
 * (row probabilities 1/n up to n/2^53).
 */
export function drawRowWeights(rng: Rng, n: number, out: Uint32Array): void {
  out.fill(0);
  // Two separate loops in two functions: V8 optimises each tight loop better on its own.
  if (n > LEMIRE_MAX_N) weightsByFloat(rng, n, out);
  else weightsByLemire(rng, n, out);
}

function weightsByLemire(rng: Rng, n: number, out: Uint32Array): void {
  const reject = (TWO_POW_32 - n) % n; // = 2^32 mod n
  for (let k = 0; k < n; k++) {
    // x·n < 2^53 is exact; dividing by 2^32 is exact too, and the quotient < n ≤ 2^21 fits `| 0`.
    let m = rng.nextUint32() * n;
    let index = (m / TWO_POW_32) | 0;
    while (m - index * TWO_POW_32 < reject) {
      m = rng.nextUint32() * n;
      index = (m / TWO_POW_32) | 0;
    }
    out[index]!++;
  }
}

function weightsByFloat(rng: Rng, n: number, out: Uint32Array): void {
  for (let k = 0; k < n; k++) out[floor(rng.nextFloat() * n)]!++;
}

/** Sample standard deviation (n − 1), two passes; 0 for fewer than two values. */
function standardDeviation(values: Float64Array): number {
  const k = values.length;
  if (k < 2) return 0;
  let mean = 0;
  for (let i = 0; i < k; i++) mean += values[i]!;
  mean /= k;
  let ss = 0;
  for (let i = 0; i < k; i++) ss += (values[i]! - mean) * (values[i]! - mean);
  return Math.sqrt(ss / (k - 1));
}

export interface RowBootstrapResult {
  low: number;
  high: number;
  /** Resamples drawn (B). */
  resamples: number;
  /** Resamples on which the statistic was defined (see rowBootstrap); the interval uses these. */
  used: number;
  /** Standard deviation of the statistic over those resamples (the bootstrap standard error). */
  sd: number;
}

/**
 * Percentile interval of `statistic` under the row bootstrap of n paired rows. Each resample hands the
 * statistic the row weights (see drawRowWeights; one reused buffer it must not keep or modify).
 *
 * The statistic returns NaN when it is undefined on a resample (e.g. PR-AUC of a resample without a
 * positive row): that resample is left out — the bootstrap conditional on the statistic existing — and
 * `used` says how many remained. Throws when none did. Deterministic for a given seed.
 */
export function rowBootstrap(
  n: number,
  statistic: (weights: Uint32Array) => number,
  opts: BootstrapOptions
): RowBootstrapResult {
  checkOptions('rowBootstrap', opts);
  if (!isSafeInteger(n) || n < 1) throw new RangeError(`rowBootstrap: no rows to resample (n = ${n})`);
  const rng = new Rng(opts.seed);
  const weights = new Uint32Array(n);
  const values = new Float64Array(opts.resamples);
  let used = 0;
  for (let b = 0; b < opts.resamples; b++) {
    drawRowWeights(rng, n, weights);
    const v = statistic(weights);
    if (!isNaN(v)) values[used++] = v;
  }
  if (used === 0) throw new RangeError('rowBootstrap: the statistic was undefined on every resample');
  const kept = values.subarray(0, used);
  const sd = standardDeviation(kept);
  return { ...percentileInterval(kept, opts.confidenceLevel), resamples: opts.resamples, used, sd };
}
