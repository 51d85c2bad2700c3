/**
 * ROC-AUC from score-binned counts (docs/counts.md): a small counts file and the same file expanded to one row per
 * example, with the bin value as each row's score, give the same roc_auc checks — AUCs, Δ, interval and se to
 * 1e-12 — and the counts report says how far binning can have moved them.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_COLUMNS } from '../../src/config/types.js';
import { readCounts, type ReadCountsOptions } from '../../src/readers/counts.js';
import { runGate } from '../../src/gate/run.js';
import type { CheckResult, Report } from '../../src/core/report.js';
import { gateError, TempDir } from '../readers/helpers.js';

const dir = new TempDir();
afterAll(() => dir.remove());

const HEAD = 'label,champion_prediction,candidate_prediction,candidate_score_bin,champion_score_bin,segment,count';

/** Deterministic (label, bins, segment) → count rows; predictions are bin ≥ 0.5, as the recipe writes them at a bin edge. */
function countsRows(): string[] {
  let seed = 99;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
  const out: string[] = [];
  for (let i = 0; i < 120; i++) {
    const y = next() < 0.3 ? 1 : 0;
    const c = Math.min(19, Math.floor((next() * 0.75 + 0.3 * y) * 20)) / 20;
    const h = Math.min(19, Math.floor((next() * 0.8 + 0.2 * y) * 20)) / 20;
    const segment = next() < 0.4 ? 'mobile' : 'web';
    const count = 1 + Math.floor(next() * (i % 9 === 0 ? 60 : 8));
    out.push(`${y},${h >= 0.5 ? 1 : 0},${c >= 0.5 ? 1 : 0},${c},${h},${segment},${count}`);
  }
  return out;
}

function expand(rows: string[]): { candidate: string; champion: string } {
  const c = ['id,label,score,segment'];
  const h = ['id,label,score,segment'];
  let id = 0;
  for (const r of rows) {
    const [y, , , cb, hb, segment, count] = r.split(',');
    for (let k = 0; k < Number(count); k++, id++) {
      c.push(`e${id},${y},${cb},${segment}`);
      h.push(`e${id},${y},${hb},${segment}`);
    }
  }
  return { candidate: c.join('\n') + '\n', champion: h.join('\n') + '\n' };
}

const config = (input: string, method: string) => `version: 1
task: binary
artifacts:
${input}
gates:
  performance:
    primary_metric: roc_auc
    absolute_drop_allowed: 0.02
    min_value: 0.6
    metrics:
      - { metric: recall, absolute_drop_allowed: 0.05 }
  segments:
    - { name: mobile, metric: roc_auc, absolute_drop_allowed: 0.05 }
  ci: { method: ${method} }
`;

async function gate(name: string, text: string): Promise<Report> {
  writeFileSync(join(dir.path, name), text);
  const { report } = await runGate({
    workspace: dir.path,
    config: name,
    origins: { candidate: '--candidate', champion: '--champion', config: '--config' },
    generatedAt: '2026-12-01T00:00:00.000Z',
    source: { repository: null, commit: null, ref: null, run_id: null, run_attempt: null }
  });
  return report;
}

beforeAll(() => {
  const rows = countsRows();
  dir.file('counts.csv', [HEAD, ...rows].join('\n') + '\n');
  const { candidate, champion } = expand(rows);
  dir.file('rows/candidate.csv', candidate);
  dir.file('rows/champion.csv', champion);
});

describe.each(['auto', 'analytic'])('counts with score bins give the roc_auc of the expanded rows (ci.method %s)', (method) => {
  let fromCounts: Report;
  let fromRows: Report;
  beforeAll(async () => {
    fromCounts = await gate(`c-${method}.yml`, config('  counts: counts.csv', method));
    fromRows = await gate(`r-${method}.yml`, config('  candidate: rows/candidate.csv\n  champion: rows/champion.csv', method));
  });

  test('same checks, statuses and numbers to 1e-12', () => {
    expect(fromCounts.test_set.n).toBe(fromRows.test_set.n);
    expect(fromCounts.checks.map((c) => [c.gate, c.segment, c.name, c.rule, c.status, c.ci_method])).toEqual(
      fromRows.checks.map((c) => [c.gate, c.segment, c.name, c.rule, c.status, c.ci_method])
    );
    const auc = fromRows.checks.filter((c) => c.metric === 'roc_auc');
    expect(auc.map((c) => c.rule)).toEqual(['non_inferior', 'min_value', 'non_inferior']);
    expect(auc[0]!.ci_method).toBe('delong');
    fromRows.checks.forEach((want, i) => {
      const got = fromCounts.checks[i]!;
      for (const k of ['candidate', 'champion', 'delta', 'ci_low', 'ci_high', 'mde'] as const) {
        const [a, b] = [got[k], want[k]];
        if (a === null || a === undefined || b === null || b === undefined) expect([k, a]).toEqual([k, b]);
        else if (Math.abs(a - b) > 1e-12) throw new Error(`${want.name} ${want.rule} ${k}: counts ${a} vs rows ${b}`);
      }
    });
  });

  test('the counts report bounds what binning can have cost each AUC', () => {
    const check = fromCounts.checks.find((c) => c.metric === 'roc_auc' && c.segment === null && c.rule === 'non_inferior') as CheckResult;
    expect(check.details?.kind).toBe('binned_auc');
    const d = check.details as Extract<CheckResult['details'], { kind: 'binned_auc' }>;
    expect(d.tied_pair_share.candidate).toBeGreaterThan(0);
    expect(d.max_binning_error.candidate).toBe(d.tied_pair_share.candidate / 2);
    expect(d.max_binning_error.delta).toBe((d.tied_pair_share.candidate + d.tied_pair_share.champion!) / 2);
    expect(check.message).toContain('; AUC of the score bins, within 0.');
    expect(check.message).toContain(' of the unbinned AUC (docs/counts.md)');
    // Rows files carry no such bound.
    expect(fromRows.checks.find((c) => c.metric === 'roc_auc')!.details).toBeUndefined();
  });
});

describe('readCounts with score bins', () => {
  const options = (over: Partial<ReadCountsOptions> = {}): ReadCountsOptions => ({
    displayPath: 'counts.csv',
    columns: DEFAULT_COLUMNS,
    positiveLabel: '1',
    losses: [],
    extraColumns: [],
    scoreMetrics: ['roc_auc'],
    ...over
  });

  test('the bins become the scores; without a metric that needs them the predictions may be left out', async () => {
    const f = dir.file('b.csv', 'label,candidate_score_bin,champion_score_bin,count\n1,0.9,0.8,3\n0,0.1,0.8,2\n0,0.9,0.2,4\n');
    const d = await readCounts(f, options());
    expect([...d.candidate.score!]).toEqual([0.1, 0.9, 0.9]);
    expect([...d.champion!.score!]).toEqual([0.8, 0.2, 0.8]);
    expect(d.candidate.prediction).toBeUndefined();
    expect([...d.weight!]).toEqual([2, 4, 3]);
  });

  test('roc_auc without the bin columns names the file and the column', async () => {
    const f = dir.file('nb.csv', 'label,champion_prediction,candidate_prediction,count\n1,1,1,2\n');
    expect((await gateError(() => readCounts(f, options()))).message).toBe(
      'counts.csv has no column "candidate_score_bin"; its columns are label, champion_prediction, candidate_prediction, count; ' +
        "roc_auc from a counts file needs each row's score bin of both models, candidate_score_bin and champion_score_bin " +
        '(write them as the recipes in docs/counts.md do: floor(score · bins) / bins).'
    );
    const g = dir.file('nh.csv', 'label,champion_prediction,candidate_prediction,candidate_score_bin,count\n1,1,1,0.5,2\n');
    expect((await gateError(() => readCounts(g, options()))).message).toMatch(/^counts\.csv has no column "champion_score_bin"; /);
  });

  test('a metric that needs predictions still needs their columns', async () => {
    const f = dir.file('np.csv', 'label,candidate_score_bin,count\n1,0.5,2\n');
    expect((await gateError(() => readCounts(f, options({ needPrediction: true })))).message).toMatch(/^counts\.csv has no column "candidate_prediction"; /);
  });

  test('a bin that is not a number', async () => {
    const f = dir.file('nn.csv', 'label,candidate_score_bin,count\n1,high,2\n');
    expect((await gateError(() => readCounts(f, options()))).message).toBe(
      'counts.csv line 2, column "candidate_score_bin": "high" is not a score bin; write the number that stands for the bin (the recipes write its lower edge).'
    );
  });
});
