/**
 * Intervals when rows come in clusters (a user's sessions, a document's passages, a conversation's turns):
 * rows of one cluster are correlated, so the cluster, not the row, is the independent unit.
 *
 * - `clusterRobustMean`: the mean of per-row values with the cluster-robust (sandwich) standard error, CR1
 *   small-sample factor G/(G − 1). It is the OLS of the values on a constant with `cov_type='cluster'` in
 *   statsmodels (whose default correction, G/(G − 1)·(N − 1)/(N − K), is G/(G − 1) for K = 1).
 * - `clusterCellsBootstrap`: the cells bootstrap with clusters as the unit — each resample draws G clusters
 *   with replacement and adds up their cell count vectors.
 * - `clusterRowBootstrap`: the row bootstrap with clusters as the unit — a drawn cluster brings all its rows,
 *   so row weights are the cluster's draw count and no longer sum to n (statistics must divide by Σ w).
 * - `delongClustered`: Obuchowski's (1997, "Nonparametric analysis of clustered ROC curve data", Biometrics
 *   53:567–578) variance of a paired ROC-AUC difference, from DeLong's placements summed per cluster.
 */
import { percentileInterval, type BootstrapOptions } from './bootstrap.js';
import { studentTQuantile, twoSidedZ } from './distributions.js';
import { placements } from './delong.js';
import { Rng } from './prng.js';
import { multinomial } from './sampling.js';

const { sqrt } = Math;
const { isNaN } = Number;

/** Rows grouped into clusters: `of[i]` is row i's cluster, 0 ≤ of[i] < count, every cluster non-empty. */
export interface ClusterIndex {
  of: Uint32Array;
  count: number;
}

/**
 * Renumbers cluster ids (any non-negative integers) of the given rows to 0…G − 1 in order of first
 * appearance, so that a subset of rows (a segment) counts only the clusters it holds.
 */
export function compactClusters(ids: ArrayLike<number>, rows?: ArrayLike<number>): ClusterIndex {
  const n = rows ? rows.length : ids.length;
  const of = new Uint32Array(n);
  const seen = new Map<number, number>();
  for (let j = 0; j < n; j++) {
    const id = ids[rows ? rows[j]! : j]!;
    let c = seen.get(id);
    if (c === undefined) {
      c = seen.size;
      seen.set(id, c);
    }
    of[j] = c;
  }
  return { of, count: seen.size };
}

/**
 * Mean of per-row values given per cluster as Σ value (`sums`) and number of rows (`counts`), and its
 * cluster-robust standard error: mean = Σ sums / N, se² = G/(G − 1) · Σ_g (sums_g − counts_g·mean)² / N²,
 * over the G clusters with at least one row. One cluster: se = 0 (nothing to estimate the spread from).
 */
export function clusterRobustMean(sums: ArrayLike<number>, counts: ArrayLike<number>): { mean: number; se: number; clusters: number } {
  let total = 0;
  let n = 0;
  let g = 0;
  for (let c = 0; c < sums.length; c++) {
    if (counts[c]! === 0) continue;
    total += sums[c]!;
    n += counts[c]!;
    g++;
  }
  if (n === 0) throw new RangeError('clusterRobustMean: no rows');
  const mean = total / n;
  if (g < 2) return { mean, se: 0, clusters: g };
  let ss = 0;
  for (let c = 0; c < sums.length; c++) {
    if (counts[c]! === 0) continue;
    const e = sums[c]! - counts[c]! * mean;
    ss += e * e;
  }
  return { mean, se: sqrt((g / (g - 1)) * ss) / n, clusters: g };
}

/**
 * The critical value of a clustered interval with G clusters: Student's t with G − 1 degrees of freedom at
 * (1 + level)/2, as statsmodels (`use_t=True`) and Stata use with cluster-robust errors — with few clusters the
 * variance estimate itself is noisy. One cluster: the normal z.
 */
export function clusterCritical(confidenceLevel: number, clusters: number): number {
  const z = twoSidedZ(confidenceLevel);
  return clusters < 2 ? z : studentTQuantile((1 + confidenceLevel) / 2, clusters - 1);
}

/**
 * How much to widen a cluster bootstrap's percentile interval about the point estimate so that it matches the
 * sandwich interval's small-sample calibration: the bootstrap's variance is (G − 1)/G times the CR1 variance,
 * and its quantiles are normal-like rather than t_{G−1}: factor √(G/(G − 1)) · t_{G−1}/z. 1 for one cluster.
 */
export function clusterBootstrapWidening(confidenceLevel: number, clusters: number): number {
  if (clusters < 2) return 1;
  return Math.sqrt(clusters / (clusters - 1)) * (clusterCritical(confidenceLevel, clusters) / twoSidedZ(confidenceLevel));
}

/** Σ value and row count per cluster. */
export function clusterSums(values: ArrayLike<number>, clusters: ClusterIndex): { sums: Float64Array; counts: Float64Array } {
  const sums = new Float64Array(clusters.count);
  const counts = new Float64Array(clusters.count);
  for (let i = 0; i < values.length; i++) {
    const c = clusters.of[i]!;
    sums[c] += values[i]!;
    counts[c]++;
  }
  return { sums, counts };
}

/**
 * Percentile interval of `statistic` under the cluster bootstrap of cell counts. `clusterCells` holds one
 * vector of k cell counts per cluster, row-major (G × k). Clusters with the same vector are pooled into one
 * pattern drawn with its multiplicity as weight (a multinomial over patterns is exactly a multinomial over
 * clusters), so a resample costs O(patterns · k). Deterministic for a given seed.
 */
export function clusterCellsBootstrap(
  clusterCells: Float64Array,
  k: number,
  statistic: (cells: Float64Array) => number,
  opts: BootstrapOptions
): { low: number; high: number; resamples: number } {
  const g = clusterCells.length / k;
  if (!(g >= 1 && Number.isInteger(g))) throw new RangeError('clusterCellsBootstrap: no clusters to resample');
  // Patterns in a fixed order (by their text), so the stream does not depend on cluster order.
  const byKey = new Map<string, { cells: Float64Array; count: number }>();
  for (let c = 0; c < g; c++) {
    const v = clusterCells.subarray(c * k, c * k + k);
    const key = v.join(',');
    const p = byKey.get(key);
    if (p) p.count++;
    else byKey.set(key, { cells: Float64Array.from(v), count: 1 });
  }
  const patterns = [...byKey.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((e) => e[1]);
  const weights = Float64Array.from(patterns, (p) => p.count);
  const rng = new Rng(opts.seed);
  const draw = new Float64Array(patterns.length);
  const cells = new Float64Array(k);
  const values = new Float64Array(opts.resamples);
  for (let b = 0; b < opts.resamples; b++) {
    multinomial(rng, g, weights, draw);
    cells.fill(0);
    for (let p = 0; p < patterns.length; p++) {
      const times = draw[p]!;
      if (times === 0) continue;
      const v = patterns[p]!.cells;
      for (let j = 0; j < k; j++) cells[j] += times * v[j]!;
    }
    const s = statistic(cells);
    if (isNaN(s)) throw new Error('clusterCellsBootstrap: the statistic returned NaN');
    values[b] = s;
  }
  return { ...percentileInterval(values, opts.confidenceLevel), resamples: opts.resamples };
}

/**
 * Percentile interval of `statistic` under the cluster bootstrap of rows: each resample draws G clusters with
 * replacement (Multinomial(G, 1/G)) and hands the statistic row weights w[i] = draws of row i's cluster.
 * Σ w varies between resamples: the statistic must normalise by it. NaN resamples are left out as in
 * rowBootstrap (`used` says how many remained).
 */
export function clusterRowBootstrap(
  clusters: ClusterIndex,
  statistic: (weights: Uint32Array) => number,
  opts: BootstrapOptions
): { low: number; high: number; resamples: number; used: number } {
  const g = clusters.count;
  if (g < 1) throw new RangeError('clusterRowBootstrap: no clusters to resample');
  const n = clusters.of.length;
  const rng = new Rng(opts.seed);
  const ones = new Float64Array(g).fill(1);
  const draw = new Float64Array(g);
  const weights = new Uint32Array(n);
  const values = new Float64Array(opts.resamples);
  let used = 0;
  for (let b = 0; b < opts.resamples; b++) {
    multinomial(rng, g, ones, draw);
    for (let i = 0; i < n; i++) weights[i] = draw[clusters.of[i]!]!;
    const v = statistic(weights);
    if (!isNaN(v)) values[used++] = v;
  }
  if (used === 0) throw new RangeError('rowBootstrap: the statistic was undefined on every resample');
  return { ...percentileInterval(values.subarray(0, used), opts.confidenceLevel), resamples: opts.resamples, used };
}

/** Σ of the weights (the resampled number of rows). */
export function weightTotal(weights: Uint32Array): number {
  let s = 0;
  for (let i = 0; i < weights.length; i++) s += weights[i]!;
  return s;
}

/**
 * Obuchowski's clustered variance of Δ = AUC(candidate) − AUC(champion). With M positives and N negatives over
 * I clusters, V10 = a positive's placement (share of all negatives below it, ties ½) and V01 = a negative's
 * (share of all positives above it), per cluster i the sums V10_i over its m_i positives and V01_i over its
 * n_i negatives, each model's difference taken (the formula is linear in them), and
 *   S10 = I10/((I10 − 1)·M) Σ_i (V10_i − m_i·Δ)²,  S01 = I01/((I01 − 1)·N) Σ_i (V01_i − n_i·Δ)²,
 *   S11 = I/(I − 1) Σ_i (V10_i − m_i·Δ)(V01_i − n_i·Δ),
 *   Var(Δ) = S10/M + S01/N + 2·S11/(M·N),
 * I10 (I01) the clusters with a positive (negative). With one row per cluster it is DeLong's variance.
 * A term whose cluster count is below 2 is 0. Throws when a class has no rows.
 */
export function delongClustered(
  label: Uint8Array,
  candidate: ArrayLike<number>,
  champion: ArrayLike<number>,
  clusters: ClusterIndex
): { candidate: number; champion: number; delta: number; se: number } {
  let m = 0;
  for (let i = 0; i < label.length; i++) m += label[i]!;
  const nNeg = label.length - m;
  if (m === 0 || nNeg === 0) throw new Error(`ROC-AUC needs both classes; got ${m} positive and ${nNeg} negative rows`);
  const pc = placements(label, candidate, m, true);
  const ph = placements(label, champion, m, true);
  const aucCand = pc.twiceU / (2 * m * nNeg);
  const aucChamp = ph.twiceU / (2 * m * nNeg);
  const delta = aucCand - aucChamp;
  const g = clusters.count;
  const v10 = new Float64Array(g);
  const v01 = new Float64Array(g);
  const mi = new Float64Array(g);
  const ni = new Float64Array(g);
  const a = pc.placement!;
  const h = ph.placement!;
  for (let r = 0; r < label.length; r++) {
    const c = clusters.of[r]!;
    const e = a[r]! - h[r]!;
    if (label[r]) {
      v10[c] += e / (2 * nNeg);
      mi[c]++;
    } else {
      v01[c] += e / (2 * m);
      ni[c]++;
    }
  }
  let i10 = 0;
  let i01 = 0;
  let s10 = 0;
  let s01 = 0;
  let s11 = 0;
  for (let c = 0; c < g; c++) {
    const x = v10[c]! - mi[c]! * delta;
    const y = v01[c]! - ni[c]! * delta;
    if (mi[c]! > 0) i10++;
    if (ni[c]! > 0) i01++;
    s10 += x * x;
    s01 += y * y;
    s11 += x * y;
  }
  const S10 = i10 > 1 ? (i10 / ((i10 - 1) * m)) * s10 : 0;
  const S01 = i01 > 1 ? (i01 / ((i01 - 1) * nNeg)) * s01 : 0;
  const S11 = g > 1 ? (g / (g - 1)) * s11 : 0;
  const variance = S10 / m + S01 / nNeg + (2 * S11) / (m * nNeg);
  return { candidate: aucCand, champion: aucChamp, delta, se: sqrt(Math.max(0, variance)) };
}
