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
 * The true Δ is the metric's mean value over 32 very large samples (32 × 2M rows) of the same process: every
 * metric is a consistent estimator, so that is the population value up to ~1/√(64M) — about 1 % of the
 * standard error of Δ at 5,000 rows (with 4 samples it was 5 %, which moved false passes there by 0.3 points).
 *
 * Run:  npm run validate:coverage                 (R = 1000 test sets, B = 1000 resamples, all scenarios; ~5 min on 2 cores)
 *       npm run validate:coverage -- --quick      (R = 200: a smoke run)
 *       npm run validate:coverage -- --write      (also replace the table in docs/statistics.md)
 *       options: --reps R  --resamples B  --only <scenario id substring>  --metrics m1,m2  --workers W
 *                --first R0 (replicates R0 … R0 + R − 1: other test sets, to tell Monte Carlo noise from bias;
 *                the scenarios with cheapRepsFactor f also use R0 + R … R0 + f·R − 1, so take R0 ≥ f·R for new ones)
 *
 * Deterministic: every test set has its own seed (scenario, replicate), and the bootstrap streams come from
 * ci.seed = the replicate index, so a rerun prints the same table.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { CiMethod } from '../../src/config/types.js';
import { RankedRows, type PairedData } from '../../src/readers/paired-data.js';
import { estimateMetric, NotEstimable, type MetricOptions } from '../../src/core/estimate.js';
import { applyComparison } from '../../src/core/rules.js';
import { assertNotSelfComparison } from '../../src/core/self-comparison.js';
import { GateError } from '../../src/base/errors.js';
import { metricInfo, type Task } from '../../src/stats/catalog.js';
import { deriveSeed, Rng } from '../../src/stats/prng.js';
import { Gen, sigmoid } from './variates.js';

const { exp, log, sqrt, floor } = Math;



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
  /** Scenarios with the same key share one process, so their truth is computed once. */
  truthKey: string;
  /** Candidate = champion: the study counts how often the self-comparison guard stops the gate. */
  identical?: boolean;
  /** Units of the truth samples when TRUTH_N is too many (ranking: queries of ~15 items each). */
  truthN?: number;
  /**
   * Run every check but ECE and PR-AUC on this many times R test sets: at n = 5,000 a false-pass rate from 2,000
   * test sets is ±0.35 points, about the size of the effects the table must show.
   */
  cheapRepsFactor?: number;
}

/**
 * Ranking test sets (issue 15): n queries of 5–30 items. Each query has a difficulty d ~ N(0, 0.7²) and each item a
 * latent quality u ~ N(0, 1); the graded relevance is round(u + 0.8·e − 0.6 − d) clipped to 0…3 (≈ 5 % of queries
 * have no relevant item and are left out). Both models score u plus noise with a shared component (correlated
 * models) whose size varies by query; the candidate is noisier (σ 0.9 against 0.8), so it is worse on every metric.
 */
function rankingGenerator() {
  return (g: Gen, n: number): PairedData => {
    const start = new Uint32Array(n);
    const count = new Uint32Array(n);
    let total = 0;
    for (let q = 0; q < n; q++) {
      start[q] = total;
      count[q] = 5 + floor(26 * g.uniform());
      total += count[q]!;
    }
    const label = new Float64Array(total);
    const sc = new Float64Array(total);
    const sh = new Float64Array(total);
    for (let q = 0; q < n; q++) {
      const d = 0.7 * g.normal();
      const spread = 0.5 + g.uniform();
      for (let i = start[q]!; i < start[q]! + count[q]!; i++) {
        const u = g.normal();
        label[i] = Math.min(3, Math.max(0, Math.round(u + 0.8 * g.normal() - 0.6 - d)));
        const shared = spread * g.normal();
        sh[i] = u + 0.8 * (0.7 * shared + 0.7 * g.normal());
        sc[i] = u + 0.9 * (0.7 * shared + 0.7 * g.normal());
      }
    }
    return {
      n,
      label: new Uint8Array(n),
      extra: {},
      fingerprint: '',
      candidate: { file: 'candidate' },
      champion: { file: 'champion' },
      queries: { start, count, rows: new RankedRows(label, sc, sh) }
    };
  };
}

/**
 * Score-task test sets with repeated samples (issue 15): n prompts (ids), each with a difficulty b ~ N(0, 1.5²);
 * each model draws 1–5 samples per prompt (independently: the two models have different numbers), a sample's
 * score is 6 + b + effect + ε with ε ~ N(0, 1) (intra-prompt correlation 0.69), and the candidate's effect is
 * −0.1 + c_k, c_k the effect of the prompt's topic k (G = n/10 topics, c_k ~ N(0, 0.3²)). A sample passes at
 * score ≥ 6. Clustered: the topic is `columns.cluster`, so prompts of one topic share part of Δ (the per-id
 * interval alone under-covers); unclustered (`score-repeated`), the same process without topic effects.
 */
function scoreGenerator(topicSd: number, withCluster: boolean) {
  return (g: Gen, n: number): PairedData => {
    const topics = Math.max(2, floor(n / 10));
    const topicEffect = Float64Array.from({ length: topics }, () => topicSd * g.normal());
    const out = { cand: new Float64Array(n), champ: new Float64Array(n), pc: new Float64Array(n), ph: new Float64Array(n) };
    const cs = new Uint32Array(n);
    const hs = new Uint32Array(n);
    const cluster = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const b = 1.5 * g.normal();
      const k = i % topics;
      cluster[i] = k;
      for (const [model, effect, samples, mean, pass] of [
        ['c', -0.1 + topicEffect[k]!, cs, out.cand, out.pc],
        ['h', 0, hs, out.champ, out.ph]
      ] as const) {
        void model;
        const m = 1 + floor(5 * g.uniform());
        let s = 0;
        let p = 0;
        for (let j = 0; j < m; j++) {
          const v = 6 + b + effect + g.normal();
          s += v;
          if (v >= 6) p++;
        }
        samples[i] = m;
        mean[i] = s / m;
        pass[i] = p / m;
      }
    }
    return {
      n,
      label: new Uint8Array(n),
      extra: {},
      fingerprint: '',
      candidate: { file: 'candidate', value: out.cand, passShare: out.pc, samples: cs },
      champion: { file: 'champion', value: out.champ, passShare: out.ph, samples: hs },
      ...(withCluster ? { cluster } : {})
    };
  };
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

/**
 * Rare disagreement: the champion as in binaryGenerator; the candidate copies its predictions except on a
 * share `rate` of the rows, where it flips a right answer with probability 0.6 and a wrong one with 0.4 (so it
 * disagrees on ≈ 0.55·rate of the rows and is slightly worse).
 */
function rareDisagreementGenerator(prevalence: number, rate: number) {
  const base = binaryGenerator(prevalence, 0.8, 0.8, 1);
  return (g: Gen, n: number): PairedData => {
    const d = base(g, n);
    const champ = d.champion!.prediction!;
    const cand = Uint8Array.from(champ);
    for (let i = 0; i < n; i++) {
      if (g.uniform() >= rate) continue;
      // A selected row the champion gets right is flipped with probability 0.6, a wrong one with 0.4.
      if (g.uniform() < (champ[i] === d.label[i] ? 0.6 : 0.4)) cand[i] = 1 - champ[i]!;
    }
    return { ...d, candidate: { file: 'candidate', prediction: cand }, champion: { file: 'champion', prediction: champ } };
  };
}

/** Candidate and champion are the same model: the self-comparison guard must stop the gate. */
function identicalGenerator(prevalence: number) {
  const base = binaryGenerator(prevalence, 0.8, 0.8, 1);
  return (g: Gen, n: number): PairedData => {
    const d = base(g, n);
    return { ...d, candidate: { ...d.champion!, file: 'candidate' } };
  };
}

/**
 * Contaminated regression errors: each model's error is N(0, s²) with probability 0.95 and N(0, (10·s)²)
 * otherwise (the contaminated normal: outliers on 5 % of rows), correlated between the models.
 */
function contaminatedRegressionGenerator(scaleChamp: number, scaleCand: number, outlierRate = 0.05) {
  return (g: Gen, n: number): PairedData => {
    const target = new Float64Array(n);
    const vc = new Float64Array(n);
    const vh = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const y = 10 + 2 * g.normal();
      const outlier = g.uniform() < outlierRate ? 10 : 1;
      const shared = g.normal();
      target[i] = y;
      vh[i] = y + outlier * scaleChamp * (0.8 * shared + 0.6 * g.normal());
      vc[i] = y + outlier * scaleCand * (0.8 * shared + 0.6 * g.normal()) + 0.1;
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

const PROPORTIONS: Check[] = [
  { metric: 'accuracy', methods: ['auto', 'bootstrap'] },
  { metric: 'recall', methods: ['auto', 'bootstrap'] },
  { metric: 'fpr', methods: ['auto', 'bootstrap'] }
];
const OTHER_CONFUSION: Check[] = ['precision', 'f1', 'mcc', 'balanced_accuracy'].map((metric) => ({ metric, methods: ['auto'] }));
const SCORES: Check[] = [
  { metric: 'roc_auc', methods: ['auto'] },
  { metric: 'log_loss', methods: ['auto', 'analytic', 'bootstrap'] },
  { metric: 'brier', methods: ['auto'] }
];
const SIZES = [30, 100, 500, 5000];
const NET_BENEFIT = { net_benefit: { tp: 1, fp: -0.5, tn: 0, fn: -1 } };

const SCENARIOS: Scenario[] = [
  ...SIZES.map(
    (n): Scenario => ({
      id: `binary-${n}`,
      task: 'binary',
      n,
      description: `binary, n = ${n}, ≈ 30 % positives, correlated models, candidate noisier and overconfident`,
      generate: binaryGenerator(0.3, 0.8, 1.0, 1.3),
      truthKey: 'binary',
      checks: [
        ...PROPORTIONS,
        ...OTHER_CONFUSION,
        { metric: 'net_benefit', methods: ['auto', 'bootstrap'] },
        ...SCORES,
        // The row bootstraps cost n·B per test set: PR-AUC up to 500 rows, ECE at every size.
        ...(n <= 500 ? [{ metric: 'pr_auc', methods: ['auto'] as CiMethod[] }] : []),
        { metric: 'ece', methods: ['auto'] }
      ],
      options: NET_BENEFIT,
      totals: ['net_benefit'],
      cheapRepsFactor: n >= 500 ? 4 : 1
    })
  ),
  ...[500, 5000].map(
    (n): Scenario => ({
      id: `rare-disagreement-${n}`,
      task: 'binary',
      n,
      description: `binary, n = ${n}: the candidate copies the champion's predictions except on ≈ 1 % of rows (60 % of those flips wrong)`,
      generate: rareDisagreementGenerator(0.3, 0.018),
      truthKey: 'rare',
      checks: [...PROPORTIONS, ...OTHER_CONFUSION],
      cheapRepsFactor: 4
    })
  ),
  {
    id: 'identical-500',
    task: 'binary',
    n: 500,
    description: 'binary, n = 500: candidate and champion are the same predictions',
    generate: identicalGenerator(0.3),
    truthKey: 'identical',
    checks: [],
    identical: true
  },
  ...[100, 1000].map(
    (n): Scenario => ({
      id: `multiclass-${n}`,
      task: 'multiclass',
      n,
      description: `multiclass, K = 4 (40/30/20/10 %), n = ${n}, candidate less separating`,
      generate: multiclassGenerator([0.4, 0.3, 0.2, 0.1], 1.6, 1.4),
      truthKey: 'multiclass',
      checks: [
        { metric: 'accuracy', methods: ['auto', 'bootstrap'] },
        { metric: 'macro_f1', methods: ['auto'] },
        { metric: 'log_loss', methods: ['auto', 'analytic'] }
      ]
    })
  ),
  ...[100, 500].map(
    (n): Scenario => ({
      id: `regression-normal-${n}`,
      task: 'regression',
      n,
      description: `regression, n = ${n}, normal errors (no outliers), candidate noisier and biased by 0.1`,
      generate: contaminatedRegressionGenerator(1.0, 1.1, 0),
      truthKey: 'normal',
      checks: ['mae', 'mse', 'rmse', 'r2'].map((metric) => ({ metric, methods: ['auto'] as CiMethod[] })),
      cheapRepsFactor: n >= 500 ? 4 : 1
    })
  ),
  ...SIZES.map(
    (n): Scenario => ({
      id: `regression-contaminated-${n}`,
      task: 'regression',
      n,
      description: `regression, n = ${n}, contaminated normal errors (5 % of rows with 10× the spread), candidate noisier and biased by 0.1`,
      generate: contaminatedRegressionGenerator(1.0, 1.1),
      truthKey: 'contaminated',
      checks: ['mae', 'mse', 'rmse', 'r2'].map((metric) => ({
        metric,
        methods: (n <= 500 ? ['auto', 'analytic', 'bootstrap'] : ['auto', 'analytic']) as CiMethod[]
      }))
    })
  ),
  ...[100, 200, 300, 1000].map(
    (n): Scenario => ({
      id: `ranking-${n}`,
      task: 'ranking',
      n,
      description: `ranking, n = ${n} queries of 5–30 items, graded relevance 0–3, correlated models, candidate noisier`,
      generate: rankingGenerator(),
      truthKey: 'ranking',
      truthN: 100_000,
      options: { ndcg_gain: 'exponential' },
      checks: [
        { metric: 'ndcg@10', methods: ['auto', 'bootstrap'] },
        ...['recall@10', 'precision@5', 'mrr@10', 'map@10'].map((metric) => ({ metric, methods: ['auto'] as CiMethod[] }))
      ]
    })
  ),
  ...[100, 200, 500].map(
    (n): Scenario => ({
      id: `score-repeated-${n}`,
      task: 'score',
      n,
      description: `score task, n = ${n} prompts, 1–5 samples per prompt and model (intra-prompt correlation 0.69), candidate 0.1 lower`,
      generate: scoreGenerator(0, false),
      truthKey: 'score-repeated',
      checks: ['mean_score', 'pass_rate'].map((metric) => ({ metric, methods: ['auto', 'bootstrap'] as CiMethod[] }))
    })
  ),
  ...([
    ['score-topics-ignored', false],
    ['score-topics-clustered', true]
  ] as const).flatMap(([id, withCluster]) =>
    [200, 1000].map(
      (n): Scenario => ({
        id: `${id}-${n}`,
        task: 'score',
        n,
        description: `score task, n = ${n} prompts in ${n / 10} topics whose effect on Δ varies (sd 0.3), repeated samples; ${withCluster ? 'columns.cluster = topic' : 'no columns.cluster'}`,
        generate: scoreGenerator(0.3, withCluster),
        truthKey: 'score-topics',
        checks: ['mean_score', 'pass_rate'].map((metric) => ({ metric, methods: ['auto', 'bootstrap'] as CiMethod[] }))
      })
    )
  )
];

/** The champion's values as the candidate's (for the truth): ranking scores live in the query rows. */
function championAsCandidate(data: PairedData): PairedData {
  if (data.queries) {
    const r = data.queries.rows;
    return { ...data, champion: undefined, queries: { ...data.queries, rows: new RankedRows(r.label, r.champion!, undefined) } };
  }
  return { ...data, candidate: data.champion!, champion: undefined };
}

// ---------------------------------------------------------------------------------------------------------
// Simulation
// ---------------------------------------------------------------------------------------------------------

interface Tally {
  /** Test sets simulated. */
  reps: number;
  /** Test sets with a decided comparison (an interval, not inconclusive). */
  runs: number;
  covered: number;
  /** The interval lies entirely on the candidate-favouring side of the truth (false pass at margin |Δ|). */
  falsePass: number;
  /** Test sets where the comparison was inconclusive (not estimable, degenerate, too few disagreements). */
  inconclusive: number;
  /** The interval lies inside (−|Δ|, |Δ|): an equivalence check with margin e = |Δ| wrongly declares equivalence. */
  falseEquivalence: number;
  widthSum: number;
  method: string;
}

type Tallies = Record<string, Tally>;

const key = (metric: string, method: CiMethod) => `${metric}|${method}`;
const GUARD = 'self-comparison guard|auto';
const TRUTH_N = 2_000_000;
const TRUTH_SAMPLES = 32;
const truthCache = new Map<string, Record<string, number>>();

function truth(s: Scenario): Record<string, number> {
  const cached = truthCache.get(s.truthKey);
  const out: Record<string, number> = { ...cached };
  const missing = s.checks.filter((c) => out[`${c.metric}@1`] === undefined);
  if (missing.length) {
    for (const c of missing) out[`${c.metric}@1`] = 0;
    // The mean over TRUTH_SAMPLES independent samples: at n = 5,000 one sample of 2M rows was 3.6 of its sds
    // off for Δ accuracy, enough to bias the false-pass rate there by a point; four samples still left 0.3.
    for (let k = 0; k < TRUTH_SAMPLES; k++) {
      const data = s.generate(new Gen(new Rng(deriveSeed(1 + k, `${s.truthKey}/truth`))), s.truthN ?? TRUTH_N);
      const ci = { method: 'auto' as const, confidence_level: 0.95, min_eval_samples: 0, resamples: 1, seed: 1 };
      for (const c of missing) {
        const info = metricInfo(s.task, c.metric)!;
        const cand = estimateMetric(info, { ...data, champion: undefined }, ci, 'truth', s.options).candidate;
        const champ = estimateMetric(info, championAsCandidate(data), ci, 'truth', s.options).candidate;
        // Per row for totals (net_benefit), scaled to n below.
        out[`${c.metric}@1`] += (cand - champ) / (s.totals?.includes(c.metric) ? TRUTH_N : 1) / TRUTH_SAMPLES;
      }
    }
    truthCache.set(s.truthKey, out);
  }
  const scaled: Record<string, number> = {};
  for (const c of s.checks) scaled[c.metric] = out[`${c.metric}@1`]! * (s.totals?.includes(c.metric) ? s.n : 1);
  return scaled;
}

function emptyTally(): Tally {
  return { reps: 0, runs: 0, covered: 0, falsePass: 0, inconclusive: 0, falseEquivalence: 0, widthSum: 0, method: '' };
}

function simulate(s: Scenario, truthDelta: Record<string, number>, reps: number[], resamples: number): Tallies {
  const tallies: Tallies = {};
  for (const c of s.checks) for (const m of c.methods) tallies[key(c.metric, m)] = emptyTally();
  if (s.identical) tallies[GUARD] = emptyTally();
  for (const r of reps) {
    const data = s.generate(new Gen(new Rng(deriveSeed(r, s.id))), s.n);
    if (s.identical) {
      const t = tallies[GUARD]!;
      t.reps++;
      t.method = 'error';
      try {
        assertNotSelfComparison(data);
        t.runs++;
      } catch (err) {
        if (!(err instanceof GateError)) throw err;
        t.inconclusive++;
      }
    }
    for (const c of s.checks) {
      const info = metricInfo(s.task, c.metric)!;
      const d = truthDelta[c.metric]!;
      for (const method of c.methods) {
        const t = tallies[key(c.metric, method)]!;
        t.reps++;
        try {
          const e = estimateMetric(info, data, { method, confidence_level: 0.95, min_eval_samples: 0, resamples, seed: r }, c.metric, s.options);
          t.method ||= e.method!;
          if (e.undecidable) {
            t.inconclusive++;
            continue;
          }
          t.runs++;
          if (e.low! <= d && d <= e.high!) t.covered++;
          // Candidate-favouring miss: for higher-is-better the whole interval above Δ, else below it.
          if (info.direction === 1 ? e.low! > d : e.high! < d) t.falsePass++;
          // rule equivalent at the boundary: the truth is a change of exactly the margin, so passing is an error.
          const eq = { champion: e.champion!, delta: e.delta!, low: e.low!, high: e.high! };
          if (d !== 0 && applyComparison('equivalent', info.direction, { kind: 'absolute', value: Math.abs(d) }, eq).pass) t.falseEquivalence++;
          t.widthSum += e.high! - e.low!;
        } catch (err) {
          if (!(err instanceof NotEstimable)) throw err;
          t.inconclusive++;
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
      x.reps += t.reps;
      x.runs += t.runs;
      x.covered += t.covered;
      x.falsePass += t.falsePass;
      x.inconclusive += t.inconclusive;
      x.falseEquivalence += t.falseEquivalence;
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
  metrics?: string[];
}

/** The scenario with only the checks of `metrics` (all when absent); `metric|method` keeps one method. */
function withMetrics(s: Scenario, metrics: string[] | undefined): Scenario {
  if (!metrics) return s;
  const checks = s.checks
    .map((c) => ({ ...c, methods: c.methods.filter((m) => metrics.includes(c.metric) || metrics.includes(key(c.metric, m))) }))
    .filter((c) => c.methods.length);
  return { ...s, checks };
}

/** Metrics whose only interval is a row bootstrap over n rows, the slow part of a run: no extra test sets. */
const SLOW_METRICS = ['ece', 'pr_auc'];
function cheapChecks(s: Scenario): string[] {
  return s.checks.flatMap((c) => (SLOW_METRICS.includes(c.metric) ? [] : c.methods.map((m) => key(c.metric, m))));
}

if (!isMainThread) {
  const job = workerData as Job;
  const s = withMetrics(SCENARIOS.find((x) => x.id === job.scenario)!, job.metrics);
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
  const reps = Number(arg('--reps') ?? (quick ? 200 : 1000));
  const resamples = Number(arg('--resamples') ?? 1000);
  const workers = Number(arg('--workers') ?? Math.max(1, availableParallelism()));
  const only = arg('--only');
  const metrics = arg('--metrics')?.split(',');
  const first = Number(arg('--first') ?? 0);
  const started = Date.now();
  const rows: string[] = [];
  for (const s of SCENARIOS.filter((x) => !only || x.id.includes(only)).map((x) => withMetrics(x, metrics))) {
    if (!s.checks.length && !s.identical) continue;
    const t0 = Date.now();
    const truthDelta = truth(s);
    const run = (sc: Scenario, from: number, count: number): Promise<Tallies> => {
      const parts = Array.from({ length: workers }, (_, w) => Array.from({ length: count }, (_, r) => from + r).filter((r) => r % workers === w));
      const checks = sc === s ? metrics : sc.checks.flatMap((c) => c.methods.map((m) => key(c.metric, m)));
      return Promise.all(
        parts.map(
          (part) =>
            new Promise<Tallies>((resolve, reject) => {
              const worker = new Worker(new URL(import.meta.url), { workerData: { scenario: s.id, truth: truthDelta, reps: part, resamples, metrics: checks } satisfies Job });
              worker.once('message', resolve);
              worker.once('error', reject);
            })
        )
      ).then((results) => results.reduce(merge, {}));
    };
    const tallies = await run(s, first, reps);
    const factor = s.cheapRepsFactor ?? 1;
    if (factor > 1) {
      const cheap = withMetrics(s, cheapChecks(s));
      if (cheap.checks.length) merge(tallies, await run(cheap, first + reps, (factor - 1) * reps));
    }
    process.stderr.write(`${s.id}: ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
    if (s.identical) {
      const t = tallies[GUARD]!;
      rows.push(`| ${s.id} | (every check) | any | gate error | 0 | – | ${pct(t.runs, t.reps)} | – | error in ${pct(t.inconclusive, t.reps)} | – | ${t.reps} |`);
    }
    for (const c of s.checks) {
      for (const m of c.methods) rows.push(tableRow(s, c.metric, m, tallies[key(c.metric, m)]!, truthDelta[c.metric]!));
    }
  }
  const header =
    `Coverage of the 95 % paired intervals: ${reps} simulated test sets per scenario (4 × ${reps} for every check but ECE and PR-AUC in the binary and rare-disagreement scenarios from 500 rows and in normal regression at 500; column "test sets"), ${resamples} bootstrap resamples, ` +
    `truth from ${TRUTH_SAMPLES} × ${TRUTH_N.toLocaleString('en')} rows. Coverage and false pass ± their Monte Carlo standard errors. ` +
    `Coverage is over the test sets where the check decided; ⚠ marks coverage outside 94–96 % or false pass above 2.5 % by more than two standard errors. ` +
    `False pass = share of all test sets whose non-inferiority check passes when the margin equals the true degradation ` +
    `(target ≤ 2.5 %; an inconclusive check does not pass; – where the candidate is not truly worse). ` +
    `False equivalence = share of all test sets whose equivalence check (rule equivalent) passes when the margin equals the true |Δ| (target ≤ 2.5 %).\n\n` +
    '| scenario | metric | ci.method | ci_method | true Δ | coverage % | false pass % | false equivalence % | inconclusive % | mean width | test sets |\n' +
    '|---|---|---|---|---|---|---|---|---|---|---|\n';
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

function pct(k: number, n: number): string {
  return n ? (100 * k / n).toFixed(1) : '–';
}

/** p ± its Monte Carlo standard error, in percent. */
function withError(k: number, n: number): string {
  if (!n) return '–';
  const p = k / n;
  return `${(100 * p).toFixed(1)} ± ${(100 * sqrt(Math.max(p * (1 - p), 1 / n) / n)).toFixed(1)}`;
}

function tableRow(s: Scenario, metric: string, method: CiMethod, t: Tally, delta: number): string {
  const cov = t.covered / t.runs;
  const seCov = sqrt(Math.max(cov * (1 - cov), 1 / t.runs) / t.runs);
  const fp = t.falsePass / t.reps;
  const seFp = sqrt(Math.max(fp * (1 - fp), 1 / t.reps) / t.reps);
  // A false pass needs a candidate that is truly worse; where it is not, the column is left empty.
  const worse = metricInfo(s.task, metric)!.direction * delta < 0;
  const bad = t.runs > 0 && (cov < 0.94 - 2 * seCov || cov > 0.96 + 2 * seCov || (worse && fp > 0.025 + 2 * seFp));
  const coverage = t.runs ? withError(t.covered, t.runs) : '–';
  const falsePass = worse ? withError(t.falsePass, t.reps) : '–';
  return (
    `| ${s.id} | ${metric} | ${method} | ${t.method} | ${fmt(delta)} | ${coverage}${bad ? ' ⚠' : ''} | ${falsePass} | ` +
    `${delta !== 0 ? withError(t.falseEquivalence, t.reps) : '–'} | ${pct(t.inconclusive, t.reps)} | ${t.runs ? fmt(t.widthSum / t.runs) : '–'} | ${t.reps} |`
  );
}

function fmt(x: number): string {
  const a = Math.abs(x);
  return a !== 0 && (a < 1e-3 || a >= 1e4) ? x.toExponential(2) : x.toFixed(floor(a) >= 100 ? 1 : 4);
}
