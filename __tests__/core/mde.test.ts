/**
 * The report's `mde` field and the "too small to prove non-inferiority" note (issue 3), and new tasks and
 * metric_options through evaluate().
 */
import type { GateConfig, MetricCheckSpec } from '../../src/config/types.js';
import { DEFAULT_CI, DEFAULT_COLUMNS } from '../../src/config/types.js';
import type { PairedData } from '../../src/readers/paired-data.js';
import { evaluate } from '../../src/core/evaluate.js';
import { minimumDetectableEffect, seFromInterval } from '../../src/stats/power.js';

function config(task: GateConfig['task'], checks: MetricCheckSpec[], over: Partial<GateConfig> = {}): GateConfig {
  return {
    source: 'gate.yml', version: 1, task, artifacts: {}, columns: DEFAULT_COLUMNS, threshold: 0.5, positive_label: '1',
    ci: { ...DEFAULT_CI, resamples: 2000 },
    policy: { hard_fail: [], soft_fail: [], require_manual_approval_on_soft_fail: true },
    gates: { performance: { primary_metric: checks[0].metric, compare_to: 'champion', checks } },
    ...over
  };
}
const abs = (value: number) => ({ rule: 'non_inferior' as const, margin: { kind: 'absolute' as const, value } });

function binary(n: number): PairedData {
  const label = new Uint8Array(n);
  const cand = new Uint8Array(n);
  const champ = new Uint8Array(n);
  const cs = new Float64Array(n);
  const hs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    label[i] = i % 2;
    cand[i] = i % 7 === 0 ? 1 - label[i] : label[i];
    champ[i] = i % 6 === 0 ? 1 - label[i] : label[i];
    cs[i] = cand[i] ? 0.7 : 0.3;
    hs[i] = champ[i] ? 0.65 : 0.35;
  }
  return { n, label, extra: {}, fingerprint: 'sha256:x', candidate: { file: 'c', prediction: cand, score: cs }, champion: { file: 'h', prediction: champ, score: hs } };
}

test('mde = (z_{1−α/2} + z_0.8)·se', () => {
  expect(minimumDetectableEffect(0.01, 0.95)).toBeCloseTo((1.959963984540054 + 0.8416212335729143) * 0.01, 14);
  expect(minimumDetectableEffect(0, 0.9)).toBe(0);
  expect(seFromInterval(-0.0196, 0.0196, 0.95)).toBeCloseTo(0.01, 4);
  expect(() => minimumDetectableEffect(Number.NaN, 0.95)).toThrow(RangeError);
});

test('every comparison check carries mde; other rows carry null; the field follows direction', () => {
  const r = evaluate(config('binary', [{ metric: 'accuracy', comparison: abs(0.2), min_value: 0.5, key: 'k' }, { metric: 'log_loss', comparison: abs(0.5), key: 'k2' }]), binary(1200), { generatedAt: 'T' });
  const [cmp, floor, ll] = r.checks;
  expect(cmp.mde).toBeGreaterThan(0);
  expect(cmp.mde).toBeCloseTo(minimumDetectableEffect(seFromInterval(cmp.ci_low!, cmp.ci_high!, 0.95), 0.95), 12);
  expect(floor.mde).toBeNull();
  // auto's tilted interval leans with the skew of the differences; its mde is the normal interval's (analytic)
  // se, the one the power calculation assumes: (z + z₀.₈) × half the analytic width / z.
  expect(ll.ci_method).toBe('tilted-score');
  const normal = evaluate(config('binary', [{ metric: 'log_loss', comparison: abs(0.5), key: 'k2' }], { ci: { ...DEFAULT_CI, method: 'analytic' } }), binary(1200), { generatedAt: 'T' }).checks[0];
  expect(normal.ci_method).toBe('paired-normal');
  expect(ll.mde).toBeCloseTo(((1.959963984540054 + 0.8416212335729143) * (normal.ci_high! - normal.ci_low!)) / (2 * 1.959963984540054), 12);
  expect(Object.keys(cmp).slice(-2)).toEqual(['direction', 'mde']);
  expect(cmp.message).not.toMatch(/too small/);
});

test('a margin below the mde is called out in the message', () => {
  const r = evaluate(config('binary', [{ metric: 'accuracy', comparison: abs(0.001), key: 'k' }]), binary(600), { generatedAt: 'T' });
  const c = r.checks[0];
  expect(c.mde!).toBeGreaterThan(0.001);
  expect(c.message).toContain(`the test set is too small to prove non-inferiority at this margin: margin 0.0010 < mde ${c.mde!.toFixed(4)}, the smallest drop 600 rows rule out with 80% power`);
  // superior and strictly_better have no margin: no such note
  const s = evaluate(config('binary', [{ metric: 'accuracy', comparison: { rule: 'superior' }, key: 'k' }]), binary(600), { generatedAt: 'T' });
  expect(s.checks[0].mde).toBeGreaterThan(0);
  expect(s.checks[0].message).not.toMatch(/too small/);
});

test('skipped and inconclusive comparisons have mde null; JSON never holds NaN', () => {
  const noChamp = { ...binary(100), champion: undefined };
  const r = evaluate(config('binary', [{ metric: 'roc_auc', comparison: abs(0.01), key: 'k' }]), noChamp, { generatedAt: 'T' });
  expect([r.checks[0].status, r.checks[0].mde]).toEqual(['skipped', null]);
  const oneClass = binary(100);
  oneClass.label.fill(0);
  const q = evaluate(config('binary', [{ metric: 'roc_auc', comparison: abs(0.01), key: 'k' }]), oneClass, { generatedAt: 'T' });
  expect([q.checks[0].status, q.checks[0].mde, q.checks[0].message]).toEqual(['inconclusive', null, 'ROC-AUC needs both classes, but all 100 rows are negative']);
  expect(JSON.stringify(q)).not.toMatch(/NaN|Infinity/);
});

test('regression through evaluate: mape notes the rows it left out, also on floors', () => {
  const n = 600;
  const target = Float64Array.from({ length: n }, (_, i) => (i % 10 === 0 ? 0 : 1 + (i % 13)));
  const data: PairedData = {
    n, label: new Uint8Array(n), target, extra: {}, fingerprint: 'sha256:x',
    candidate: { file: 'c', value: target.map((v, i) => v + ((i % 5) - 2) * 0.1) },
    champion: { file: 'h', value: target.map((v, i) => v + ((i % 3) - 1) * 0.2) }
  };
  const r = evaluate(config('regression', [{ metric: 'mape', comparison: abs(0.05), max_value: 1, key: 'k' }]), data, { generatedAt: 'T' });
  expect(r.checks.map((c) => c.ci_method)).toEqual(['tilted-score', null]);
  for (const c of r.checks) expect(c.message).toContain('mape leaves out the 60 of 600 rows whose label is 0 (it divides by the label)');
});

test('net_benefit reads metric_options', () => {
  const cfg = config('binary', [{ metric: 'net_benefit', comparison: abs(50), key: 'k' }], { metric_options: { net_benefit: { tp: 10, fp: -2, tn: 0, fn: -20 } } });
  const r = evaluate(cfg, binary(600), { generatedAt: 'T' });
  const c = r.checks[0];
  // candidate: 300 positives, wrong on i % 7 === 0 rows
  let tp = 0, fp = 0, fn = 0;
  for (let i = 0; i < 600; i++) {
    const y = i % 2, p = i % 7 === 0 ? 1 - y : y;
    if (p && y) tp++; else if (p) fp++; else if (y) fn++;
  }
  expect(c.candidate).toBe(10 * tp - 2 * fp - 20 * fn);
  expect(c.ci_method).toBe('paired-normal');
});
