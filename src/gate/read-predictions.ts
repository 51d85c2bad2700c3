/**
 * Reads one model's predictions file with the reader of the config's task, and pairs the two models' files:
 * binary (readers/predictions.ts + align.ts), multiclass and regression (readers/task-predictions.ts).
 */
import type { GateConfig } from '../config/types.js';
import type { PairedData } from '../readers/paired-data.js';
import { permuteRowsInPlace } from '../readers/subset.js';
import { IdColumn } from '../readers/id-column.js';
import { sortedIdOrder } from '../readers/id-order.js';
import { alignPredictions } from '../readers/align.js';
import { clusterIndex, type ClusterRows } from '../readers/clusters.js';
import { readPredictions, type Predictions, type ReadPredictionsOptions } from '../readers/predictions.js';
import {
  alignMulticlass,
  alignRegression,
  readMulticlassPredictions,
  readRegressionPredictions,
  type MulticlassPredictions,
  type RegressionPredictions
} from '../readers/task-predictions.js';
import { alignRanking, readRankingPredictions, type RankingPredictions } from '../readers/ranking-predictions.js';
import { alignScores, readScorePredictions, type ScorePredictions } from '../readers/score-predictions.js';
import { configuredMetrics, type ColumnNeeds } from './needs.js';

export type ModelPredictions =
  | { task: 'binary'; predictions: Predictions }
  | { task: 'multiclass'; predictions: MulticlassPredictions }
  | { task: 'regression'; predictions: RegressionPredictions }
  | { task: 'ranking'; predictions: RankingPredictions }
  | { task: 'score'; predictions: ScorePredictions };

/**
 * Reads `file` (shown as `shown` in messages) for the config's task. Segment and group columns come from the
 * candidate's file only; the champion's need not have them.
 */
export async function readModelPredictions(
  config: GateConfig,
  file: string,
  shown: string,
  needs: ColumnNeeds,
  role: 'candidate' | 'champion',
  onBytes?: (chunk: Buffer) => void
): Promise<ModelPredictions> {
  const extraColumns = extraColumnsOf(config, needs, role);
  const common = { displayPath: shown, columns: config.columns, needPrediction: needs.needPrediction, extraColumns, onBytes };
  switch (config.task) {
    case 'binary':
      return { task: 'binary', predictions: await readPredictions(file, { ...binaryReadOptions(config, shown, needs, role), onBytes }) };
    case 'multiclass':
      // Multiclass metrics that need probabilities (log_loss) ask for "probability" scores.
      return {
        task: 'multiclass',
        predictions: await readMulticlassPredictions(file, { ...common, needProba: needs.score === 'probability' })
      };
    case 'regression':
      return { task: 'regression', predictions: await readRegressionPredictions(file, { ...common, needProba: false }) };
    case 'ranking':
      return { task: 'ranking', predictions: await readRankingPredictions(file, { displayPath: shown, columns: config.columns, extraColumns, onBytes }) };
    case 'score':
      return {
        task: 'score',
        predictions: await readScorePredictions(file, {
          displayPath: shown,
          columns: config.columns,
          extraColumns,
          onBytes,
          threshold: config.threshold,
          defaultThreshold: config.threshold_is_default === true && configuredMetrics(config).includes('pass_rate'),
          direction: config.metric_options?.score_direction ?? 'higher'
        })
      };
  }
}

/** Sorts a binary file's ids now (alignPredictions would, later), for a thread that has time to spare. */
export function sortIds(m: ModelPredictions): void {
  if (m.task === 'binary') m.predictions.idOrder ??= sortedIdOrder(m.predictions.ids);
}

/** The cluster column is read from both files: an id must be in the same cluster in each (readers/clusters.ts). */
function extraColumnsOf(config: GateConfig, needs: ColumnNeeds, role: 'candidate' | 'champion'): string[] {
  const cluster = config.columns.cluster;
  return [...(role === 'candidate' ? needs.extraColumns : []), ...(cluster !== undefined ? [cluster] : [])];
}

/** What the binary reader is asked for `role`'s file: plain data, so a worker thread can be sent it too. */
export function binaryReadOptions(config: GateConfig, shown: string, needs: ColumnNeeds, role: 'candidate' | 'champion'): ReadPredictionsOptions {
  return {
    displayPath: shown,
    columns: config.columns,
    needPrediction: needs.needPrediction,
    extraColumns: extraColumnsOf(config, needs, role),
    threshold: config.threshold,
    defaultThreshold: config.threshold_is_default === true,
    positiveLabel: config.positive_label,
    score: needs.score
  };
}

/**
 * Pairs the candidate's rows with the champion's (if any) by id, under the fixed-test-set rules, and puts the
 * rows in id order: then nothing the engine computes — sums in floating point, which rows a bootstrap draws —
 * depends on the order of the rows in either file (issue 7: "any row order" gives the same report).
 */
export function alignModelPredictions(
  cand: ModelPredictions,
  champ: ModelPredictions | undefined,
  clusterColumn?: string
): PairedData {
  if (champ && champ.task !== cand.task) throw new Error('candidate and champion were read for different tasks');
  let aligned: PairedData & { idOrder: Uint32Array };
  // Ranking and score data come out of their aligners in query / id order, one engine row per query / id.
  if (cand.task === 'ranking') return alignRanking(cand.predictions, champ?.predictions as RankingPredictions | undefined, clusterColumn);
  if (cand.task === 'score') return alignScores(cand.predictions, champ?.predictions as ScorePredictions | undefined, clusterColumn);
  switch (cand.task) {
    case 'binary':
      aligned = alignPredictions(cand.predictions, champ?.predictions as Predictions | undefined);
      break;
    case 'multiclass':
      aligned = alignMulticlass(cand.predictions, champ?.predictions as MulticlassPredictions | undefined);
      break;
    case 'regression':
      aligned = alignRegression(cand.predictions, champ?.predictions as RegressionPredictions | undefined);
      break;
  }
  if (clusterColumn !== undefined) aligned.cluster = clusterIndex(clusterColumn, cand.predictions, champ?.predictions as ClusterRows | undefined);
  release(cand, false);
  if (champ) release(champ, true);
  return inIdOrder(aligned);
}

/**
 * Drops what the aligned data no longer needs from a file's predictions: the ids (and their order), and the
 * champion's binary columns in its own row order (the aligned data holds them reordered). The caller's promises
 * and frames hold the predictions until the run is over; without this, at 10M rows some 400 MiB would stay
 * live through the permutation and the statistics.
 */
function release(m: ModelPredictions, champion: boolean): void {
  if (m.task === 'binary') {
    m.predictions.idOrder = undefined;
    if (champion) {
      m.predictions.score = undefined;
      m.predictions.prediction = undefined;
    }
  }
  if (m.task === 'binary' || m.task === 'multiclass' || m.task === 'regression') m.predictions.ids = NO_IDS;
}

const NO_IDS = IdColumn.of([]);

/** The paired rows reordered, in place, to id order (every per-row field in step, as subsetRows would). */
function inIdOrder({ idOrder, ...data }: PairedData & { idOrder: Uint32Array }): PairedData {
  return permuteRowsInPlace(data, idOrder);
}
