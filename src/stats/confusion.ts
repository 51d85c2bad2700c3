/**
 * Binary confusion-matrix metrics and the joint (label, champion, candidate) cell counts that the paired
 * bootstrap resamples (docs/statistics.md).
 */
import { metricInfo } from './catalog.js';

// Bound once: in a vm sandbox (Jest) every lookup of a global such as Math costs ~100x a local one.
const { sqrt } = Math;

export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** a / b, or 0 when b is 0: scikit-learn's `zero_division` default ("warn", which yields 0). */
function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/**
 * Balanced accuracy as scikit-learn computes it: the mean recall over the classes that occur in the labels.
 * A class absent from the labels has no recall and is left out (sklearn drops its NaN with a warning), so
 * with only negatives it is the specificity, not (0 + specificity)/2.
 */
function balancedAccuracy(c: Confusion): number {
  const pos = c.tp + c.fn;
  const neg = c.tn + c.fp;
  if (pos > 0 && neg > 0) return (c.tp / pos + c.tn / neg) / 2;
  if (pos > 0) return c.tp / pos;
  if (neg > 0) return c.tn / neg;
  return 0;
}

/**
 * Matthews correlation coefficient, (tp·tn − fp·fn)/√((tp+fp)(tp+fn)(tn+fp)(tn+fn)), and 0 when any margin
 * is empty, as scikit-learn. The numerator's products are exact below 9·10^15 (n up to ~10^8 rows); the
 * product under the root (≤ n^4) cannot overflow, and one root of it keeps |mcc| ≤ 1 where two roots could
 * round to 1.0000000000000002.
 */
function mcc(c: Confusion): number {
  const predPos = c.tp + c.fp;
  const truePos = c.tp + c.fn;
  const trueNeg = c.tn + c.fp;
  const predNeg = c.tn + c.fn;
  if (predPos === 0 || truePos === 0 || trueNeg === 0 || predNeg === 0) return 0;
  return (c.tp * c.tn - c.fp * c.fn) / sqrt(predPos * truePos * trueNeg * predNeg);
}

/**
 * The value of a binary confusion metric of docs/statistics.md (accuracy, precision, recall/tpr, specificity/tnr, fpr,
 * fnr, f1, balanced_accuracy, mcc, selection_rate), by scikit-learn's definitions. Where a definition divides
 * by zero the value is 0, as scikit-learn's `zero_division` default; the result is never NaN.
 * Throws for a name that is not a confusion metric.
 */
export function binaryMetric(name: string, c: Confusion): number {
  const n = c.tp + c.fp + c.tn + c.fn;
  switch (name) {
    case 'accuracy':
      return ratio(c.tp + c.tn, n);
    case 'precision':
      return ratio(c.tp, c.tp + c.fp);
    case 'recall':
    case 'tpr':
      return ratio(c.tp, c.tp + c.fn);
    case 'specificity':
    case 'tnr':
      return ratio(c.tn, c.tn + c.fp);
    case 'fpr':
      return ratio(c.fp, c.fp + c.tn);
    case 'fnr':
      return ratio(c.fn, c.fn + c.tp);
    case 'f1':
      // 2·P·R/(P + R) simplified; sklearn ≥ 1.3 computes it this way, and it is 0 when tp + fp + fn = 0.
      return ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn);
    case 'balanced_accuracy':
      return balancedAccuracy(c);
    case 'mcc':
      return mcc(c);
    case 'selection_rate':
      return ratio(c.tp + c.fp, n);
    default:
      throw new Error(`binaryMetric: ${name} is not a binary confusion metric`);
  }
}

/** Why a confusion metric is undefined on these counts (its denominator is 0), or undefined when it is defined. */
export function confusionUndefined(metric: string, c: Confusion): string | undefined {
  const positives = c.tp + c.fn;
  const negatives = c.tn + c.fp;
  const predicted = c.tp + c.fp;
  const classRows = metricInfo('binary', metric)?.classRows;
  if (classRows === 'positive') return positives === 0 ? 'no positives' : undefined;
  if (classRows === 'negative') return negatives === 0 ? 'no negatives' : undefined;
  switch (metric) {
    case 'precision':
      return predicted === 0 ? 'no predicted positives' : undefined;
    case 'f1':
      return 2 * c.tp + c.fp + c.fn === 0 ? 'no positives and no predicted positives' : undefined;
    case 'mcc':
      return positives === 0 || negatives === 0 || predicted === 0 || predicted === positives + negatives
        ? 'a class or a prediction never occurs'
        : undefined;
    default:
      return positives + negatives === 0 ? 'no rows' : undefined;
  }
}

/** Number of joint cells: label × champion prediction × candidate prediction, each 0/1. */
export const PAIRED_CELLS = 8;

/**
 * Joint counts of (label, champion prediction, candidate prediction) at index label·4 + champion·2 +
 * candidate, over all rows or only the row indices given. These eight numbers are a sufficient statistic
 * for every confusion metric of both models, so resampling them is resampling the rows (see bootstrap.ts).
 * With `weight`, row i counts weight[i] times (pre-aggregated counts input). Throws if a value is not 0 or 1.
 */
export function pairedCells(
  label: Uint8Array,
  champion: Uint8Array,
  candidate: Uint8Array,
  rows?: ArrayLike<number>,
  weight?: ArrayLike<number>
): Float64Array {
  if (champion.length !== label.length || candidate.length !== label.length) {
    throw new RangeError('pairedCells: label, champion and candidate must have the same length');
  }
  if (weight) return weightedCells(label, champion, candidate, rows, weight);
  // Integer counters while counting; converted once at the end.
  const counts = new Uint32Array(PAIRED_CELLS);
  const n = rows === undefined ? label.length : rows.length;
  for (let j = 0; j < n; j++) {
    const i = rows === undefined ? j : rows[j]!;
    const y = label[i];
    const a = champion[i]!;
    const b = candidate[i]!;
    // A typed array reads undefined outside its bounds (and at non-integer indices): reject those rows too.
    if (y === undefined || (y | a | b) > 1) {
      throw new RangeError(`pairedCells: row ${i} is out of range or has a value other than 0/1`);
    }
    counts[(y << 2) | (a << 1) | b]!++;
  }
  return Float64Array.from(counts);
}

function weightedCells(
  label: Uint8Array,
  champion: Uint8Array,
  candidate: Uint8Array,
  rows: ArrayLike<number> | undefined,
  weight: ArrayLike<number>
): Float64Array {
  if (weight.length !== label.length) throw new RangeError('pairedCells: weight must have one entry per row');
  const counts = new Float64Array(PAIRED_CELLS);
  const n = rows === undefined ? label.length : rows.length;
  for (let j = 0; j < n; j++) {
    const i = rows === undefined ? j : rows[j]!;
    const y = label[i];
    const a = champion[i]!;
    const b = candidate[i]!;
    if (y === undefined || (y | a | b) > 1) {
      throw new RangeError(`pairedCells: row ${i} is out of range or has a value other than 0/1`);
    }
    counts[(y << 2) | (a << 1) | b]! += weight[i]!;
  }
  return counts;
}

/** The confusion matrix of one model, read off the joint cells. */
export function confusionOf(cells: ArrayLike<number>, which: 'candidate' | 'champion'): Confusion {
  if (cells.length !== PAIRED_CELLS) throw new RangeError(`confusionOf: expected ${PAIRED_CELLS} cells`);
  const shift = which === 'candidate' ? 0 : 1;
  const c: Confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let idx = 0; idx < PAIRED_CELLS; idx++) {
    const count = cells[idx]!;
    const predicted = (idx >> shift) & 1;
    if (idx >> 2) {
      if (predicted) c.tp += count;
      else c.fn += count;
    } else if (predicted) c.fp += count;
    else c.tn += count;
  }
  return c;
}

/** Value of each confusion-matrix outcome (config `metric_options.net_benefit`, e.g. dollars). */
export interface NetBenefitValues {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** docs/statistics.md `net_benefit`: the total over rows of each outcome's value, Σ count(outcome)·value(outcome). */
export function netBenefit(c: Confusion, v: NetBenefitValues): number {
  return c.tp * v.tp + c.fp * v.fp + c.tn * v.tn + c.fn * v.fn;
}

/**
 * For the confusion metrics that are a proportion of hits over a set of rows fixed by the labels, the paired
 * 2×2 table of (candidate hit, champion hit) over those rows, read off the joint cells (Tango's interval,
 * core/paired-proportion.ts); undefined for the others (precision's rows depend on the predictions; f1, mcc and balanced
 * accuracy are not proportions).
 * accuracy: all rows, hit = correct; recall/tpr: positives, predicted 1; fnr: positives, predicted 0;
 * specificity/tnr: negatives, predicted 0; fpr: negatives, predicted 1; selection_rate: all rows, predicted 1.
 */
export function pairedTableOf(
  cells: ArrayLike<number>,
  metric: string
): { both: number; candidateOnly: number; championOnly: number; neither: number } | undefined {
  // rows(label) says whether rows with that label count; hit(label, prediction) whether the prediction is a hit.
  let rows: (y: number) => boolean;
  let hit: (y: number, p: number) => boolean;
  switch (metric) {
    case 'accuracy':
      rows = () => true;
      hit = (y, p) => y === p;
      break;
    case 'recall':
    case 'tpr':
      rows = (y) => y === 1;
      hit = (_y, p) => p === 1;
      break;
    case 'fnr':
      rows = (y) => y === 1;
      hit = (_y, p) => p === 0;
      break;
    case 'specificity':
    case 'tnr':
      rows = (y) => y === 0;
      hit = (_y, p) => p === 0;
      break;
    case 'fpr':
      rows = (y) => y === 0;
      hit = (_y, p) => p === 1;
      break;
    case 'selection_rate':
      rows = () => true;
      hit = (_y, p) => p === 1;
      break;
    default:
      return undefined;
  }
  const t = { both: 0, candidateOnly: 0, championOnly: 0, neither: 0 };
  for (let idx = 0; idx < PAIRED_CELLS; idx++) {
    const y = idx >> 2;
    if (!rows(y)) continue;
    const a = hit(y, (idx >> 1) & 1);
    const b = hit(y, idx & 1);
    const count = cells[idx]!;
    if (a && b) t.both += count;
    else if (b) t.candidateOnly += count;
    else if (a) t.championOnly += count;
    else t.neither += count;
  }
  return t;
}
