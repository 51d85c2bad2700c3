/** Per-query ranking metrics on a query worked out by hand (docs/ranking.md); the golden fixtures cover the rest. */
import { parseRankingMetric, queryMetric, rankOrder } from '../../src/stats/query-metrics.js';

// Items a, b, c, d (rows in item id order) with labels 3, 0, 2, 1 and scores 0.1, 0.9, 0.9, 0.5: b and c tie, and
// b wins on its id, so the ranking is b, c, d, a with labels 0, 2, 1, 3.
const label = [3, 0, 2, 1];
const score = [0.1, 0.9, 0.9, 0.5];
const linear: { relevanceThreshold: number; gain: 'linear' | 'exponential' } = { relevanceThreshold: 0, gain: 'linear' };
const at = (base: Parameters<typeof queryMetric>[0], k: number, opts = linear) => queryMetric(base, label, score, 0, 4, { ...opts, k });
const l3 = Math.log2(3);

test('ties are broken by item id (row order), not by position in the file or by label', () => {
  expect(Array.from(rankOrder(score, 0, 4))).toEqual([1, 2, 3, 0]);
  // Rows 10…13 of a longer array: the same query placed later.
  expect(Array.from(rankOrder([9, 9, ...score], 2, 4))).toEqual([3, 4, 5, 2]);
});

test('ndcg@K with linear and exponential gain', () => {
  expect(at('ndcg', 3)).toBeCloseTo((2 / l3 + 1 / 2) / (3 + 2 / l3 + 1 / 2), 14);
  expect(at('ndcg', 1)).toBe(0);
  expect(at('ndcg', 3, { ...linear, gain: 'exponential' })).toBeCloseTo((3 / l3 + 1 / 2) / (7 + 3 / l3 + 1 / 2), 14);
  // K beyond the list: DCG and IDCG over all four items.
  expect(at('ndcg', 10)).toBeCloseTo((2 / l3 + 1 / 2 + 3 / Math.log2(5)) / (3 + 2 / l3 + 1 / 2), 14);
});

test('recall, precision (divided by K even past the list), mrr and map at K', () => {
  expect(at('recall', 2)).toBeCloseTo(1 / 3, 15);
  expect(at('precision', 2)).toBe(0.5);
  expect(at('precision', 5)).toBe(3 / 5);
  expect(at('mrr', 1)).toBe(0);
  expect(at('mrr', 3)).toBe(0.5);
  expect(at('map', 3)).toBeCloseTo((1 / 2 + 2 / 3) / 3, 15);
  expect(at('map', 2)).toBeCloseTo(1 / 2 / 2, 15);
  // A relevance threshold of 1: only a (3) and c (2) are relevant.
  expect(at('recall', 2, { ...linear, relevanceThreshold: 1 })).toBe(0.5);
  expect(at('mrr', 3, { ...linear, relevanceThreshold: 1 })).toBe(0.5);
});

test('a query without a relevant item (or without gain) is left out: NaN', () => {
  for (const base of ['ndcg', 'recall', 'precision', 'mrr', 'map'] as const) {
    expect(queryMetric(base, [0, 0, 0], [3, 2, 1], 0, 3, { ...linear, k: 2 })).toBeNaN();
  }
  // Labels of 1 are not relevant above threshold 1, but still carry gain for ndcg.
  expect(queryMetric('recall', [1, 1], [2, 1], 0, 2, { ...linear, relevanceThreshold: 1, k: 1 })).toBeNaN();
  expect(queryMetric('ndcg', [1, 1], [2, 1], 0, 2, { ...linear, relevanceThreshold: 1, k: 1 })).toBe(1);
});

test('metric names carry their cut-off', () => {
  expect(parseRankingMetric('ndcg@10')).toEqual({ base: 'ndcg', k: 10 });
  expect(parseRankingMetric('map@1')).toEqual({ base: 'map', k: 1 });
  expect(() => parseRankingMetric('ndcg@0')).toThrow('not a ranking metric');
});
