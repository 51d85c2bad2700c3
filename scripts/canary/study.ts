/**
 * Simulation study of the canary stage (`npm run validate:canary`): the shipped decision (src/core/canary/decide.ts)
 * looked at every minute, against a naive fixed-sample test at every look.
 *
 * 1. Null: canary identical to the baseline, a look every minute for 24 h, margins 0 (so both a rollback and a
 *    promote are wrong): the share of runs that ever roll back / ever promote. Naive: a two-proportion z-test at
 *    level α (two-sided) at every look, acting on its first rejection in either direction.
 * 2. Power: minutes until rollback of a canary with 2× the baseline's error rate, or +50 ms on every request
 *    (so +50 ms at p99), at 5 % and 25 % of 1,000 requests per minute.
 *
 * Options: --null-runs N (default 400), --power-runs N (default 200), --seed S. Prints a markdown table.
 */
import { decideCanary } from '../../src/core/canary/decide.js';
import type { ArmObservations, Window } from '../../src/readers/canary-window.js';
import type { CanaryConfig } from '../../src/config/canary-types.js';
import { normalCdf, normalQuantile } from '../../src/stats/distributions.js';
import { Rng } from '../../src/stats/prng.js';
import { binomial, multinomial } from '../../src/stats/sampling.js';

const ALPHA = 0.05;
const MINUTES = 24 * 60;
const PER_MINUTE = 1000;
const BASE_ERROR = 0.01;
/** Bucket edges (ms): every 25 ms to 600, then 1 s and 2.5 s. */
const EDGES = [...Array.from({ length: 24 }, (_, i) => 25 * (i + 1)), 1000, 2500];

/** Lognormal latency, median 77.3 ms, σ 0.6 (p99 ≈ 312 ms, mid-bucket), optionally shifted by `shift` ms. */
function bucketProbs(shift: number): number[] {
  const cdf = (x: number) => (x - shift <= 0 ? 0 : normalCdf((Math.log(x - shift) - Math.log(77.3)) / 0.6));
  const c = EDGES.map(cdf);
  const p = c.map((v, i) => v - (i ? c[i - 1]! : 0));
  p.push(1 - c[c.length - 1]!);
  return p;
}

function window(rng: Rng, t: number, n: number, errorRate: number, probs: number[], cell: Float64Array): Window {
  multinomial(rng, n, probs, cell);
  const cumulative: number[] = [];
  let acc = 0;
  for (let j = 0; j < EDGES.length; j++) {
    acc += cell[j]!;
    cumulative.push(acc);
  }
  return { time: t, requests: n, errors: binomial(rng, n, errorRate), latency: { bounds: EDGES, cumulative, total: n } };
}

function config(compare: CanaryConfig['compare']): CanaryConfig {
  return {
    source: { files: { baseline: '-', canary: '-' } },
    rollout: { strategy: 'canary', steps: [5, 25, 50, 100] },
    min_requests: 0,
    min_duration_minutes: 0,
    alpha: ALPHA,
    compare,
    auto_rollback_on: [],
    ceilings: []
  };
}

interface Scenario {
  weight: number;
  canaryError: number;
  canaryShift: number;
}

/** First non-continue decision of one run (minute, result), or undefined after 24 h; plus the naive test's. */
function run(rng: Rng, sc: Scenario, cfg: CanaryConfig, naive: boolean) {
  const nc = Math.round((PER_MINUTE * sc.weight) / 100);
  const nb = PER_MINUTE - nc;
  const pb = bucketProbs(0);
  const pc = bucketProbs(sc.canaryShift);
  const cell = new Float64Array(EDGES.length + 1);
  // Each arm's windows summed into one: with a constant traffic split the decision depends on the sums only (the
  // rate-ratio terms of windows with equal exposure ratio merge, quantile bounds use totals), so this is the same
  // decision as on the per-minute windows, at a fraction of the cost of re-summing a day of windows every look.
  const zero = (): Window => ({ time: 0, requests: 0, errors: 0, latency: { bounds: EDGES, cumulative: EDGES.map(() => 0), total: 0 } });
  const base: ArmObservations = { source: 'sim', windows: [zero()] };
  const can: ArmObservations = { source: 'sim', windows: [zero()] };
  const add = (into: Window, w: Window) => {
    into.requests += w.requests;
    into.errors += w.errors;
    const a = into.latency as unknown as { cumulative: number[]; total: number };
    w.latency!.cumulative.forEach((c, j) => (a.cumulative[j]! += c));
    a.total += w.latency!.total;
  };
  let stage: { minute: number; result: string } | undefined;
  let naiveFirst: { minute: number; result: string } | undefined;
  const z = normalQuantile(1 - ALPHA / 2);
  let eb = 0;
  let ec = 0;
  for (let m = 1; m <= MINUTES && (!stage || (naive && !naiveFirst)); m++) {
    const t = m * 60000;
    const wb = window(rng, t, nb, BASE_ERROR, pb, cell);
    const wc = window(rng, t, nc, sc.canaryError, pc, cell);
    add(base.windows[0]!, wb);
    add(can.windows[0]!, wc);
    eb += wb.errors;
    ec += wc.errors;
    if (!stage) {
      const r = decideCanary(cfg, { baseline: base, canary: can }, { since: 0, now: t, currentWeight: sc.weight, generatedAt: '' });
      if (r.canary_result !== 'continue') stage = { minute: m, result: r.canary_result };
    }
    if (naive && !naiveFirst) {
      const n1 = m * nc;
      const n0 = m * nb;
      const p1 = ec / n1;
      const p0 = eb / n0;
      const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p0 * (1 - p0)) / n0);
      if (se > 0) {
        if (p1 - p0 - z * se > 0) naiveFirst = { minute: m, result: 'rollback' };
        else if (p1 - p0 + z * se < 0) naiveFirst = { minute: m, result: 'promote' };
      }
    }
  }
  return { stage, naive: naiveFirst };
}

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

function rateCell(k: number, n: number): string {
  const p = k / n;
  const se = Math.sqrt((p * (1 - p)) / n);
  return `${(100 * p).toFixed(1)} % (±${(196 * se).toFixed(1)})`;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

function main(): void {
  const nullRuns = arg('null-runs', 400);
  const powerRuns = arg('power-runs', 200);
  const rng = new Rng(arg('seed', 2026));
  const out: string[] = [];
  out.push(`Null: canary = baseline (error rate ${100 * BASE_ERROR} %, same latency), ${PER_MINUTE} requests/min, a look every minute for 24 h (${MINUTES} looks), α = ${ALPHA}, ${nullRuns} runs each.`, '');
  out.push('| comparison (margin 0) | canary traffic | stage: false rollback | stage: false promote | naive z-test every look: false rollback | naive: false promote |', '|---|---:|---:|---:|---:|---:|');
  for (const weight of [5, 25]) {
    const cfg = config([{ metric: 'error_rate', margin: { kind: 'relative', value: 0 } }]);
    let rb = 0;
    let pr = 0;
    let nrb = 0;
    let npr = 0;
    for (let i = 0; i < nullRuns; i++) {
      const r = run(rng, { weight, canaryError: BASE_ERROR, canaryShift: 0 }, cfg, true);
      if (r.stage?.result === 'rollback') rb++;
      if (r.stage?.result === 'promote') pr++;
      if (r.naive?.result === 'rollback') nrb++;
      if (r.naive?.result === 'promote') npr++;
    }
    out.push(`| error rate ratio ≤ 1 | ${weight} % | ${rateCell(rb, nullRuns)} | ${rateCell(pr, nullRuns)} | ${rateCell(nrb, nullRuns)} | ${rateCell(npr, nullRuns)} |`);
  }
  {
    const cfg = config([{ metric: 'latency_p99_ms', increase_allowed_ms: 0 }]);
    let rb = 0;
    let pr = 0;
    for (let i = 0; i < nullRuns; i++) {
      const r = run(rng, { weight: 25, canaryError: BASE_ERROR, canaryShift: 0 }, cfg, false);
      if (r.stage?.result === 'rollback') rb++;
      if (r.stage?.result === 'promote') pr++;
    }
    out.push(`| p99 increase ≤ 0 ms | 25 % | ${rateCell(rb, nullRuns)} | ${rateCell(pr, nullRuns)} | – | – |`);
  }
  out.push('', `Time to rollback (minutes; median and 90th percentile over ${powerRuns} runs; "–" = not within 24 h). Config: error_rate relative_increase_allowed 0.10 and latency_p99_ms increase_allowed_ms 20, α = ${ALPHA} split over both.`, '');
  out.push('| canary | traffic | rolled back | median min | p90 min |', '|---|---:|---:|---:|---:|');
  const cfg = config([
    { metric: 'error_rate', margin: { kind: 'relative', value: 0.1 } },
    { metric: 'latency_p99_ms', increase_allowed_ms: 20 }
  ]);
  for (const [label, sc] of [
    ['2× error rate', { canaryError: 2 * BASE_ERROR, canaryShift: 0 }],
    ['+50 ms latency (p99 +50 ms)', { canaryError: BASE_ERROR, canaryShift: 50 }]
  ] as const) {
    for (const weight of [5, 25]) {
      const minutes: number[] = [];
      let rolled = 0;
      for (let i = 0; i < powerRuns; i++) {
        const r = run(rng, { weight, ...sc }, cfg, false);
        if (r.stage?.result === 'rollback') {
          rolled++;
          minutes.push(r.stage.minute);
        } else minutes.push(Infinity);
      }
      const f = (x: number) => (Number.isFinite(x) ? String(x) : '–');
      out.push(`| ${label} | ${weight} % | ${rolled}/${powerRuns} | ${f(quantile(minutes, 0.5))} | ${f(quantile(minutes, 0.9))} |`);
    }
  }
  console.log(out.join('\n'));
}

main();
