/** The whole CLI on ranking and score-task files (issue 15): config → readers → engine → report, and bad input. */
import { cli, workspace as workspaceOf } from '../helpers/cli.js';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { EXIT } from '../../src/cli/main.js';

const workspace = (files: Record<string, string | Buffer>) => workspaceOf(files, 'mg-ranking-');

/**
 * Queries q0…q(n−1) with 6 items each; item i has relevance (i + q) % 3 on a few queries and 0 on every 10th
 * (no relevant item). `good` models rank by relevance (with a twist on some queries), others reverse it more often.
 */
function rankingRows(queries: number, flipEvery: number, extra = ''): string {
  const lines = [`query_id,id,label,score,cold${extra ? ',' + extra : ''}`];
  for (let q = 0; q < queries; q++) {
    for (let i = 0; i < 6; i++) {
      const rel = q % 10 === 0 ? 0 : (i + q) % 3;
      const flip = q % flipEvery === 0;
      const s = (flip ? -rel : rel) + ((i * 7 + q) % 5) / 10;
      lines.push(`q${q},item${i},${rel},${s},${q % 4 === 0}${extra ? ',c' + (q % 7) : ''}`);
    }
  }
  return lines.join('\n') + '\n';
}

const RANKING_CONFIG =
  'version: 1\ntask: ranking\nartifacts: { candidate: c.csv, champion: h.csv }\n' +
  'gates:\n  performance:\n    primary_metric: ndcg@3\n    absolute_drop_allowed: 0.05\n' +
  '    metrics:\n      - { metric: recall@2, absolute_drop_allowed: 0.05 }\n      - { metric: mrr@10, absolute_drop_allowed: 0.05 }\n' +
  '  segments:\n    - { name: cold, where: { cold: true }, metric: ndcg@3, absolute_drop_allowed: 0.1, min_samples: 20 }\n';

test('ranking: per-query metrics, n = queries used, test_set rows, a query-level segment', async () => {
  const dir = workspace({ 'c.csv': rankingRows(250, 5), 'h.csv': rankingRows(250, 3), 'g.yml': RANKING_CONFIG });
  const r = await cli(['-c', 'g.yml', '--json'], dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(EXIT.ok);
  const report = JSON.parse(r.stdout);
  expect(report.test_set).toMatchObject({ n: 250, rows: 1500 });
  const rows = report.checks.map((c: Record<string, unknown>) => [c.gate, c.metric, c.n, c.ci_method, c.status]);
  // Every 10th query has no relevant item: 225 of 250 are used. The cold segment is every 4th query (63), of
  // which q0, q20, q40… (every 20th: 13) have no relevant item: 50 queries, too few for a decided comparison.
  expect(rows).toEqual([
    ['performance', 'ndcg@3', 225, 'paired-normal', 'pass'],
    ['performance', 'recall@2', 225, 'paired-normal', 'pass'],
    ['performance', 'mrr@10', 225, 'paired-normal', 'pass'],
    ['segments', 'ndcg@3', 50, null, 'inconclusive']
  ]);
  expect(report.checks[0].message).toContain('25 of 250 queries have no item with a positive gain');
  expect(report.checks[3].message).toContain('only 50 queries: ranking comparisons need at least 200');
  // The candidate flips fewer queries, so it is better on every metric.
  for (const c of report.checks) expect(c.delta).toBeGreaterThan(0);
  // The terminal table's footer says what n counts.
  expect((await cli(['-c', 'g.yml'], dir)).stdout).toContain('n = 250 queries (1,500 rows),');
});

test('ranking: the query bootstrap under ci.method bootstrap, and clusters of queries', async () => {
  const dir = workspace({
    'c.csv': rankingRows(250, 5, 'user'),
    'h.csv': rankingRows(250, 3, 'user'),
    'g.yml': RANKING_CONFIG.replace('  segments:', '  ci: { method: bootstrap, resamples: 500 }\n  segments:'),
    // min_eval_samples counts clusters when columns.cluster is set.
    'k.yml': RANKING_CONFIG.replace('task: ranking', 'task: ranking\ncolumns: { cluster: user }').replace('  segments:', '  ci: { min_eval_samples: 5 }\n  segments:')
  });
  const boot = JSON.parse((await cli(['-c', 'g.yml', '--json'], dir)).stdout);
  expect(boot.checks[0].ci_method).toBe('bootstrap-rows');
  const clustered = await cli(['-c', 'k.yml', '--json'], dir);
  expect(clustered.stderr).toBe('');
  const report = JSON.parse(clustered.stdout);
  expect(report.test_set.clusters).toBe(7);
  expect(report.checks[0]).toMatchObject({ ci_method: 'paired-normal-cluster', clusters: 7 });
});

describe('ranking: the fixed test set and query-level columns', () => {
  const base = 'query_id,id,label,score,cold\n';
  const cfg = 'version: 1\ntask: ranking\nartifacts: { candidate: c.csv, champion: h.csv }\ngates: { performance: { primary_metric: ndcg@2, absolute_drop_allowed: 0.1 } }\n';
  const run = async (c: string, h: string, config = cfg) => cli(['-c', 'g.yml'], workspace({ 'c.csv': base + c, 'h.csv': base + h, 'g.yml': config }));

  test('a pair in one file only', async () => {
    const r = await run('q1,a,1,0.5,false\nq1,b,0,0.2,false\n', 'q1,a,1,0.5,false\n');
    expect(r.code).toBe(EXIT.error);
    expect(r.stderr).toContain('candidate c.csv and champion h.csv do not rank the same (query, item) pairs: 1 (query, item) pair is only in c.csv (e.g. query q1, item b)');
  });
  test('a different label for the same pair', async () => {
    const r = await run('q1,a,1,0.5,false\nq1,b,0,0.2,false\n', 'q1,b,0,0.3,false\nq1,a,2,0.1,false\n');
    expect(r.code).toBe(EXIT.error);
    expect(r.stderr).toContain('disagree on the label of 1 (query, item) pair (e.g. query q1, item a is 1 at c.csv line 2 but 2 at h.csv line 3)');
  });
  test('a pair twice in one file', async () => {
    const r = await run('q1,a,1,0.5,false\nq1,a,1,0.2,false\n', 'q1,a,1,0.5,false\n');
    expect(r.code).toBe(EXIT.error);
    expect(r.stderr).toContain('candidate c.csv has 1 duplicate row of a (query, item) pair (e.g. query q1, item a on lines 2 and 3)');
  });
  test('pairs whose query and item run together the same way are still different pairs', async () => {
    // (q, 1x) and (q1, x) both read "q1x" when joined: neither a duplicate nor a mismatch.
    const rows = 'q,1x,1,0.5,false\nq,2,0,0.4,false\nq1,x,1,0.3,false\nq1,y,0,0.2,false\n';
    const r = await run(rows, rows.replace('0.4', '0.6'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(EXIT.ok);
  });
  test('a segment column that changes within a query', async () => {
    const seg = cfg.replace('gates: {', 'gates: { segments: [{ name: cold, where: { cold: true }, metric: ndcg@2, min_value: 0 }],');
    const r = await run('q1,a,1,0.5,false\nq1,b,0,0.2,true\n', 'q1,a,1,0.5,false\nq1,b,0,0.1,false\n', seg);
    expect(r.code).toBe(EXIT.error);
    expect(r.stderr).toContain('c.csv line 3, column "cold": query q1 has "true" here but "false" on line 2');
  });
  test('a negative label, one above 1,000 and a missing query column', async () => {
    const neg = await run('q1,a,-1,0.5,false\n', 'q1,a,-1,0.5,false\n');
    expect(neg.stderr).toContain('c.csv line 2, column "label": the label -1 is negative');
    // 2^5000 − 1, ndcg's exponential gain, is not a number: the query would silently drop out.
    const big = await run('q1,a,5000,0.5,false\n', 'q1,a,5000,0.5,false\n');
    expect(big.code).toBe(EXIT.error);
    expect(big.stderr).toContain('c.csv line 2, column "label": the label 5000 is above 1000; a ranking label is a graded relevance, a number from 0 (not relevant) to 1000.');
    const r = await cli(['-c', 'g.yml'], workspace({ 'c.csv': 'id,label,score\na,1,0.5\n', 'h.csv': 'id,label,score\na,1,0.5\n', 'g.yml': cfg }));
    expect(r.code).toBe(EXIT.error);
    expect(r.stderr).toMatch(/c\.csv.*query_id/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('config of the new tasks', () => {
  const run = (config: string) => cli(['-c', 'g.yml'], workspace({ 'g.yml': config }));
  test('a ranking metric under another task, an unknown cut-off, task-specific options elsewhere', async () => {
    const binary = await run('version: 1\ntask: binary\ngates: { performance: { primary_metric: ndcg@10, min_value: 0.5 } }\n');
    expect(binary.stderr).toContain('metric "ndcg@10" at gates.performance.primary_metric does not fit task binary');
    const zero = await run('version: 1\ntask: ranking\ngates: { performance: { primary_metric: ndcg@0, min_value: 0.5 } }\n');
    expect(zero.stderr).toContain('unknown metric "ndcg@0" at gates.performance.primary_metric; ranking metrics are: ndcg@K, recall@K');
    const opt = await run('version: 1\ntask: binary\nmetric_options: { ndcg_gain: exponential }\ngates: { performance: { primary_metric: f1, min_value: 0.5 } }\n');
    expect(opt.stderr).toContain('metric_options.ndcg_gain applies to task ranking only, but task is binary');
  });
});

function scoreRows(ids: number, samples: number, shift: number): string {
  const lines: string[] = [];
  for (let i = 0; i < ids; i++) {
    for (let s = 0; s < samples; s++) {
      const v = 5 + ((i * 13) % 7) - 3 + shift + ((s * 5 + i) % 3) - 1;
      lines.push(JSON.stringify({ id: `p${i}`, score: v, user: `u${i % 9}` }));
    }
  }
  return lines.join('\n') + '\n';
}

test('score task: repeated samples averaged within the id, n = ids, rows per model, pass_rate', async () => {
  const dir = workspace({
    'c.jsonl': scoreRows(300, 3, 0.3),
    'h.jsonl': scoreRows(300, 2, 0),
    'g.yml':
      'version: 1\ntask: score\nartifacts: { candidate: c.jsonl, champion: h.jsonl }\nthreshold: 5\n' +
      'gates:\n  performance:\n    primary_metric: mean_score\n    absolute_drop_allowed: 0.1\n    metrics:\n      - { metric: pass_rate, absolute_drop_allowed: 0.05 }\n',
    'k.yml':
      'version: 1\ntask: score\nartifacts: { candidate: c.jsonl, champion: h.jsonl }\ncolumns: { cluster: user }\n' +
      'gates: { performance: { primary_metric: mean_score, absolute_drop_allowed: 0.1 }, ci: { min_eval_samples: 5 } }\n',
    'l.yml':
      'version: 1\ntask: score\nartifacts: { candidate: c.jsonl, champion: h.jsonl }\nmetric_options: { score_direction: lower }\n' +
      'gates: { performance: { primary_metric: mean_score, absolute_drop_allowed: 0.1 } }\n'
  });
  const r = await cli(['-c', 'g.yml', '--json'], dir);
  expect(r.stderr).toBe('');
  const report = JSON.parse(r.stdout);
  expect(report.test_set).toMatchObject({ n: 300, rows: { candidate: 900, champion: 600 } });
  expect((await cli(['-c', 'g.yml'], dir)).stdout).toContain('n = 300 ids (rows: candidate 900, champion 600),');
  expect(report.checks.map((c: Record<string, unknown>) => [c.metric, c.n, c.ci_method, c.status])).toEqual([
    ['mean_score', 300, 'paired-normal', 'pass'],
    ['pass_rate', 300, 'paired-normal', 'pass']
  ]);
  // Every sample of the candidate is the champion's shifted by 0.3 (averaged within the id), so Δ is 0.3 exactly.
  expect(report.checks[0].delta).toBeCloseTo(0.3, 12);
  const clustered = JSON.parse((await cli(['-c', 'k.yml', '--json'], dir)).stdout);
  expect(clustered.checks[0]).toMatchObject({ ci_method: 'paired-normal-cluster', clusters: 9, n: 300 });
  // Lower is better: the candidate's higher mean score is now worse, and the comparison fails.
  const lower = JSON.parse((await cli(['-c', 'l.yml', '--json'], dir)).stdout);
  expect(lower.checks[0]).toMatchObject({ direction: -1, status: 'fail' });
});

test('ranking: gzipped JSON Lines, the markdown summary, and the guard against comparing a model with itself', async () => {
  const { gzipSync } = await import('node:zlib');
  const jsonl = (flipEvery: number) =>
    rankingRows(230, flipEvery)
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [query_id, id, label, score, cold] = line.split(',');
        return JSON.stringify({ query_id, id, label: Number(label), score: Number(score), cold: cold === 'true' });
      })
      .join('\n');
  const dir = workspace({ 'g.yml': RANKING_CONFIG.replace(/c\.csv/, 'c.jsonl.gz').replace(/h\.csv/, 'h.jsonl.gz') });
  writeFileSync(path.join(dir, 'c.jsonl.gz'), gzipSync(jsonl(5)));
  writeFileSync(path.join(dir, 'h.jsonl.gz'), gzipSync(jsonl(3)));
  const r = await cli(['-c', 'g.yml', '--json', '--markdown', 'summary.md'], dir);
  expect(r.stderr).toBe('');
  const report = JSON.parse(r.stdout);
  expect(report.test_set).toMatchObject({ n: 230, rows: 1380 });
  expect(report.checks[0]).toMatchObject({ metric: 'ndcg@3', n: 207, status: 'pass' });
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(path.join(dir, 'summary.md'), 'utf8')).toContain('- Test set: n = 230 queries (1,380 rows), fingerprint');
  writeFileSync(path.join(dir, 'h.jsonl.gz'), gzipSync(jsonl(5)));
  const self = await cli(['-c', 'g.yml'], dir);
  expect(self.code).toBe(EXIT.error);
  expect(self.stderr).toContain('comparing a model with itself');
});

test('score task: an id in one file only is an error naming the file and the id', async () => {
  const dir = workspace({
    'c.csv': 'id,score\np1,3\np1,4\np2,5\n',
    'h.csv': 'id,score\np1,3\np3,5\n',
    'g.yml': 'version: 1\ntask: score\nartifacts: { candidate: c.csv, champion: h.csv }\ngates: { performance: { primary_metric: mean_score, absolute_drop_allowed: 0.1 } }\n'
  });
  const r = await cli(['-c', 'g.yml'], dir);
  expect(r.code).toBe(EXIT.error);
  expect(r.stderr).toContain('candidate c.csv and champion h.csv do not cover the same test set: 1 id is only in c.csv (e.g. p2) and 1 id is only in h.csv (e.g. p3)');
  expect(r.stderr).not.toMatch(/\n\s+at /);
});

test('score task: a score beyond ±1e100 is an error naming the file and the line, not an internal error', async () => {
  const dir = workspace({
    'c.csv': 'id,score\np1,3\np2,1e200\np3,5\n',
    'h.csv': 'id,score\np1,3\np2,4\np3,5\n',
    'g.yml': 'version: 1\ntask: score\nartifacts: { candidate: c.csv, champion: h.csv }\ngates: { performance: { primary_metric: mean_score, absolute_drop_allowed: 0.1 } }\n'
  });
  const r = await cli(['-c', 'g.yml'], dir);
  expect(r.code).toBe(EXIT.error);
  expect(r.stderr).toContain('c.csv line 3, column "score": the score "1e200" is beyond ±1e+100, too large to average and compare; check the scores for a unit or scaling mistake.');
  expect(r.stderr).not.toMatch(/internal|\n\s+at /);
});

test('score task: pass_rate on a 1–10 scale without a threshold is an error, not a pass rate of 100 %', async () => {
  const config = (extra: string) =>
    `version: 1\ntask: score\n${extra}artifacts: { candidate: c.csv, champion: h.csv }\n` +
    'gates: { performance: { primary_metric: mean_score, absolute_drop_allowed: 1, metrics: [{ metric: pass_rate, absolute_drop_allowed: 0.5 }] }, ' +
    'ci: { min_eval_samples: 3 } }\n';
  const files = { 'c.csv': 'id,score\np1,0.5\np2,8\np3,6\n', 'h.csv': 'id,score\np1,7\np2,9\np3,5\n' };
  const dir = workspace({ ...files, 'g.yml': config('') });
  const r = await cli(['-c', 'g.yml'], dir);
  expect(r.code).toBe(EXIT.error);
  expect(r.stderr).toContain(
    'c.csv line 3, column "score": 8 is outside [0, 1], and pass_rate counts a sample as passing when its score is >= threshold, ' +
      'whose default 0.5 only fits scores in [0, 1]; set threshold to the passing score on your scale (for example 7 on a 1–10 judge scale).'
  );
  // With the threshold set, or without pass_rate, the same files are gated.
  const set = workspace({ ...files, 'g.yml': config('threshold: 7\n') });
  const json = await cli(['-c', 'g.yml', '--json'], set);
  expect(json.stderr).toBe('');
  const passRate = JSON.parse(json.stdout).checks.find((c: { metric: string }) => c.metric === 'pass_rate');
  expect([passRate.candidate, passRate.champion]).toEqual([1 / 3, 2 / 3]);
  const meanOnly = workspace({ ...files, 'g.yml': config('').replace(', metrics: [{ metric: pass_rate, absolute_drop_allowed: 0.5 }]', '') });
  expect((await cli(['-c', 'g.yml'], meanOnly)).stderr).toBe('');
});

test('ranking: fairness groups are query-level columns, each group its own set of queries', async () => {
  const dir = workspace({
    'c.csv': rankingRows(250, 5),
    'h.csv': rankingRows(250, 3),
    'g.yml':
      'version: 1\ntask: ranking\nartifacts: { candidate: c.csv, champion: h.csv }\n' +
      'gates:\n  fairness: { metric: ndcg@3, max_group_gap: 0.5, groups: [cold], min_group_samples: 10 }\n'
  });
  const r = await cli(['-c', 'g.yml', '--json'], dir);
  expect(r.stderr).toBe('');
  const check = JSON.parse(r.stdout).checks[0];
  expect(check).toMatchObject({ gate: 'fairness', name: 'ndcg@3:cold', status: 'pass' });
  expect(check.candidate).toBeGreaterThanOrEqual(0);
});

test('min_eval_samples counts queries, and says so', async () => {
  const dir = workspace({
    'c.csv': rankingRows(250, 5),
    'h.csv': rankingRows(250, 3),
    'g.yml': RANKING_CONFIG.replace('  segments:', '  ci: { min_eval_samples: 300 }\n  segments:')
  });
  const check = JSON.parse((await cli(['-c', 'g.yml', '--json'], dir)).stdout).checks[0];
  expect(check).toMatchObject({ status: 'inconclusive', message: 'only 250 queries, fewer than ci.min_eval_samples (300): too few to decide' });
});
