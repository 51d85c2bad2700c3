/**
 * Ranking metrics and the score task against the committed reference (scripts/golden/ranking.py: the definitions
 * written in Python/numpy, scikit-learn's ndcg_score on every query without tied scores, numpy's paired normal
 * interval): tolerance 1e-9 absolute. The rows go through the real readers (CSV files in a temporary folder), the
 * pairing and the estimator, so ties, id order and left-out queries are exercised end to end.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CI, DEFAULT_COLUMNS } from '../../src/config/types.js';
import { estimateMetric } from '../../src/core/estimate.js';
import { alignRanking, readRankingPredictions } from '../../src/readers/ranking-predictions.js';
import { alignScores, readScorePredictions } from '../../src/readers/score-predictions.js';
import { metricInfo } from '../../src/stats/catalog.js';
import { parseRankingMetric, perQueryMetric } from '../../src/stats/query-metrics.js';
import { expectClose } from './fixtures.js';

const TOL = 1e-9;

interface PairedNormal {
  candidate: number;
  champion: number;
  delta: number;
  se: number;
  low: number;
  high: number;
}

interface RankingCase {
  name: string;
  relevance_threshold: number;
  ndcg_gain: 'linear' | 'exponential';
  confidence_level: number;
  rows: { query: string; item: string; label: number; candidate: number; champion: number }[];
  metrics: Record<string, PairedNormal & { queries_used: number; queries_left_out: number; per_query: Record<string, [number | null, number | null]> }>;
  sklearn_per_query: { query: string; k: number; ndcg: number }[];
  sklearn_ndcg_checks: number;
}

interface ScoreCase {
  name: string;
  threshold: number;
  score_direction: 'higher' | 'lower';
  confidence_level: number;
  rows: Record<'candidate' | 'champion', { id: string; score: number }[]>;
  per_id: Record<string, Record<'candidate' | 'champion', { mean: number; pass: number; samples: number }>>;
  metrics: Record<'mean_score' | 'pass_rate', PairedNormal>;
  ids: number;
  row_counts: Record<'candidate' | 'champion', number>;
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/golden/ranking.json', import.meta.url), 'utf8')) as {
  ranking: RankingCase[];
  score: ScoreCase[];
};
const dir = mkdtempSync(join(tmpdir(), 'mg-ranking-golden-'));
const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const columns = { ...DEFAULT_COLUMNS, id: 'item', query: 'query' };

async function rankingData(fx: RankingCase) {
  const write = (model: 'candidate' | 'champion') => {
    const file = join(dir, `${fx.name}-${model}.csv`);
    // Rows written in reverse so nothing depends on the file already being in (query, item) order.
    const lines = [...fx.rows].reverse().map((r) => [r.query, r.item, r.label, r[model]].map((v) => csvCell(String(v))).join(','));
    writeFileSync(file, ['query,item,label,score', ...lines].join('\n') + '\n');
    return readRankingPredictions(file, { displayPath: file, columns });
  };
  return alignRanking(await write('candidate'), await write('champion'));
}

test('the fixture has the cases the issue asks for', () => {
  const names = fixture.ranking.map((c) => c.name);
  expect(names).toEqual(['graded_no_ties', 'exponential_threshold', 'ties_odd_ids']);
  // Ties occur, some queries have no relevant item, and K exceeds the longest list.
  const ties = fixture.ranking[2]!;
  const perQuery = new Map<string, number[]>();
  for (const r of ties.rows) perQuery.set(r.query, [...(perQuery.get(r.query) ?? []), r.candidate]);
  expect([...perQuery.values()].some((s) => new Set(s).size < s.length)).toBe(true);
  expect(fixture.ranking[0]!.metrics['recall@50']!.queries_left_out).toBeGreaterThan(0);
  expect(Math.max(...[...perQuery.values()].map((s) => s.length))).toBeLessThan(30);
  expect(fixture.ranking[0]!.sklearn_ndcg_checks).toBeGreaterThan(100);
});

describe.each(fixture.ranking.map((c) => [c.name, c] as const))('ranking %s', (_name, fx) => {
  const options = { relevance_threshold: fx.relevance_threshold, ndcg_gain: fx.ndcg_gain };
  const ci = { ...DEFAULT_CI, confidence_level: fx.confidence_level };

  test.each(Object.keys(fx.metrics))('%s: per-query values, means and the paired normal interval', async (name) => {
    const data = await rankingData(fx);
    const ref = fx.metrics[name]!;
    const q = data.queries!;
    const { base, k } = parseRankingMetric(name);
    const opts = { k, relevanceThreshold: fx.relevance_threshold, gain: fx.ndcg_gain };
    const queryIds = [...new Set(fx.rows.map((r) => r.query))].sort();
    expect(data.n).toBe(queryIds.length);
    for (const [model, scores] of [['candidate', q.rows.candidate], ['champion', q.rows.champion!]] as const) {
      const values = perQueryMetric(base, q.rows.label, scores, q.start, q.count, opts);
      queryIds.forEach((qid, i) => {
        const expected = ref.per_query[qid]![model === 'candidate' ? 0 : 1];
        if (expected === null) expect([qid, values[i]]).toEqual([qid, NaN]);
        else expectClose(`${fx.name} ${name} ${model} ${qid}`, values[i]!, expected, TOL);
      });
    }
    const est = estimateMetric(metricInfo('ranking', name)!, data, ci, name, options) as ReturnType<typeof estimateMetric> & { units?: number };
    expect(est.method).toBe('paired-normal');
    expect(est.units).toBe(ref.queries_used);
    for (const key of ['candidate', 'champion', 'delta', 'se', 'low', 'high'] as const) {
      expectClose(`${fx.name} ${name} ${key}`, est[key]!, ref[key], TOL);
    }
    if (ref.queries_left_out > 0) expect(est.valueNote).toContain(`${ref.queries_left_out} of ${queryIds.length} queries`);
    else expect(est.valueNote).toBeUndefined();
  });

  test('ndcg@K equals scikit-learn ndcg_score on every query without ties', async () => {
    const data = await rankingData(fx);
    const q = data.queries!;
    const queryIds = [...new Set(fx.rows.map((r) => r.query))].sort();
    expect(fx.sklearn_per_query.length).toBeGreaterThan(0);
    for (const ref of fx.sklearn_per_query) {
      const i = queryIds.indexOf(ref.query);
      const v = perQueryMetric('ndcg', q.rows.label, q.rows.candidate, q.start.subarray(i, i + 1), q.count.subarray(i, i + 1), {
        k: ref.k,
        relevanceThreshold: fx.relevance_threshold,
        gain: fx.ndcg_gain
      })[0]!;
      expectClose(`${fx.name} ${ref.query} ndcg@${ref.k} vs sklearn`, v, ref.ndcg, TOL);
    }
  });
});

describe.each(fixture.score.map((c) => [c.name, c] as const))('score task %s', (_name, fx) => {
  test('per-id averages of repeated samples, mean_score and pass_rate with their paired normal intervals', async () => {
    const read = (model: 'candidate' | 'champion') => {
      const file = join(dir, `${fx.name}-${model}.jsonl`);
      writeFileSync(file, fx.rows[model].map((r) => JSON.stringify(r)).join('\n') + '\n');
      return readScorePredictions(file, { displayPath: file, columns: DEFAULT_COLUMNS, threshold: fx.threshold, direction: fx.score_direction });
    };
    const c = await read('candidate');
    const h = await read('champion');
    expect([c.rows, h.rows]).toEqual([fx.row_counts.candidate, fx.row_counts.champion]);
    const data = alignScores(c, h);
    expect(data.n).toBe(fx.ids);
    const ids = Object.keys(fx.per_id).sort();
    ids.forEach((id, i) => {
      const ref = fx.per_id[id]!;
      expectClose(`${id} candidate mean`, data.candidate.value![i]!, ref.candidate.mean, TOL);
      expectClose(`${id} champion mean`, data.champion!.value![i]!, ref.champion.mean, TOL);
      expectClose(`${id} candidate pass`, data.candidate.passShare![i]!, ref.candidate.pass, TOL);
      expectClose(`${id} champion pass`, data.champion!.passShare![i]!, ref.champion.pass, TOL);
      expect([data.candidate.samples![i], data.champion!.samples![i]]).toEqual([ref.candidate.samples, ref.champion.samples]);
    });
    const ci = { ...DEFAULT_CI, confidence_level: fx.confidence_level };
    for (const name of ['mean_score', 'pass_rate'] as const) {
      const est = estimateMetric(metricInfo('score', name)!, data, ci, name);
      expect(est.method).toBe('paired-normal');
      for (const key of ['candidate', 'champion', 'delta', 'se', 'low', 'high'] as const) {
        expectClose(`${fx.name} ${name} ${key}`, est[key]!, fx.metrics[name][key], TOL);
      }
    }
  });
});
