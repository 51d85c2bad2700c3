/**
 * The canary stage end to end through the CLI with observation files, and its config rules: `stage: canary`
 * needs only the `canary` section, the offline stage still needs a gate, bad ceilings and files are one sentence.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { EXIT, main } from '../../src/cli/main.js';
import { parseConfig } from '../../src/config/load.js';
import { parseCeiling } from '../../src/config/canary-semantics.js';
import { nextStep } from '../../src/core/canary/decide.js';
import { HEALTHY_CDF, observationLines, simulate } from './traffic.js';

const START = Date.parse('2026-11-30T10:00:00Z') / 1000;
const CONFIG = `version: 1
canary:
  source:
    files: { baseline: obs/baseline.jsonl, canary: obs/canary.jsonl }
  since: 2026-11-30T10:00:00Z
  rollout: { strategy: canary, steps: [5, 25, 50, 100], current_weight: 25 }
  min_requests: 5000
  min_duration_minutes: 30
  compare:
    error_rate: { relative_increase_allowed: 0.25 }
    latency_p99_ms: { increase_allowed_ms: 60 }
  auto_rollback_on: ["p99_latency_ms > 800", "error_rate > 0.8%"]
`;

function workspace(canaryError: number, config = CONFIG) {
  const dir = mkdtempSync(path.join(tmpdir(), 'mg-canary-'));
  const samples = simulate(
    [{ from: 0, to: 3600, weight: 25, errorRate: { baseline: 0.004, canary: canaryError }, cdf: { baseline: HEALTHY_CDF, canary: HEALTHY_CDF } }],
    START,
    60,
    200,
    5
  );
  writeFileSync(path.join(dir, 'model-gate.yml'), config);
  const obs = path.join(dir, 'obs');
  mkdirSync(obs);
  writeFileSync(path.join(obs, 'baseline.jsonl'), observationLines(samples, 'baseline'));
  writeFileSync(path.join(obs, 'canary.jsonl'), observationLines(samples, 'canary'));
  return dir;
}

async function cli(dir: string, extra: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['--stage', 'canary', '--config', 'model-gate.yml', ...extra], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd: dir,
    now: () => new Date('2026-11-30T11:00:00Z'),
    tempDir: dir
  });
  return { code, stdout, stderr };
}

test('observation files: a healthy canary is promoted to the next step, with the report and markdown written', async () => {
  const dir = workspace(0.004);
  const r = await cli(dir, ['--json', '--report', 'out/report.json', '--markdown', 'out/summary.md']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(EXIT.ok);
  const report = JSON.parse(r.stdout);
  expect(report.canary_result).toBe('promote');
  expect(report.next_weight).toBe(50);
  expect(report.canary.looks).toBe(60);
  expect(report.canary.checks.map((c: { name: string }) => c.name)).toEqual(['error_rate', 'latency_p99_ms', 'p99_latency_ms > 800', 'error_rate > 0.8%']);
  expect(readFileSync(path.join(dir, 'out/report.json'), 'utf8')).toBe(r.stdout);
  const card = JSON.parse(readFileSync(path.join(dir, 'out/release-card.json'), 'utf8'));
  expect(card.rollout).toMatchObject({ strategy: 'canary', steps: [5, 25, 50, 100], current_weight: 25, next_weight: 50, decision: 'promote' });
  expect(card.rollout.auto_rollback_on).toEqual(['p99_latency_ms > 800', 'error_rate > 0.8%']);
  expect(card.artifacts.map((x: { role: string }) => x.role)).toEqual(['config', 'observations.baseline', 'observations.canary']);
  expect(card.release_id).toBe(report.release_id);
  expect(card.report).toBe('report.json');
  const md = readFileSync(path.join(dir, 'out/summary.md'), 'utf8');
  expect(md).toContain('✅ promote (25 % → 50 %)');
  expect(md).toMatch(/\| error_rate \| 0\.\d+ % \| 0\.\d+ % \| [\d.]+× \[[\d.]+, [\d.]+\] \| ≤ 1\.25× \| ✅ within \|/);
  expect(md).toContain('Looks so far: 60 windows');
});

test('observation files: an error rate over the ceiling rolls back (exit 1 with --fail-on fail)', async () => {
  const dir = workspace(0.03);
  const r = await cli(dir, ['--fail-on', 'fail']);
  expect(r.code).toBe(EXIT.gateFailed);
  expect(r.stdout).toMatch(/^model-gate canary: rollback \(weight 25 → 0\)/);
  expect(r.stdout).toMatch(/violated +error_rate > 0\.8%/);
});

test('--canary-since and --canary-weight override the config; a start after now is an error', async () => {
  const dir = workspace(0.004);
  const r = await cli(dir, ['--json', '--canary-weight', '5', '--canary-since', '2026-11-30T10:50:00Z']);
  const report = JSON.parse(r.stdout);
  expect(report.canary.looks).toBe(11);
  expect(report.canary_result).toBe('continue');
  expect(report.next_weight).toBe(5);
  const late = await cli(dir, ['--canary-since', '2026-11-30T12:00:00Z']);
  expect(late.code).toBe(EXIT.error);
  expect(late.stderr).toMatch(/the canary starts at 2026-11-30T12:00:00\.000Z, after now/);
});

test('a broken observation line names the file, the line and the field', async () => {
  const dir = workspace(0.004);
  const file = path.join(dir, 'obs/canary.jsonl');
  const lines = readFileSync(file, 'utf8').split('\n');
  lines[2] = '{"time": "2026-11-30T10:03:00Z", "requests": 10, "errors": 11}';
  writeFileSync(file, lines.join('\n'));
  const r = await cli(dir, []);
  expect(r.code).toBe(EXIT.error);
  expect(r.stderr).toBe('model-gate: error: obs/canary.jsonl:3: "errors" (11) exceeds "requests" (10)\n');
});

test('an unreachable Prometheus is one sentence naming the URL', async () => {
  // A port that was free a moment ago: nothing listens there.
  const port = await new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const p = (srv.address() as { port: number }).port;
      srv.close(() => resolve(p));
    });
  });
  const dir = workspace(0.004, CONFIG.replace(
    '    files: { baseline: obs/baseline.jsonl, canary: obs/canary.jsonl }',
    `    prometheus:\n      url: http://127.0.0.1:${port}\n      requests: sum(increase(r{d="{arm}"}[1m]))\n      errors: sum(increase(e{d="{arm}"}[1m]))\n      latency_buckets: sum by (le) (increase(b{d="{arm}"}[1m]))`
  ));
  const r = await cli(dir, []);
  expect(r.code).toBe(EXIT.error);
  expect(r.stderr).toMatch(/^model-gate: error: cannot reach Prometheus at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\) for the requests query for the baseline arm; check canary\.source\.prometheus\.url/);
});

describe('config', () => {
  test('the canary stage needs only the canary section; the offline stage still needs a gate', () => {
    const cfg = parseConfig(CONFIG, 'c.yml', 'canary');
    expect(cfg.canary!.rollout).toEqual({ strategy: 'canary', steps: [5, 25, 50, 100], current_weight: 25 });
    expect(cfg.canary!.auto_rollback_on).toEqual(['p99_latency_ms > 800', 'error_rate > 0.8%']);
    expect(cfg.canary!.ceilings[1]).toEqual({ metric: 'error_rate', op: '>', value: 0.008, text: 'error_rate > 0.8%' });
    expect(() => parseConfig(CONFIG, 'c.yml')).toThrow(/c\.yml:1:1: .*task/);
    expect(() => parseConfig('version: 1\ntask: binary\ngates: { performance: { primary_metric: f1 } }\n', 'c.yml', 'canary')).toThrow(/canary/);
  });

  test('ceilings: names, aliases, percent and ms; mistakes say how to write them', () => {
    expect(parseCeiling('p95_latency_ms >= 300ms')).toEqual({ metric: 'latency_p95_ms', op: '>=', value: 300, text: 'p95_latency_ms >= 300ms' });
    expect(parseCeiling('latency_p99_ms > 800')).toMatchObject({ metric: 'latency_p99_ms', value: 800 });
    expect(parseCeiling('error_rate > 0.008')).toMatchObject({ value: 0.008 });
    expect(parseCeiling('cpu > 3')).toMatch(/"cpu" is not a ceiling metric/);
    expect(parseCeiling('error_rate < 1%')).toMatch(/write it as/);
    expect(parseCeiling('p99_latency_ms > 5%')).toMatch(/milliseconds, not a percent/);
    expect(() => parseConfig(CONFIG.replace('"error_rate > 0.8%"', '"error_rate ≥ 1"'), 'c.yml', 'canary')).toThrow(
      /c\.yml:12:\d+: canary\.auto_rollback_on\[1\] "error_rate ≥ 1": write it as/
    );
  });

  test('steps must increase; the next weight is the next step, 100 after the last', () => {
    expect(() => parseConfig(CONFIG.replace('[5, 25, 50, 100]', '[5, 50, 25]'), 'c.yml', 'canary')).toThrow(/canary\.rollout\.steps must increase; 25 follows 50/);
    expect(nextStep([5, 25, 50], 25)).toBe(50);
    expect(nextStep([5, 25, 50], 50)).toBe(100);
    expect(nextStep([5, 25, 50], 10)).toBe(25);
  });
});

test('the shipped example (examples/canary) is evaluated as documented', async () => {
  let stdout = '';
  let stderr = '';
  const code = await main(['--stage', 'canary', '--config', 'examples/canary/model-gate.yml', '--now', '2026-11-30T11:00:00Z', '--json'], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd: process.cwd(),
    now: () => new Date('2026-11-30T11:00:00Z')
  });
  expect(stderr).toBe('');
  expect(code).toBe(EXIT.ok);
  const report = JSON.parse(stdout);
  expect(report.canary.looks).toBe(60);
  expect(report.canary.requests).toEqual({ baseline: 45000, canary: 15000 });
  expect(report.canary_result).toBe('promote');
  expect(report.next_weight).toBe(50);
});
