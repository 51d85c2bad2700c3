/**
 * Paired estimates when `columns.cluster` is set: the same point values as without it, and intervals that
 * treat the cluster as the independent unit (docs/statistics.md, "Clustered rows"):
 *
 * | metrics                                         | auto                     | bootstrap              | analytic                 |
 * |-------------------------------------------------|--------------------------|------------------------|--------------------------|
 * | confusion metrics (binary, multiclass)          | bootstrap-cells-cluster  | bootstrap-cells-cluster| paired-normal-cluster for proportions (accuracy, recall, …, micro_f1) and net_benefit, else bootstrap-cells-cluster |
 * | roc_auc                                         | delong-cluster           | bootstrap-rows-cluster | delong-cluster           |
 * | mean losses (log_loss, brier, mae, mse, mape)   | paired-normal-cluster    | bootstrap-rows-cluster | paired-normal-cluster    |
 * | rmse, r2                                        | delta-method-cluster     | bootstrap-rows-cluster | delta-method-cluster     |
 * | pr_auc, ece (ece moved to the debiased Δ)       | bootstrap-rows-cluster   | bootstrap-rows-cluster | bootstrap-rows-cluster   |
 *
 * Tango's paired score interval has no clustered form, so `analytic` on a proportion uses the
 * cluster-robust normal interval of the per-row difference of hits over the proportion's rows instead.
 * Normal-type intervals use t with G − 1 degrees of freedom; bootstrap percentile intervals are widened by
 * √(G/(G − 1))·t/z (stats/cluster.ts): both small-sample corrections the coverage study needed.
 * Point values and "not estimable" conditions come from the unclustered estimators (run on each model
 * alone), so they are the same with and without clusters.
 */
import type { CiSettings } from '../config/types.js';
import { calibrationResiduals, ECE_BINS, ece, eceBins, eceDebiased, pairedEceDelta } from '../stats/calibration.js';
import { fmt } from './format.js';
import {
  clusterBootstrapWidening,
  clusterCellsBootstrap,
  clusterCritical,
  clusterRobustMean,
  clusterRowBootstrap,
  clusterSums,
  compactClusters,
  delongClustered,
  weightTotal,
  type ClusterIndex
} from '../stats/cluster.js';
import { binaryMetric, confusionOf, netBenefit, pairedTableOf, type Confusion } from '../stats/confusion.js';
import { brierRows, logLossRows } from '../stats/losses.js';
import {
  classCountsOf,
  emptyClassCounts,
  jointCells,
  multiclassLogLossRows,
  multiclassMetric,
  type JointCells
} from '../stats/multiclass.js';
import { seFromInterval } from '../stats/power.js';
import { pairedTableSize } from '../stats/newcombe.js';
import { deriveSeed } from '../stats/prng.js';
import { averagePrecision, rank, weightedAuc } from '../stats/ranking.js';
import { absoluteErrorRows, absolutePercentageErrorRows, nonZeroRows, squaredErrorRows } from '../stats/regression.js';
import type { PairedData } from '../readers/paired-data.js';
import { applyExactFloor } from './exact-floor.js';
import { NotEstimable, paired, type Estimate, type Interval } from './intervals.js';

const { sqrt } = Math;

/** The rows' clusters renumbered 0…G − 1 (only the clusters these rows hold), or undefined without clusters. */
export function clustersOf(data: PairedData): ClusterIndex | undefined {
  return data.cluster ? compactClusters(data.cluster) : undefined;
}

/** The number of distinct clusters among the rows, or undefined without `columns.cluster`. */
export function clusterCount(data: PairedData): number | undefined {
  return data.cluster ? compactClusters(data.cluster).count : undefined;
}

/**
 * The clustered paired estimate of one metric. `pointValue(data)` is the unclustered estimator run on one
 * model (champion removed): it gives that model's value and throws NotEstimable exactly when the metric
 * cannot be computed on these rows.
 */
export function estimateClustered(
  task: 'binary' | 'multiclass' | 'regression',
  name: string,
  data: PairedData,
  ci: CiSettings,
  streamLabel: string,
  pointValue: (data: PairedData) => Estimate,
  netBenefitValues?: { tp: number; fp: number; tn: number; fn: number }
): Estimate {
  const champion = data.champion!;
  const cand = pointValue({ ...data, champion: undefined });
  const champ = pointValue({ ...data, candidate: champion, champion: undefined });
  const clusters = compactClusters(data.cluster!);
  if (clusters.count < 2) throw oneCluster(`all ${data.n} rows are`);
  const interval = clusteredInterval(task, name, data, clusters, ci, streamLabel, netBenefitValues);
  const est = paired(cand.candidate, champ.candidate, interval, ci);
  if (cand.valueNote) est.valueNote = cand.valueNote;
  // The row-level reasons to stay undecided (degenerate metric, too few rows or disagreements, skewed losses)
  // hold with clusters too: clustering only lowers the information the rows carry.
  const rows = pointValue({ ...data, cluster: undefined });
  if (rows.undecidable) est.undecidable = rows.undecidable;
  return est;
}

function clusteredInterval(
  task: 'binary' | 'multiclass' | 'regression',
  name: string,
  data: PairedData,
  clusters: ClusterIndex,
  ci: CiSettings,
  stream: string,
  netBenefitValues?: { tp: number; fp: number; tn: number; fn: number }
): Interval {
  if (task === 'binary') {
    switch (name) {
      case 'roc_auc':
        return rocAuc(data, clusters, ci, stream);
      case 'pr_auc': {
        const rc = rank(data.candidate.score!);
        const rh = rank(data.champion!.score!);
        const label = data.label;
        return rowsInterval(clusters, (w) => averagePrecision(label, rc, w) - averagePrecision(label, rh, w), ci, stream, 'the resample held no positive row');
      }
      case 'ece':
        return eceInterval(data, clusters, ci, stream);
      case 'log_loss':
      case 'brier': {
        const rows = name === 'log_loss' ? logLossRows : brierRows;
        return meansInterval(rows(data.label, data.candidate.score!), rows(data.label, data.champion!.score!), clusters, ci, stream);
      }
      default:
        return binaryConfusion(name, data, clusters, ci, stream, netBenefitValues);
    }
  }
  if (task === 'multiclass') {
    if (name === 'log_loss') {
      const k = data.classes!.length;
      const y = data.labelClass!;
      return meansInterval(multiclassLogLossRows(y, data.candidate.proba!, k), multiclassLogLossRows(y, data.champion!.proba!, k), clusters, ci, stream);
    }
    return multiclassConfusion(name, data, clusters, ci, stream);
  }
  return regression(name, data, clusters, ci, stream);
}

// ---------------------------------------------------------------------------------------------------------
// Generic interval builders
// ---------------------------------------------------------------------------------------------------------

/**
 * A cluster bootstrap's percentile interval widened about the point estimate by clusterBootstrapWidening
 * (√(G/(G − 1))·t_{G−1}/z): without it the percentile interval covered 93.0–93.8 % at 50–100 clusters in the
 * coverage study (docs/statistics.md), the sandwich's known small-sample shortfall.
 */
function widened(center: number, low: number, high: number, ci: CiSettings, clusters: number, method: Interval['method']): Interval {
  const f = clusterBootstrapWidening(ci.confidence_level, clusters);
  const lo = center - f * (center - low);
  const hi = center + f * (high - center);
  return { low: lo, high: hi, se: seFromInterval(lo, hi, ci.confidence_level), method };
}

/** Cluster bootstrap of per-cluster cell vectors (G × k), widened percentile interval. */
function cellsInterval(clusterCells: Float64Array, k: number, statistic: (cells: Float64Array) => number, ci: CiSettings, stream: string): Interval {
  const r = clusterCellsBootstrap(clusterCells, k, statistic, {
    resamples: ci.resamples,
    seed: deriveSeed(ci.seed, stream),
    confidenceLevel: ci.confidence_level
  });
  const g = clusterCells.length / k;
  const total = new Float64Array(k);
  for (let i = 0; i < clusterCells.length; i++) total[i % k] += clusterCells[i]!;
  return widened(statistic(total), r.low, r.high, ci, g, 'bootstrap-cells-cluster');
}

/** Cluster bootstrap of rows (weights = draws of the row's cluster), percentile interval; as rowsInterval. */
function rowsInterval(
  clusters: ClusterIndex,
  statistic: (weights: Uint32Array) => number,
  ci: CiSettings,
  stream: string,
  undefinedWhen = 'the metric is undefined'
): Interval {
  let r;
  try {
    r = clusterRowBootstrap(clusters, statistic, {
      resamples: ci.resamples,
      seed: deriveSeed(ci.seed, stream),
      confidenceLevel: ci.confidence_level
    });
  } catch (e) {
    if (e instanceof RangeError && /undefined on every resample/.test(e.message)) {
      throw new NotEstimable(`the cluster bootstrap could not be run: on every resample ${undefinedWhen}`);
    }
    throw e;
  }
  if (r.used * 2 < r.resamples) {
    throw new NotEstimable(`the cluster bootstrap is unreliable here: on ${r.resamples - r.used} of ${r.resamples} resamples ${undefinedWhen}`);
  }
  const interval = widened(statistic(new Uint32Array(clusters.of.length).fill(1)), r.low, r.high, ci, clusters.count, 'bootstrap-rows-cluster');
  if (r.used < r.resamples) {
    interval.note = `${r.resamples - r.used} of ${r.resamples} resamples were left out because on them ${undefinedWhen}`;
  }
  return interval;
}

/** With one cluster the rows carry no information on how Δ varies between clusters: no interval, not a zero-width one. */
function oneCluster(which: string): NotEstimable {
  return new NotEstimable(`${which} in one cluster, so there is no variation between clusters to build an interval from`);
}

/** Δ ± t_{G−1}·se: the interval of a cluster-robust standard error (see clusterCritical). */
function tInterval(delta: number, se: number, clusters: number, ci: CiSettings, method: Interval['method']): Interval {
  if (clusters < 2) throw oneCluster("the rows this metric counts (e.g. recall's positives) are all");
  const t = clusterCritical(ci.confidence_level, clusters);
  return { low: delta - t * se, high: delta + t * se, se, method };
}

/** Cluster-robust normal interval of the mean of per-row values (CR1, t with G − 1 degrees of freedom). */
function robustInterval(values: ArrayLike<number>, clusters: ClusterIndex, ci: CiSettings, method: 'paired-normal-cluster' | 'delta-method-cluster'): Interval {
  const { sums, counts } = clusterSums(values, clusters);
  const r = clusterRobustMean(sums, counts);
  return tInterval(r.mean, r.se, r.clusters, ci, method);
}

function weightedMeanOf(values: Float64Array, w: Uint32Array): number {
  let s = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const wi = w[i]!;
    if (wi === 0) continue;
    s += wi * values[i]!;
    total += wi;
  }
  return s / total;
}

/** A mean of per-row losses: cluster-robust paired normal, or the cluster row bootstrap. */
/**
 * The clustered interval of a mean of per-unit values (ranking: per query; score task: per id) over the units
 * `kept` (indices into `cluster`, the units' cluster ids): the same as the mean losses'.
 */
export function clusteredMeansInterval(
  cand: Float64Array,
  champ: Float64Array,
  cluster: Uint32Array,
  kept: Uint32Array,
  ci: CiSettings,
  stream: string
): Interval {
  const clusters = compactClusters(cluster, kept);
  if (clusters.count < 2) throw oneCluster(`all ${kept.length} units are`);
  return meansInterval(cand, champ, clusters, ci, stream);
}

function meansInterval(cand: Float64Array, champ: Float64Array, clusters: ClusterIndex, ci: CiSettings, stream: string): Interval {
  if (cand.length === 0) throw new NotEstimable('there are no rows to average');
  const d = new Float64Array(cand.length);
  for (let i = 0; i < d.length; i++) d[i] = cand[i]! - champ[i]!;
  if (ci.method === 'bootstrap') return rowsInterval(clusters, (w) => weightedMeanOf(d, w), ci, stream);
  return robustInterval(d, clusters, ci, 'paired-normal-cluster');
}

// ---------------------------------------------------------------------------------------------------------
// Binary
// ---------------------------------------------------------------------------------------------------------

function rocAuc(data: PairedData, clusters: ClusterIndex, ci: CiSettings, stream: string): Interval {
  const cand = data.candidate.score!;
  const champ = data.champion!.score!;
  if (ci.method === 'bootstrap') {
    const rc = rank(cand);
    const rh = rank(champ);
    return rowsInterval(clusters, (w) => weightedAuc(data.label, rc, w) - weightedAuc(data.label, rh, w), ci, stream, 'the resample held only one class');
  }
  const r = delongClustered(data.label, cand, champ, clusters);
  const interval = tInterval(r.delta, r.se, clusters.count, ci, 'delong-cluster');
  if (r.se === 0) interval.note = 'the clustered DeLong variance is 0 (the two models order every pair the same way)';
  return interval;
}

function eceInterval(data: PairedData, clusters: ClusterIndex, ci: CiSettings, stream: string): Interval {
  const pc = data.candidate.score!;
  const ph = data.champion!.score!;
  const rc = calibrationResiduals(data.label, pc);
  const rh = calibrationResiduals(data.label, ph);
  const bc = eceBins(pc);
  const bh = eceBins(ph);
  const gapCand = new Float64Array(ECE_BINS);
  const gapChamp = new Float64Array(ECE_BINS);
  const n = data.n;
  // pairedEceDelta divides by the number of rows; a cluster resample holds Σ w of them.
  const interval = rowsInterval(clusters, (w) => (pairedEceDelta(rc, bc, rh, bh, w, gapCand, gapChamp) * n) / weightTotal(w), ci, stream);
  // Moved to centre on the debiased Δ as without clusters (estimate-binary.ts): the binned Δ overstates a
  // near-zero gap; the correction sees only the row-level noise, so with clusters it removes less of the bias.
  const shift = eceDebiased(rc, bc) - eceDebiased(rh, bh) - (ece(data.label, pc, bc) - ece(data.label, ph, bh));
  interval.low += shift;
  interval.high += shift;
  const why = `interval moved by ${fmt(shift)} to centre on the debiased Δ ECE (the binned Δ overstates a near-zero gap by its noise)`;
  interval.note = interval.note ? `${interval.note}; ${why}` : why;
  return interval;
}

const BINARY_CELLS = 8;

/** Per cluster, the 8 joint (label, champion, candidate) cell counts, as pairedCells lays them out. */
function binaryClusterCells(data: PairedData, clusters: ClusterIndex): Float64Array {
  const label = data.label;
  const a = data.champion!.prediction!;
  const b = data.candidate.prediction!;
  const out = new Float64Array(clusters.count * BINARY_CELLS);
  for (let i = 0; i < label.length; i++) out[clusters.of[i]! * BINARY_CELLS + ((label[i]! << 2) | (a[i]! << 1) | b[i]!)]++;
  return out;
}

function binaryConfusion(
  name: string,
  data: PairedData,
  clusters: ClusterIndex,
  ci: CiSettings,
  stream: string,
  netBenefitValues?: { tp: number; fp: number; tn: number; fn: number }
): Interval {
  const perCluster = binaryClusterCells(data, clusters);
  const g = clusters.count;
  const value =
    name === 'net_benefit' ? (c: Confusion) => netBenefit(c, netBenefitValues!) : (c: Confusion) => binaryMetric(name, c);
  if (ci.method === 'analytic') {
    const sums = new Float64Array(g);
    const counts = new Float64Array(g);
    let proportion = false;
    for (let c = 0; c < g; c++) {
      const t = pairedTableOf(perCluster.subarray(c * BINARY_CELLS, (c + 1) * BINARY_CELLS), name);
      if (!t) break;
      proportion = true;
      sums[c] = t.candidateOnly - t.championOnly;
      counts[c] = pairedTableSize(t);
    }
    if (proportion) return withExactFloor(proportionInterval(sums, counts, ci), perCluster, name, ci);
    if (name === 'net_benefit') {
      // A total of per-row values: n × their mean; each cell's rows share their values.
      const v = netBenefitValues!;
      let n = 0;
      for (let c = 0; c < g; c++) {
        for (let cell = 0; cell < BINARY_CELLS; cell++) {
          const count = perCluster[c * BINARY_CELLS + cell]!;
          const y = cell >> 2;
          const valueOf = (pred: number) => (y ? (pred ? v.tp : v.fn) : pred ? v.fp : v.tn);
          sums[c] += count * (valueOf(cell & 1) - valueOf((cell >> 1) & 1));
          counts[c] += count;
          n += count;
        }
      }
      const r = clusterRobustMean(sums, counts);
      return tInterval(n * r.mean, n * r.se, r.clusters, ci, 'paired-normal-cluster');
    }
  }
  const interval = cellsInterval(perCluster, BINARY_CELLS, (c) => value(confusionOf(c, 'candidate')) - value(confusionOf(c, 'champion')), ci, stream);
  if (ci.method === 'analytic') interval.note = `ci.method analytic: ${name} has no analytic interval, so bootstrap-cells-cluster was used`;
  return withExactFloor(interval, perCluster, name, ci);
}

/** A proportion's interval is never narrower than the exact bound of all its disagreements (exact-floor.ts). */
function withExactFloor(interval: Interval, perCluster: Float64Array, name: string, ci: CiSettings): Interval {
  const all = new Float64Array(BINARY_CELLS);
  for (let i = 0; i < perCluster.length; i++) all[i % BINARY_CELLS] += perCluster[i]!;
  const table = pairedTableOf(all, name);
  return table ? applyExactFloor(interval, table, ci.confidence_level) : interval;
}

/** A paired proportion: per cluster Σ (hit_cand − hit_champ) and the rows the proportion is over. */
function proportionInterval(sums: Float64Array, counts: Float64Array, ci: CiSettings): Interval {
  let rows = 0;
  for (let c = 0; c < counts.length; c++) rows += counts[c]!;
  if (rows === 0) throw new NotEstimable('the proportion has no rows to count');
  const r = clusterRobustMean(sums, counts);
  const interval = tInterval(r.mean, r.se, r.clusters, ci, 'paired-normal-cluster');
  interval.note = "ci.method analytic with columns.cluster: Tango's score interval has no clustered form, so the cluster-robust normal interval of the paired difference was used";
  return interval;
}

// ---------------------------------------------------------------------------------------------------------
// Multiclass
// ---------------------------------------------------------------------------------------------------------

function multiclassConfusion(name: string, data: PairedData, clusters: ClusterIndex, ci: CiSettings, stream: string): Interval {
  const k = data.classes!.length;
  const y = data.labelClass!;
  const a = data.champion!.predictionClass!;
  const b = data.candidate.predictionClass!;
  if (ci.method === 'analytic' && (name === 'accuracy' || name === 'micro_f1')) {
    const hits = new Float64Array(y.length);
    for (let i = 0; i < y.length; i++) hits[i] = (b[i] === y[i] ? 1 : 0) - (a[i] === y[i] ? 1 : 0);
    const { sums, counts } = clusterSums(hits, clusters);
    return proportionInterval(sums, counts, ci);
  }
  const cells: JointCells = jointCells(y, a, b, k);
  const slot = new Map<number, number>();
  for (let j = 0; j < cells.count.length; j++) slot.set((cells.label[j]! * k + cells.champion[j]!) * k + cells.candidate[j]!, j);
  const width = cells.count.length;
  const perCluster = new Float64Array(clusters.count * width);
  for (let i = 0; i < y.length; i++) perCluster[clusters.of[i]! * width + slot.get((y[i]! * k + a[i]!) * k + b[i]!)!]++;
  const bufCand = emptyClassCounts(k);
  const bufChamp = emptyClassCounts(k);
  const value = (counts: ArrayLike<number>, which: 'candidate' | 'champion') =>
    multiclassMetric(name, classCountsOf(cells, counts, which, which === 'candidate' ? bufCand : bufChamp));
  const interval = cellsInterval(perCluster, width, (c) => value(c, 'candidate') - value(c, 'champion'), ci, stream);
  if (ci.method === 'analytic') interval.note = `ci.method analytic: ${name} has no analytic interval, so bootstrap-cells-cluster was used`;
  return interval;
}

// ---------------------------------------------------------------------------------------------------------
// Regression
// ---------------------------------------------------------------------------------------------------------

function regression(name: string, data: PairedData, clusters: ClusterIndex, ci: CiSettings, stream: string): Interval {
  const target = data.target!;
  const cand = data.candidate.value!;
  const champ = data.champion!.value!;
  switch (name) {
    case 'mae':
    case 'mse': {
      const rows = name === 'mae' ? absoluteErrorRows : squaredErrorRows;
      return meansInterval(rows(target, cand), rows(target, champ), clusters, ci, stream);
    }
    case 'mape': {
      const kept = nonZeroRows(target);
      const sub = compactClusters(clusters.of, kept);
      return meansInterval(absolutePercentageErrorRows(target, cand, kept), absolutePercentageErrorRows(target, champ, kept), sub, ci, stream);
    }
    case 'rmse':
      return rmse(squaredErrorRows(target, cand), squaredErrorRows(target, champ), clusters, ci, stream);
    case 'r2':
      return r2(target, squaredErrorRows(target, cand), squaredErrorRows(target, champ), clusters, ci, stream);
    default:
      throw new Error(`${name} is not a regression metric`);
  }
}

function meanOf(xs: Float64Array): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s / xs.length;
}

/** Δ RMSE: the delta method's influence values (see rmseDelta) with a cluster-robust se, or the cluster bootstrap. */
function rmse(sc: Float64Array, sh: Float64Array, clusters: ClusterIndex, ci: CiSettings, stream: string): Interval {
  const a = meanOf(sc);
  const b = meanOf(sh);
  if (ci.method !== 'bootstrap' && a > 0 && b > 0) {
    const ra = sqrt(a);
    const rb = sqrt(b);
    const influence = new Float64Array(sc.length);
    for (let i = 0; i < sc.length; i++) influence[i] = (sc[i]! - a) / (2 * ra) - (sh[i]! - b) / (2 * rb);
    const { sums, counts } = clusterSums(influence, clusters);
    return tInterval(ra - rb, clusterRobustMean(sums, counts).se, clusters.count, ci, 'delta-method-cluster');
  }
  const interval = rowsInterval(clusters, (w) => sqrt(weightedMeanOf(sc, w)) - sqrt(weightedMeanOf(sh, w)), ci, stream);
  if (ci.method !== 'bootstrap') {
    interval.note = 'a model predicts every row exactly (RMSE 0, where the delta method has no derivative), so bootstrap-rows-cluster was used';
  }
  return interval;
}

/** Δ R² = mean(d)/mean(v) (see r2Delta): influence (d − Δ·v)/mean(v) with a cluster-robust se, or the cluster bootstrap. */
function r2(target: Float64Array, sc: Float64Array, sh: Float64Array, clusters: ClusterIndex, ci: CiSettings, stream: string): Interval {
  const n = target.length;
  const ybar = meanOf(target);
  const v = new Float64Array(n);
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = target[i]! - ybar;
    v[i] = e * e;
    d[i] = sh[i]! - sc[i]!;
  }
  const meanV = meanOf(v);
  if (meanV === 0) {
    throw new NotEstimable(`r2 is undefined when every label is the same (all ${n} rows have label ${target[0]})`);
  }
  if (ci.method !== 'bootstrap') {
    const delta = meanOf(d) / meanV;
    const influence = new Float64Array(n);
    for (let i = 0; i < n; i++) influence[i] = (d[i]! - delta * v[i]!) / meanV;
    const { sums, counts } = clusterSums(influence, clusters);
    return tInterval(delta, clusterRobustMean(sums, counts).se, clusters.count, ci, 'delta-method-cluster');
  }
  const dev = new Float64Array(n);
  for (let i = 0; i < n; i++) dev[i] = target[i]! - ybar;
  return rowsInterval(
    clusters,
    (w) => {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let sd = 0;
      for (let i = 0; i < n; i++) {
        const wi = w[i]!;
        if (wi === 0) continue;
        const e = dev[i]!;
        s0 += wi;
        s1 += wi * e;
        s2 += wi * e * e;
        sd += wi * d[i]!;
      }
      const sst = s2 - (s1 * s1) / s0;
      return sst > 0 ? sd / sst : NaN;
    },
    ci,
    stream,
    'every resampled label was the same'
  );
}
