/**
 * Population stability index exactly as docs/config.md defines it:
 *
 *   PSI = Σ_b (cur_b − ref_b) · ln(cur_b / ref_b)
 *
 * over bins b, with ref_b and cur_b the share of each table's non-missing values in bin b, each floored at
 * 1e-4 (so an empty bin costs a finite amount; the shares are not renormalised), natural log.
 *
 * Numeric columns: the bin edges are the reference's type-7 deciles (q = 0.1, …, 0.9, numpy's default
 * quantile) with duplicates removed; a value v falls in the first bin whose edge satisfies v ≤ edge, and
 * values above the last edge in the last, open bin (numpy: `searchsorted(edges, v, side="left")`). So k
 * distinct edges give k + 1 bins (10 for a continuous column).
 * Categorical columns: one bin per value seen in either table.
 */
import { quantileSorted } from './quantile.js';

const PSI_FLOOR = 1e-4;

/** The reference's deciles at 0.1 … 0.9 (k/10, as numpy's `np.arange(1, 10) / 10`), duplicates removed. */
export function decileEdges(sortedReference: ArrayLike<number>): number[] {
  const edges: number[] = [];
  for (let k = 1; k <= 9; k++) {
    const e = quantileSorted(sortedReference, k / 10);
    if (edges.length === 0 || e !== edges[edges.length - 1]) edges.push(e);
  }
  return edges;
}

/** Index of the first edge with v ≤ edge, or edges.length (the open last bin): a lower-bound binary search. */
export function binIndex(edges: readonly number[], v: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** PSI of two count vectors over the same bins (each with a positive total). */
function psiFromCounts(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  let nr = 0;
  let nc = 0;
  for (let b = 0; b < reference.length; b++) {
    nr += reference[b];
    nc += current[b];
  }
  if (!(nr > 0 && nc > 0)) throw new RangeError('psiFromCounts: each table needs at least one value');
  let psi = 0;
  for (let b = 0; b < reference.length; b++) {
    const r = Math.max(reference[b] / nr, PSI_FLOOR);
    const c = Math.max(current[b] / nc, PSI_FLOOR);
    psi += (c - r) * Math.log(c / r);
  }
  return psi;
}

export interface PsiResult {
  psi: number;
  bins: number;
  referenceCounts: number[];
  currentCounts: number[];
}

/** Numeric PSI; `sortedReference` ascending and non-empty, `current` non-empty. */
export function numericPsi(sortedReference: ArrayLike<number>, current: ArrayLike<number>): PsiResult & { edges: number[] } {
  const edges = decileEdges(sortedReference);
  const referenceCounts = new Array<number>(edges.length + 1).fill(0);
  const currentCounts = new Array<number>(edges.length + 1).fill(0);
  for (let i = 0; i < sortedReference.length; i++) referenceCounts[binIndex(edges, sortedReference[i])]++;
  for (let i = 0; i < current.length; i++) currentCounts[binIndex(edges, current[i])]++;
  return { psi: psiFromCounts(referenceCounts, currentCounts), bins: edges.length + 1, edges, referenceCounts, currentCounts };
}

/** Categorical PSI: one bin per category of either table, in sorted key order (the sum does not depend on it). */
export function categoricalPsi(reference: ReadonlyMap<string, number>, current: ReadonlyMap<string, number>): PsiResult {
  const keys = [...new Set([...reference.keys(), ...current.keys()])].sort();
  const referenceCounts = keys.map((k) => reference.get(k) ?? 0);
  const currentCounts = keys.map((k) => current.get(k) ?? 0);
  return { psi: psiFromCounts(referenceCounts, currentCounts), bins: keys.length, referenceCounts, currentCounts };
}
