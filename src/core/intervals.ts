/**
 * The building blocks the per-task estimators share: the paired estimate they return, the interval methods
 * (normal, cells bootstrap, row bootstrap), and the notes that tell a reader when an interval is degenerate
 * or came from another method than the one asked for. Pure: data in, numbers out.
 */
import type { CiSettings } from '../config/types.js';
import { cellsBootstrap, rowBootstrap, type RowBootstrapResult } from '../stats/bootstrap.js';
import { twoSidedZ } from '../stats/distributions.js';
import { fmt } from './format.js';
import { mean } from '../stats/losses.js';
import { pairedMeanInterval } from '../stats/paired-normal.js';
import { tiltedMeanInterval } from '../stats/tilted-mean.js';
import { minimumDetectableEffect, seFromInterval } from '../stats/power.js';
import { deriveSeed } from '../stats/prng.js';
import { skewedMean } from './skew-floor.js';
import type { CheckDetails } from './details.js';

/**
 * Interval methods, as reported in `ci_method`:
 * - `bootstrap-cells`: paired bootstrap of the joint (label, champion, candidate) cell counts;
 * - `bootstrap-rows`: paired row bootstrap (multinomial row weights), percentile interval;
 * - `delong`: DeLong's paired ROC-AUC interval;
 * - `paired-normal`: normal interval of the mean per-row difference;
 * - `delta-method`: normal interval with the delta-method standard error (RMSE, R²);
 * - `tilted-score`: the tilted score interval of a mean (stats/tilted-mean.ts): of the per-row differences of a
 *   loss, or of RMSE's and R²'s delta-method influence;
 * - `tango`: Tango's score interval for paired proportions (core/paired-proportion.ts);
 * - `score-cells`: the score interval of Δ on the joint cells (stats/cells-score.ts; precision, f1, mcc);
 * - `tango-mover`: balanced accuracy's two Tango intervals (positives, negatives) combined by MOVER;
 * - `bootstrap-debiased`: a bias-corrected estimate ± z × the row bootstrap's standard error (ECE).
 * With `columns.cluster`, the clustered forms (estimate-cluster.ts): `bootstrap-cells-cluster`,
 * `bootstrap-rows-cluster`, `delong-cluster`, `paired-normal-cluster`, `delta-method-cluster`.
 */
export type CiMethodName =
  | 'bootstrap-cells'
  | 'bootstrap-rows'
  | 'delong'
  | 'paired-normal'
  | 'delta-method'
  | 'tilted-score'
  | 'tango'
  | 'tango-mover'
  | 'score-cells'
  | 'bootstrap-debiased'
  | ClusterCiMethodName;

export type ClusterCiMethodName =
  | 'bootstrap-cells-cluster'
  | 'bootstrap-rows-cluster'
  | 'delong-cluster'
  | 'paired-normal-cluster'
  | 'delta-method-cluster';

export interface Estimate {
  candidate: number;
  champion: number | null;
  delta: number | null;
  low: number | null;
  high: number | null;
  /** Interval method actually used (see CiMethodName), null without a champion. */
  method: CiMethodName | null;
  /**
   * Standard error of Δ the interval implies: the analytic se for normal intervals, (high − low)/(2z) for
   * percentile and score intervals. Null without a champion.
   */
  se: number | null;
  /** Minimum detectable effect at 80 % power (see stats/power.ts); null without a champion. */
  mde: number | null;
  /** Anything the reader of the verdict should know about this interval (fallbacks, degenerate intervals). */
  note?: string;
  /** Anything the reader should know about the point values themselves (e.g. rows mape left out). */
  valueNote?: string;
  /**
   * Why Δ cannot be judged on these rows although both values exist (a degenerate metric: one label class, a
   * zero denominator; too few rows for the method): the comparison is inconclusive with this reason.
   */
  undecidable?: string;
  /** Facts behind the values that the check's `details` carries (e.g. what binning can have cost an AUC). */
  details?: CheckDetails;
}

/** Thrown when a metric cannot be computed on these rows (e.g. ROC-AUC with one class): the check is inconclusive. */
export class NotEstimable extends Error {}

/** An interval of Δ with its method and the se it implies. */
export interface Interval {
  low: number;
  high: number;
  se: number;
  method: CiMethodName;
  note?: string;
}

/** The estimate without a champion: the candidate's value only. */
export function candidateOnly(candidate: number): Estimate {
  return { candidate, champion: null, delta: null, low: null, high: null, method: null, se: null, mde: null };
}

/** The paired estimate from both point values and an interval of their difference. */
export function paired(candidate: number, champion: number, interval: Interval, ci: CiSettings, ...notes: (string | undefined)[]): Estimate {
  const delta = candidate - champion;
  const est: Estimate = {
    candidate,
    champion,
    delta,
    low: interval.low,
    high: interval.high,
    method: interval.method,
    se: interval.se,
    mde: minimumDetectableEffect(interval.se, ci.confidence_level)
  };
  const note = joinNotes(...notes, interval.note, zeroWidthNote(interval));
  if (note) est.note = note;
  return est;
}

/** Δ ± z·se. */
export function normalInterval(delta: number, se: number, ci: CiSettings, method: CiMethodName): Interval {
  const z = twoSidedZ(ci.confidence_level);
  return { low: delta - z * se, high: delta + z * se, se, method };
}

/**
 * The tilted score interval of Δ (stats/tilted-mean.ts) from the per-row values whose mean Δ is to first
 * order: the differences of a loss, or a delta-method influence. The interval is the one of their mean, moved
 * to centre on `delta`; se is the normal interval's, for power and the minimum detectable effect.
 */
export function tiltedInterval(delta: number, rows: ArrayLike<number>, ci: CiSettings): Interval {
  const r = tiltedMeanInterval(rows, ci.confidence_level);
  return { low: delta + (r.low - r.mean), high: delta + (r.high - r.mean), se: r.se, method: 'tilted-score' };
}

/** Percentile interval of the paired cells bootstrap (see stats/bootstrap.ts), on the check's own stream. */
export function cellsInterval(
  cells: Float64Array,
  statistic: (cells: Float64Array) => number,
  ci: CiSettings,
  streamLabel: string
): Interval {
  const r = cellsBootstrap(cells, statistic, {
    resamples: ci.resamples,
    seed: deriveSeed(ci.seed, streamLabel),
    confidenceLevel: ci.confidence_level
  });
  return { low: r.low, high: r.high, se: seFromInterval(r.low, r.high, ci.confidence_level), method: 'bootstrap-cells' };
}

/**
 * Percentile interval of the paired row bootstrap. `statistic` returns NaN on a resample where Δ is undefined
 * (`undefinedWhen` says when, for the note); such resamples are left out. If more than half are, the metric
 * is not estimable on these rows.
 */
export function rowsInterval(
  n: number,
  statistic: (weights: Uint32Array) => number,
  ci: CiSettings,
  streamLabel: string,
  undefinedWhen = 'the metric is undefined'
): Interval {
  const r = runRows(n, statistic, ci, streamLabel, undefinedWhen);
  const interval: Interval = {
    low: r.low,
    high: r.high,
    se: seFromInterval(r.low, r.high, ci.confidence_level),
    method: 'bootstrap-rows'
  };
  if (r.used < r.resamples) {
    interval.note = `${r.resamples - r.used} of ${r.resamples} resamples were left out because on them ${undefinedWhen}`;
  }
  return interval;
}

/**
 * `centre` ± z·(the row bootstrap's standard error of `statistic`): for an estimate whose plug-in value is biased
 * (ECE), centred on a bias-corrected value the percentile interval cannot move to (`bootstrap-debiased`).
 */
export function rowsDebiasedInterval(
  n: number,
  statistic: (weights: Uint32Array) => number,
  centre: number,
  ci: CiSettings,
  streamLabel: string
): Interval {
  const r = runRows(n, statistic, ci, streamLabel, 'the metric is undefined');
  return normalInterval(centre, r.sd, ci, 'bootstrap-debiased');
}

function runRows(
  n: number,
  statistic: (weights: Uint32Array) => number,
  ci: CiSettings,
  streamLabel: string,
  undefinedWhen: string
): RowBootstrapResult {
  let r;
  try {
    r = rowBootstrap(n, statistic, {
      resamples: ci.resamples,
      seed: deriveSeed(ci.seed, streamLabel),
      confidenceLevel: ci.confidence_level
    });
  } catch (e) {
    if (e instanceof RangeError && /undefined on every resample/.test(e.message)) {
      throw new NotEstimable(`the bootstrap could not be run: on every resample ${undefinedWhen}`);
    }
    throw e;
  }
  if (r.used * 2 < r.resamples) {
    throw new NotEstimable(
      `the bootstrap is unreliable here: on ${r.resamples - r.used} of ${r.resamples} resamples ${undefinedWhen}`
    );
  }
  return r;
}

/** Weighted mean of per-row values with bootstrap weights that sum to n. */
function weightedMean(values: Float64Array, weights: Uint32Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += weights[i]! * values[i]!;
  return s / n;
}

/**
 * A mean loss (or any mean of per-row values) compared on paired rows: under `auto` the tilted score interval
 * of the per-row differences, under `analytic` their normal interval, under `bootstrap` the row bootstrap of
 * the mean difference. Undecided while the differences are too skewed for n (skew-floor.ts).
 */
export function pairedMeans(candRows: Float64Array, champRows: Float64Array, ci: CiSettings, streamLabel: string): Estimate {
  const n = candRows.length;
  if (n === 0) throw new NotEstimable('there are no rows to average');
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = candRows[i]! - champRows[i]!;
  let est: Estimate;
  if (ci.method === 'bootstrap') {
    const interval = rowsInterval(n, (w) => weightedMean(d, w, n), ci, streamLabel);
    est = paired(mean(candRows), mean(champRows), interval, ci);
  } else if (ci.method === 'auto') {
    const candidate = mean(candRows);
    const champion = mean(champRows);
    est = paired(candidate, champion, tiltedInterval(candidate - champion, d, ci), ci);
  } else {
    const r = pairedMeanInterval(candRows, champRows, ci.confidence_level);
    est = paired(r.candidate, r.champion, normalInterval(r.delta, r.se, ci, 'paired-normal'), ci);
  }
  const why = skewedMean(d, 'the loss');
  if (why) est.undecidable = why;
  return est;
}

/** Sufficient statistics of a paired mean comparison: Σ candidate, Σ champion and Σ (candidate − champion)² over n. */
export interface PairedSums {
  candidate: number;
  champion: number;
  diffSquares: number;
  n: number;
}

/**
 * pairedMeans from sums instead of rows (counts input): the same paired normal interval, with the variance of
 * the differences as (Σd² − n·d̄²)/(n − 1). There are no rows to resample, so config validation rejects
 * `ci.method: bootstrap` for counts; asking for it here is a bug.
 */
export function pairedMeansFromSums(s: PairedSums, ci: CiSettings, scale = 1): Estimate {
  if (s.n === 0) throw new NotEstimable('there are no rows to average');
  if (ci.method === 'bootstrap') throw new Error('pairedMeansFromSums: counts input has no rows to bootstrap');
  const delta = (s.candidate - s.champion) / s.n;
  const variance = s.n > 1 ? Math.max(0, s.diffSquares - s.n * delta * delta) / (s.n - 1) : 0;
  const interval = normalInterval(scale * delta, scale * Math.sqrt(variance / s.n), ci, 'paired-normal');
  return paired((scale * s.candidate) / s.n, (scale * s.champion) / s.n, interval, ci);
}

/**
 * The note for `ci.method: analytic` on a metric without an analytic interval: which method was used instead.
 */
export function analyticFallback(ci: CiSettings, metric: string, used: CiMethodName, why = 'has no analytic interval'): string | undefined {
  return ci.method === 'analytic' ? `ci.method analytic: ${metric} ${why}, so ${used} was used` : undefined;
}

function zeroWidthNote(i: Interval): string | undefined {
  if (i.high > i.low) return undefined;
  return `the interval has zero width (${fmt(i.low)}): Δ did not vary ${
    i.method.startsWith('bootstrap') ? 'across resamples' : 'between rows'
  }, typically because the two models agree on every row`;
}

function joinNotes(...notes: (string | undefined)[]): string | undefined {
  const kept = notes.filter((x): x is string => !!x);
  return kept.length ? kept.join('; ') : undefined;
}
