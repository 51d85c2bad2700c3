/**
 * Coverage study of model-gate's paired intervals (`npm run validate:coverage`; docs/statistics.md).
 *
 * For each scenario — a data-generating process for a test set of n rows scored by a champion and a slightly
 * worse candidate — it draws R independent test sets, runs the engine's estimateMetric on each with every
 * interval method, and counts
 *   - coverage: how often the 95 % interval contains the true Δ;
 *   - false pass: how often a non-inferiority check whose margin equals the true degradation (a = |Δ|, the
 *     candidate is worse by exactly the margin) passes — the miss on the side that favours the candidate, which
 *     a correct two-sided 95 % interval keeps at 2.5 %;
 *   - false equivalence: how often `rule: equivalent` with margin e = |Δ| passes (the models differ by exactly
 *     the margin): two one-sided tests at 2.5 % each keep it at or below 2.5 %.
 * The true Δ is the metric's value on one very large sample (N rows) of the same process: every metric is a
 * consistent estimator, so that is the population value up to ~1/√N.
 *
 * Run:  npm run validate:coverage                 (R = 4000 test sets, B = 1000 resamples, all scenarios; ~30 min)
 *       npm run validate:coverage -- --quick      (R = 300: a smoke run)
 *       npm run validate:coverage -- --write      (also replace the table in docs/statistics.md)
 *       options: --reps R  --resamples B  --only <scenario id substring>  --workers W
 *
 * Deterministic: every test set has its own seed (scenario, replicate), and the bootstrap streams come from
 * ci.seed = the replicate index, so a rerun prints the same table.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { CiMethod } from '../../src/config/types.js';
import type { PairedData } from '../../src/core/data.js';
import { estimateMetric, NotEstimable, type MetricOptions } from '../../src/core/estimate.js';
import { applyComparison } from '../../src/core/rules.js';
import { metricInfo, type Task } from '../../src/stats/catalog.js';
import { deriveSeed, Rng } from '../../src/stats/prng.js';

const { exp, log, sqrt, cos, PI, floor } = Math;

// ---------------------------------------------------------------------------------------------------------
// Random variates for the generators
// ---------------------------------------------------------------------------------------------------------

class Gen {
  private spare: number | null = null;
  constructor(readonly rng: Rng) {}
  uniform(): number {
    return this.rng.nextFloat();
  }
  /** Box–Muller. */
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    let u = this.rng.nextFloat();
    while (u === 0) u = this.rng.nextFloat();
    const v = this.rng.nextFloat();
    const r = sqrt(-2 * log(u));
    this.spare = r * Math.sin(2 * PI * v);
    return r * cos(2 * PI * v);
  }
  /** Student t with ν degrees of freedom: N / √(χ²_ν/ν), χ² as a sum of squared normals (ν small). */
  studentT(nu: number): number {
    let chi = 0;
    for (let k = 0; k < nu; k++) {
      const z = this.normal();
      chi += z * z;
    }
    return this.normal() / sqrt(chi / nu);
  }
}

const sigmoid = (z: number) => 1 / (1 + exp(-z));

// ---------------------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------------------

interface Check {
  metric: string;
  methods: CiMethod[];
}

interface Scenario {
  id: string;
  task: Task;
  n: number;
  description: string;
  generate: (g: Gen, n: number) => PairedData;
  checks: Check[];
  options?: MetricOptions;
  /** Metrics that are totals over rows (net_benefit): the truth scales with n. */
  totals?: string[];
}

/**
 * Binary test sets: each row has a true log-odds z ~ N(logit(prevalence), 1.5²) and label y ~ Bernoulli(σ(z)).
 * The champion scores σ(z + noise_h), the candidate σ(κ·(z + noise_c)) with more noise and κ > 1
 * (overconfident), the two noises sharing a component (correlated models): the candidate is worse on every metric.
 */
function binaryGenerator(prevalence: number, noiseChamp: number, noiseCand: number, overconfidence: number) {
  const base = log(prevalence / (1 - prevalence));
  return (g: Gen, n: number): PairedData => {
    const label = new Uint8Array(n);
    const sc = new Float64Array(n);
    const sh = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const z = base + 1.5 * g.normal();
      label[i] = g.uniform() < sigmoid(z) ? 1 : 0;
      const shared = g.normal();
      sh[i] = sigmoid(z + noiseChamp * (0.8 * shared + 0.6 * g.normal()));
      sc[i] = sigmoid(overconfidence * (z + noiseCand * (0.8 * shared + 0.6 * g.normal())));
    }
    return {
      n,
      label,
      extra: {},
      fingerprint: '',
      candidate: { file: 'candidate', score: sc, prediction: Uint8Array.from(sc, (s) => (s >= 0.5 ? 1 : 0)) },
      champion: { file: 'champion', score: sh, prediction: Uint8Array.from(sh, (s) => (s >= 0.5 ? 1 : 0)) }
    };
  };
}

function multiclassGenerator(priors: number[], betaChamp: number, betaCand: number) {
  const k = priors.length;
  return (g: Gen, n: number): PairedData => {
    const labelClass = new Uint32Array(n);
    const pc = new Float64Array(n * k);
    const ph = new Float64Array(n * k);
    const predC = new Uint32Array(n);
    const predH = new Uint32Array(n);
    const zc = new Float64Array(k);
    const zh = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      let u = g.uniform();
      let y = 0;
      while (y < k - 1 && u >= priors[y]!) u -= priors[y++]!;
      labelClass[i] = y;
      for (let j = 0; j < k; j++) {
        const shared = g.normal();
        const prior = log(priors[j]!);
        zh[j] = prior + (j === y ? betaChamp : 0) + 0.8 * shared + 0.6 * g.normal();
        zc[j] = prior + (j === y ? betaCand : 0) + 0.8 * shared + 0.6 * g.normal();
      }
      for (const [z, p, pred] of [[zc, pc, predC], [zh, ph, predH]] as const) {
        let max = -Infinity;
        let arg = 0;
        for (let j = 0; j < k; j++) if (z[j]! > max) [max, arg] = [z[j]!, j];
        let s = 0;
        for (let j = 0; j < k; j++) s += exp(z[j]! - max);
        for (let j = 0; j < k; j++) p[i * k + j] = exp(z[j]! - max) / s;
        pred[i] = arg;
      }
    }
    return {
      n,
      label: new Uint8Array(n),
      classes: priors.map((_, j) => `c${j}`),
      labelClass,
      extra: {},
      fingerprint: '',
      candidate: { file: 'candidate', predictionClass: predC, proba: pc },
      champion: { file: 'champion', predictionClass: predH, proba: ph }
    };
  };
}

function regressionGenerator(noise: 'normal' | 't3', scaleChamp: number, scaleCand: number) {
  return (g: Gen, n: number): PairedData => {
    const target = new Float64Array(n);
    const vc = new Float64Array(n);
    const vh = new Float64Array(n);
    const e = () => (noise === 'normal' ? g.normal() : g.studentT(3));
    for (let i = 0; i < n; i++) {
      const y = 10 + 2 * g.normal();
      const shared = e();
      target[i] = y;
      vh[i] = y + scaleChamp * (0.8 * shared + 0.6 * e());
      vc[i] = y + scaleCand * (0.8 * shared + 0.6 * e()) + 0.1;
    }
    return {
      n,
      label: new Uint8Array(n),
      target,
      extra: {},
      fingerprint: '',
      candidate: { file: 'candidate', value: vc },
      champion: { file: 'champion', value: vh }
    };
  };
}

const BINARY_CHECKS: Check[] = [
  { metric: 'accuracy', methods: ['auto', 'analytic'] },
  { metric: 'recall', methods: ['auto', 'analytic'] },
  { metric: 'fpr', methods: ['auto', 'analytic'] },
  { metric: 'precision', methods: ['auto'] },
  { metric: 'f1', methods: ['auto'] },
  { metric: 'mcc', methods: ['auto'] },
  { metric: 'balanced_accuracy', methods: ['auto'] },
  { metric: 'net_benefit', methods: ['auto', 'analytic'] },
  { metric: 'roc_auc', methods: ['auto', 'bootstrap'] },
  { metric: 'pr_auc', methods: ['auto'] },
  { metric: 'ece', methods: ['auto'] },
  { metric: 'log_loss', methods: ['auto', 'bootstrap'] },
  { metric: 'brier', methods: ['auto', 'bootstrap'] }
];

const SCENARIOS: Scenario[] = [
  {
    id: 'binary-1000',
    task: 'binary',
    n: 1000,
    description: 'binary, n = 1000, ≈ 30 % positives, correlated models (shared noise), candidate noisier and overconfident',
    generate: binaryGenerator(0.3, 0.8, 1.0, 1.3),
    checks: BINARY_CHECKS,
    options: { net_benefit: { tp: 1, fp: -0.5, tn: 0, fn: -1 } },
    totals: ['net_benefit']
  },
  {
    id: 'binary-imbalanced-2000',
    task: 'binary',
    n: 2000,
    description: 'binary, n = 2000, ≈ 8 % positives, candidate noisier and overconfident',
    generate: binaryGenerator(0.05, 0.8, 1.0, 1.2),
    checks: BINARY_CHECKS.filter((c) => ['accuracy', 'recall', 'f1', 'roc_auc', 'pr_auc', 'ece', 'log_loss'].includes(c.metric)),
    options: { net_benefit: { tp: 1, fp: -0.5, tn: 0, fn: -1 } }
  },
  {
    id: 'binary-small-200',
    task: 'binary',
    n: 200,
    description: 'binary, n = 200, ≈ 40 % positives (a small test set)',
    generate: binaryGenerator(0.4, 0.8, 1.1, 1.3),
    checks: BINARY_CHECKS.filter((c) => ['accuracy', 'recall', 'f1', 'mcc', 'roc_auc', 'pr_auc', 'ece', 'log_loss'].includes(c.metric))
  },
  {
    id: 'multiclass-1000',
    task: 'multiclass',
    n: 1000,
    description: 'multiclass, K = 4 (40/30/20/10 %), n = 1000, candidate less separating',
    generate: multiclassGenerator([0.4, 0.3, 0.2, 0.1], 1.6, 1.4),
    checks: [
      { metric: 'accuracy', methods: ['auto', 'analytic'] },
      { metric: 'macro_f1', methods: ['auto'] },
      { metric: 'weighted_f1', methods: ['auto'] },
      { metric: 'macro_precision', methods: ['auto'] },
      { metric: 'macro_recall', methods: ['auto'] },
      { metric: 'log_loss', methods: ['auto', 'bootstrap'] }
    ]
  },
  {
    id: 'regression-normal-500',
    task: 'regression',
    n: 500,
    description: 'regression, n = 500, y ~ N(10, 2²), correlated normal errors, candidate noisier and biased by 0.1',
    generate: regressionGenerator('normal', 1.0, 1.1),
    checks: ['mae', 'mse', 'rmse', 'mape', 'r2'].map((metric) => ({ metric, methods: ['auto', 'bootstrap'] as CiMethod[] }))
  },
  {
    id: 'regression-t3-500',
    task: 'regression',
    n: 500,
    description: 'regression, n = 500, heavy-tailed t₃ errors (infinite fourth moment: a stress case for squared errors)',
    generate: regressionGenerator('t3', 1.0, 1.1),
    checks: ['mae', 'mse', 'rmse', 'mape', 'r2'].map((metric) => ({ metric, methods: ['auto', 'bootstrap'] as CiMethod[] }))
  }
];

// ---------------------------------------------------------------------------------------------------------
// Simulation
// ---------------------------------------------------------------------------------------------------------

interface Tally {
  /** Replicates with an interval. */
  runs: number;
  covered: number;
  /** The interval lies entirely on the candidate-favouring side of the truth (false pass at margin |Δ|). */
  falsePass: number;
  /** The interval lies inside (−|Δ|, |Δ|): an equivalence check with margin e = |Δ| wrongly declares equivalence. */
  falseEquivalence: number;
  /** Replicates where the metric was not estimable. */
  notEstimable: number;
  widthSum: number;
  method: string;
}

type Tallies = Record<string, Tally>;

const key = (metric: string, method: CiMethod) => `${metric}|${method}`;
const TRUTH_N = 2_000_000;

function truth(s: Scenario): Record<string, number> {
  const data = s.generate(new Gen(new Rng(deriveSeed(1, `${s.id}/truth`))), TRUTH_N);
  const out: Record<string, number> = {};
  const ci = { method: 'auto' as const, confidence_level: 0.95, min_eval_samples: 0, resamples: 1, seed: 1 };
  for (const c of s.checks) {
    const info = metricInfo(s.task, c.metric)!;
    const cand = estimateMetric(info, { ...data, champion: undefined }, ci, 'truth', s.options).candidate;
    const champ = estimateMetric(info, { ...data, candidate: data.champion!, champion: undefined }, ci, 'truth', s.options).candidate;
    const scale = s.totals?.includes(c.metric) ? s.n / TRUTH_N : 1;
    out[c.metric] = (cand - champ) * scale;
  }
  return out;
}

function simulate(s: Scenario, truthDelta: Record<string, number>, reps: number[], resamples: number): Tallies {
  const tallies: Tallies = {};
  for (const c of s.checks) {
    for (const m of c.methods) tallies[key(c.metric, m)] = { runs: 0, covered: 0, falsePass: 0, falseEquivalence: 0, notEstimable: 0, widthSum: 0, method: '' };
  }
  for (const r of reps) {
    const data = s.generate(new Gen(new Rng(deriveSeed(r, s.id))), s.n);
    for (const c of s.checks) {
      const info = metricInfo(s.task, c.metric)!;
      const d = truthDelta[c.metric]!;
      for (const method of c.methods) {
        const t = tallies[key(c.metric, method)]!;
        try {
          const e = estimateMetric(info, data, { method, confidence_level: 0.95, min_eval_samples: 0, resamples, seed: r }, c.metric, s.options);
          t.runs++;
          t.method = e.method!;
          if (e.low! <= d && d <= e.high!) t.covered++;
          // Candidate-favouring miss: for higher-is-better the whole interval above Δ, else below it.
          if (info.direction === 1 ? e.low! > d : e.high! < d) t.falsePass++;
          // rule equivalent at the boundary: the truth is a change of exactly the margin, so passing is an error.
          const eq = { champion: e.champion!, delta: e.delta!, low: e.low!, high: e.high! };
          if (info.direction !== 0 && applyComparison('equivalent', info.direction, { kind: 'absolute', value: Math.abs(d) }, eq).pass) t.falseEquivalence++;
          t.widthSum += e.high! - e.low!;
        } catch (err) {
          if (!(err instanceof NotEstimable)) throw err;
          t.notEstimable++;
        }
      }
    }
  }
  return tallies;
}

function merge(a: Tallies, b: Tallies): Tallies {
  for (const [k, t] of Object.entries(b)) {
    const x = a[k];
    if (!x) a[k] = { ...t };
    else {
      x.runs += t.runs;
      x.covered += t.covered;
      x.falsePass += t.falsePass;
      x.falseEquivalence += t.falseEquivalence;
      x.notEstimable += t.notEstimable;
      x.widthSum += t.widthSum;
      x.method ||= t.method;
    }
  }
  return a;
}

// ---------------------------------------------------------------------------------------------------------
// Main / workers
// ---------------------------------------------------------------------------------------------------------

interface Job {
  scenario: string;
  truth: Record<string, number>;
  reps: number[];
  resamples: number;
}

if (!isMainThread) {
  const job = workerData as Job;
  const s = SCENARIOS.find((x) => x.id === job.scenario)!;
  parentPort!.postMessage(simulate(s, job.truth, job.reps, job.resamples));
} else {
  await main();
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const reps = Number(arg('--reps') ?? (quick ? 300 : 4000));
  const resamples = Number(arg('--resamples') ?? 1000);
  const workers = Number(arg('--workers') ?? Math.max(1, availableParallelism()));
  const only = arg('--only');
  const started = Date.now();
  const rows: string[] = [];
  for (const s of SCENARIOS.filter((x) => !only || x.id.includes(only))) {
    const t0 = Date.now();
    const truthDelta = truth(s);
    const parts = Array.from({ length: workers }, (_, w) => Array.from({ length: reps }, (_, r) => r).filter((r) => r % workers === w));
    const results = await Promise.all(
      parts.map(
        (part) =>
          new Promise<Tallies>((resolve, reject) => {
            const worker = new Worker(new URL(import.meta.url), { workerData: { scenario: s.id, truth: truthDelta, reps: part, resamples } satisfies Job });
            worker.once('message', resolve);
            worker.once('error', reject);
          })
      )
    );
    const tallies = results.reduce(merge, {});
    process.stderr.write(`${s.id}: ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
    for (const c of s.checks) {
      for (const m of c.methods) {
        const t = tallies[key(c.metric, m)]!;
        const cov = t.covered / t.runs;
        const se = sqrt((cov * (1 - cov)) / t.runs);
        const flag = cov < 0.94 || cov > 0.96 ? ' ⚠' : '';
        // A false pass needs a candidate that is truly worse; where it is not, the column is left empty.
        const worse = metricInfo(s.task, c.metric)!.direction * truthDelta[c.metric]! < 0;
        const falsePass = worse ? (100 * t.falsePass / t.runs).toFixed(1) : '–';
        const falseEquivalence = truthDelta[c.metric] !== 0 ? (100 * t.falseEquivalence / t.runs).toFixed(1) : '–';
        rows.push(
          `| ${s.id} | ${c.metric} | ${m} | ${t.method} | ${fmt(truthDelta[c.metric]!)} | ${(100 * cov).toFixed(1)} ± ${(100 * se).toFixed(1)}${flag} | ` +
            `${falsePass} | ${falseEquivalence} | ${fmt(t.widthSum / t.runs)} | ${t.runs}${t.notEstimable ? ` (+${t.notEstimable} n/e)` : ''} |`
        );
      }
    }
  }
  const header =
    `Coverage of the 95 % paired intervals: ${reps} simulated test sets per scenario, ${resamples} bootstrap resamples, ` +
    `truth from ${TRUTH_N.toLocaleString('en')} rows. Coverage ± its Monte Carlo standard error; ⚠ outside 94–96 %. ` +
    `False pass = share of non-inferiority checks that pass when the margin equals the true degradation (target 2.5 %; – where the candidate is truly better). ` +
    `False equivalence = share of equivalence checks (rule equivalent) that pass when the margin equals the true |Δ| (target ≤ 2.5 %).\n\n` +
    '| scenario | metric | ci.method | ci_method | true Δ | coverage % | false pass % | false equivalence % | mean width | test sets |\n' +
    '|---|---|---|---|---|---|---|---|---|---|\n';
  const table = header + rows.join('\n') + '\n';
  process.stdout.write(table);
  process.stderr.write(`total ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  if (process.argv.includes('--write')) {
    const path = new URL('../../../docs/statistics.md', import.meta.url);
    const doc = readFileSync(path, 'utf8');
    const begin = '<!-- coverage-table:begin -->';
    const end = '<!-- coverage-table:end -->';
    const a = doc.indexOf(begin);
    const b = doc.indexOf(end);
    if (a < 0 || b < a) throw new Error(`docs/statistics.md has no ${begin} … ${end} section`);
    writeFileSync(path, doc.slice(0, a + begin.length) + '\n' + table + doc.slice(b));
    process.stderr.write('wrote the table into docs/statistics.md\n');
  }
}

function fmt(x: number): string {
  const a = Math.abs(x);
  return a !== 0 && (a < 1e-3 || a >= 1e4) ? x.toExponential(2) : x.toFixed(floor(a) >= 100 ? 1 : 4);
}
