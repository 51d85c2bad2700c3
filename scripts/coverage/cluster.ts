/**
 * Coverage study of the paired intervals on clustered rows (`npm run validate:coverage:cluster`;
 * docs/statistics.md, "Clustered rows").
 *
 * Process: G clusters of 10–30 rows (mean 20). Each model's log-odds of being correct on a row is
 * μ_model + v_g + e_i — a cluster random effect v_g ~ N(0, τ²) (the two models' effects correlated 0.5, so
 * their difference still varies by cluster) and a row effect e_i ~ N(0, 1) — and the model's score is
 * σ(±that log-odds), on the side of the true label when positive. So correctness is a random-intercept model
 * whose latent intra-cluster correlation is τ²/(τ² + 1); the study also prints the ANOVA intra-cluster
 * correlation of the observed per-row correctness and of the per-row log-loss difference.
 *
 * For each of R simulated test sets it runs the engine's estimateMetric twice, without and with
 * `columns.cluster` (data.cluster), and counts coverage of the true Δ and the false pass rate (interval
 * entirely on the candidate's side of the true Δ, i.e. a non-inferiority check with margin = the true
 * degradation passes; target 2.5 %). The true Δ is the metric's value on 300,000 clusters.
 *
 * Run:  npm run validate:coverage:cluster              (R = 2000, B = 1000; a few minutes on 2 cores)
 *       npm run validate:coverage:cluster -- --quick   (R = 300)
 *       options: --reps R  --resamples B  --workers W  --write (replace the table in docs/statistics.md)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { CiMethod } from '../../src/config/types.js';
import type { PairedData } from '../../src/readers/paired-data.js';
import { estimateMetric, NotEstimable } from '../../src/core/estimate.js';
import { metricInfo } from '../../src/stats/catalog.js';
import { deriveSeed, Rng } from '../../src/stats/prng.js';
import { Gen, sigmoid } from './variates.js';

const { log, sqrt, floor } = Math;



interface Process {
  id: string;
  clusters: number;
  /** Standard deviation of the cluster random effect on each model's log-odds of correctness. */
  tau: number;
  muChampion: number;
  muCandidate: number;
  prevalence: number;
}

const PROCESSES: Process[] = [
  { id: 'clustered-G100', clusters: 100, tau: 0.8, muChampion: 1.2, muCandidate: 1.05, prevalence: 0.4 },
  { id: 'clustered-G50', clusters: 50, tau: 0.8, muChampion: 1.2, muCandidate: 1.05, prevalence: 0.4 }
];

function generate(p: Process, g: Gen, clusters: number): PairedData {
  const sizes = Array.from({ length: clusters }, () => 10 + floor(g.uniform() * 21));
  const n = sizes.reduce((a, b) => a + b, 0);
  const label = new Uint8Array(n);
  const sc = new Float64Array(n);
  const sh = new Float64Array(n);
  const cluster = new Uint32Array(n);
  let i = 0;
  for (let c = 0; c < clusters; c++) {
    const shared = g.normal();
    const vc = p.tau * (sqrt(0.5) * shared + sqrt(0.5) * g.normal());
    const vh = p.tau * (sqrt(0.5) * shared + sqrt(0.5) * g.normal());
    for (let k = 0; k < sizes[c]!; k++, i++) {
      const y = g.uniform() < p.prevalence ? 1 : 0;
      const rowShared = g.normal();
      const mc = p.muCandidate + vc + sqrt(0.5) * rowShared + sqrt(0.5) * g.normal();
      const mh = p.muChampion + vh + sqrt(0.5) * rowShared + sqrt(0.5) * g.normal();
      label[i] = y;
      sc[i] = sigmoid(y ? mc : -mc);
      sh[i] = sigmoid(y ? mh : -mh);
      cluster[i] = c;
    }
  }
  return {
    n,
    label,
    extra: {},
    fingerprint: '',
    cluster,
    candidate: { file: 'candidate', score: sc, prediction: Uint8Array.from(sc, (s) => (s >= 0.5 ? 1 : 0)) },
    champion: { file: 'champion', score: sh, prediction: Uint8Array.from(sh, (s) => (s >= 0.5 ? 1 : 0)) }
  };
}

const CHECKS: { metric: string; method: CiMethod }[] = [
  { metric: 'accuracy', method: 'auto' },
  { metric: 'accuracy', method: 'analytic' },
  { metric: 'f1', method: 'auto' },
  { metric: 'log_loss', method: 'auto' },
  { metric: 'roc_auc', method: 'auto' }
];

interface Tally {
  runs: number;
  covered: number;
  falsePass: number;
  notEstimable: number;
  widthSum: number;
  method: string;
}
type Tallies = Record<string, Tally>;
const key = (metric: string, method: CiMethod, clustered: boolean) => `${metric}|${method}|${clustered ? 'cluster' : 'rows'}`;

const TRUTH_CLUSTERS = 300_000;

function truth(p: Process): Record<string, number> {
  const data = generate(p, new Gen(new Rng(deriveSeed(1, `${p.id}/truth`))), TRUTH_CLUSTERS);
  delete data.cluster;
  const ci = { method: 'auto' as const, confidence_level: 0.95, min_eval_samples: 0, resamples: 1, seed: 1 };
  const out: Record<string, number> = {};
  for (const metric of new Set(CHECKS.map((c) => c.metric))) {
    const info = metricInfo('binary', metric)!;
    const cand = estimateMetric(info, { ...data, champion: undefined }, ci, 'truth').candidate;
    const champ = estimateMetric(info, { ...data, candidate: data.champion!, champion: undefined }, ci, 'truth').candidate;
    out[metric] = cand - champ;
  }
  return out;
}

/** One-way ANOVA estimator of the intra-cluster correlation of per-row values. */
function icc(values: Float64Array, cluster: Uint32Array, clusters: number): number {
  const n = values.length;
  const sums = new Float64Array(clusters);
  const counts = new Float64Array(clusters);
  let total = 0;
  for (let i = 0; i < n; i++) {
    sums[cluster[i]!] += values[i]!;
    counts[cluster[i]!]++;
    total += values[i]!;
  }
  const grand = total / n;
  let ssb = 0;
  let ssw = 0;
  for (let i = 0; i < n; i++) {
    const m = sums[cluster[i]!]! / counts[cluster[i]!]!;
    ssw += (values[i]! - m) ** 2;
  }
  let sumSq = 0;
  for (let c = 0; c < clusters; c++) {
    ssb += counts[c]! * (sums[c]! / counts[c]! - grand) ** 2;
    sumSq += counts[c]! ** 2;
  }
  const msb = ssb / (clusters - 1);
  const msw = ssw / (n - clusters);
  const n0 = (n - sumSq / n) / (clusters - 1);
  return (msb - msw) / (msb + (n0 - 1) * msw);
}

function describeIcc(p: Process): string {
  const data = generate(p, new Gen(new Rng(deriveSeed(2, `${p.id}/icc`))), 20_000);
  const hits = Float64Array.from(data.label, (y, i) => (data.candidate.prediction![i] === y ? 1 : 0));
  const lossDiff = Float64Array.from(data.label, (y, i) => {
    const ll = (s: number) => -log(y ? s : 1 - s);
    return ll(data.candidate.score![i]!) - ll(data.champion!.score![i]!);
  });
  const latent = (p.tau * p.tau) / (p.tau * p.tau + 1);
  return (
    `latent ICC of correctness ${latent.toFixed(2)}; ANOVA ICC of the candidate's per-row correctness ` +
    `${icc(hits, data.cluster!, 20_000).toFixed(2)}, of the per-row log-loss difference ${icc(lossDiff, data.cluster!, 20_000).toFixed(2)}`
  );
}

function simulate(p: Process, truthDelta: Record<string, number>, reps: number[], resamples: number): Tallies {
  const tallies: Tallies = {};
  for (const r of reps) {
    const clustered = generate(p, new Gen(new Rng(deriveSeed(r, p.id))), p.clusters);
    const rows: PairedData = { ...clustered, cluster: undefined };
    for (const c of CHECKS) {
      const info = metricInfo('binary', c.metric)!;
      const d = truthDelta[c.metric]!;
      for (const [withClusters, data] of [[false, rows], [true, clustered]] as const) {
        const k = key(c.metric, c.method, withClusters);
        const t = (tallies[k] ??= { runs: 0, covered: 0, falsePass: 0, notEstimable: 0, widthSum: 0, method: '' });
        try {
          const e = estimateMetric(info, data, { method: c.method, confidence_level: 0.95, min_eval_samples: 0, resamples, seed: r }, c.metric);
          t.runs++;
          t.method = e.method!;
          if (e.low! <= d && d <= e.high!) t.covered++;
          if (info.direction === 1 ? e.low! > d : e.high! < d) t.falsePass++;
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
      x.notEstimable += t.notEstimable;
      x.widthSum += t.widthSum;
      x.method ||= t.method;
    }
  }
  return a;
}

interface Job {
  process: string;
  truth: Record<string, number>;
  reps: number[];
  resamples: number;
}

if (!isMainThread) {
  const job = workerData as Job;
  parentPort!.postMessage(simulate(PROCESSES.find((x) => x.id === job.process)!, job.truth, job.reps, job.resamples));
} else {
  await main();
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function pct(x: number, runs: number): string {
  return `${(100 * x).toFixed(1)} ± ${(100 * sqrt((x * (1 - x)) / runs)).toFixed(1)}`;
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const reps = Number(arg('--reps') ?? (quick ? 300 : 2000));
  const resamples = Number(arg('--resamples') ?? 1000);
  const workers = Number(arg('--workers') ?? Math.min(2, availableParallelism()));
  const started = Date.now();
  const rows: string[] = [];
  const notes: string[] = [];
  for (const p of PROCESSES) {
    const t0 = Date.now();
    const truthDelta = truth(p);
    notes.push(`- ${p.id}: ${p.clusters} clusters of 10–30 rows (≈ ${20 * p.clusters} rows), τ = ${p.tau}: ${describeIcc(p)}.`);
    const parts = Array.from({ length: workers }, (_, w) => Array.from({ length: reps }, (_, r) => r).filter((r) => r % workers === w));
    const results = await Promise.all(
      parts.map(
        (part) =>
          new Promise<Tallies>((resolve, reject) => {
            const worker = new Worker(new URL(import.meta.url), { workerData: { process: p.id, truth: truthDelta, reps: part, resamples } satisfies Job });
            worker.once('message', resolve);
            worker.once('error', reject);
          })
      )
    );
    const tallies = results.reduce(merge, {});
    process.stderr.write(`${p.id}: ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
    for (const c of CHECKS) {
      for (const withClusters of [false, true]) {
        const t = tallies[key(c.metric, c.method, withClusters)]!;
        const cov = t.covered / t.runs;
        const fp = t.falsePass / t.runs;
        // The main study's rule (study.ts): off target by more than two Monte Carlo standard errors.
        const se = (x: number) => sqrt(Math.max(x * (1 - x), 1 / t.runs) / t.runs);
        const flag = cov < 0.94 - 2 * se(cov) || cov > 0.96 + 2 * se(cov) || fp > 0.025 + 2 * se(fp) ? ' ⚠' : '';
        rows.push(
          `| ${p.id} | ${c.metric} | ${c.method} | ${withClusters ? 'set' : '—'} | ${t.method} | ${fmt(truthDelta[c.metric]!)} | ` +
            `${pct(cov, t.runs)}${flag} | ${pct(t.falsePass / t.runs, t.runs)} | ${fmt(t.widthSum / t.runs)} | ${t.runs}${t.notEstimable ? ` (+${t.notEstimable} n/e)` : ''} |`
        );
      }
    }
  }
  const table =
    `${reps} simulated test sets per process, ${resamples} bootstrap resamples, truth from ${TRUTH_CLUSTERS.toLocaleString('en')} clusters. ` +
    'Coverage and false pass ± their Monte Carlo standard errors; ⚠ marks coverage outside 94–96 % or false pass above 2.5 % by more than two standard errors. ' +
    'False pass = share of non-inferiority checks that pass with the margin equal to the true degradation (target 2.5 %).\n\n' +
    notes.join('\n') +
    '\n\n| process | metric | ci.method | columns.cluster | ci_method | true Δ | coverage % | false pass % | mean width | test sets |\n' +
    '|---|---|---|---|---|---|---|---|---|---|\n' +
    rows.join('\n') +
    '\n';
  process.stdout.write(table);
  process.stderr.write(`total ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  if (process.argv.includes('--write')) {
    const path = new URL('../../../docs/statistics.md', import.meta.url);
    const doc = readFileSync(path, 'utf8');
    const begin = '<!-- cluster-coverage-table:begin -->';
    const end = '<!-- cluster-coverage-table:end -->';
    const a = doc.indexOf(begin);
    const b = doc.indexOf(end);
    if (a < 0 || b < a) throw new Error(`docs/statistics.md has no ${begin} … ${end} section`);
    writeFileSync(path, doc.slice(0, a + begin.length) + '\n' + table + doc.slice(b));
    process.stderr.write('wrote the table into docs/statistics.md\n');
  }
}

function fmt(x: number): string {
  const a = Math.abs(x);
  return a !== 0 && a < 1e-3 ? x.toExponential(2) : x.toFixed(4);
}
