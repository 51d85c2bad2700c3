/**
 * Binary-task estimators: point values (scikit-learn's definitions) and the paired interval of Δ for each
 * metric, by `ci.method` (docs/statistics.md explains each choice):
 *
 * | metrics                                   | auto            | bootstrap       | analytic                        |
 * |-------------------------------------------|-----------------|-----------------|---------------------------------|
 * | proportions (accuracy, recall, fpr, …)    | tango           | bootstrap-cells | tango                           |
 * | net_benefit                               | paired-normal   | bootstrap-cells | paired-normal                   |
 * | balanced_accuracy                         | tango-mover     | bootstrap-cells | tango-mover                     |
 * | precision, f1, mcc                        | score-cells     | bootstrap-cells | score-cells                     |
 * | roc_auc                                   | delong          | bootstrap-rows  | delong                          |
 * | log_loss, brier                           | tilted-score    | bootstrap-rows  | paired-normal                   |
 * | pr_auc                                    | bootstrap-rows  | bootstrap-rows  | bootstrap-rows (noted)          |
 * | ece                                       | bootstrap-debiased | bootstrap-debiased | bootstrap-debiased (noted) |
 *
 * Proportions are never narrower than the exact bound of the disagreements (exact-floor.ts); the other
 * confusion metrics are inconclusive when degenerate (degenerate.ts) or with few disagreements (small-sample.ts).
 */
import { metricInfo } from '../stats/catalog.js';
import type { CiSettings } from '../config/types.js';
import { calibrationResiduals, ECE_BINS, ece, eceBins, eceDebiased, pairedEceDelta } from '../stats/calibration.js';
import {
  binaryMetric,
  confusionOf,
  netBenefit,
  pairedCells,
  pairedTableOf,
  type Confusion,
  type NetBenefitValues
} from '../stats/confusion.js';
import { delongPaired, auc } from '../stats/delong.js';
import { delongPairedWeighted, weightedRowsAuc } from '../stats/binned-auc.js';
import type { BinnedAucDetails } from './details.js';
import { brierRows, logLossRows, mean, sum } from '../stats/losses.js';
import type { PairedTable } from '../stats/newcombe.js';
import { averagePrecision, rank, weightedAuc } from '../stats/ranking.js';
import type { MeanLoss, ModelColumns, PairedData } from '../readers/paired-data.js';
import {
  analyticFallback,
  candidateOnly,
  cellsInterval,
  NotEstimable,
  paired,
  pairedMeans,
  pairedMeansFromSums,
  rowsDebiasedInterval,
  rowsInterval,
  type Estimate,
  type Interval
} from './intervals.js';
import { exampleCount, positiveCount } from './weights.js';
import { fmt } from './format.js';
import { cellsScoreInterval } from '../stats/cells-score.js';
import { twoSidedZ } from '../stats/distributions.js';
import { seFromInterval } from '../stats/power.js';
import { degenerateConfusion } from './degenerate.js';
import { applyExactFloor } from './exact-floor.js';
import { balancedAccuracyInterval, pairedProportionInterval } from './paired-proportion.js';
import { fewDisagreements } from './small-sample.js';
import { logLossTooFew, lossTooFew } from './skew-floor.js';

export interface BinaryOptions {
  net_benefit?: NetBenefitValues;
}

function requirePrediction(model: ModelColumns, metric: string): Uint8Array {
  if (!model.prediction) throw new Error(`${model.file} has no predictions for ${metric}`);
  return model.prediction;
}

function requireScore(model: ModelColumns, metric: string): Float64Array {
  if (!model.score) throw new Error(`${model.file} has no scores for ${metric}`);
  return model.score;
}

function confusionOfModel(data: PairedData, prediction: Uint8Array): Confusion {
  const { label, weight } = data;
  const c = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let i = 0; i < label.length; i++) {
    const w = weight ? weight[i]! : 1;
    if (prediction[i]) {
      if (label[i]) c.tp += w;
      else c.fp += w;
    } else if (label[i]) c.fn += w;
    else c.tn += w;
  }
  return c;
}

function requireClassRows(name: string, data: PairedData): void {
  // A rate over one class of the labels (catalogue) is undefined, not 0, when that class has no rows.
  const needs = metricInfo('binary', name)?.classRows;
  if (!needs) return;
  const positives = positiveCount(data);
  const n = exampleCount(data);
  const have = needs === 'positive' ? positives : n - positives;
  if (have === 0) {
    throw new NotEstimable(`${name} is a rate over the ${needs} rows and there are none among these ${n} rows`);
  }
}

/** Counts input carries no per-row scores; config validation keeps these metrics away from it. */
function requireRows(data: PairedData, metric: string): void {
  if (data.weight) throw new Error(`${metric} needs per-row scores, which counts input does not have`);
}

export function estimateBinary(
  name: string,
  data: PairedData,
  ci: CiSettings,
  streamLabel: string,
  options: BinaryOptions
): Estimate {
  switch (name) {
    case 'roc_auc':
      return estimateRocAuc(data, ci, streamLabel);
    case 'pr_auc':
      return estimatePrAuc(data, ci, streamLabel);
    case 'ece':
      return estimateEce(data, ci, streamLabel);
    case 'log_loss':
    case 'brier':
      return estimateMeanLoss(name, data, ci, streamLabel);
    default:
      return estimateConfusion(name, data, ci, streamLabel, options);
  }
}

function estimateConfusion(
  name: string,
  data: PairedData,
  ci: CiSettings,
  streamLabel: string,
  options: BinaryOptions
): Estimate {
  requireClassRows(name, data);
  let value: (c: Confusion) => number;
  if (name === 'net_benefit') {
    const values = options.net_benefit;
    if (!values) throw new Error('net_benefit needs metric_options.net_benefit (config validation ensures it)');
    value = (c) => netBenefit(c, values);
  } else {
    value = (c) => binaryMetric(name, c);
  }
  const cand = requirePrediction(data.candidate, name);
  if (!data.champion) return candidateOnly(value(confusionOfModel(data, cand)));
  const champ = requirePrediction(data.champion, name);
  const cells = pairedCells(data.label, champ, cand, undefined, data.weight);
  const candidate = value(confusionOf(cells, 'candidate'));
  const champion = value(confusionOf(cells, 'champion'));

  const delta = (c: ArrayLike<number>) => value(confusionOf(c, 'candidate')) - value(confusionOf(c, 'champion'));
  const table = pairedTableOf(cells, name);
  if (table) return paired(candidate, champion, proportionInterval(table, cells, delta, ci, streamLabel), ci);
  if (ci.method !== 'bootstrap' && name === 'net_benefit') {
    // A total of per-row values: n × a mean, so the paired normal interval of the per-row differences,
    // which the eight joint cells determine (rows of a cell share their values). The coverage study found it
    // holding its level at 500 and 5,000 rows where the cells bootstrap passed 2.9–3.1 % (docs/statistics.md).
    const est = netBenefitFromCells(cells, options.net_benefit!, ci);
    const few = fewDisagreements(name, cells);
    if (few) est.undecidable = few;
    return est;
  }
  const analytic = ci.method === 'bootstrap' ? undefined : analyticConfusionInterval(name, cells, delta, ci);
  const est = analytic
    ? paired(candidate, champion, analytic, ci)
    : paired(
        candidate,
        champion,
        cellsInterval(cells, delta, ci, streamLabel),
        ci,
        SCORE_CELLS.has(name) && ci.method !== 'bootstrap'
          ? `the score interval of ${name} could not be computed on these cells, so bootstrap-cells was used`
          : analyticFallback(ci, name, 'bootstrap-cells')
      );
  const why = degenerateConfusion(name, cells) ?? fewDisagreements(name, cells);
  if (why) est.undecidable = why;
  return est;
}

/** The confusion metrics that take the score interval on the cells under `auto` and `analytic`. */
const SCORE_CELLS = new Set(['precision', 'f1', 'mcc']);

/**
 * The non-bootstrap interval of a confusion metric that is not a proportion, or undefined where it has none (the
 * cells bootstrap then): MOVER of the two classes' Tango intervals for balanced accuracy (paired-proportion.ts;
 * undefined with one label class, where it is degenerate anyway), the score interval on the cells for precision,
 * f1 and mcc (stats/cells-score.ts; undefined where the metric is undefined or a fit did not settle). The cells
 * bootstrap passed 3.2–3.4 % with few disagreeing rows where these hold their level (docs/statistics.md §2.7).
 */
function analyticConfusionInterval(
  name: string,
  cells: Float64Array,
  delta: (c: ArrayLike<number>) => number,
  ci: CiSettings
): Interval | undefined {
  if (name === 'balanced_accuracy') {
    return balancedAccuracyInterval(pairedTableOf(cells, 'recall')!, pairedTableOf(cells, 'specificity')!, ci);
  }
  if (!SCORE_CELLS.has(name)) return undefined;
  const r = cellsScoreInterval(cells, delta, twoSidedZ(ci.confidence_level));
  return r ? { low: r.low, high: r.high, se: seFromInterval(r.low, r.high, ci.confidence_level), method: 'score-cells' } : undefined;
}

/**
 * A proportion (accuracy, recall, fpr, …): Tango's score interval under `auto` and `analytic` (paired-proportion.ts;
 * the coverage study, docs/statistics.md, finds it holds its level from 30 rows, where the percentile bootstrap
 * of the cells does not), the cells bootstrap under `bootstrap`; either way never narrower than the exact bound
 * of the disagreements (exact-floor.ts).
 */
function proportionInterval(
  table: PairedTable,
  cells: Float64Array,
  delta: (c: ArrayLike<number>) => number,
  ci: CiSettings,
  streamLabel: string
): Interval {
  if (ci.method !== 'bootstrap') return pairedProportionInterval(table, ci);
  return applyExactFloor(cellsInterval(cells, delta, ci, streamLabel), table, ci.confidence_level);
}

/** The analytic net_benefit interval from the joint cells: each cell is a group of rows with equal per-row values. */
function netBenefitFromCells(cells: Float64Array, v: NetBenefitValues, ci: CiSettings): Estimate {
  const s = { candidate: 0, champion: 0, diffSquares: 0, n: 0 };
  for (let cell = 0; cell < cells.length; cell++) {
    const count = cells[cell]!;
    const y = cell >> 2;
    const valueOf = (pred: number) => (y ? (pred ? v.tp : v.fn) : pred ? v.fp : v.tn);
    const vc = valueOf(cell & 1);
    const vh = valueOf((cell >> 1) & 1);
    s.candidate += count * vc;
    s.champion += count * vh;
    s.diffSquares += count * (vc - vh) * (vc - vh);
    s.n += count;
  }
  return pairedMeansFromSums(s, ci, s.n);
}

function requireBothClasses(data: PairedData, metric: string): void {
  const positives = positiveCount(data);
  const n = exampleCount(data);
  if (positives === 0 || positives === n) {
    throw new NotEstimable(`${metric} needs both classes, but all ${n} rows are ${positives === 0 ? 'negative' : 'positive'}`);
  }
}

function estimateRocAuc(data: PairedData, ci: CiSettings, streamLabel: string): Estimate {
  // Counts input: its rows are score bins with weights (docs/counts.md).
  if (data.weight) return estimateBinnedRocAuc(data, data.weight, ci);
  requireBothClasses(data, 'ROC-AUC');
  const cand = requireScore(data.candidate, 'roc_auc');
  if (!data.champion) return candidateOnly(auc(data.label, cand));
  const champ = requireScore(data.champion, 'roc_auc');
  if (ci.method === 'bootstrap') {
    const rc = rank(cand);
    const rh = rank(champ);
    const interval = rowsInterval(
      data.n,
      (w) => weightedAuc(data.label, rc, w) - weightedAuc(data.label, rh, w),
      ci,
      streamLabel,
      'the resample held only one class'
    );
    return paired(auc(data.label, cand), auc(data.label, champ), interval, ci);
  }
  const r = delongPaired(data.label, cand, champ, ci.confidence_level);
  const degenerate =
    r.se === 0 ? 'the DeLong variance is 0 (the two models order every pair the same way)' : undefined;
  const interval: Interval = { low: r.low, high: r.high, se: r.se, method: 'delong' };
  // paired() adds its own zero-width note; the DeLong one says more, so keep only it.
  const est = paired(r.candidate, r.champion, interval, ci);
  if (degenerate) est.note = degenerate;
  return est;
}

/**
 * ROC-AUC from a counts file's score bins: DeLong on the weighted rows, equal to DeLong on the rows expanded to
 * one per example (ties ½ are exact for tied scores); the details say how far binning can have moved the values.
 */
function estimateBinnedRocAuc(data: PairedData, weight: Float64Array, ci: CiSettings): Estimate {
  requireBothClasses(data, 'ROC-AUC');
  const cand = requireScore(data.candidate, 'roc_auc');
  if (ci.method === 'bootstrap') throw new Error('roc_auc from counts has no row bootstrap (config validation rejects it)');
  if (!data.champion) {
    const r = weightedRowsAuc(data.label, cand, weight);
    return withBinning(candidateOnly(r.auc), r.tiedPairShare, null);
  }
  const r = delongPairedWeighted(data.label, cand, requireScore(data.champion, 'roc_auc'), weight, ci.confidence_level);
  const est = paired(r.candidate.auc, r.champion.auc, { low: r.low, high: r.high, se: r.se, method: 'delong' }, ci);
  if (r.se === 0) est.note = 'the DeLong variance is 0 (the two models order every pair the same way)';
  return withBinning(est, r.candidate.tiedPairShare, r.champion.tiedPairShare);
}

/** The details and a note of how far binning can have moved the AUC(s) (the message shows the larger). */
function withBinning(est: Estimate, candidate: number, champion: number | null): Estimate {
  est.details = binnedDetails(candidate, champion);
  const most = Math.max(candidate, champion ?? 0) / 2;
  est.valueNote = `AUC of the score bins, within ${roundedUp(most)} of the unbinned AUC (docs/counts.md)`;
  return est;
}

/** Two significant digits, rounded up: a bound shown must not be smaller than the bound. */
function roundedUp(x: number): string {
  if (x === 0) return '0';
  const unit = 10 ** (Math.floor(Math.log10(x)) - 1);
  return String(Number((Math.ceil(x / unit) * unit).toPrecision(2)));
}

function binnedDetails(candidate: number, champion: number | null): BinnedAucDetails {
  return {
    kind: 'binned_auc',
    tied_pair_share: { candidate, champion },
    max_binning_error: {
      candidate: candidate / 2,
      champion: champion === null ? null : champion / 2,
      delta: champion === null ? null : (candidate + champion) / 2
    }
  };
}

function estimatePrAuc(data: PairedData, ci: CiSettings, streamLabel: string): Estimate {
  requireRows(data, 'pr_auc');
  if (positiveCount(data) === 0) {
    throw new NotEstimable(`pr_auc needs at least one positive row, and none of these ${data.n} rows is positive`);
  }
  const rc = rank(requireScore(data.candidate, 'pr_auc'));
  const candidate = averagePrecision(data.label, rc);
  if (!data.champion) return candidateOnly(candidate);
  const rh = rank(requireScore(data.champion, 'pr_auc'));
  const champion = averagePrecision(data.label, rh);
  const interval = rowsInterval(
    data.n,
    (w) => averagePrecision(data.label, rc, w) - averagePrecision(data.label, rh, w),
    ci,
    streamLabel,
    'the resample held no positive row'
  );
  const est = paired(candidate, champion, interval, ci, analyticFallback(ci, 'pr_auc', 'bootstrap-rows'));
  if (positiveCount(data) === data.n) {
    est.undecidable = `pr_auc needs both label classes to compare, but all ${data.n} rows are positive: every ranking scores 1`;
  } else if (data.n < PR_AUC_RELIABLE_ROWS) {
    est.undecidable = `only ${data.n} rows: pr_auc comparisons need at least ${PR_AUC_RELIABLE_ROWS} (below, the bootstrap interval is too narrow; docs/statistics.md)`;
  }
  return est;
}

function estimateEce(data: PairedData, ci: CiSettings, streamLabel: string): Estimate {
  requireRows(data, 'ece');
  const pc = requireScore(data.candidate, 'ece');
  const bc = eceBins(pc);
  const candidate = ece(data.label, pc, bc);
  if (!data.champion) return candidateOnly(candidate);
  const ph = requireScore(data.champion, 'ece');
  const bh = eceBins(ph);
  const champion = ece(data.label, ph, bh);
  const rc = calibrationResiduals(data.label, pc);
  const rh = calibrationResiduals(data.label, ph);
  const gapCand = new Float64Array(ECE_BINS);
  const gapChamp = new Float64Array(ECE_BINS);
  // Binned ECE overstates a bin's gap by the noise of its sum, most where the true gap is near 0 and so more for
  // the better-calibrated model: the percentile interval of Δ inherits that bias (false passes of 3.7 % at 5,000
  // rows) and cannot remove it. The interval is centred on the debiased difference instead, with the bootstrap's
  // standard error (docs/statistics.md §2.4).
  const centre = eceDebiased(rc, bc) - eceDebiased(rh, bh);
  const interval = rowsDebiasedInterval(data.n, (w) => pairedEceDelta(rc, bc, rh, bh, w, gapCand, gapChamp), centre, ci, streamLabel);
  const est = paired(
    candidate,
    champion,
    interval,
    ci,
    analyticFallback(ci, 'ece', 'bootstrap-debiased'),
    `interval centred on the debiased Δ ECE, ${fmt(centre)} (the binned Δ overstates a near-zero gap by its noise)`
  );
  const few = eceSmallSample(data.n);
  if (few) est.undecidable = few;
  return est;
}

/**
 * Below this many rows the coverage study (docs/statistics.md) finds ECE's interval unreliable even debiased:
 * with few rows per bin the bias correction is itself noisy (false passes of 10.8 % at 100 rows; 2.5 % at 500):
 * the comparison is inconclusive.
 */
const ECE_RELIABLE_ROWS = 500;

function eceSmallSample(n: number): string | undefined {
  return n < ECE_RELIABLE_ROWS
    ? `only ${n} rows: ECE comparisons need at least ${ECE_RELIABLE_ROWS} (below, a candidate worse by the margin passes up to 11 % of the time instead of 2.5 %; docs/statistics.md); gate calibration on brier or log_loss instead`
    : undefined;
}

/**
 * Below this many rows the row bootstrap of Δ PR-AUC passes a candidate worse by the margin 4–6 % of the time
 * (docs/statistics.md): the comparison is inconclusive.
 */
const PR_AUC_RELIABLE_ROWS = 200;

function estimateMeanLoss(name: MeanLoss, data: PairedData, ci: CiSettings, streamLabel: string): Estimate {
  if (data.weight) return meanLossFromSums(name, data, ci);
  const rows = name === 'log_loss' ? logLossRows : brierRows;
  const cand = rows(data.label, requireScore(data.candidate, name));
  if (!data.champion) return candidateOnly(mean(cand));
  const est = pairedMeans(cand, rows(data.label, requireScore(data.champion, name)), ci, streamLabel);
  if (name === 'log_loss') est.undecidable = logLossTooFew(data.n) ?? est.undecidable;
  return est;
}

/** A mean loss from counts input: the per-row sums add up to the sums over the examples. */
function meanLossFromSums(name: MeanLoss, data: PairedData, ci: CiSettings): Estimate {
  const sums = data.lossSums?.[name];
  if (!sums) throw new Error(`counts input without ${name} sums (the counts reader requires them when ${name} is configured)`);
  const total = (xs: Float64Array) => sum(xs);
  const n = exampleCount(data);
  if (n === 0) throw new NotEstimable('there are no rows to average');
  if (!data.champion) return candidateOnly(total(sums.candidate) / n);
  if (!sums.champion || !sums.diffSquares) throw new Error(`counts input without the champion's ${name} sums`);
  const est = pairedMeansFromSums(
    { candidate: total(sums.candidate), champion: total(sums.champion), diffSquares: total(sums.diffSquares), n },
    ci
  );
  est.undecidable = name === 'log_loss' ? logLossTooFew(n) : lossTooFew(n, 'the loss');
  return est;
}
