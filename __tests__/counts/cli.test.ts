/** The CLI on a counts file: the verdict table, and the overrides that do not apply to one. */
import { cli } from '../helpers/cli.js';
import { expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { EXIT } from '../../src/cli/main.js';

const COUNTS =
  'label,champion_prediction,candidate_prediction,count\n' +
  '1,1,1,300\n1,1,0,20\n1,0,1,60\n1,0,0,40\n0,0,0,1200\n0,1,0,50\n0,0,1,30\n0,1,1,25\n';

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mg-counts-'));
  writeFileSync(path.join(dir, 'counts.csv'), COUNTS);
  writeFileSync(
    path.join(dir, 'g.yml'),
    'version: 1\ntask: binary\nartifacts: { counts: counts.csv }\n' +
      'gates:\n  performance:\n    primary_metric: recall\n    absolute_drop_allowed: 0.01\n  ci: { resamples: 2000 }\n'
  );
  return dir;
}

test('a counts file is gated like the rows it counts', async () => {
  const r = await cli(['-c', 'g.yml', '--json'], workspace());
  expect(r.stderr).toBe('');
  expect(r.code).toBe(EXIT.ok);
  const report = JSON.parse(r.stdout);
  expect(report.test_set.n).toBe(1725);
  const [recall] = report.checks;
  // recall: candidate (300 + 60) / 420, champion (300 + 20) / 420
  expect(recall.candidate).toBeCloseTo(360 / 420, 14);
  expect(recall.champion).toBeCloseTo(320 / 420, 14);
  expect(recall.ci_method).toBe('tango');
  expect(recall.status).toBe('pass');
});

test('--candidate with a counts config is an error that says what to drop', async () => {
  const r = await cli(['-c', 'g.yml', '--candidate', 'other.csv'], workspace());
  expect(r.code).toBe(EXIT.error);
  expect(r.stderr).toContain('g.yml sets artifacts.counts, which holds both models, but --candidate gives candidate predictions too; drop --candidate or artifacts.counts.');
});
