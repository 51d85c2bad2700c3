import type { GateConfig, MetricCheckSpec } from '../../src/config/types.js';
import { DEFAULT_CI, DEFAULT_COLUMNS } from '../../src/config/types.js';
import type { PairedData } from '../../src/readers/paired-data.js';
import { evaluate } from '../../src/core/evaluate.js';

function config(checks: MetricCheckSpec[], over: Partial<GateConfig> = {}, perf: { min_improvement_for_auto_merge?: number } = {}): GateConfig {
  return {
    source: 'gate.yml', version: 1, task: 'binary', artifacts: {}, columns: DEFAULT_COLUMNS, threshold: 0.5,
    positive_label: '1', ci: { ...DEFAULT_CI, resamples: 2000 },
    policy: { hard_fail: [], soft_fail: [], require_manual_approval_on_soft_fail: true },
    gates: { performance: { primary_metric: checks[0].metric, compare_to: 'champion', checks, ...perf } },
    ...over
  };
}

const abs = (value: number) => ({ rule: 'non_inferior' as const, margin: { kind: 'absolute' as const, value } });

/** n rows; label = i % 2; the candidate is right on all rows but every `candWrong`-th, the champion every `champWrong`-th. */
function data(n: number, candWrong: number, champWrong: number, withChampion = true): PairedData {
  const label = new Uint8Array(n);
  const cand = new Uint8Array(n);
  const champ = new Uint8Array(n);
  const candScore = new Float64Array(n);
  const champScore = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    label[i] = i % 2;
    cand[i] = i % candWrong === 0 ? 1 - label[i] : label[i];
    champ[i] = i % champWrong === 0 ? 1 - label[i] : label[i];
    candScore[i] = cand[i] ? 0.7 : 0.3;
    champScore[i] = champ[i] ? 0.6 : 0.4;
  }
  return {
    n, label, extra: {}, fingerprint: 'sha256:x',
    candidate: { file: 'c.csv', prediction: cand, score: candScore },
    champion: withChampion ? { file: 'p.csv', prediction: champ, score: champScore } : undefined
  };
}

const opts = { generatedAt: 'T' };

test('accuracy point values, Δ and an interval that contains it', () => {
  const r = evaluate(config([{ metric: 'accuracy', comparison: abs(0.01), key: 'k' }]), data(1000, 10, 5), opts);
  const c = r.checks[0];
  expect(c.candidate).toBeCloseTo(0.9, 12);
  expect(c.champion).toBeCloseTo(0.8, 12);
  expect(c.delta).toBeCloseTo(0.1, 12);
  expect(c.ci_low!).toBeLessThan(0.1);
  expect(c.ci_high!).toBeGreaterThan(0.1);
  expect(c.threshold).toBe(-0.01);
  expect(c.status).toBe('pass');
  expect(c.ci_method).toBe('tango');
  expect(r.gate_result).toBe('pass');
  expect(r.gates).toEqual({ performance: 'pass' });
});

test('a worse candidate fails a hard gate; the same check in a soft gate gives soft_fail', () => {
  const checks = [{ metric: 'accuracy', comparison: abs(0.01), key: 'k' }];
  expect(evaluate(config(checks), data(1000, 5, 10), opts).gate_result).toBe('fail');
  const soft = config(checks, { policy: { hard_fail: [], soft_fail: ['performance'], require_manual_approval_on_soft_fail: true, waiver_label: 'waive' } });
  expect(evaluate(soft, data(1000, 5, 10), opts).gate_result).toBe('soft_fail');
  const pullRequest = {
    number: 7,
    labels: ['bug', 'waive'],
    labeled: [{ label: 'waive', by: 'lead', at: '2026-11-20T10:00:00Z', permission: 'admin' }],
    head_sha: 'c0ffee',
    head_pushed_at: '2026-11-20T09:00:00Z'
  };
  const waived = evaluate(soft, data(1000, 5, 10), { ...opts, pullRequest });
  expect([waived.gate_result, waived.waived, waived.auto_merge]).toEqual(['pass', true, false]);
  expect(waived.waiver).toEqual({ label: 'waive', pull_request: 7, by: 'lead', at: '2026-11-20T10:00:00Z', commit: 'c0ffee' });
  expect(waived.summary).toBe('pass (waived): 1 of 1 checks failed (performance/accuracy)');
  const otherLabel = evaluate(soft, data(1000, 5, 10), { ...opts, pullRequest: { number: 7, labels: ['bug'] } });
  expect([otherLabel.gate_result, otherLabel.waiver]).toEqual(['soft_fail', null]);
  // A hard failure cannot be waived.
  const hard = evaluate(config(checks, { policy: { hard_fail: [], soft_fail: [], require_manual_approval_on_soft_fail: true, waiver_label: 'waive' } }), data(1000, 5, 10), { ...opts, pullRequest });
  expect([hard.gate_result, hard.waived, hard.waiver]).toEqual(['fail', false, null]);
});

test('without a champion, comparisons are skipped and floors still apply', () => {
  const r = evaluate(config([{ metric: 'accuracy', comparison: abs(0.01), min_value: 0.95, key: 'k' }]), data(1000, 10, 5, false), opts);
  expect(r.checks.map((c) => [c.rule, c.status])).toEqual([['non_inferior', 'skipped'], ['min_value', 'fail']]);
  expect(r.checks[0].message).toBe('no champion configured: comparison skipped');
  expect(r.checks[1].candidate).toBeCloseTo(0.9, 12);
  expect(r.checks[1].message).toBe('candidate 0.9000 is below the floor 0.9500');
  expect(r.gate_result).toBe('fail');
  expect(r.settings.champion).toBe(false);
});

test('fewer rows than min_eval_samples makes every check inconclusive, which fails the gate', () => {
  const c = config([{ metric: 'f1', comparison: abs(0.5), key: 'k' }], { ci: { ...DEFAULT_CI, min_eval_samples: 5000 } });
  const r = evaluate(c, data(1000, 10, 5), opts);
  expect(r.checks[0].status).toBe('inconclusive');
  expect(r.checks[0].message).toBe('only 1000 rows, fewer than ci.min_eval_samples (5000): too few to decide');
  expect(r.gate_result).toBe('fail');
  expect(r.summary).toBe('fail: 1 of 1 checks failed (performance/f1 inconclusive)');
});

test('ROC-AUC on one class is inconclusive with a reason, never NaN', () => {
  const d = data(100, 10, 5);
  d.label.fill(1);
  const r = evaluate(config([{ metric: 'roc_auc', comparison: abs(0.01), key: 'k' }]), d, opts);
  expect(r.checks[0].status).toBe('inconclusive');
  expect(r.checks[0].message).toBe('ROC-AUC needs both classes, but all 100 rows are positive');
  expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
});

test('lower-is-better metrics compare the upper bound with +a', () => {
  const r = evaluate(config([{ metric: 'log_loss', comparison: { rule: 'non_inferior', margin: { kind: 'relative', value: 0.02 } }, key: 'k' }]), data(1000, 10, 5), opts);
  const c = r.checks[0];
  expect(c.ci_method).toBe('tilted-score');
  expect(c.threshold).toBeCloseTo(0.02 * c.champion!, 15);
  expect(c.status).toBe(c.ci_high! < c.threshold! ? 'pass' : 'fail');
  expect(c.direction).toBe(-1);
});

test('auto_merge needs a pass, an opt-in threshold and enough improvement of the primary metric', () => {
  const checks = [{ metric: 'accuracy', comparison: abs(0.01), key: 'k' }];
  expect(evaluate(config(checks, {}, { min_improvement_for_auto_merge: 0.05 }), data(1000, 10, 5), opts).auto_merge).toBe(true);
  expect(evaluate(config(checks, {}, { min_improvement_for_auto_merge: 0.2 }), data(1000, 10, 5), opts).auto_merge).toBe(false);
  expect(evaluate(config(checks), data(1000, 10, 5), opts).auto_merge).toBe(false);
});

test('the interval of a check does not depend on the other checks (own random stream)', () => {
  // f1 under ci.method bootstrap (under auto its score interval has no randomness).
  const f1 = { metric: 'f1', comparison: abs(0.01), key: 'a' };
  const boot = { ci: { ...DEFAULT_CI, method: 'bootstrap' as const } };
  const alone = evaluate(config([f1], boot), data(1000, 10, 5), opts).checks[0];
  const withOthers = evaluate(config([{ metric: 'accuracy', comparison: abs(0.01), key: 'b' }, f1], boot), data(1000, 10, 5), opts).checks[1];
  expect(alone.ci_method).toBe('bootstrap-cells');
  expect(withOthers).toEqual(alone);
  const otherSeed = evaluate(config([f1], { ci: { ...DEFAULT_CI, method: 'bootstrap', resamples: 2000, seed: 7 } }), data(1000, 10, 5), opts).checks[0];
  expect([otherSeed.ci_low, otherSeed.ci_high]).not.toEqual([alone.ci_low, alone.ci_high]);
});
