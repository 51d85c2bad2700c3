/**
 * Multiclass-task estimators (docs/statistics.md): the confusion metrics by the paired bootstrap of the K×K×K joint
 * (label, champion, candidate) cells — Tango's paired score interval for accuracy / micro_f1 under `auto` and
 * `analytic` (paired-proportion.ts) — and log_loss as a mean loss (pairedMeans: tilted score, paired normal or the
 * row bootstrap).
 */
import type { CiSettings } from '../config/types.js';
import { mean } from '../stats/losses.js';
import {
  classCounts,
  classCountsOf,
  emptyClassCounts,
  jointCells,
  multiclassLogLossRows,
  multiclassMetric
} from '../stats/multiclass.js';
import type { ModelColumns, PairedData } from '../readers/paired-data.js';
import { analyticFallback, candidateOnly, cellsInterval, paired, pairedMeans, type Estimate } from './intervals.js';
import { applyExactFloor } from './exact-floor.js';
import { pairedProportionInterval } from './paired-proportion.js';
import { fewDisagreementsOf } from './small-sample.js';
import { logLossTooFew } from './skew-floor.js';

function requireLabels(data: PairedData): { labelClass: Uint32Array; classes: number } {
  if (!data.labelClass || !data.classes) throw new Error('multiclass data has no class labels');
  return { labelClass: data.labelClass, classes: data.classes.length };
}

function requirePrediction(model: ModelColumns, metric: string): Uint32Array {
  if (!model.predictionClass) throw new Error(`${model.file} has no predicted classes for ${metric}`);
  return model.predictionClass;
}

function requireProba(model: ModelColumns): Float64Array {
  if (!model.proba) throw new Error(`${model.file} has no class probabilities for log_loss`);
  return model.proba;
}

export function estimateMulticlass(name: string, data: PairedData, ci: CiSettings, streamLabel: string): Estimate {
  const { labelClass, classes } = requireLabels(data);
  if (name === 'log_loss') {
    const cand = multiclassLogLossRows(labelClass, requireProba(data.candidate), classes);
    if (!data.champion) return candidateOnly(mean(cand));
    const champ = multiclassLogLossRows(labelClass, requireProba(data.champion), classes);
    const est = pairedMeans(cand, champ, ci, streamLabel);
    est.undecidable = logLossTooFew(data.n) ?? est.undecidable;
    return est;
  }

  const cand = requirePrediction(data.candidate, name);
  if (!data.champion) return candidateOnly(multiclassMetric(name, classCounts(labelClass, cand, classes)));
  const cells = jointCells(labelClass, requirePrediction(data.champion, name), cand, classes);
  const bufCand = emptyClassCounts(classes);
  const bufChamp = emptyClassCounts(classes);
  const value = (counts: ArrayLike<number>, which: 'candidate' | 'champion') =>
    multiclassMetric(name, classCountsOf(cells, counts, which, which === 'candidate' ? bufCand : bufChamp));
  const candidate = value(cells.count, 'candidate');
  const champion = value(cells.count, 'champion');

  if (name === 'accuracy' || name === 'micro_f1') {
    // Both are the share of correctly classified rows: a paired proportion.
    const t = { both: 0, candidateOnly: 0, championOnly: 0, neither: 0 };
    for (let j = 0; j < cells.count.length; j++) {
      const c = cells.count[j]!;
      const a = cells.champion[j] === cells.label[j];
      const b = cells.candidate[j] === cells.label[j];
      if (a && b) t.both += c;
      else if (b) t.candidateOnly += c;
      else if (a) t.championOnly += c;
      else t.neither += c;
    }
    const interval =
      ci.method === 'bootstrap'
        ? applyExactFloor(
            cellsInterval(cells.count, (counts) => value(counts, 'candidate') - value(counts, 'champion'), ci, streamLabel),
            t,
            ci.confidence_level
          )
        : pairedProportionInterval(t, ci);
    return paired(candidate, champion, interval, ci);
  }
  const interval = cellsInterval(
    cells.count,
    (counts) => value(counts, 'candidate') - value(counts, 'champion'),
    ci,
    streamLabel
  );
  const est = paired(candidate, champion, interval, ci, analyticFallback(ci, name, 'bootstrap-cells'));
  let differ = 0;
  for (let j = 0; j < cells.count.length; j++) if (cells.champion[j] !== cells.candidate[j]) differ += cells.count[j]!;
  const few = fewDisagreementsOf(name, differ);
  if (few) est.undecidable = few;
  return est;
}
