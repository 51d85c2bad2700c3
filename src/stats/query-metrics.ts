/**
 * Per-query ranking metrics (docs/ranking.md): ndcg@K, recall@K, precision@K, mrr@K and map@K of one query's
 * items, each the mean over queries of the value computed here.
 *
 * A query's items are ranked by score descending, ties broken by item id ascending. The reader stores the rows
 * of a query contiguously in item id order (byte order), so "item id ascending" is "row index ascending" here and
 * the formulas need no strings.
 *
 * A query whose value is undefined returns NaN, and the caller leaves it out (and counts it): for ndcg@K when
 * its ideal DCG is 0 (no label with a positive gain), for the other four when it has no relevant item.
 */

export type RankingBase = 'ndcg' | 'recall' | 'precision' | 'mrr' | 'map';

export interface RankingOptions {
  /** The cut-off K (≥ 1). */
  k: number;
  /** Relevant = label > this (recall, precision, mrr, map). */
  relevanceThreshold: number;
  /** ndcg@K gain of a label: the label (linear) or 2^label − 1 (exponential). */
  gain: 'linear' | 'exponential';
}

/** The rows of one query in rank order: score descending, then row index (= item id) ascending. */
export function rankOrder(score: ArrayLike<number>, start: number, count: number): Uint32Array {
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = start + i;
  // Typed-array sort with a comparator is stable and the rows start in id order; the explicit tie rule keeps it
  // independent of the engine's sort anyway.
  order.sort((a, b) => score[b]! - score[a]! || a - b);
  return order;
}

function gainOf(label: number, gain: RankingOptions['gain']): number {
  return gain === 'exponential' ? 2 ** label - 1 : label;
}

/** DCG of the rows `order` (in rank order) cut at K: the gain at 1-based rank i is discounted by log2(i + 1). */
function dcg(labels: ArrayLike<number>, order: ArrayLike<number>, k: number, gain: RankingOptions['gain']): number {
  const top = Math.min(k, order.length);
  let s = 0;
  for (let i = 0; i < top; i++) s += gainOf(labels[order[i]!]!, gain) / Math.log2(i + 2);
  return s;
}

/**
 * The metric `base` at cut-off K of the query whose rows are start … start + count − 1 of `label` and `score`,
 * or NaN when the query is left out (see the module comment).
 */
export function queryMetric(
  base: RankingBase,
  label: ArrayLike<number>,
  score: ArrayLike<number>,
  start: number,
  count: number,
  opts: RankingOptions
): number {
  const order = rankOrder(score, start, count);
  const k = opts.k;
  if (base === 'ndcg') {
    const ideal = new Float64Array(count);
    for (let i = 0; i < count; i++) ideal[i] = gainOf(label[start + i]!, opts.gain);
    ideal.sort().reverse();
    // The ideal order ranks by gain, which is increasing in the label for both gains.
    let idcg = 0;
    for (let i = 0; i < Math.min(k, count); i++) idcg += ideal[i]! / Math.log2(i + 2);
    if (!(idcg > 0)) return NaN;
    return dcg(label, order, k, opts.gain) / idcg;
  }
  const t = opts.relevanceThreshold;
  let relevant = 0;
  for (let i = 0; i < count; i++) if (label[start + i]! > t) relevant++;
  if (relevant === 0) return NaN;
  const top = Math.min(k, count);
  let hits = 0;
  let first = 0;
  let ap = 0;
  for (let i = 0; i < top; i++) {
    if (!(label[order[i]!]! > t)) continue;
    hits++;
    if (first === 0) first = i + 1;
    ap += hits / (i + 1);
  }
  switch (base) {
    case 'recall':
      return hits / relevant;
    case 'precision':
      // Divides by K even when the query has fewer than K items (docs/ranking.md).
      return hits / k;
    case 'mrr':
      return first === 0 ? 0 : 1 / first;
    case 'map':
      return ap / Math.min(k, relevant);
  }
}

/** The per-query values of a metric over queries given by their first row and row count (NaN: left out). */
export function perQueryMetric(
  base: RankingBase,
  label: ArrayLike<number>,
  score: ArrayLike<number>,
  start: ArrayLike<number>,
  count: ArrayLike<number>,
  opts: RankingOptions
): Float64Array {
  const out = new Float64Array(start.length);
  for (let q = 0; q < start.length; q++) out[q] = queryMetric(base, label, score, start[q]!, count[q]!, opts);
  return out;
}

/** `ndcg@10` → ['ndcg', 10]; throws on a name that is not a ranking metric (validated config never has one). */
export function parseRankingMetric(name: string): { base: RankingBase; k: number } {
  const m = /^(ndcg|recall|precision|mrr|map)@([1-9][0-9]*)$/.exec(name);
  if (!m) throw new Error(`${name} is not a ranking metric`);
  return { base: m[1] as RankingBase, k: Number(m[2]) };
}
