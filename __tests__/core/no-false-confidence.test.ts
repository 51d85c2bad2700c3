/**
 * The gate never passes on evidence it does not have: identical predictions are a self-comparison error, a
 * degenerate metric or too few disagreements make the comparison inconclusive with the reason, skewed losses on
 * few rows are undecided, the default row floor stops an almost empty gate, and 5 vs 0 disagreements never
 * prove superiority (the exact one-sided McNemar p is 1/32 = 0.031 > 0.025).
 */
import type { GateConfig, MetricCheckSpec } from '../../src/config/types.js';
import { DEFAULT_CI, DEFAULT_COLUMNS } from '../../src/config/types.js';
import type { PairedData } from '../../src/readers/paired-data.js';
import { evaluate } from '../../src/core/evaluate.js';
import { estimateMetric } from '../../src/core/estimate.js';
import { shape, skewness } from '../../src/core/skew-floor.js';
import { GateError } from '../../src/base/errors.js';
import { metricInfo } from '../../src/stats/catalog.js';
import { textColumn } from '../../src/readers/text-column.js';

function config(checks: MetricCheckSpec[], task: GateConfig['task'] = 'binary', ci = { ...DEFAULT_CI, resamples: 1000 }): GateConfig {
  return {
    source: 'gate.yml', version: 1, task, artifacts: {}, columns: DEFAULT_COLUMNS, threshold: 0.5,
    positive_label: '1', ci,
    policy: { hard_fail: [], soft_fail: [], require_manual_approval_on_soft_fail: true },
    gates: { performance: { primary_metric: checks[0].metric, compare_to: 'champion', checks } }
  };
}

const margin = (value: number) => ({ rule: 'non_inferior' as const, margin: { kind: 'absolute' as const, value } });
const opts = { generatedAt: 'T' };

/** n rows, label = i % 2 unless `labels` given; predictions from the functions of the row index. */
function binary(n: number, cand: (i: number) => number, champ: (i: number) => number, labels?: (i: number) => number): PairedData {
  const label = Uint8Array.from({ length: n }, (_, i) => (labels ? labels(i) : i % 2));
  return {
    n, label, extra: {}, fingerprint: 'sha256:x',
    candidate: { file: 'c.csv', prediction: Uint8Array.from({ length: n }, (_, i) => cand(i)) },
    champion: { file: 'p.csv', prediction: Uint8Array.from({ length: n }, (_, i) => champ(i)) }
  };
}

test('identical predictions on every row are a GateError: comparing a model with itself', () => {
  const d = binary(500, (i) => (i % 7 === 0 ? 1 : i % 2), (i) => (i % 7 === 0 ? 1 : i % 2));
  const run = () => evaluate(config([{ metric: 'accuracy', comparison: margin(0.001), key: 'k' }]), d, opts);
  expect(run).toThrow(GateError);
  expect(run).toThrow(
    'comparing a model with itself: candidate and champion predictions are identical on all 500 rows (c.csv and p.csv) — check artifacts: the two files must come from different models'
  );
  // Regression and multiclass too; scores count: equal predictions with different scores are two models.
  const t = Float64Array.from({ length: 50 }, (_, i) => i);
  const reg: PairedData = { n: 50, label: new Uint8Array(50), target: t, extra: {}, fingerprint: 'x', candidate: { file: 'a', value: t }, champion: { file: 'b', value: Float64Array.from(t) } };
  expect(() => evaluate(config([{ metric: 'mae', comparison: margin(1), key: 'k' }], 'regression'), reg, opts)).toThrow(/comparing a model with itself/);
  const scored = { ...d, champion: { ...d.champion!, score: Float64Array.from({ length: 500 }, () => 0.5) }, candidate: { ...d.candidate, score: Float64Array.from({ length: 500 }, () => 0.6) } };
  expect(() => evaluate(config([{ metric: 'accuracy', comparison: margin(0.001), key: 'k' }]), scored, opts)).not.toThrow();
});

test('near-identical predictions: 5 vs 0 disagreements of 500 do not prove superiority, 8 vs 0 do', () => {
  for (const [k, pass] of [[5, false], [8, true]] as const) {
    // Champion wrong on rows 0..k−1 where the candidate is right; identical elsewhere.
    const d = binary(500, (i) => i % 2, (i) => (i < k ? 1 - (i % 2) : i % 2));
    const r = evaluate(config([{ metric: 'accuracy', comparison: { rule: 'superior' }, key: 'k' }]), d, opts);
    expect([r.checks[0].status, r.checks[0].ci_method]).toEqual([pass ? 'pass' : 'fail', 'tango']);
    if (!pass) expect(r.checks[0].ci_low).toBeLessThanOrEqual(0);
  }
});

test('a non-inferiority margin below the exact bound of 0 disagreements on a subset is not passed', () => {
  // One row differs (so no self-comparison error), on a different segment: within the segment the models agree.
  const d = binary(1000, (i) => i % 2, (i) => (i === 999 ? 1 - (i % 2) : i % 2));
  d.extra = { seg: textColumn(Array.from({ length: 1000 }, (_, i) => (i < 500 ? 'a' : 'b'))) };
  const cfg = config([{ metric: 'accuracy', comparison: margin(0.001), key: 'k' }]);
  cfg.columns = { ...DEFAULT_COLUMNS, segment: 'seg' };
  cfg.gates.segments = [{ name: 'a', metric: 'accuracy', comparison: margin(0.001), key: 's' } as never];
  const r = evaluate(cfg, d, opts);
  const seg = r.checks.find((c) => c.gate === 'segments')!;
  // 0 disagreements among 500 rows bound the disagreement rate by 0.735 % (Clopper–Pearson, 97.5 % one-sided).
  expect(seg.status).toBe('fail');
  expect(seg.ci_low!).toBeLessThanOrEqual(-0.00735061);
  expect(seg.ci_high!).toBeGreaterThanOrEqual(0.00735061);
});

test('degenerate metrics are inconclusive with the reason; their values are still reported', () => {
  const allPositive = binary(200, (i) => (i % 3 ? 1 : 0), (i) => (i % 4 ? 1 : 0), () => 1);
  for (const metric of ['precision', 'mcc', 'f1', 'balanced_accuracy']) {
    const r = evaluate(config([{ metric, comparison: margin(0.5), key: 'k' }]), allPositive, opts);
    expect([metric, r.checks[0].status]).toEqual([metric, 'inconclusive']);
    expect(r.checks[0].message).toBe(`${metric} needs both label classes to compare, but all 200 rows are positive: its value is a convention here, not a measurement`);
    expect(r.checks[0].candidate).not.toBeNull();
  }
  // The champion predicts no positive: its precision is 0 only by convention.
  const noPositives = binary(400, (i) => (i % 3 === 0 ? 1 - (i % 2) : i % 2), () => 0);
  const p = evaluate(config([{ metric: 'precision', comparison: margin(0.5), key: 'k' }]), noPositives, opts).checks[0];
  expect([p.status, p.message]).toEqual(['inconclusive', 'precision is undefined for the champion: no row is predicted positive (scikit-learn reports 0 by convention)']);
  const m = evaluate(config([{ metric: 'mcc', comparison: margin(0.5), key: 'k' }]), noPositives, opts).checks[0];
  expect([m.status, m.message]).toEqual(['inconclusive', 'mcc is undefined for the champion: every row gets the same prediction (scikit-learn reports 0 by convention)']);
  // PR-AUC with positives only.
  const scored: PairedData = {
    ...allPositive,
    candidate: { ...allPositive.candidate, score: Float64Array.from({ length: 200 }, (_, i) => i / 200) },
    champion: { ...allPositive.champion!, score: Float64Array.from({ length: 200 }, (_, i) => 1 - i / 200) }
  };
  const pr = evaluate(config([{ metric: 'pr_auc', comparison: margin(0.5), key: 'k' }]), scored, opts).checks[0];
  expect([pr.status, pr.message]).toEqual(['inconclusive', 'pr_auc needs both label classes to compare, but all 200 rows are positive: every ranking scores 1']);
});

test('f1 with fewer than 30 disagreeing rows is inconclusive, with 30 it is decided', () => {
  for (const [k, status] of [[29, 'inconclusive'], [30, 'pass']] as const) {
    // Both wrong on every 10th row; the candidate also on the first k rows with i % 10 = 5: k disagreements.
    const d = binary(2000, (i) => (i % 10 === 0 || (i % 10 === 5 && i < 10 * k) ? 1 - (i % 2) : i % 2), (i) => (i % 10 === 0 ? 1 - (i % 2) : i % 2));
    const c = evaluate(config([{ metric: 'f1', comparison: margin(0.2), key: 'k' }]), d, opts).checks[0];
    expect(c.status).toBe(status);
    if (status === 'inconclusive') expect(c.message).toMatch(/^only 29 rows where the two models' predictions differ \(fewer than 30\)/);
  }
});

test('the default floor: fewer than 30 rows is inconclusive, and the report carries the floor', () => {
  const d = binary(29, (i) => (i % 5 === 0 ? 1 - (i % 2) : i % 2), (i) => (i % 4 === 0 ? 1 - (i % 2) : i % 2));
  const r = evaluate(config([{ metric: 'accuracy', comparison: margin(0.5), key: 'k' }]), d, opts);
  expect(DEFAULT_CI.min_eval_samples).toBe(30);
  expect([r.checks[0].status, r.checks[0].message]).toEqual(['inconclusive', 'only 29 rows, fewer than ci.min_eval_samples (30): too few to decide']);
  expect(r.settings.min_eval_samples).toBe(30);
});

describe('losses: skewed per-row differences on few rows are undecided', () => {
  const ci = { method: 'auto' as const, confidence_level: 0.95, min_eval_samples: 0, resamples: 200, seed: 1 };
  function regression(n: number, outlierEvery: number): PairedData {
    const target = Float64Array.from({ length: n }, (_, i) => (i % 7) - 3);
    // The candidate's error is 10 on every outlierEvery-th row, 0.5 elsewhere; the champion's 1 throughout.
    const cand = Float64Array.from(target, (y, i) => y + (i % outlierEvery === 0 ? 10 : 0.5));
    const champ = Float64Array.from(target, (y) => y + 1);
    return { n, label: new Uint8Array(n), target, extra: {}, fingerprint: 'x', candidate: { file: 'a', value: cand }, champion: { file: 'b', value: champ } };
  }
  test('sample skewness equals the closed form', () => {
    // 1 of 10 values is 1, the rest 0: skewness (1 − 2p)/√(p(1 − p)) with p = 0.1 = 8/3.
    expect(skewness([1, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toBeCloseTo(8 / 3, 12);
  });
  test.each(['mse', 'rmse', 'r2'])('%s: below 500 rows, or 25·γ² rows, inconclusive; with enough rows decided', (metric) => {
    const info = metricInfo('regression', metric)!;
    expect(estimateMetric(info, regression(60, 1000), ci, metric).undecidable).toMatch(/^only 60 rows: comparisons of the (loss|squared errors) need at least 500/);
    // One outlier in 50 rows: skewness ≈ 6.9 → about 25·6.9² ≈ 1,200 rows needed.
    const few = estimateMetric(info, regression(1000, 50), ci, metric).undecidable;
    expect(few).toMatch(/too skewed for 1000 rows \(skewness -?\d/);
    expect(estimateMetric(info, regression(20000, 50), ci, metric).undecidable).toBeUndefined();
  });
  test.each(['auto', 'analytic', 'bootstrap'] as const)('ci.method %s: symmetric but heavy-tailed differences need 30 degrees of freedom, 2n/(κ − 1)', (method) => {
    // |e| is 5 instead of 1 on one row in 200 for each model, on different rows: Δ MAE's differences are 0 but
    // for ±4 on 1 % of rows, skewness 0 and kurtosis 100, so 2n/99 degrees of freedom: 20 at 1,000 rows.
    const heavy = (n: number): PairedData => {
      const target = new Float64Array(n);
      const cand = Float64Array.from({ length: n }, (_, i) => (i % 200 === 0 ? 5 : 1));
      const champ = Float64Array.from({ length: n }, (_, i) => (i % 200 === 100 ? 5 : 1));
      return { n, label: new Uint8Array(n), target, extra: {}, fingerprint: 'x', candidate: { file: 'a', value: cand }, champion: { file: 'b', value: champ } };
    };
    const info = metricInfo('regression', 'mae')!;
    const at = { ...ci, method };
    expect(shape(Float64Array.from({ length: 1000 }, (_, i) => (i % 200 === 0 ? 4 : i % 200 === 100 ? -4 : 0))).kurtosis).toBeCloseTo(100, 9);
    expect(estimateMetric(info, heavy(1000), at, 'mae').undecidable).toBe(
      'the per-row differences of the loss are too heavy-tailed for 1000 rows (kurtosis 100.0000): a few rows carry their variance, which leaves its estimate about 20 degrees of freedom; about 1485 rows are needed (docs/statistics.md), so the comparison is not decided'
    );
    expect(estimateMetric(info, heavy(2000), at, 'mae').undecidable).toBeUndefined();
  });
});
