/** `model-gate plan` end to end on the shipped example and on a champion alone with --discordance. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main.js';
import { ROOT } from '../helpers/run-action.js';

async function cli(argv: string[], cwd = ROOT) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, now: () => new Date('2026-11-22T00:00:00Z') });
  return { code, stdout, stderr };
}

const EXAMPLE = ['plan', '--config', 'examples/binary/model-gate.yml'];

test('text: one row per comparison check and the whole gate', async () => {
  const r = await cli(EXAMPLE);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^Test-set size for 80\.0% power at each margin/);
  expect(r.stdout).toMatch(/\nperformance\/roc_auc +non-inferior +0\.0050 +\S+ +\d+\.\d% +0\.\d{4} +\d+\n/);
  expect(r.stdout).toMatch(/\nWhole gate: all 5 margin checks pass together with 80\.0% power at n = \d+ \(now \d+\.\d% at n = 4000\)\./);
});

test('--json: the joint size is at least every single size, and higher power needs more rows', async () => {
  const p8 = JSON.parse((await cli([...EXAMPLE, '--json'])).stdout);
  const p9 = JSON.parse((await cli([...EXAMPLE, '--json', '--power', '0.9'])).stdout);
  expect(p8.checks).toHaveLength(5);
  for (const c of p8.checks) expect(p8.gate_required_n).toBeGreaterThanOrEqual(c.required_n);
  p8.checks.forEach((c: { required_n: number }, i: number) => expect(p9.checks[i].required_n).toBeGreaterThan(c.required_n));
  expect(p9.gate_required_n).toBeGreaterThan(p8.gate_required_n);
});

test('--discordance: the champion alone; more disagreement needs more rows', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mg-plan-'));
  writeFileSync(
    path.join(dir, 'p.csv'),
    'id,label,prediction\n' + Array.from({ length: 3000 }, (_, i) => `${i},${i % 2},${i % 7 === 0 ? 1 - (i % 2) : i % 2}`).join('\n')
  );
  writeFileSync(
    path.join(dir, 'g.yml'),
    'version: 1\ntask: binary\nartifacts: { champion: p.csv }\ngates:\n  performance:\n    primary_metric: accuracy\n    absolute_drop_allowed: 0.01\n'
  );
  const low = JSON.parse((await cli(['plan', '-c', 'g.yml', '--discordance', '0.02', '--json'], dir)).stdout);
  const high = JSON.parse((await cli(['plan', '-c', 'g.yml', '--discordance', '0.1', '--json'], dir)).stdout);
  expect(low.assumed_discordance).toBe(0.02);
  // accuracy's paired se with discordance d is about sqrt(d/n): required n ≈ d·((1.96 + 0.84)/0.01)² (≈ 1570 and 7850)
  expect(low.checks[0].required_n).toBeGreaterThan(1570 * 0.8);
  expect(low.checks[0].required_n).toBeLessThan(1570 * 1.2);
  expect(high.checks[0].required_n).toBeGreaterThan(7850 * 0.85);
  expect(high.checks[0].required_n).toBeLessThan(7850 * 1.15);
});

test('bad arguments: one sentence, exit 2', async () => {
  const r = await cli([...EXAMPLE, '--power', '1.5']);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe('model-gate plan: error: --power must be a number between 0 and 1 (exclusive), not "1.5"\n');
  const both = await cli([...EXAMPLE, '--discordance', '0.1', '--candidate', 'x.csv']);
  expect(both.code).toBe(2);
  expect(both.stderr).toMatch(/cannot be used with --candidate/);
});
