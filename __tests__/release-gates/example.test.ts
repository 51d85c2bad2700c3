/**
 * The shipped release-gates example (examples/release-gates) through the CLI: every one of the seven gates
 * configured and passing, the card listing them with the canary's rollout; then one change at a time — a
 * failing robustness suite, a stale table, an alert without a runbook, a drill older than its limit — each
 * failing the release with a check that names it.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main.js';
import type { Report } from '../../src/core/report.js';
import { ROOT } from '../helpers/run-action.js';

const CONFIG = 'examples/release-gates/model-gate.yml';
const NOW = '2026-11-22T00:00:00Z';

/** A workspace holding copies of the two example directories the config reads. */
function workspace(): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'mg-release-'));
  for (const dir of ['examples/binary', 'examples/release-gates']) cpSync(path.join(ROOT, dir), path.join(ws, dir), { recursive: true });
  return ws;
}

async function run(ws: string, now = NOW): Promise<{ code: number; report: Report; card: Record<string, unknown>; markdown: string; stderr: string }> {
  let stderr = '';
  const out = mkdtempSync(path.join(tmpdir(), 'mg-release-out-'));
  const code = await main(
    ['--config', CONFIG, '--workspace', ws, '--report', path.join(out, 'report.json'), '--markdown', path.join(out, 'summary.md')],
    { stdout: () => undefined, stderr: (s) => (stderr += s), cwd: ws, now: () => new Date(now) }
  );
  const read = (f: string) => readFileSync(path.join(out, f), 'utf8');
  return { code, stderr, report: JSON.parse(read('report.json')), card: JSON.parse(read('release-card.json')), markdown: read('summary.md') };
}

const check = (r: Report, gate: string, name: string) => {
  const c = r.checks.find((x) => x.gate === gate && x.name === name);
  if (!c) throw new Error(`no check ${gate}/${name} in ${r.checks.map((x) => `${x.gate}/${x.name}`).join(', ')}`);
  return c;
};

let base: Awaited<ReturnType<typeof run>>;
beforeAll(async () => {
  base = await run(workspace());
}, 120_000);

test('the example passes every configured gate; the card names the seven gates and the rollout', () => {
  expect(base.stderr).toBe('');
  const failing = base.report.checks.filter((c) => c.status === 'fail' || c.status === 'inconclusive');
  expect(failing.map((c) => `${c.gate}/${c.name}: ${c.message}`)).toEqual([]);
  expect(base.card.gates).toEqual({
    data_gate: 'pass',
    quality_gate: 'pass',
    robustness_gate: 'pass',
    performance_gate: 'not_configured',
    cost_gate: 'not_configured',
    observability_gate: 'pass',
    rollback_gate: 'pass'
  });
  expect(Object.keys(base.card.gates as object)).toEqual([
    'data_gate',
    'quality_gate',
    'robustness_gate',
    'performance_gate',
    'cost_gate',
    'observability_gate',
    'rollback_gate'
  ]);
  expect(base.card.rollout).toEqual({
    strategy: 'canary',
    steps: [5, 25, 50, 100],
    auto_rollback_on: ['p99_latency_ms > 800', 'error_rate > 0.008']
  });
  expect(base.report.gates).toMatchObject({ robustness: 'pass', observability: 'pass', rollback: 'pass', data: 'pass' });
  expect(base.markdown).toContain(
    '**Release gates:** data ✅ pass · quality ✅ pass · robustness ✅ pass · performance ➖ not configured · cost ➖ not configured · observability ✅ pass · rollback ✅ pass'
  );
  // The card digests the files the new gates read, so the release id changes with any of them.
  const roles = (base.card.artifacts as { path: string }[]).map((a) => a.path);
  expect(roles).toEqual(expect.arrayContaining(['examples/release-gates/robustness/edge-cases.xml', 'examples/release-gates/rollback/drill.json']));
});

test('the example checks carry the facts of the files', () => {
  const edge = check(base.report, 'robustness', 'edge_cases:failure_rate');
  // 240 cases, 1 skipped, 2 failures
  expect([edge.n, edge.candidate, edge.ci_method, edge.threshold]).toEqual([239, 2 / 239, 'clopper-pearson', 0.05]);
  const delta = check(base.report, 'robustness', 'edge_cases:pass_rate_delta');
  expect([delta.n, delta.ci_method, delta.threshold]).toEqual([239, 'newcombe-paired', -0.02]);
  expect(delta.delta).toBeCloseTo(2 / 239, 12);
  const fresh = check(base.report, 'data', 'freshness:event_time');
  expect(fresh.candidate).toBeCloseTo(2, 10);
  expect(check(base.report, 'observability', 'burn_rate:churn-availability').candidate).toBe(3);
  expect(check(base.report, 'observability', 'trace_coverage')).toMatchObject({ n: 1000, candidate: 0.999 });
  expect(check(base.report, 'rollback', 'drill_age').candidate).toBeCloseTo(19 + 10 / 24, 10);
  expect(check(base.report, 'rollback', 'champion_available').status).toBe('skipped');
});

function edit(ws: string, file: string, change: (s: string) => string): void {
  const p = path.join(ws, file);
  writeFileSync(p, change(readFileSync(p, 'utf8')));
}

test('a failing robustness suite fails the release, naming the suite', async () => {
  const ws = workspace();
  // 20 more failures among the injection attempts.
  edit(ws, 'examples/release-gates/robustness/prompt-injection.jsonl', (s) =>
    s
      .split('\n')
      .map((l, i) => (i < 20 ? l.replace('"passed": true', '"passed": false') : l))
      .join('\n')
  );
  const r = await run(ws);
  expect(r.report.gate_result).toBe('fail');
  const c = check(r.report, 'robustness', 'prompt_injection:failure_rate');
  expect(c.status).toBe('fail');
  expect(c.message).toMatch(/^20 of 250 cases failed/);
  expect(r.card.gates).toMatchObject({ robustness_gate: 'fail' });
}, 120_000);

test('a stale table fails the release with freshness:<column>', async () => {
  const r = await run(workspace(), '2026-11-23T06:00:00Z');
  const c = check(r.report, 'data', 'freshness:event_time');
  expect([r.report.gate_result, c.status]).toEqual(['fail', 'fail']);
  expect(c.candidate).toBeCloseTo(32, 10);
  expect(c.message).toContain('the table is stale');
  expect(r.card.gates).toMatchObject({ data_gate: 'fail' });
}, 120_000);

test('an alert without a runbook fails the release, naming the alert and its line', async () => {
  const ws = workspace();
  edit(ws, 'examples/release-gates/observability/model.rules.yml', (s) =>
    s.replace('          runbook_url: https://wiki.example.com/runbooks/churn-model-drift\n', '')
  );
  const r = await run(ws);
  const c = check(r.report, 'observability', 'alert_annotations');
  expect([r.report.gate_result, c.status]).toEqual(['fail', 'fail']);
  expect(c.message).toBe(
    '1 of 5 alerts lack a required annotation: examples/release-gates/observability/model.rules.yml:11 alert "ChurnModelPredictionShift" lacks runbook_url'
  );
  expect(r.card.gates).toMatchObject({ observability_gate: 'fail' });
}, 120_000);

test('a drill older than its limit fails the release with drill_age', async () => {
  const ws = workspace();
  edit(ws, 'examples/release-gates/rollback/drill.json', (s) => s.replace('2026-11-02T14:00:00Z', '2026-09-01T14:00:00Z'));
  const r = await run(ws);
  const c = check(r.report, 'rollback', 'drill_age');
  expect([r.report.gate_result, c.status]).toEqual(['fail', 'fail']);
  expect(c.message).toMatch(/older than the allowed 30 days: run the drill again$/);
  expect(r.card.gates).toMatchObject({ rollback_gate: 'fail' });
}, 120_000);
