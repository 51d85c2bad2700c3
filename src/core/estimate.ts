/**
 * Point estimates and paired intervals of Δ = metric(candidate) − metric(champion), with the interval method
 * SPEC §4 prescribes for each kind of metric. Pure: data in, numbers out.
 */
import type { CiSettings } from '../config/types.js';
import { cellsBootstrap } from '../stats/bootstrap.js';
import type { MetricInfo } from '../stats/catalog.js';
import { binaryMetric, confusionOf, pairedCells, type Confusion } from '../stats/confusion.js';
import { auc, delongPaired } from '../stats/delong.js';
import { brierRows, logLossRows, mean } from '../stats/losses.js';
import { pairedMeanInterval } from '../stats/paired-normal.js';
import { deriveSeed } from '../stats/prng.js';
import type { ModelColumns, PairedData } from './data.js';

export interface Estimate {
  candidate: number;
  champion: number | null;
  delta: number | null;
  low: number | null;
  high: number | null;
  /** Interval method actually used (`bootstrap-cells`, `delong`, `paired-normal`), null without a champion. */
  method: string | null;
  /** Anything the reader of the verdict should know about this interval (fallbacks, degenerate intervals). */
  note?: string;
}

/** Thrown when a metric cannot be computed on these rows (e.g. ROC-AUC with one class): the check is inconclusive. */
export class NotEstimable extends Error {}

/**
 * Estimates one metric on the paired data. `streamLabel` names the check, so its bootstrap stream is its own
 * and adding or reordering checks never changes another check's interval.
 */
export function estimateMetric(
  metric: MetricInfo,
  data: PairedData,
  ci: CiSettings,
  streamLabel: string
): Estimate {
  switch (metric.kind) {
    case 'confusion':
      return estimateConfusion(metric.name, data, ci, streamLabel);
    case 'ranking':
      return estimateAuc(data, ci);
    case 'mean_loss':
      return estimateMeanLoss(metric.name, data, ci);
    case 'other':
      throw new Error(`metric ${metric.name} has no estimator yet`);
  }
}

function requirePrediction(model: ModelColumns, metric: string): Uint8Array {
  if (!model.prediction) throw new Error(`${model.file} has no predictions for ${metric}`);
  return model.prediction;
}

function requireScore(model: ModelColumns, metric: string): Float64Array {
  if (!model.score) throw new Error(`${model.file} has no scores for ${metric}`);
  return model.score;
}

function confusionOfModel(label: Uint8Array, prediction: Uint8Array): Confusion {
  const c = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let i = 0; i < label.length; i++) {
    if (prediction[i]) {
      if (label[i]) c.tp++;
      else c.fp++;
    } else if (label[i]) c.fn++;
    else c.tn++;
  }
  return c;
}

function methodNote(ci: CiSettings, used: string, wanted: 'bootstrap' | 'analytic', metric: string): string | undefined {
  return ci.method === wanted
    ? `ci.method ${wanted} is not available for ${metric} in this version; used ${used}`
    : undefined;
}

function estimateConfusion(name: string, data: PairedData, ci: CiSettings, streamLabel: string): Estimate {
  const cand = requirePrediction(data.candidate, name);
  if (!data.champion) {
    return nullComparison(binaryMetric(name, confusionOfModel(data.label, cand)));
  }
  const cells = pairedCells(data.label, requirePrediction(data.champion, name), cand);
  const value = (c: ArrayLike<number>, which: 'candidate' | 'champion') => binaryMetric(name, confusionOf(c, which));
  const candidate = value(cells, 'candidate');
  const champion = value(cells, 'champion');
  const interval = cellsBootstrap(cells, (c) => value(c, 'candidate') - value(c, 'champion'), {
    resamples: ci.resamples,
    seed: deriveSeed(ci.seed, streamLabel),
    confidenceLevel: ci.confidence_level
  });
  return {
    candidate,
    champion,
    delta: candidate - champion,
    low: interval.low,
    high: interval.high,
    method: 'bootstrap-cells',
    note: methodNote(ci, 'bootstrap-cells', 'analytic', name)
  };
}

function countPositives(label: Uint8Array): number {
  let k = 0;
  for (let i = 0; i < label.length; i++) k += label[i];
  return k;
}

function estimateAuc(data: PairedData, ci: CiSettings): Estimate {
  const positives = countPositives(data.label);
  if (positives === 0 || positives === data.n) {
    throw new NotEstimable(
      `ROC-AUC needs both classes, but all ${data.n} rows are ${positives === 0 ? 'negative' : 'positive'}`
    );
  }
  const cand = requireScore(data.candidate, 'roc_auc');
  if (!data.champion) return nullComparison(auc(data.label, cand));
  const r = delongPaired(data.label, cand, requireScore(data.champion, 'roc_auc'), ci.confidence_level);
  const degenerate = r.se === 0 ? 'the DeLong variance is 0 (the two models order every pair the same way)' : undefined;
  return {
    candidate: r.candidate,
    champion: r.champion,
    delta: r.delta,
    low: r.low,
    high: r.high,
    method: 'delong',
    note: joinNotes(methodNote(ci, 'delong', 'bootstrap', 'roc_auc'), degenerate)
  };
}

function estimateMeanLoss(name: string, data: PairedData, ci: CiSettings): Estimate {
  const rows = name === 'log_loss' ? logLossRows : brierRows;
  const candLoss = rows(data.label, requireScore(data.candidate, name));
  if (!data.champion) return nullComparison(mean(candLoss));
  const r = pairedMeanInterval(candLoss, rows(data.label, requireScore(data.champion, name)), ci.confidence_level);
  return {
    candidate: r.candidate,
    champion: r.champion,
    delta: r.delta,
    low: r.low,
    high: r.high,
    method: 'paired-normal',
    note: methodNote(ci, 'paired-normal', 'bootstrap', name)
  };
}

function nullComparison(candidate: number): Estimate {
  return { candidate, champion: null, delta: null, low: null, high: null, method: null };
}

function joinNotes(...notes: (string | undefined)[]): string | undefined {
  const kept = notes.filter((x): x is string => !!x);
  return kept.length ? kept.join('; ') : undefined;
}
