/**
 * The counts path against the rows path (issue 6): the published DuckDB recipe (docs/sql/counts.duckdb.sql),
 * run by DuckDB itself on the rows files, gives a counts file whose report equals the rows' report: the same
 * statuses, point values to 1e-12, bootstrap intervals identical for the same seed, paired normal intervals
 * to 1e-12. For roc_auc (issue 14) the counts' score bins give the report of the rows with binned scores (DuckDB
 * writes those rows too) to 1e-12, and stay within the reported binning bound of the unbinned rows' AUCs.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runGate } from '../../src/gate/run.js';
import type { CheckResult, Report } from '../../src/core/report.js';
import { TempDir } from '../readers/helpers.js';

const RECIPE = readFileSync(join(process.cwd(), 'docs', 'sql', 'counts.duckdb.sql'), 'utf8');
const COARSE = 20;
const SEGMENTS = ['new_users', 'returning', 'mobile', 'web'];

/** Deterministic paired rows: a candidate slightly better than the champion, segments of unequal size. */
function rows(n: number): { candidate: string; champion: string } {
  let seed = 20261122;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const c: string[] = [];
  const h: string[] = [];
  for (let i = 0; i < n; i++) {
    const label = rand() < 0.3 ? 1 : 0;
    const signal = (label ? 1 : -1) + normal();
    const segment = SEGMENTS[Math.min(3, Math.floor(rand() * rand() * 6))]!;
    const pc = 1 / (1 + Math.exp(-(signal * 1.1 + normal() * 0.5)));
    const ph = 1 / (1 + Math.exp(-(signal + normal() * 0.6)));
    // An exact 0 or 1 now and then, so the clipping of log loss is exercised on both paths.
    const exact = (p: number) => (rand() < 0.01 ? (label ? 0 : 1) : p);
    c.push(`u${i},${label},${exact(pc)},${segment}`);
    h.push(`u${i},${label},${exact(ph)},${segment}`);
  }
  h.reverse(); // the champion file in another order: the join does real work
  const header = 'id,label,score,segment\n';
  return { candidate: header + c.join('\n') + '\n', champion: header + h.join('\n') + '\n' };
}

function config(input: string, method: string): string {
  return `version: 1
task: binary
artifacts:
${input}
metric_options:
  net_benefit: { tp: 10, fp: -2, tn: 0, fn: -5 }
gates:
  performance:
    primary_metric: f1
    absolute_drop_allowed: 0.01
    metrics:
      - { metric: accuracy, absolute_drop_allowed: 0.01 }
      - { metric: recall, absolute_drop_allowed: 0.02 }
      - { metric: mcc, absolute_drop_allowed: 0.02 }
      - { metric: log_loss, relative_drop_allowed: 0.02 }
      - { metric: brier, absolute_drop_allowed: 0.005 }
      - { metric: net_benefit, relative_drop_allowed: 0.05 }
      - { metric: precision, min_value: 0.3 }
  segments:
    - { name: new_users, metric: recall, absolute_drop_allowed: 0.03 }
    - { name: mobile, metric: log_loss, relative_drop_allowed: 0.05 }
    - { name: web, metric: f1, absolute_drop_allowed: 0.05, min_samples: 50 }
  fairness:
    metric: recall
    groups: [segment]
    max_group_gap: 0.3
    max_gap_increase: 0.05
    min_group_samples: 30
  ci:
    method: ${method}
    resamples: 2000
    seed: 7
`;
}

let dir: TempDir;

beforeAll(async () => {
  dir = new TempDir();
  const { candidate, champion } = rows(6000);
  dir.file('rows/candidate.csv', candidate);
  dir.file('rows/champion.csv', champion);
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  for (const which of ['candidate', 'champion']) {
    const file = join(dir.path, 'rows', `${which}.csv`).replace(/'/g, "''");
    await con.run(`CREATE VIEW ${which} AS SELECT * FROM read_csv('${file}', header = true, columns = {'id': 'VARCHAR', 'label': 'INTEGER', 'score': 'DOUBLE', 'segment': 'VARCHAR'})`);
  }
  const [guard, query] = RECIPE.split(/;\s*\n/).map((s) => s.replace(/^\s*--.*$/gm, '').trim()).filter(Boolean);
  await con.run(guard!);
  const quoted = (name: string) => join(dir.path, name).replace(/'/g, "''");
  await con.run(`COPY (${query}) TO '${quoted('counts.csv')}' (HEADER, DELIMITER ',')`);
  // The same recipe with 20 bins, and the rows with their scores binned as the recipe bins them.
  expect(query).toContain('1000 AS bins');
  await con.run(`COPY (${query!.replace('1000 AS bins', `${COARSE} AS bins`)}) TO '${quoted('counts-coarse.csv')}' (HEADER, DELIMITER ',')`);
  for (const bins of [1000, COARSE]) {
    mkdirSync(join(dir.path, `binned-${bins}`));
    for (const which of ['candidate', 'champion']) {
      await con.run(
        `COPY (SELECT id, label, floor(score * ${bins}) / ${bins} AS score, segment FROM ${which}) TO '${quoted(`binned-${bins}/${which}.csv`)}' (HEADER, DELIMITER ',')`
      );
    }
  }
  con.closeSync();
}, 60_000);

afterAll(() => dir.remove());

async function gate(name: string, text: string): Promise<Report> {
  writeFileSync(join(dir.path, name), text);
  const { report } = await runGate({
    workspace: dir.path,
    config: name,
    origins: { candidate: '--candidate', champion: '--champion', config: '--config' },
    generatedAt: '2026-11-22T00:00:00.000Z',
    source: { repository: null, commit: null, ref: null, run_id: null, run_attempt: null }
  });
  return report;
}

const ROWS_INPUT = '  candidate: rows/candidate.csv\n  champion: rows/champion.csv';
const COUNTS_INPUT = '  counts: counts.csv';

function key(c: CheckResult): string {
  return `${c.gate}/${c.segment ?? ''}/${c.name}/${c.rule}`;
}

function expectSameNumber(what: string, got: number | null, want: number | null, exact: boolean): void {
  if (want === null || got === null) {
    expect([what, got]).toEqual([what, want]);
    return;
  }
  if (exact) expect([what, got]).toEqual([what, want]);
  else if (Math.abs(got - want) > 1e-12) throw new Error(`${what}: counts ${got} vs rows ${want} (|Δ| ${Math.abs(got - want)} > 1e-12)`);
}

describe.each(['auto', 'analytic'])('counts from the DuckDB recipe give the rows report (ci.method %s)', (method) => {
  let fromRows: Report;
  let fromCounts: Report;
  beforeAll(async () => {
    fromRows = await gate(`rows-${method}.yml`, config(ROWS_INPUT, method));
    fromCounts = await gate(`counts-${method}.yml`, config(COUNTS_INPUT, method));
  }, 60_000);

  test('the counts file is small and sums to the test set', () => {
    const lines = readFileSync(join(dir.path, 'counts.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe(
      'label,champion_prediction,candidate_prediction,candidate_score_bin,champion_score_bin,segment,count,candidate_log_loss_sum,champion_log_loss_sum,log_loss_diff_sq_sum,candidate_brier_sum,champion_brier_sum,brier_diff_sq_sum'
    );
    // With 20 bins a row per occupied (label, predictions, bins, segment); at most 2 labels × 21² bins × 4 segments.
    const coarse = readFileSync(join(dir.path, 'counts-coarse.csv'), 'utf8').trim().split('\n');
    expect(coarse.length - 1).toBeLessThanOrEqual(2 * 21 * 21 * SEGMENTS.length);
    expect(coarse.length - 1).toBeLessThan(lines.length - 1);
    expect(fromCounts.test_set.n).toBe(6000);
    expect(fromRows.test_set.n).toBe(6000);
  });

  test('same verdict, same checks, same numbers', () => {
    expect(fromCounts.gate_result).toBe(fromRows.gate_result);
    expect(fromCounts.summary).toBe(fromRows.summary);
    expect(fromCounts.checks.map(key)).toEqual(fromRows.checks.map(key));
    // Every kind of check is exercised, with real intervals.
    const methods = new Set(fromRows.checks.map((c) => c.ci_method).filter(Boolean));
    // Proportions take Tango's interval, precision and f1 the score interval on the cells, under both auto and
    // analytic; losses the tilted score interval under auto, which needs the rows: counts give the paired normal.
    const losses = method === 'auto' ? 'tilted-score' : 'paired-normal';
    expect([...methods].sort()).toEqual(['bootstrap-cells', 'paired-normal', 'score-cells', 'tango', losses].filter((m, i, a) => a.indexOf(m) === i).sort());
    expect(fromRows.checks.some((c) => c.gate === 'fairness' && c.ci_low !== null)).toBe(true);
    fromRows.checks.forEach((want, i) => {
      const got = fromCounts.checks[i]!;
      const k = key(want);
      const tilted = want.ci_method === 'tilted-score';
      expect([k, got.status, got.n, got.ci_method, got.threshold]).toEqual([k, want.status, want.n, tilted ? 'paired-normal' : want.ci_method, want.threshold]);
      expectSameNumber(`${k} candidate`, got.candidate, want.candidate, false);
      expectSameNumber(`${k} champion`, got.champion, want.champion, false);
      expectSameNumber(`${k} delta`, got.delta, want.delta, false);
      // The cells bootstrap draws from the same eight counts with the same stream: identical bounds.
      const exact = want.ci_method === 'bootstrap-cells' || want.ci_method === 'tango' || want.ci_method === 'score-cells';
      if (tilted) {
        // Counts' normal interval against the rows' tilted one: the same width to first order, leaning with the
        // skew of the per-row differences by a term of order se/√n — on 6,000 rows a few % of the width.
        const width = want.ci_high! - want.ci_low!;
        expect(Math.abs(got.ci_low! - want.ci_low!)).toBeLessThan(0.05 * width);
        expect(Math.abs(got.ci_high! - want.ci_high!)).toBeLessThan(0.05 * width);
        expect(got.ci_low).not.toBe(want.ci_low);
        return;
      }
      expectSameNumber(`${k} ci_low`, got.ci_low, want.ci_low, exact);
      expectSameNumber(`${k} ci_high`, got.ci_high, want.ci_high, exact);
    });
  });

  test('the fingerprint describes the composition, not ids', () => {
    expect(fromCounts.test_set.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(fromCounts.test_set.fingerprint).not.toBe(fromRows.test_set.fingerprint);
  });
});

function aucConfig(input: string): string {
  return `version: 1
task: binary
artifacts:
${input}
gates:
  performance:
    primary_metric: roc_auc
    absolute_drop_allowed: 0.02
    min_value: 0.7
    metrics:
      - { metric: recall, absolute_drop_allowed: 0.02 }
  segments:
    - { name: new_users, metric: roc_auc, absolute_drop_allowed: 0.03 }
  fairness:
    metric: roc_auc
    groups: [segment]
    max_group_gap: 0.3
    min_group_samples: 30
`;
}

type Binned = Extract<CheckResult['details'], { kind: 'binned_auc' }>;

describe.each([1000, COARSE])('roc_auc from the recipe with %i bins', (bins) => {
  const countsFile = bins === 1000 ? 'counts.csv' : 'counts-coarse.csv';
  let fromCounts: Report;
  let fromBinnedRows: Report;
  let fromRows: Report;
  beforeAll(async () => {
    fromCounts = await gate(`auc-counts-${bins}.yml`, aucConfig(`  counts: ${countsFile}`));
    fromBinnedRows = await gate(`auc-binned-${bins}.yml`, aucConfig(`  candidate: binned-${bins}/candidate.csv\n  champion: binned-${bins}/champion.csv`));
    fromRows = await gate(`auc-rows-${bins}.yml`, aucConfig(ROWS_INPUT));
  }, 60_000);

  test('equals DeLong on the rows with binned scores, to 1e-12', () => {
    expect(fromCounts.checks.map(key)).toEqual(fromBinnedRows.checks.map(key));
    expect(fromBinnedRows.checks.filter((c) => c.ci_method === 'delong').length).toBe(2);
    fromBinnedRows.checks.forEach((want, i) => {
      const got = fromCounts.checks[i]!;
      const k = key(want);
      expect([k, got.status, got.n, got.ci_method]).toEqual([k, want.status, want.n, want.ci_method]);
      for (const f of ['candidate', 'champion', 'delta', 'ci_low', 'ci_high', 'mde', 'threshold'] as const) {
        expectSameNumber(`${k} ${f}`, got[f] ?? null, want[f] ?? null, false);
      }
    });
  });

  test('differs from the unbinned AUCs by no more than the bound it reports', () => {
    const auc = fromCounts.checks.filter((c) => c.metric === 'roc_auc' && c.gate !== 'fairness');
    expect(auc.length).toBe(3);
    for (const got of auc) {
      const want = fromRows.checks.find((c) => key(c) === key(got))!;
      const d = got.details as Binned;
      expect(d.kind).toBe('binned_auc');
      expect(Math.abs(got.candidate! - want.candidate!)).toBeLessThanOrEqual(d.max_binning_error.candidate);
      expect(Math.abs(got.champion! - want.champion!)).toBeLessThanOrEqual(d.max_binning_error.champion!);
      expect(Math.abs(got.delta! - want.delta!)).toBeLessThanOrEqual(d.max_binning_error.delta!);
    }
  });
});
