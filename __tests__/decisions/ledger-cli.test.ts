/** The CLI keeps the ledger too: --run-id names the run (repeats count once); without it every invocation counts. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main.js';
import { ROOT } from '../helpers/run-action.js';

let clock = 0;
async function cli(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, now: () => new Date(Date.UTC(2026, 10, 22, 0, 0, clock++)) });
  return { code, stdout, stderr };
}

test('counts CLI runs and warns on stderr past the maximum; the report is the same', async () => {
  const ws = mkdtempSync(path.join(tmpdir(), 'mg-cli-ledger-'));
  cpSync(path.join(ROOT, 'examples/binary'), path.join(ws, 'examples/binary'), { recursive: true });
  const config = readFileSync(path.join(ROOT, 'examples/binary/model-gate.yml'), 'utf8');
  writeFileSync(path.join(ws, 'gate.yml'), `${config}ledger: ledger.json\nmax_runs_per_test_set: 2\n`);
  const run = async (...extra: string[]) => {
    const r = await cli(['-c', 'gate.yml', '--json', ...extra], ws);
    expect(r.code).toBe(0);
    return { report: JSON.parse(r.stdout), stderr: r.stderr };
  };
  const a = await run('--run-id', 'nightly-1');
  const again = await run('--run-id', 'nightly-1');
  expect([a.report.ledger.runs, again.report.ledger.runs, again.report.ledger.counted]).toEqual([1, 1, false]);
  const b = await run();
  expect(b.report.ledger.runs).toBe(2);
  expect(b.stderr).toBe('');
  const c = await run();
  expect(c.report.ledger.runs).toBe(3);
  expect(c.stderr).toMatch(/^model-gate: warning: this test set \(sha256:[0-9a-f]{12}…\) has now been gated on 3 times, more than max_runs_per_test_set \(2\)/);
  expect(c.report.checks).toEqual(a.report.checks);
  expect(c.report.gate_result).toBe(a.report.gate_result);
  const ledger = JSON.parse(readFileSync(path.join(ws, 'ledger.json'), 'utf8'));
  expect(Object.values(ledger.test_sets as Record<string, { run: string }[]>)[0].map((e) => e.run)).toEqual([
    'nightly-1', 'cli:2026-11-22T00:00:02.000Z', 'cli:2026-11-22T00:00:03.000Z'
  ]);
});
