/**
 * Multiclass metrics of docs/statistics.md with scikit-learn's definitions, and the joint cells the paired bootstrap
 * resamples.
 *
 * Every confusion metric of both models is a function of the joint counts of (label, champion prediction,
 * candidate prediction): K³ possible cells, of which at most min(K³, n) occur. Those counts are a sufficient
 * statistic, so resampling them (one multinomial draw over the occupied cells, see bootstrap.ts) is resampling
 * the rows, at O(occupied cells) per resample.
 *
 * Averages follow scikit-learn's `precision_recall_fscore_support` with `zero_division=0`: the classes averaged
 * over are those in the labels or in that model's predictions (`unique_labels(y_true, y_pred)`), so a class
 * neither present nor predicted is left out — on the whole test set, in a segment, and in each resample alike.
 */
import { LOG_LOSS_EPS } from './losses.js';

// Bound once: in a vm sandbox (Jest) every lookup of a global such as Math costs ~100x a local one.
const { floor, log } = Math;

/** The multiclass confusion metrics (log_loss is a mean loss, see multiclassLogLossRows). */
export const MULTICLASS_CONFUSION_METRICS = [
  'accuracy',
  'macro_f1',
  'weighted_f1',
  'micro_f1',
  'macro_precision',
  'macro_recall'
] as const;

/** Occupied joint cells: parallel arrays of the label, champion and candidate class, and the row count. */
export interface JointCells {
  classes: number;
  label: Uint32Array;
  champion: Uint32Array;
  candidate: Uint32Array;
  count: Float64Array;
}

/**
 * The occupied (label, champion, candidate) cells, in ascending order of label·K² + champion·K + candidate
 * (so the bootstrap's stream does not depend on row order). Throws on a class index ≥ K.
 */
export function jointCells(
  label: Uint32Array,
  champion: Uint32Array,
  candidate: Uint32Array,
  classes: number
): JointCells {
  const n = label.length;
  if (champion.length !== n || candidate.length !== n) {
    throw new RangeError('jointCells: label, champion and candidate must have the same length');
  }
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const y = label[i]!;
    const a = champion[i]!;
    const b = candidate[i]!;
    if (y >= classes || a >= classes || b >= classes) throw new RangeError(`jointCells: row ${i} has a class ≥ ${classes}`);
    const key = (y * classes + a) * classes + b;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const keys = [...counts.keys()].sort((x, y) => x - y);
  const out: JointCells = {
    classes,
    label: new Uint32Array(keys.length),
    champion: new Uint32Array(keys.length),
    candidate: new Uint32Array(keys.length),
    count: new Float64Array(keys.length)
  };
  keys.forEach((key, j) => {
    out.candidate[j] = key % classes;
    out.champion[j] = floor(key / classes) % classes;
    out.label[j] = floor(key / (classes * classes));
    out.count[j] = counts.get(key)!;
  });
  return out;
}

/** Per-class counts of one model: true positives, predictions, and support (rows with that label). */
export interface ClassCounts {
  tp: Float64Array;
  predicted: Float64Array;
  support: Float64Array;
}

export function emptyClassCounts(classes: number): ClassCounts {
  return { tp: new Float64Array(classes), predicted: new Float64Array(classes), support: new Float64Array(classes) };
}

/**
 * One model's per-class counts from the joint cells with the given counts (the observed ones, or a
 * resample's), into `out` (reused across resamples).
 */
export function classCountsOf(
  cells: JointCells,
  counts: ArrayLike<number>,
  which: 'candidate' | 'champion',
  out: ClassCounts
): ClassCounts {
  const pred = which === 'candidate' ? cells.candidate : cells.champion;
  out.tp.fill(0);
  out.predicted.fill(0);
  out.support.fill(0);
  for (let j = 0; j < counts.length; j++) {
    const c = counts[j]!;
    if (c === 0) continue;
    const y = cells.label[j]!;
    const p = pred[j]!;
    out.support[y] += c;
    out.predicted[p] += c;
    if (p === y) out.tp[y] += c;
  }
  return out;
}

/** Per-class counts straight from class-index vectors (no champion needed). */
export function classCounts(label: Uint32Array, prediction: Uint32Array, classes: number): ClassCounts {
  const out = emptyClassCounts(classes);
  for (let i = 0; i < label.length; i++) {
    const y = label[i]!;
    const p = prediction[i]!;
    if (y >= classes || p >= classes) throw new RangeError(`classCounts: row ${i} has a class ≥ ${classes}`);
    out.support[y]++;
    out.predicted[p]++;
    if (p === y) out.tp[y]++;
  }
  return out;
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/**
 * A multiclass confusion metric from per-class counts, as scikit-learn (zero_division = 0). accuracy and
 * micro_f1 are both Σtp/n (single-label multiclass); macro_* average per-class precision, recall or F1 over
 * the classes present in the labels or predicted; weighted_f1 weights the per-class F1 by support.
 * Per-class F1 is 2·tp/(predicted + support), which equals 2PR/(P + R) and is 0 when both are 0.
 * Never NaN. Throws for a name that is not a multiclass confusion metric.
 */
export function multiclassMetric(name: string, c: ClassCounts): number {
  const k = c.tp.length;
  let tp = 0;
  let n = 0;
  for (let j = 0; j < k; j++) {
    tp += c.tp[j]!;
    n += c.support[j]!;
  }
  switch (name) {
    case 'accuracy':
    case 'micro_f1':
      return ratio(tp, n);
    case 'macro_f1':
    case 'macro_precision':
    case 'macro_recall':
    case 'weighted_f1': {
      let total = 0;
      let classes = 0;
      let weight = 0;
      for (let j = 0; j < k; j++) {
        const s = c.support[j]!;
        const p = c.predicted[j]!;
        if (s === 0 && p === 0) continue; // neither present nor predicted: not one of sklearn's labels
        const t = c.tp[j]!;
        const f1 = ratio(2 * t, p + s);
        if (name === 'weighted_f1') {
          total += s * f1;
          weight += s;
        } else {
          total += name === 'macro_f1' ? f1 : name === 'macro_precision' ? ratio(t, p) : ratio(t, s);
          classes++;
        }
      }
      return name === 'weighted_f1' ? ratio(total, weight) : ratio(total, classes);
    }
    default:
      throw new Error(`multiclassMetric: ${name} is not a multiclass confusion metric`);
  }
}

/**
 * Multiclass cross-entropy per row, as scikit-learn 1.2's log_loss with `labels` = the probability columns:
 * every probability is clipped to [eps, 1 − eps], each row is renormalised to sum to 1, and the row's loss is
 * −ln of its label's renormalised probability. `proba` is row-major n × K; `label` holds class indices < K.
 */
export function multiclassLogLossRows(label: Uint32Array, proba: Float64Array, classes: number): Float64Array {
  const n = label.length;
  if (proba.length !== n * classes) throw new RangeError('multiclassLogLossRows: proba must be n × K');
  const lo = LOG_LOSS_EPS;
  const hi = 1 - LOG_LOSS_EPS;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const y = label[i]!;
    if (y >= classes) throw new RangeError(`row ${i}: label class ${y} has no probability column`);
    const base = i * classes;
    let rowSum = 0;
    let own = 0;
    for (let j = 0; j < classes; j++) {
      const p = proba[base + j]!;
      const q = p < lo ? lo : p > hi ? hi : p;
      rowSum += q;
      if (j === y) own = q;
    }
    out[i] = -log(own / rowSum);
  }
  return out;
}
