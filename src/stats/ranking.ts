/**
 * Score-ranking metrics evaluated after one sort: average precision (docs/statistics.md `pr_auc`) and ROC-AUC with row
 * weights, for the row bootstrap (`ci.method: bootstrap`).
 *
 * A bootstrap resample is a vector of row weights (how often each row was drawn), and both metrics are sums
 * over tie groups of scores. So the rows are sorted once per model (the radix argsort of delong.ts) and every
 * resample is one O(n) walk over the same order with its weights — the weighted Mann–Whitney statistic for the
 * AUC, the step integral of the precision–recall curve for AP — instead of an O(n log n) sort per resample.
 * A weight of 0 removes a row, so a tie group whose rows were all left out simply contributes nothing: the
 * weighted value equals the unweighted metric of the resampled rows.
 */
import { argsortFinite } from './delong.js';

/** Rows in ascending score order, cut into groups of equal scores (ties). */
export interface Ranked {
  /** Row indices in ascending order of score (stable). */
  order: Uint32Array;
  /** groupStart[g] is the position in `order` where tie group g starts; the last entry is n. */
  groupStart: Uint32Array;
}

/** Sorts the rows by score once and finds the tie groups. Throws on a non-finite score. */
export function rank(score: ArrayLike<number>): Ranked {
  const { order, hi, lo } = argsortFinite(score);
  const n = order.length;
  const starts = new Uint32Array(n + 1);
  let groups = 0;
  for (let t = 0; t < n; t++) {
    if (t === 0 || hi[t] !== hi[t - 1] || lo[t] !== lo[t - 1]) starts[groups++] = t;
  }
  starts[groups] = n;
  return { order, groupStart: starts.slice(0, groups + 1) };
}

/**
 * Average precision of 0/1 labels under a ranking, as scikit-learn's `average_precision_score`:
 * AP = Σ_k (R_k − R_{k−1})·P_k over the distinct score thresholds from the highest down, where P_k and R_k are
 * the precision and recall of "score ≥ threshold k" (tied rows enter together). With `weights`, row i counts
 * weights[i] times. Returns NaN when there is no positive row (weight), where recall is undefined.
 */
export function averagePrecision(label: Uint8Array, ranked: Ranked, weights?: ArrayLike<number>): number {
  const { order, groupStart } = ranked;
  let tp = 0;
  let fp = 0;
  let sum = 0;
  for (let g = groupStart.length - 2; g >= 0; g--) {
    let gp = 0;
    let gn = 0;
    const end = groupStart[g + 1]!;
    for (let t = groupStart[g]!; t < end; t++) {
      const row = order[t]!;
      const w = weights === undefined ? 1 : weights[row]!;
      if (label[row]) gp += w;
      else gn += w;
    }
    tp += gp;
    fp += gn;
    // Precision × (recall step·P): the recall step is gp/P; P is divided out once at the end.
    if (gp > 0) sum += gp * (tp / (tp + fp));
  }
  return tp > 0 ? sum / tp : NaN;
}

/**
 * ROC-AUC of 0/1 labels with row weights: the weighted Mann–Whitney statistic, ties counting ½, over the
 * weighted numbers of positives and negatives. Equals `auc()` of delong.ts when every weight is 1. Returns
 * NaN when a class has no weight. The sums are integers (weights are counts), so they are exact.
 */
export function weightedAuc(label: Uint8Array, ranked: Ranked, weights: ArrayLike<number>): number {
  const { order, groupStart } = ranked;
  let negBelow = 0;
  let pos = 0;
  let twiceU = 0;
  for (let g = 0; g < groupStart.length - 1; g++) {
    let gp = 0;
    let gn = 0;
    const end = groupStart[g + 1]!;
    for (let t = groupStart[g]!; t < end; t++) {
      const row = order[t]!;
      const w = weights[row]!;
      if (label[row]) gp += w;
      else gn += w;
    }
    twiceU += gp * (2 * negBelow + gn);
    negBelow += gn;
    pos += gp;
  }
  return pos > 0 && negBelow > 0 ? twiceU / (2 * pos * negBelow) : NaN;
}
