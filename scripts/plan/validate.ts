/**
 * Simulation check of `model-gate plan` (`npm run validate:plan`; the table is in docs/decisions.md).
 *
 * For each scenario — two models that are exactly as good as each other (a symmetric data-generating process, so
 * the true Δ of every metric is 0) — it evaluates the gate on one large pilot test set, asks the planner for the
 * size each comparison check needs for 80 % power (and the size at which all pass together), then draws R fresh
 * test sets of that size, runs the engine on each and counts how often each check passes (and all together).
 * The planner is right when each check's pass rate is the requested power ± 2 % (the Monte Carlo standard error
 * at R = 2000 is about 0.9 %), and so is the joint rate of independent checks; the joint rate of checks on the
 * same rows may only be higher (the product of powers is a lower bound for positively correlated checks).
 * Exits 1 when a target is missed.
 *
 * Run:  npm run validate:plan                    (R = 2000 test sets per size)
 *       npm run validate:plan -- --reps 500      (a smoke run)
 *       options: --reps R  --power p  --only <scenario id substring>  --workers W
 *
 * Deterministic: each test set has its own seed (scenario, size, replicate) and ci.seed = the replicate index.
 */
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { DEFAULT_COLUMNS, type GateConfig, type MetricCheckSpec, type SegmentCheckSpec } from '../../src/config/types.js';
import type { PairedData } from '../../src/readers/paired-data.js';
import { evaluate } from '../../src/core/evaluate.js';
import { buildPlan } from '../../src/core/plan.js';
import type { Task } from '../../src/stats/catalog.js';
import { deriveSeed, Rng } from '../../src/stats/prng.js';
import { Gen, sigmoid } from '../coverage/variates.js';
import { textColumn } from '../../src/readers/text-column.js';

const { log, sqrt } = Math;



/** Binary: true log-odds z, label ~ Bernoulli(σ(z)); both models score σ(z + 0.8·(0.8·shared + 0.6·own)). */
function binary(prevalence: number) {
  const base = log(prevalence / (1 - prevalence));
  return (g: Gen, n: number): PairedData => {
    const label = new Uint8Array(n);
    const a = new Float64Array(n);
    const b = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const z = base + 1.5 * g.normal();
      label[i] = g.uniform() < sigmoid(z) ? 1 : 0;
      const shared = g.normal();
      a[i] = sigmoid(z + 0.8 * (0.8 * shared + 0.6 * g.normal()));
      b[i] = sigmoid(z + 0.8 * (0.8 * shared + 0.6 * g.normal()));
    }
    const pred = (s: Float64Array) => Uint8Array.from(s, (x) => (x >= 0.5 ? 1 : 0));
    return {
      n, label, extra: {}, fingerprint: '',
      candidate: { file: 'candidate', score: a, prediction: pred(a) },
      champion: { file: 'champion', score: b, prediction: pred(b) }
    };
  };
}

/** Regression: y ~ N(10, 2²); both models y + (0.8·shared + 0.6·own) normal errors. */
function regression() {
  return (g: Gen, n: number): PairedData => {
    const target = new Float64Array(n);
    const a = new Float64Array(n);
    const b = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const y = 10 + 2 * g.normal();
      const shared = g.normal();
      target[i] = y;
      a[i] = y + 0.8 * shared + 0.6 * g.normal();
      b[i] = y + 0.8 * shared + 0.6 * g.normal();
    }
    return { n, label: new Uint8Array(n), target, extra: {}, fingerprint: '', candidate: { file: 'c', value: a }, champion: { file: 'h', value: b } };
  };
}

/** Adds a `segment` column: `a` on a share of the rows (every row independently), `b` on the rest. */
function withSegments(generate: (g: Gen, n: number) => PairedData, share: number) {
  return (g: Gen, n: number): PairedData => {
    const data = generate(g, n);
    return { ...data, extra: { segment: textColumn(Array.from({ length: n }, () => (g.uniform() < share ? 'a' : 'b'))) } };
  };
}

interface Scenario {
  id: string;
  task: Task;
  description: string;
  generate: (g: Gen, n: number) => PairedData;
  checks: MetricCheckSpec[];
  /** Segment checks instead of performance checks (rows split by the `segment` column). */
  segments?: SegmentCheckSpec[];
  /**
   * The checks' estimates are independent (disjoint rows): the product of powers is then the joint power. Checks
   * on the same rows are positively correlated, and the product is a lower bound (Slepian's inequality), so the
   * joint size may only overshoot the power.
   */
  independent?: boolean;
}

const ni = (metric: string, value: number): MetricCheckSpec => ({ metric, key: metric, comparison: { rule: 'non_inferior', margin: { kind: 'absolute', value } } });
const eq = (metric: string, value: number): MetricCheckSpec => ({ metric, key: metric, comparison: { rule: 'equivalent', margin: { kind: 'absolute', value } } });

const SCENARIOS: Scenario[] = [
  {
    id: 'binary',
    task: 'binary',
    description: 'binary, ≈ 30 % positives, equal correlated models',
    generate: binary(0.3),
    checks: [ni('accuracy', 0.01), ni('f1', 0.02), eq('roc_auc', 0.01), ni('log_loss', 0.01)]
  },
  {
    id: 'segments',
    task: 'binary',
    description: 'binary, two segments of 60 % and 40 % of the rows (independent checks on disjoint rows)',
    generate: withSegments(binary(0.3), 0.6),
    independent: true,
    checks: [],
    segments: [
      { ...ni('accuracy', 0.02), name: 'a', key: 'a' },
      { ...ni('recall', 0.04), name: 'b', key: 'b' }
    ]
  },
  {
    id: 'regression',
    task: 'regression',
    description: 'regression, y ~ N(10, 2²), equal correlated models',
    generate: regression(),
    checks: [ni('mae', 0.02), eq('rmse', 0.03)]
  }
];

const PILOT_N = 20_000;

/** The pilot uses the default 10,000 resamples (its se sets the plan); the replicates 1000, as the coverage study. */
function config(s: Scenario, seed: number, resamples = 1000): GateConfig {
  return {
    source: 'validate-plan', version: 1, task: s.task, artifacts: {}, columns: DEFAULT_COLUMNS, threshold: 0.5, positive_label: '1',
    ci: { method: 'auto', confidence_level: 0.95, min_eval_samples: 0, resamples, seed },
    policy: { hard_fail: [], soft_fail: [], require_manual_approval_on_soft_fail: true },
    gates: s.segments
      ? { segments: s.segments }
      : { performance: { primary_metric: s.checks[0]!.metric, compare_to: 'champion', checks: s.checks } }
  };
}

interface Job {
  scenario: string;
  n: number;
  reps: number[];
}

/** Per check, then "all": how many of the replicates passed. */
function simulate(job: Job): number[] {
  const s = SCENARIOS.find((x) => x.id === job.scenario)!;
  const k = (s.segments ?? s.checks).length;
  const passed = new Array<number>(k + 1).fill(0);
  for (const r of job.reps) {
    const data = s.generate(new Gen(new Rng(deriveSeed(r, `${s.id}/${job.n}`))), job.n);
    const report = evaluate(config(s, r), data, { generatedAt: '' });
    report.checks.forEach((c, i) => (passed[i] += c.status === 'pass' ? 1 : 0));
    passed[k] += report.checks.every((c) => c.status === 'pass') ? 1 : 0;
  }
  return passed;
}

if (!isMainThread) {
  parentPort!.postMessage(simulate(workerData as Job));
} else {
  await main();
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function passRates(scenario: string, n: number, reps: number, workers: number): Promise<number[]> {
  const parts = Array.from({ length: workers }, (_, w) => Array.from({ length: reps }, (_, r) => r).filter((r) => r % workers === w));
  const results = await Promise.all(
    parts.map(
      (part) =>
        new Promise<number[]>((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), { workerData: { scenario, n, reps: part } satisfies Job });
          worker.once('message', resolve);
          worker.once('error', reject);
        })
    )
  );
  return results.reduce((a, b) => a.map((x, i) => x + b[i]!)).map((x) => x / reps);
}

async function main(): Promise<void> {
  const reps = Number(arg('--reps') ?? 2000);
  const power = Number(arg('--power') ?? 0.8);
  const workers = Number(arg('--workers') ?? Math.max(1, availableParallelism()));
  const only = arg('--only');
  const rows: string[] = [];
  let worst = 0;
  for (const s of SCENARIOS.filter((x) => !only || x.id.includes(only))) {
    const pilot = s.generate(new Gen(new Rng(deriveSeed(0, `${s.id}/pilot`))), PILOT_N);
    const plan = buildPlan(evaluate(config(s, 0, 10_000), pilot, { generatedAt: '' }), power, null);
    // A segment check's required_n counts its own rows; the test set grows until the segment has them.
    const sizes = [...plan.checks.map((c) => Math.ceil((c.required_n! * plan.pilot_n) / c.pilot_n)), plan.gate_required_n!];
    const k = plan.checks.length;
    for (const [i, n] of sizes.entries()) {
      const rates = await passRates(s.id, n, reps, workers);
      const rate = rates[i]!;
      const se = sqrt((rate * (1 - rate)) / reps);
      // Single checks and independent ones together must hit the power; correlated ones together may exceed it.
      const exact = i < k || s.independent === true;
      const off = exact ? Math.abs(rate - power) : Math.max(0, power - rate);
      worst = Math.max(worst, off);
      const c = plan.checks[i];
      const what = c ? `${c.segment ? `${c.segment}/` : ''}${c.name} (${c.rule}, margin ${c.margin})` : `all ${k} together (product of powers)`;
      const target = exact ? `${100 * power} ± 2` : `≥ ${100 * power - 2}`;
      rows.push(`| ${s.id} | ${what} | ${n} | ${target} | ${(100 * rate).toFixed(1)} ± ${(100 * se).toFixed(1)}${off > 0.02 ? ' ⚠' : ''} |`);
      process.stderr.write(`${rows[rows.length - 1]}\n`);
    }
  }
  const table =
    `Pass rates at the planned sizes, models exactly equal: pilot ${PILOT_N.toLocaleString('en')} rows, ${reps} simulated test sets per size; ` +
    `pass rate ± its Monte Carlo standard error; ⚠ off target.\n\n| scenario | check | planned n | target % | pass rate % |\n|---|---|---|---|---|\n${rows.join('\n')}\n`;
  process.stdout.write(table);
  process.stderr.write(`largest miss of the target: ${(100 * worst).toFixed(1)} %\n`);
  if (worst > 0.02) process.exitCode = 1;
}
