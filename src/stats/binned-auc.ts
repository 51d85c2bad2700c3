/**
 * ROC-AUC and DeLong's paired interval from weighted rows: row i stands for weight[i] examples that share its
 * label and both models' scores (a counts file with score bins, docs/counts.md). Every example of a row has the
 * same placement value, because a placement depends only on the example's label and score, so the sums over
 * examples of delong.ts become sums over rows times their weights: the AUCs, variances and interval equal
 * `delongPaired` on the expanded rows, at O(rows) after one radix sort per model instead of O(examples).
 *
 * Ties count ½ in both the AUC and the placements, which is exact for tied scores (the binned scores tie
 * within a bin). The same walk gives each model's share of (positive, negative) pairs that fall in one bin,
 * Σ_b n⁺_b·n⁻_b / (n⁺·n⁻): those pairs count ½ in the binned AUC where the unbinned scores would have counted
 * them 0 or 1, and no other pair changes, so |AUC_binned − AUC_unbinned| ≤ ½·share.
 */
import { argsortFinite } from './delong.js';
import { twoSidedZ } from './distributions.js';

const { sqrt } = Math;

interface WeightedPlacements {
  /** Per row: 2·(negative examples below) + (tied) for a positive row; 2·(positives above) + tied for a negative. */
  placement: Float64Array;
  /** Σ over positive rows of weight · placement: 2U. */
  twiceU: number;
  /** Σ over tie groups of positives × negatives in the group. */
  tiedPairs: number;
}

/** Neumaier's compensated sum: the counts of a warehouse reach 10¹⁸ pairs, past exact doubles. */
class Sum {
  private s = 0;
  private c = 0;
  add(x: number): void {
    const t = this.s + x;
    this.c += Math.abs(this.s) >= Math.abs(x) ? this.s - t + x : x - t + this.s;
    this.s = t;
  }
  get value(): number {
    return this.s + this.c;
  }
}

function weightedPlacements(label: Uint8Array, score: ArrayLike<number>, weight: ArrayLike<number>, m: number): WeightedPlacements {
  const rows = label.length;
  const { order, hi, lo } = argsortFinite(score);
  const placement = new Float64Array(rows);
  let posBelow = 0;
  let negBelow = 0;
  const twiceU = new Sum();
  const tiedPairs = new Sum();
  for (let i = 0; i < rows; ) {
    let j = i + 1;
    while (j < rows && hi[j] === hi[i] && lo[j] === lo[i]) j++;
    let gp = 0;
    let gn = 0;
    for (let t = i; t < j; t++) {
      const row = order[t]!;
      if (label[row]) gp += weight[row]!;
      else gn += weight[row]!;
    }
    const forPositive = 2 * negBelow + gn;
    const forNegative = 2 * (m - posBelow - gp) + gp;
    for (let t = i; t < j; t++) {
      const row = order[t]!;
      placement[row] = label[row] ? forPositive : forNegative;
    }
    twiceU.add(gp * forPositive);
    tiedPairs.add(gp * gn);
    posBelow += gp;
    negBelow += gn;
    i = j;
  }
  return { placement, twiceU: twiceU.value, tiedPairs: tiedPairs.value };
}

/** Positive and negative examples; throws on a label other than 0/1 or a weight that is not a count. */
function classTotals(label: Uint8Array, weight: ArrayLike<number>): { m: number; n: number } {
  if (weight.length !== label.length) throw new RangeError('weights and labels must have the same length');
  let m = 0;
  let n = 0;
  for (let i = 0; i < label.length; i++) {
    const w = weight[i]!;
    if (!(w >= 0) || !Number.isSafeInteger(w)) throw new RangeError(`row ${i}: weight must be a whole number, got ${w}`);
    const y = label[i]!;
    if (y === 1) m += w;
    else if (y === 0) n += w;
    else throw new RangeError(`row ${i}: label must be 0 or 1, got ${y}`);
  }
  if (m === 0 || n === 0) throw new Error(`ROC-AUC needs both classes; got ${m} positive and ${n} negative examples`);
  return { m, n };
}

export interface BinnedAuc {
  auc: number;
  /** Σ_b n⁺_b·n⁻_b / (n⁺·n⁻): the share of (positive, negative) pairs tied in one bin. */
  tiedPairShare: number;
}

/** ROC-AUC of weighted rows (ties ½) and the share of tied (positive, negative) pairs. */
export function weightedRowsAuc(label: Uint8Array, score: ArrayLike<number>, weight: ArrayLike<number>): BinnedAuc {
  const { m, n } = classTotals(label, weight);
  const p = weightedPlacements(label, score, weight, m);
  return { auc: p.twiceU / (2 * m * n), tiedPairShare: p.tiedPairs / (m * n) };
}

export interface WeightedDelong {
  candidate: BinnedAuc;
  champion: BinnedAuc;
  delta: number;
  se: number;
  low: number;
  high: number;
}

/**
 * DeLong's paired interval for Δ = AUC(candidate) − AUC(champion) on weighted rows, equal to `delongPaired`
 * (delong.ts) on the rows expanded to one per example: the placement variances with denominators m − 1 and
 * n − 1, m and n counting examples. Throws a plain Error when a class has no examples.
 */
export function delongPairedWeighted(
  label: Uint8Array,
  candidate: ArrayLike<number>,
  champion: ArrayLike<number>,
  weight: ArrayLike<number>,
  confidenceLevel: number
): WeightedDelong {
  const z = twoSidedZ(confidenceLevel);
  const { m, n } = classTotals(label, weight);
  if (candidate.length !== label.length || champion.length !== label.length) {
    throw new RangeError('scores and labels must have the same length');
  }
  const cand = weightedPlacements(label, candidate, weight, m);
  const champ = weightedPlacements(label, champion, weight, m);
  const pc = cand.placement;
  const ph = champ.placement;
  const diffSum = cand.twiceU - champ.twiceU;
  const meanPos = diffSum / m;
  const meanNeg = diffSum / n;
  const ssPos = new Sum();
  const ssNeg = new Sum();
  for (let r = 0; r < label.length; r++) {
    const e = pc[r]! - ph[r]!;
    if (label[r]) ssPos.add(weight[r]! * (e - meanPos) * (e - meanPos));
    else ssNeg.add(weight[r]! * (e - meanNeg) * (e - meanNeg));
  }
  const var10 = m > 1 ? ssPos.value / (m - 1) / (4 * n * n) : 0;
  const var01 = n > 1 ? ssNeg.value / (n - 1) / (4 * m * m) : 0;
  const se = sqrt(var10 / m + var01 / n);
  const aucCand = cand.twiceU / (2 * m * n);
  const aucChamp = champ.twiceU / (2 * m * n);
  const delta = aucCand - aucChamp;
  return {
    candidate: { auc: aucCand, tiedPairShare: cand.tiedPairs / (m * n) },
    champion: { auc: aucChamp, tiedPairShare: champ.tiedPairs / (m * n) },
    delta,
    se,
    low: delta - z * se,
    high: delta + z * se
  };
}
