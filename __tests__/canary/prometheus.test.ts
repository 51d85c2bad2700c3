/**
 * The canary stage against a real Prometheus server: a TSDB backfilled with promtool from OpenMetrics counters
 * (traffic.ts), the server started on 127.0.0.1 for these tests and stopped after them; decisions through the CLI.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { EXIT, main } from '../../src/cli/main.js';
import { HEALTHY_CDF, openMetrics, type Phase, SLOW_CDF, simulate } from './traffic.js';

const PROMETHEUS = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';
const PROMTOOL = process.env.PROMTOOL_BIN ?? '/usr/bin/promtool';
const present = existsSync(PROMETHEUS) && existsSync(PROMTOOL);
if (!present && !process.env.CI) {
  console.warn(`SKIPPING the real-Prometheus canary tests: ${PROMETHEUS} or ${PROMTOOL} is missing (apt-get install prometheus)`);
}
const maybe = present || process.env.CI ? describe : describe.skip;

const HOUR = 3600;
// A fixed instant in the past, on the hour: backfilled blocks must lie before the head block's window, and the
// server keeps them (retention 100y). The decisions are made at explicit times (--now), never the machine's clock.
const START = Date.parse('2026-11-20T00:00:00Z') / 1000;
const iso = (s: number) => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
const both = (x: number) => ({ baseline: x, canary: x });
const healthy = { baseline: HEALTHY_CDF, canary: HEALTHY_CDF };

const SCENARIOS: Record<string, Phase[]> = {
  healthy: [
    { from: 0, to: HOUR, weight: 5, errorRate: both(0.02), cdf: healthy },
    { from: HOUR, to: 2 * HOUR, weight: 25, errorRate: both(0.02), cdf: healthy },
    { from: 2 * HOUR, to: 3 * HOUR, weight: 50, errorRate: both(0.02), cdf: healthy }
  ],
  errors: [{ from: 0, to: HOUR, weight: 25, errorRate: { baseline: 0.02, canary: 0.04 }, cdf: healthy }],
  ceiling: [{ from: 0, to: HOUR, weight: 25, errorRate: both(0.02), cdf: { baseline: HEALTHY_CDF, canary: SLOW_CDF } }]
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

function config(scenario: string, url: string): string {
  const sel = `scenario="${scenario}",deployment="{arm}"`;
  return `version: 1
canary:
  source:
    prometheus:
      url: ${url}
      requests: sum(increase(http_requests_total{${sel}}[1m]))
      errors: sum(increase(http_requests_total{${sel},code="500"}[1m]))
      latency_buckets: sum by (le) (increase(http_request_duration_seconds_bucket{${sel}}[1m]))
  rollout: { strategy: canary, steps: [5, 25, 50, 100] }
  min_requests: 5000
  min_duration_minutes: 30
  alpha: 0.05
  compare:
    error_rate: { relative_increase_allowed: 0.25 }
    latency_p99_ms: { increase_allowed_ms: 60 }
  auto_rollback_on: ["p99_latency_ms > 800", "error_rate > 10%"]
`;
}

maybe('canary stage against a real Prometheus', () => {
  let dir = '';
  let server: ChildProcess | undefined;
  let url = '';

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'mg-prom-'));
    const samples = Object.fromEntries(Object.entries(SCENARIOS).map(([k, ph], i) => [k, simulate(ph, START, 15, 200, 1000 + i)]));
    writeFileSync(path.join(dir, 'fixture.om'), openMetrics(samples));
    const made = spawnSync(PROMTOOL, ['tsdb', 'create-blocks-from', 'openmetrics', path.join(dir, 'fixture.om'), path.join(dir, 'data')], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`promtool failed: ${made.stderr}`);
    writeFileSync(path.join(dir, 'prometheus.yml'), 'global:\n  evaluation_interval: 1m\nscrape_configs: []\n');
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    server = spawn(
      PROMETHEUS,
      [
        `--config.file=${path.join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${path.join(dir, 'data')}`,
        '--storage.tsdb.retention.time=100y',
        `--web.listen-address=127.0.0.1:${port}`
      ],
      { stdio: 'ignore' }
    );
    // Poll readiness a bounded number of times (no timing assertion: the count bounds the wait).
    for (let i = 0; i < 300; i++) {
      try {
        const r = await fetch(`${url}/-/ready`);
        if (r.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('prometheus did not become ready');
  }, 120000);

  afterAll(() => {
    server?.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function decide(scenario: string, since: number, now: number, weight: number) {
    writeFileSync(path.join(dir, `${scenario}.yml`), config(scenario, url));
    let stdout = '';
    let stderr = '';
    const code = await main(
      ['--stage', 'canary', '--config', `${scenario}.yml`, '--canary-since', iso(since), '--now', iso(now), '--canary-weight', String(weight), '--json'],
      { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: dir, now: () => new Date(now * 1000), tempDir: dir }
    );
    expect(stderr).toBe('');
    expect(code).toBe(EXIT.ok);
    return JSON.parse(stdout);
  }

  test('a healthy canary continues before the minimums, then is promoted step by step', async () => {
    const early = await decide('healthy', START, START + 10 * 60, 5);
    expect(early.canary_result).toBe('continue');
    expect(early.gate_result).toBe('pending');
    expect(early.next_weight).toBe(5);
    expect(early.canary.decision.reason).toMatch(/waiting for the minimums/);
    expect(early.canary.looks).toBe(10);

    const steps: Array<[number, number]> = [
      [5, 25],
      [25, 50],
      [50, 100]
    ];
    for (const [i, [weight, next]] of steps.entries()) {
      const r = await decide('healthy', START + i * HOUR, START + (i + 1) * HOUR, weight);
      expect(r.canary_result).toBe('promote');
      expect(r.gate_result).toBe('pass');
      expect(r.next_weight).toBe(next);
      expect(r.canary.looks).toBe(60);
      expect(r.canary.requests.canary).toBeGreaterThanOrEqual(5000);
      // The canary's share of traffic is what this step sent it (within the sampling of the 1m increases).
      const share = r.canary.requests.canary / (r.canary.requests.canary + r.canary.requests.baseline);
      expect(Math.abs(share - weight / 100)).toBeLessThan(0.01);
      for (const c of r.canary.checks.filter((k: { kind: string }) => k.kind === 'comparison')) expect(c.status).toBe('non_inferior');
    }
  });

  test('a canary with twice the errors is rolled back', async () => {
    const r = await decide('errors', START, START + 20 * 60, 25);
    expect(r.canary_result).toBe('rollback');
    expect(r.gate_result).toBe('fail');
    expect(r.next_weight).toBe(0);
    const er = r.canary.checks.find((k: { name: string }) => k.name === 'error_rate');
    expect(er.status).toBe('violated');
    expect(er.bound_low).toBeGreaterThan(1.25);
    expect(er.estimate).toBeGreaterThan(1.7);
  });

  test('a canary over a ceiling is rolled back at once, before the minimums', async () => {
    const r = await decide('ceiling', START, START + 5 * 60, 25);
    expect(r.canary_result).toBe('rollback');
    expect(r.canary.minimums_met).toBe(false);
    const ceil = r.canary.checks.find((k: { kind: string; metric: string }) => k.kind === 'ceiling' && k.metric === 'latency_p99_ms');
    expect(ceil.status).toBe('violated');
    expect(ceil.bound_low).toBeGreaterThanOrEqual(800);
  });

  test('a query that returns nothing is one clear error', async () => {
    writeFileSync(path.join(dir, 'none.yml'), config('no-such-scenario', url));
    let stderr = '';
    const code = await main(['--stage', 'canary', '--config', 'none.yml', '--canary-since', iso(START), '--now', iso(START + HOUR), '--canary-weight', '5'], {
      stdout: () => undefined,
      stderr: (s) => (stderr += s),
      cwd: dir,
      now: () => new Date((START + HOUR) * 1000),
      tempDir: dir
    });
    expect(code).toBe(EXIT.error);
    expect(stderr).toMatch(/the requests query for the baseline arm returned nothing from http:\/\/127\.0\.0\.1:\d+ over .*check its metric and labels/);
  });
});
