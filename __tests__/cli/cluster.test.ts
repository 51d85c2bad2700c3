/**
 * `columns.cluster` end to end: config checks, the cluster column read from both files (csv, tsv, jsonl, gz)
 * and checked per id, clustered interval methods in the report, `clusters` in every check and in test_set,
 * and min_eval_samples counting clusters.
 */
import { cli, workspace as workspaceOf } from '../helpers/cli.js';
import { configMessage } from '../helpers/config.js';
import { describe, expect, test } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import { EXIT } from '../../src/cli/main.js';
import { parseConfig } from '../../src/config/load.js';
import { clopperPearson } from '../../src/stats/exact.js';

const workspace = (files: Record<string, string | Buffer>) => workspaceOf(files, 'mg-cluster-');

/** 600 rows in 30 clusters of 20 (cluster = user), deterministic; `shift` changes which rows a model misses. */
function binaryRows(shift: number): { id: string; label: number; score: number; user: string }[] {
  return Array.from({ length: 600 }, (_, i) => {
    const user = `u${Math.floor(i / 20)}`;
    const label = (i * 7) % 5 < 2 ? 1 : 0;
    const wrong = (i + shift) % 9 === 0 || (Math.floor(i / 20) % 7 === shift % 7 && i % 3 === 0);
    const p = 0.2 + 0.6 * (label ^ (wrong ? 1 : 0)) + ((i * 13) % 17) / 100;
    return { id: `r${i}`, label, score: Math.min(p, 0.99), user };
  });
}

const csv = (rows: ReturnType<typeof binaryRows>, sep = ',') =>
  [['id', 'label', 'score', 'user'].join(sep), ...rows.map((r) => [r.id, r.label, r.score, r.user].join(sep))].join('\n') + '\n';
const jsonl = (rows: ReturnType<typeof binaryRows>) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

const CONFIG =
  'version: 1\ntask: binary\nartifacts: { candidate: c.csv, champion: h.jsonl.gz }\ncolumns: { cluster: user }\n' +
  'gates:\n  performance:\n    primary_metric: accuracy\n    absolute_drop_allowed: 0.2\n    metrics:\n' +
  '      - { metric: brier, absolute_drop_allowed: 0.5 }\n      - { metric: roc_auc, absolute_drop_allowed: 0.2 }\n' +
  '  segments:\n    - { name: early, where: { user: [u0, u1, u2, u3, u4, u5, u6, u7, u8, u9] }, metric: f1, absolute_drop_allowed: 0.5 }\n' +
  '  ci: { resamples: 500, min_eval_samples: 20 }\n';

describe('columns.cluster through the CLI', () => {
  test('binary: clustered methods, clusters in test_set and every check, a segment counting its own clusters', async () => {
    const dir = workspace({ 'c.csv': csv(binaryRows(0)), 'h.jsonl.gz': gzipSync(jsonl(binaryRows(4))), 'g.yml': CONFIG });
    const r = await cli(['-c', 'g.yml', '--json'], dir);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.test_set).toMatchObject({ n: 600, clusters: 30 });
    const got = report.checks.map((c: { metric: string; ci_method: string; clusters: number; n: number; status: string }) => [
      c.metric,
      c.ci_method,
      c.n,
      c.clusters,
      c.status
    ]);
    expect(got).toEqual([
      ['accuracy', 'bootstrap-cells-cluster', 600, 30, expect.stringMatching(/^(pass|fail)$/)],
      ['brier', 'paired-normal-cluster', 600, 30, expect.stringMatching(/^(pass|fail)$/)],
      ['roc_auc', 'delong-cluster', 600, 30, expect.stringMatching(/^(pass|fail)$/)],
      ['f1', null, 200, 10, 'inconclusive']
    ]);
    // The segment holds 10 clusters, fewer than min_eval_samples (20): inconclusive, counted in clusters.
    expect(report.checks[3].message).toBe('only 10 clusters, fewer than ci.min_eval_samples (20): too few to decide');
    // `clusters` sits right after `n` in every check.
    const keys = Object.keys(report.checks[0]);
    expect(keys[keys.indexOf('n') + 1]).toBe('clusters');
  });

  test('without columns.cluster the same files give row-level methods and no clusters key', async () => {
    const dir = workspace({
      'c.csv': csv(binaryRows(0)),
      'h.jsonl.gz': gzipSync(jsonl(binaryRows(4))),
      'g.yml': CONFIG.replace('columns: { cluster: user }\n', '')
    });
    const report = JSON.parse((await cli(['-c', 'g.yml', '--json'], dir)).stdout);
    expect(report.test_set.clusters).toBeUndefined();
    expect(report.checks.map((c: { ci_method: string }) => c.ci_method)).toEqual(['tango', 'tilted-score', 'delong', 'score-cells']);
    for (const c of report.checks) expect('clusters' in c).toBe(false);
  });

  test('the clustered interval is wider than the row-level one on clustered errors', async () => {
    const base = { 'c.csv': csv(binaryRows(0)), 'h.jsonl.gz': gzipSync(jsonl(binaryRows(4))) };
    const width = async (config: string) => {
      const report = JSON.parse((await cli(['-c', 'g.yml', '--json'], workspace({ ...base, 'g.yml': config }))).stdout);
      return report.checks[0].ci_high - report.checks[0].ci_low;
    };
    expect(await width(CONFIG)).toBeGreaterThan(1.3 * (await width(CONFIG.replace('columns: { cluster: user }\n', ''))));
  });

  test('the report does not depend on the row order of either file', async () => {
    const shuffled = binaryRows(0).map((r, i) => ({ r, k: (i * 7919) % 600 })).sort((a, b) => a.k - b.k).map((x) => x.r);
    // release_id addresses the files' bytes, which differ; everything else must be the same.
    const run = async (rows: ReturnType<typeof binaryRows>) => {
      const out = (await cli(['-c', 'g.yml', '--json'], workspace({ 'c.csv': csv(rows), 'h.jsonl.gz': gzipSync(jsonl(binaryRows(4))), 'g.yml': CONFIG }))).stdout;
      const { release_id: _id, ...report } = JSON.parse(out);
      return JSON.stringify(report);
    };
    expect(await run(shuffled)).toBe(await run(binaryRows(0)));
  });

  test('a fairness check reports the clusters among the groups it compares', async () => {
    const config = CONFIG.replace(
      '  ci: {',
      '  fairness: { metric: tpr, max_group_gap: 0.5, groups: [user], min_group_samples: 1 }\n  ci: {'
    );
    const dir = workspace({ 'c.csv': csv(binaryRows(0)), 'h.jsonl.gz': gzipSync(jsonl(binaryRows(4))), 'g.yml': config });
    const report = JSON.parse((await cli(['-c', 'g.yml', '--json'], dir)).stdout);
    const fairness = report.checks.find((c: { gate: string }) => c.gate === 'fairness');
    expect(fairness).toMatchObject({ n: 600, clusters: 30 });
  });

  test('the row-level protections hold with clusters: few disagreements stay inconclusive, the exact floor stays', async () => {
    // The champion differs from the candidate on 3 rows only: f1 has too few disagreements to judge and accuracy's
    // interval may not be narrower than the exact bound of 3 disagreements, with or without clusters.
    const champ = binaryRows(0).map((r, i) => (i % 200 === 7 ? { ...r, score: 1 - r.score } : r));
    const config =
      'version: 1\ntask: binary\nartifacts: { candidate: c.csv, champion: h.csv }\ncolumns: { cluster: user }\n' +
      'gates:\n  performance:\n    primary_metric: accuracy\n    absolute_drop_allowed: 0.001\n    metrics:\n' +
      '      - { metric: f1, absolute_drop_allowed: 0.001 }\n  ci: { resamples: 500, min_eval_samples: 20 }\n';
    const checks = async (cfg: string) =>
      JSON.parse((await cli(['-c', 'g.yml', '--json'], workspace({ 'c.csv': csv(binaryRows(0)), 'h.csv': csv(champ), 'g.yml': cfg }))).stdout)
        .checks as { metric: string; status: string; ci_low: number; ci_high: number; ci_method: string; message: string }[];
    const clustered = await checks(config);
    const rows = await checks(config.replace('columns: { cluster: user }\n', ''));
    const f1 = clustered.find((c) => c.metric === 'f1')!;
    expect(f1.status).toBe('inconclusive');
    const acc = clustered.find((c) => c.metric === 'accuracy')!;
    const rowAcc = rows.find((c) => c.metric === 'accuracy')!;
    expect(acc.ci_method).toMatch(/cluster/);
    // Without the floor the cluster bootstrap gives [-0.0036, +0.0070] on 2 vs 1 disagreements.
    expect(acc.message).toContain('widened to the exact bound of the disagreements (2 rows only the candidate gets right, 1 only the champion, of 600');
    // The high end is the exact bound itself (2 of 600 could be as many as U(2), 1 is 1/600); the row-level
    // score interval is at least as wide.
    expect(acc.ci_high).toBeCloseTo(clopperPearson(2, 600, 0.95).high - 1 / 600, 10);
    expect(rowAcc.ci_high).toBeGreaterThanOrEqual(acc.ci_high - 1e-12);
    expect(acc.ci_low).toBeLessThan(-0.005);
    expect(acc.status).not.toBe('pass');
  });

  test('tsv files', async () => {
    const dir = workspace({
      'c.tsv': csv(binaryRows(0), '\t'),
      'h.tsv': csv(binaryRows(4), '\t'),
      'g.yml': CONFIG.replace('c.csv, champion: h.jsonl.gz', 'c.tsv, champion: h.tsv')
    });
    const report = JSON.parse((await cli(['-c', 'g.yml', '--json'], dir)).stdout);
    expect(report.test_set.clusters).toBe(30);
  });

  test('an id in another cluster in the champion file stops the gate with files, lines and example ids', async () => {
    const champ = binaryRows(4);
    champ[25]!.user = 'u9';
    champ[3]!.user = 'u2';
    const dir = workspace({ 'c.csv': csv(binaryRows(0)), 'h.csv': csv(champ), 'g.yml': CONFIG.replace('h.jsonl.gz', 'h.csv') });
    const r = await cli(['-c', 'g.yml'], dir);
    expect(r.code).toBe(EXIT.error);
    expect(r.stderr).toContain(
      'candidate c.csv and champion h.csv disagree on the cluster of 2 ids (e.g. r25, r3; id r25 is in cluster "u1" at c.csv line 27 but "u9" at h.csv line 27); both files must carry the same "user" column for the same test set.'
    );
  });

  test('an empty cluster value names file, line and column', async () => {
    const rows = binaryRows(0);
    rows[10]!.user = '';
    const dir = workspace({ 'c.csv': csv(rows), 'h.jsonl.gz': gzipSync(jsonl(binaryRows(4))), 'g.yml': CONFIG });
    const r = await cli(['-c', 'g.yml'], dir);
    expect(r.code).toBe(EXIT.error);
    expect(r.stderr).toContain('c.csv line 12, column "user": the cluster is empty; with columns.cluster every row needs one.');
  });

  test('a missing cluster column in the champion file names columns.cluster', async () => {
    const champ = csv(binaryRows(4)).replace('id,label,score,user', 'id,label,score,usr');
    const dir = workspace({ 'c.csv': csv(binaryRows(0)), 'h.csv': champ, 'g.yml': CONFIG.replace('h.jsonl.gz', 'h.csv') });
    const r = await cli(['-c', 'g.yml'], dir);
    expect(r.code).toBe(EXIT.error);
    expect(r.stderr).toContain('h.csv has no column "user"');
    expect(r.stderr).toContain('set columns.cluster to the name of that column');
  });

  test('multiclass and regression report clusters with their clustered methods', async () => {
    const classes = ['a', 'b', 'c'];
    const mc = (shift: number) =>
      'id,label,prediction,proba_a,proba_b,proba_c,doc\n' +
      Array.from({ length: 300 }, (_, i) => {
        const y = i % 3;
        const p = (i + shift) % 4 === 0 ? (y + 1) % 3 : y;
        return `${i},${classes[y]},${classes[p]},${[0, 1, 2].map((j) => (j === p ? 0.6 : 0.2)).join(',')},d${i % 25}`;
      }).join('\n');
    const reg = (noise: number) =>
      'id,label,prediction,doc\n' + Array.from({ length: 600 }, (_, i) => `${i},${i % 13},${(i % 13) + noise * (((i * 37) % 11) - 5)},d${i % 25}`).join('\n');
    const gate = (task: string, metrics: string) =>
      `version: 1\ntask: ${task}\nartifacts: { candidate: c.csv, champion: h.csv }\ncolumns: { cluster: doc }\ngates:\n  performance:\n${metrics}  ci: { resamples: 300, method: analytic, min_eval_samples: 20 }\n`;
    const m = await cli(['-c', 'g.yml', '--json'], workspace({
      'c.csv': mc(0),
      'h.csv': mc(1),
      'g.yml': gate('multiclass', '    primary_metric: accuracy\n    absolute_drop_allowed: 0.1\n    metrics:\n      - { metric: macro_f1, absolute_drop_allowed: 0.1 }\n      - { metric: log_loss, absolute_drop_allowed: 0.1 }\n')
    }));
    const mr = JSON.parse(m.stdout);
    expect(mr.test_set.clusters).toBe(25);
    // log_loss on 300 rows stays inconclusive for the row-level reason (fewer than 1000 rows), clusters or not.
    expect(mr.checks.map((c: { ci_method: string | null; status: string }) => [c.ci_method, c.status === 'inconclusive'])).toEqual([
      ['paired-normal-cluster', false],
      ['bootstrap-cells-cluster', false],
      [null, true]
    ]);
    expect(mr.checks[2].message).toMatch(/only 300 rows: log_loss comparisons need at least 1000/);
    const g = await cli(['-c', 'g.yml', '--json'], workspace({
      'c.csv': reg(0.1),
      'h.csv': reg(0.12),
      'g.yml': gate('regression', '    primary_metric: rmse\n    absolute_drop_allowed: 0.1\n    metrics:\n      - { metric: mae, absolute_drop_allowed: 0.1 }\n')
    }));
    const gr = JSON.parse(g.stdout);
    expect(gr.checks.map((c: { ci_method: string; clusters: number }) => [c.ci_method, c.clusters])).toEqual([
      ['delta-method-cluster', 25],
      ['paired-normal-cluster', 25]
    ]);
  });
});

describe('columns.cluster config', () => {
  const F = 'model-gate.yml';
  const messageOf = configMessage;

  test('is read into the typed config, and absent by default', () => {
    const base = 'version: 1\ntask: binary\nartifacts: { candidate: c.csv }\ngates: { performance: { primary_metric: f1, min_value: 0.1 } }\n';
    expect(parseConfig(base, F).columns.cluster).toBeUndefined();
    expect(parseConfig(base + 'columns: { cluster: user_id }\n', F).columns.cluster).toBe('user_id');
  });

  test('is rejected with counts input', () => {
    expect(
      messageOf('version: 1\ntask: binary\nartifacts: { counts: n.csv }\ncolumns: { cluster: user }\ngates: { performance: { primary_metric: f1, min_value: 0.1 } }\n')
    ).toBe(
      `${F}:4:12: columns.cluster needs one row per example to know which examples share a cluster, but artifacts.counts pools them; give per-row predictions files (artifacts.candidate and artifacts.champion) with a cluster column instead`
    );
  });

  test('may not name the id, label, score or prediction column', () => {
    expect(
      messageOf('version: 1\ntask: binary\nartifacts: { candidate: c.csv }\ncolumns: { cluster: id }\ngates: { performance: { primary_metric: f1, min_value: 0.1 } }\n')
    ).toBe(`${F}:4:21: columns.cluster and columns.id both name the column "id"; the cluster must be a column of its own`);
  });
});
