/**
 * Ranking- and score-task estimators (docs/ranking.md). Both metrics are means over units of a per-unit value —
 * the query for ranking (ndcg@K, recall@K, …), the id for the score task (its rows averaged first) — so Δ is the
 * mean of the per-unit differences and its interval is that of a paired mean:
 *
 * | ci.method          | without columns.cluster | with columns.cluster   |
 * |--------------------|-------------------------|------------------------|
 * | auto / analytic    | paired-normal           | paired-normal-cluster  |
 * | bootstrap          | bootstrap-rows (units)  | bootstrap-rows-cluster |
 *
 * The query, not the (query, item) row, is what a ranking metric averages, and the items of one query are not
 * independent: resampling rows would understate the spread.
 */
import type { CiSettings, MetricOptionSettings } from '../config/types.js';
import type { PairedData } from '../readers/paired-data.js';
import { mean } from '../stats/losses.js';
import { parseRankingMetric, perQueryMetric } from '../stats/query-metrics.js';
import { pairedMeanInterval } from '../stats/paired-normal.js';
import { clusteredMeansInterval } from './estimate-cluster.js';
import { fmt } from './format.js';
import { candidateOnly, normalInterval, NotEstimable, paired, rowsInterval, type Estimate, type Interval } from './intervals.js';
import { rowsNeeded, skewness } from './skew-floor.js';

/** Mean of per-unit values of both models over the units `kept`, with the interval the table above names. */
function unitMeans(
  cand: Float64Array,
  champ: Float64Array | undefined,
  kept: Uint32Array,
  data: PairedData,
  ci: CiSettings,
  streamLabel: string,
  unit: 'query' | 'id'
): Estimate {
  const c = Float64Array.from(kept, (q) => cand[q]!);
  if (!champ) return candidateOnly(mean(c));
  const h = Float64Array.from(kept, (q) => champ[q]!);
  const interval = data.cluster
    ? clusteredMeansInterval(c, h, data.cluster, kept, ci, streamLabel)
    : ci.method === 'bootstrap'
      ? unitBootstrap(c, h, ci, streamLabel)
      : pairedNormal(c, h, ci);
  const est = paired(mean(c), mean(h), interval, ci);
  const why = tooFewUnits(c.length, unit) ?? skewedUnits(c, h, unit);
  if (why) est.undecidable = why;
  return est;
}

/**
 * Below this many queries no ranking comparison is decided: at 100 queries the paired normal interval of ndcg@10,
 * mrr@10 and map@10 covered 92.6–93.6 % (false passes 3.5–4.3 %), at 200 and more 94.3–96.6 % (docs/statistics.md,
 * the ranking rows of the coverage study). Per-query metrics are coarse (mrr takes a handful of values), which a
 * normal interval needs more queries to absorb. The score task's per-id means held 94.2–95.4 % from 100 ids, so
 * only min_eval_samples and the skewness rule apply to them.
 */
export const MIN_QUERIES = 200;

function tooFewUnits(n: number, unit: 'query' | 'id'): string | undefined {
  if (unit !== 'query' || n >= MIN_QUERIES) return undefined;
  return (
    `only ${n} queries: ranking comparisons need at least ${MIN_QUERIES} (at 100 queries the interval ` +
    `covers about 93 % instead of 95 %; docs/statistics.md)`
  );
}

function pairedNormal(c: Float64Array, h: Float64Array, ci: CiSettings): Interval {
  const r = pairedMeanInterval(c, h, ci.confidence_level);
  return normalInterval(r.delta, r.se, ci, 'paired-normal');
}

/** The unit (query, id) bootstrap of the mean difference. */
function unitBootstrap(c: Float64Array, h: Float64Array, ci: CiSettings, streamLabel: string): Interval {
  const n = c.length;
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = c[i]! - h[i]!;
  return rowsInterval(
    n,
    (w) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += w[i]! * d[i]!;
      return s / n;
    },
    ci,
    streamLabel
  );
}

/**
 * The skewness rule of the mean losses (skew-floor.ts: n ≥ 25·γ² units) without their 500-row floor: that floor
 * guards against tails a small sample does not show, and differences of per-query metrics in [0, 1] have no
 * such tails (docs/statistics.md, the ranking and score rows of the coverage study).
 */
function skewedUnits(c: Float64Array, h: Float64Array, unit: string): string | undefined {
  const d = new Float64Array(c.length);
  for (let i = 0; i < d.length; i++) d[i] = c[i]! - h[i]!;
  const gamma = skewness(d);
  const need = rowsNeeded(gamma);
  if (d.length >= need) return undefined;
  return (
    `the per-${unit} differences are too skewed for ${d.length} ${unit === 'query' ? 'queries' : `${unit}s`} (skewness ${fmt(gamma)}): ` +
    `the interval needs about ${need} to hold its level (docs/statistics.md), so the comparison is not decided`
  );
}

/** A ranking metric (`ndcg@10`): per-query values, queries where it is undefined left out and counted. */
export function estimateRanking(
  name: string,
  data: PairedData,
  ci: CiSettings,
  streamLabel: string,
  options: MetricOptionSettings = {}
): Estimate & { units: number } {
  const q = data.queries;
  if (!q) throw new Error('ranking data has no queries');
  const { base, k } = parseRankingMetric(name);
  const opts = { k, relevanceThreshold: options.relevance_threshold ?? 0, gain: options.ndcg_gain ?? 'linear' };
  const rows = q.rows;
  const cand = perQueryMetric(base, rows.label, rows.candidate, q.start, q.count, opts);
  const champ = data.champion && rows.champion ? perQueryMetric(base, rows.label, rows.champion, q.start, q.count, opts) : undefined;
  const kept: number[] = [];
  for (let i = 0; i < data.n; i++) if (!Number.isNaN(cand[i]!)) kept.push(i);
  const left = data.n - kept.length;
  const why = base === 'ndcg' ? 'no item with a positive gain (every label 0)' : 'no relevant item';
  if (kept.length === 0) throw new NotEstimable(`${name} is undefined on every one of the ${data.n} queries: each has ${why}`);
  const est = unitMeans(cand, champ, Uint32Array.from(kept), data, ci, streamLabel, 'query');
  if (left > 0) est.valueNote = `${left} of ${data.n} queries have ${why} and are left out of ${name}`;
  return { ...est, units: kept.length };
}

/** A score-task metric: mean_score (the per-id mean score) or pass_rate (the per-id share of passing rows). */
export function estimateScore(name: string, data: PairedData, ci: CiSettings, streamLabel: string): Estimate {
  const pick = (m: PairedData['candidate']): Float64Array => {
    const v = name === 'pass_rate' ? m.passShare : m.value;
    if (!v) throw new Error(`${m.file} has no per-id ${name}`);
    return v;
  };
  if (data.n === 0) throw new NotEstimable('there are no ids to average');
  const all = Uint32Array.from({ length: data.n }, (_, i) => i);
  return unitMeans(pick(data.candidate), data.champion ? pick(data.champion) : undefined, all, data, ci, streamLabel, 'id');
}
