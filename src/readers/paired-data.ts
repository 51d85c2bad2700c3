/**
 * The paired data the engine evaluates: one row per test-set example, candidate and champion aligned by id.
 * The readers produce it; the engine never sees a file.
 *
 * Which fields are set depends on the task (docs/predictions.md):
 * - binary: `label`, and per model `prediction` and/or `score`;
 * - multiclass: `classes`, `labelClass`, and per model `predictionClass` and/or `proba`;
 * - regression: `target`, and per model `value`.
 * Every per-row typed array has n entries, except `proba`, which has n·K (row-major, K = classes.length);
 * subsetRows (subset.ts) relies on that.
 */
import type { TextColumn } from './text-column.js';

export interface ModelColumns {
  /** Path of the predictions file as the user wrote it. */
  file: string;
  /** Binary: 1 = predicted positive. */
  prediction?: Uint8Array;
  /** Binary: ranking score or probability of the positive class. */
  score?: Float64Array;
  /** Multiclass: the predicted class, an index into PairedData.classes. */
  predictionClass?: Uint32Array;
  /**
   * Multiclass: per-class probabilities, row-major n × K in the order of PairedData.classes (row i, class j at
   * i·K + j). A class the file has no probability column for holds 0.
   */
  proba?: Float64Array;
  /** Regression: the predicted value. Score task: the mean of the id's scores. */
  value?: Float64Array;
  /** Score task: the share of the id's rows that pass (score at or beyond `threshold`). */
  passShare?: Float64Array;
  /** Score task: how many rows (repeated samples) the id has in this model's file. */
  samples?: Uint32Array;
}

/**
 * Ranking: every (query, item) row of the test set. A class instance, not a plain object, so that subsetRows and
 * permuteRowsInPlace keep it whole: the per-query fields of QueryIndex point into it.
 */
export class RankedRows {
  constructor(
    /** Graded relevance of each row. */
    readonly label: Float64Array,
    /** The candidate's score of each row. */
    readonly candidate: Float64Array,
    /** The champion's score of each row (same rows), absent without a champion. */
    readonly champion: Float64Array | undefined
  ) {}
}

/** Ranking: the queries (the engine's rows) and where their items are in RankedRows. */
export interface QueryIndex {
  /** Per query: its first row. A query's rows are contiguous, in item id order (the tie-break of the ranking). */
  start: Uint32Array;
  /** Per query: its number of rows. */
  count: Uint32Array;
  rows: RankedRows;
}

export interface PairedData {
  n: number;
  /** Binary: 1 = positive class. Multiclass and regression: all 0 (their labels are labelClass / target). */
  label: Uint8Array;
  /** Multiclass: the class names (as first written), the order proba's columns follow. */
  classes?: string[];
  /** Multiclass: each row's label, an index into classes. */
  labelClass?: Uint32Array;
  /** Regression: each row's label (the true value). */
  target?: Float64Array;
  candidate: ModelColumns;
  /** Absent when no champion is configured (first run). */
  champion?: ModelColumns;
  /** Text columns kept for segments, groups and clusters (text-column.ts). */
  extra: Record<string, TextColumn>;
  /**
   * `sha256:` + hex over the sorted (id, label) pairs; for counts input, over the sorted (label, segment and
   * group values, count) rows (readers/counts.ts), since a counts file has no ids.
   */
  fingerprint: string;
  /**
   * Pre-aggregated input (binary only, readers/counts.ts): row i stands for weight[i] examples that share its
   * label, predictions and segment/group values. Absent: every row is one example. See weights.ts.
   */
  weight?: Float64Array;
  /**
   * `columns.cluster`: each row's cluster (an index into the distinct cluster values of the test set); rows of
   * one cluster are not independent, so intervals resample and weigh clusters (estimate-cluster.ts).
   */
  cluster?: Uint32Array;
  /** Ranking: one engine row per query (n = queries), its items here (readers/ranking-predictions.ts). */
  queries?: QueryIndex;
  /** Counts input: per row, the sums over its examples that the mean losses need (no per-example scores). */
  lossSums?: Partial<Record<MeanLoss, LossSums>>;
}

export type MeanLoss = 'log_loss' | 'brier';

/** Per counts row: Σ of each model's loss over the row's examples, and Σ (candidate loss − champion loss)². */
export interface LossSums {
  candidate: Float64Array;
  champion?: Float64Array;
  diffSquares?: Float64Array;
}
