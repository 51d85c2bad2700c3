/**
 * Regression-task estimators (docs/statistics.md), by `ci.method`:
 *
 * | metric    | auto                                       | analytic                            | bootstrap      |
 * |-----------|--------------------------------------------|-------------------------------------|----------------|
 * | mae, mse  | tilted-score                               | paired-normal                       | bootstrap-rows |
 * | mape      | tilted-score on the non-zero labels        | paired-normal on the non-zero labels| bootstrap-rows |
 * | rmse, r2  | tilted-score of the delta-method influence | delta-method                        | bootstrap-rows |
 *
 * MAPE leaves out rows whose label is 0 (docs/statistics.md) and says how many in the check's message. On the rows it
 * keeps it is the mean of a per-row loss, so its paired interval is that of a mean (the delta method for the
 * ratio "sum over kept rows / number of kept rows" gives the same se up to n/(n − 1)).
 */
import type { CiSettings } from '../config/types.js';
import { mean, sum } from '../stats/losses.js';
import {
  absoluteErrorRows,
  absolutePercentageErrorRows,
  nonZeroRows,
  r2Delta,
  r2FromSums,
  rmseDelta,
  squaredErrorRows,
  totalSumOfSquares,
  type DeltaInterval
} from '../stats/regression.js';
import type { ModelColumns, PairedData } from '../readers/paired-data.js';
import {
  candidateOnly,
  normalInterval,
  NotEstimable,
  paired,
  pairedMeans,
  rowsInterval,
  tiltedInterval,
  type Estimate,
  type Interval
} from './intervals.js';
import { r2Influence, rmseInfluence, skewedMean } from './skew-floor.js';

// Bound once: in a vm sandbox (Jest) every lookup of a global such as Math costs ~100x a local one.
const { sqrt } = Math;

/** RMSE and R² are undecided while the per-row influence of Δ is too skewed for n (skew-floor.ts). */
function withSkew(est: Estimate, influence: Float64Array): Estimate {
  const why = skewedMean(influence, 'the squared errors');
  if (why) est.undecidable = why;
  return est;
}

/** RMSE's and R²'s non-bootstrap interval: tilted over the delta-method influence under auto, else normal. */
function deltaInterval(r: DeltaInterval, ci: CiSettings): Interval {
  return ci.method === 'auto' ? tiltedInterval(r.delta, r.influence, ci) : normalInterval(r.delta, r.se, ci, 'delta-method');
}

function requireTarget(data: PairedData): Float64Array {
  if (!data.target) throw new Error('regression data has no labels');
  return data.target;
}

function requireValue(model: ModelColumns, metric: string): Float64Array {
  if (!model.value) throw new Error(`${model.file} has no predicted values for ${metric}`);
  return model.value;
}

/**
 * The largest per-row loss compared. Intervals square the differences of losses and sum the squares over the
 * rows; from 1e100 they stay far inside double precision (which ends at 1.8e308), and a squared error that
 * large (an error of 1e50) is a unit or scaling mistake, not a model.
 */
const MAX_LOSS = 1e100;

/** The per-row losses, each at most MAX_LOSS; else not estimable, naming the file and the row. `row(i)` is loss i's data row. */
function finiteLosses(losses: Float64Array, data: PairedData, model: ModelColumns, what: string, row: (i: number) => number = (i) => i): Float64Array {
  for (let i = 0; i < losses.length; i++) {
    if (losses[i]! <= MAX_LOSS) continue;
    const r = row(i);
    throw new NotEstimable(
      `${model.file}: the ${what} of the row with label ${data.target![r]} and prediction ${model.value![r]} is ` +
        `${losses[i]!.toPrecision(3)}, beyond the ${MAX_LOSS} model-gate compares; check the predictions and labels for a unit or scaling mistake`
    );
  }
  return losses;
}

export function estimateRegression(name: string, data: PairedData, ci: CiSettings, streamLabel: string): Estimate {
  const target = requireTarget(data);
  requireValue(data.candidate, name);
  if (data.champion) requireValue(data.champion, name);
  switch (name) {
    case 'mae':
    case 'mse': {
      const losses = (model: ModelColumns): Float64Array =>
        name === 'mae'
          ? finiteLosses(absoluteErrorRows(target, model.value!), data, model, 'absolute error')
          : finiteLosses(squaredErrorRows(target, model.value!), data, model, 'squared error');
      const c = losses(data.candidate);
      if (!data.champion) return candidateOnly(mean(c));
      return pairedMeans(c, losses(data.champion), ci, streamLabel);
    }
    case 'mape':
      return estimateMape(data, ci, streamLabel);
    case 'rmse':
      return estimateRmse(data, ci, streamLabel);
    case 'r2':
      return estimateR2(data, ci, streamLabel);
    default:
      throw new Error(`${name} is not a regression metric`);
  }
}

/** Both models' squared errors (the champion's when there is one), finite. */
function squaredErrors(data: PairedData): { sc: Float64Array; sh: Float64Array | undefined } {
  const sq = (model: ModelColumns) => finiteLosses(squaredErrorRows(data.target!, model.value!), data, model, 'squared error');
  return { sc: sq(data.candidate), sh: data.champion ? sq(data.champion) : undefined };
}

function estimateMape(data: PairedData, ci: CiSettings, streamLabel: string): Estimate {
  const target = data.target!;
  const rows = nonZeroRows(target);
  const skipped = target.length - rows.length;
  if (rows.length === 0) {
    throw new NotEstimable(`mape leaves out rows whose label is 0, and all ${target.length} rows have label 0`);
  }
  const note =
    skipped > 0
      ? `mape leaves out the ${skipped} of ${target.length} rows whose label is 0 (it divides by the label)`
      : undefined;
  const losses = (model: ModelColumns): Float64Array =>
    finiteLosses(absolutePercentageErrorRows(target, model.value!, rows), data, model, 'absolute percentage error', (i) => rows[i]!);
  const c = losses(data.candidate);
  const est = data.champion ? pairedMeans(c, losses(data.champion), ci, streamLabel) : candidateOnly(mean(c));
  if (note) est.valueNote = note;
  return est;
}

function estimateRmse(data: PairedData, ci: CiSettings, streamLabel: string): Estimate {
  const { sc, sh } = squaredErrors(data);
  if (!sh) return candidateOnly(sqrt(mean(sc)));
  const n = data.n;
  let fallback: string | undefined;
  if (ci.method !== 'bootstrap') {
    const r = rmseDelta(sc, sh);
    // The delta method's influence has the shape (skewness, kurtosis) the floor judges: no second pass for it.
    if (r) return withSkew(paired(r.candidate, r.champion, deltaInterval(r, ci), ci), r.influence);
    fallback = 'a model predicts every row exactly (RMSE 0, where the delta method has no derivative), so bootstrap-rows was used';
  }
  const weighted = (sq: Float64Array, w: Uint32Array): number => {
    let s = 0;
    for (let i = 0; i < n; i++) s += w[i]! * sq[i]!;
    return sqrt(s / n);
  };
  const interval = rowsInterval(n, (w) => weighted(sc, w) - weighted(sh, w), ci, streamLabel);
  return withSkew(paired(sqrt(mean(sc)), sqrt(mean(sh)), interval, ci, fallback), rmseInfluence(sc, sh));
}

function estimateR2(data: PairedData, ci: CiSettings, streamLabel: string): Estimate {
  const target = data.target!;
  const { sc, sh } = squaredErrors(data);
  const total = totalSumOfSquares(target);
  if (!(total / target.length <= MAX_LOSS)) {
    throw new NotEstimable(
      `r2 divides by the labels' mean squared deviation, ${(total / target.length).toPrecision(3)}, beyond the ${MAX_LOSS} model-gate compares; check the labels for a unit or scaling mistake`
    );
  }
  if (!sh) return candidateOnly(r2FromSums(sum(sc), total));
  if (total === 0) {
    throw new NotEstimable(
      `r2 is undefined when every label is the same (${
        target.length === 1 ? 'the only row has' : `all ${target.length} rows have`
      } label ${target[0]}); scikit-learn reports 1 or 0 by convention`
    );
  }
  if (ci.method !== 'bootstrap') {
    const r = r2Delta(target, sc, sh)!;
    return withSkew(paired(r.candidate, r.champion, deltaInterval(r, ci), ci), r.influence);
  }
  // Per resample: ΔR² = (SSE_champ − SSE_cand)/SST with all three sums weighted; SST from labels centred on
  // the full-sample mean (Σw(y − c)² − (Σw(y − c))²/n is exact for any centre c and stable for c ≈ ȳ).
  const n = target.length;
  const centre = mean(target);
  const dev = new Float64Array(n);
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    dev[i] = target[i]! - centre;
    d[i] = sh[i]! - sc[i]!;
  }
  const interval = rowsInterval(
    n,
    (w) => {
      let s1 = 0;
      let s2 = 0;
      let sd = 0;
      for (let i = 0; i < n; i++) {
        const wi = w[i]!;
        if (wi === 0) continue;
        const e = dev[i]!;
        s1 += wi * e;
        s2 += wi * e * e;
        sd += wi * d[i]!;
      }
      const sst = s2 - (s1 * s1) / n;
      return sst > 0 ? sd / sst : NaN;
    },
    ci,
    streamLabel,
    'every resampled label was the same'
  );
  const est = paired(r2FromSums(sum(sc), total), r2FromSums(sum(sh), total), interval, ci);
  return withSkew(est, r2Influence(target, sc, sh, est.delta!));
}
