/**
 * ROC-AUC from score-binned counts (docs/counts.md) against pROC: each fixture case is a counts table
 * (label, candidate bin, champion bin, count) written by scripts/golden/binned.R, with pROC's paired DeLong test
 * on the table expanded to one row per example (ties within a bin), each model's tied-pair share counted with R's
 * table(), and pROC's AUCs of the unbinned scores. The counts go through the counts reader and the engine as a
 * counts file does; the expanded rows are never built here.
 */
import { afterAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { DEFAULT_COLUMNS, type CiSettings } from '../../src/config/types.js';
import { estimateBinary } from '../../src/core/estimate-binary.js';
import type { BinnedAucDetails } from '../../src/core/details.js';
import { readCounts } from '../../src/readers/counts.js';
import { TempDir } from '../readers/helpers.js';
import { expectClose, type DelongLevel } from './fixtures.js';

interface BinnedCase {
  name: string;
  bins: number;
  counts: { label: number[]; candidate_bin: number[]; champion_bin: number[]; count: number[] };
  delong: (DelongLevel & { var_candidate: number; var_champion: number; cov: number })[];
  tied_pair_share: { candidate: number; champion: number };
  unbinned_auc: { candidate: number; champion: number };
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/golden/binned-delong.json', import.meta.url), 'utf8')) as {
  versions: Record<string, string>;
  cases: BinnedCase[];
};
const TOL = 1e-12;

const dir = new TempDir();
afterAll(() => dir.remove());

test('the fixture comes from pROC', () => {
  expect(fixture.versions.pROC).toBe('1.18.0');
  expect(fixture.cases.map((c) => c.name)).toEqual(['bins10_800', 'bins100_3000', 'aSAH_s100b_bins10_vs_wfns']);
});

describe.each(fixture.cases.map((c) => [c.name, c] as const))('%s', (name, fx) => {
  test('the counts path equals pROC on the expanded rows, 95 % and 90 %', async () => {
    const { label, candidate_bin, champion_bin, count } = fx.counts;
    const lines = label.map((y, i) => `${y},${candidate_bin[i]},${champion_bin[i]},${count[i]}`);
    const file = dir.file(`${name}.csv`, ['label,candidate_score_bin,champion_score_bin,count', ...lines].join('\n') + '\n');
    const data = await readCounts(file, { displayPath: `${name}.csv`, columns: DEFAULT_COLUMNS, positiveLabel: '1', losses: [], extraColumns: [], scoreMetrics: ['roc_auc'] });
    expect(data.n).toBe(label.length);
    for (const lv of fx.delong) {
      const ci: CiSettings = { method: 'auto', confidence_level: lv.confidence_level, min_eval_samples: 30, resamples: 1000, seed: 1 };
      const est = estimateBinary('roc_auc', data, ci, 'performance/roc_auc', {});
      const what = `${name} @${lv.confidence_level}`;
      expect(est.method).toBe('delong');
      expectClose(`${what} candidate AUC`, est.candidate, lv.auc1, TOL);
      expectClose(`${what} champion AUC`, est.champion!, lv.auc2, TOL);
      expectClose(`${what} delta`, est.delta!, lv.delta, TOL);
      expectClose(`${what} se`, est.se!, lv.se, TOL);
      expectClose(`${what} low`, est.low!, lv.conf_int[0], TOL);
      expectClose(`${what} high`, est.high!, lv.conf_int[1], TOL);
      const d = est.details as BinnedAucDetails;
      expectClose(`${what} candidate tied-pair share`, d.tied_pair_share.candidate, fx.tied_pair_share.candidate, TOL);
      expectClose(`${what} champion tied-pair share`, d.tied_pair_share.champion!, fx.tied_pair_share.champion, TOL);
      // The documented bound holds against pROC's AUCs of the unbinned scores.
      expect(Math.abs(est.candidate - fx.unbinned_auc.candidate)).toBeLessThanOrEqual(d.max_binning_error.candidate);
      expect(Math.abs(est.champion! - fx.unbinned_auc.champion)).toBeLessThanOrEqual(d.max_binning_error.champion!);
    }
  });
});
