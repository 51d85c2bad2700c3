/** The engine with the decision rules: equivalence, Holm-adjusted superiority (and auto_merge), decision_errors, plan. */
import type { GateConfig, MetricCheckSpec } from '../../src/config/types.js';
import { DEFAULT_CI, DEFAULT_COLUMNS } from '../../src/config/types.js';
import type { PairedData } from '../../src/readers/paired-data.js';
import { superiorityP } from '../../src/core/decision-errors.js';
import { evaluate } from '../../src/core/evaluate.js';
import { renderMarkdown } from '../../src/render/markdown.js';

function config(checks: MetricCheckSpec[], over: Partial<GateConfig> = {}, min?: number): GateConfig {
  return {
    source: 'gate.yml', version: 1, task: 'binary', artifacts: {}, columns: DEFAULT_COLUMNS, threshold: 0.5, positive_label: '1',
    ci: { ...DEFAULT_CI, method: 'analytic', resamples: 2000 },
    policy: { hard_fail: [], soft_fail: [], require_manual_approval_on_soft_fail: true },
    gates: { performance: { primary_metric: checks[0].metric, compare_to: 'champion', checks, ...(min !== undefined ? { min_improvement_for_auto_merge: min } : {}) } },
    ...over
  };
}

/** n rows, label = i % 2; the candidate is wrong on rows i % candWrong === 0, the champion on i % champWrong === 0. */
function data(n: number, candWrong: number, champWrong: number): PairedData {
  const label = new Uint8Array(n);
  const cand = new Uint8Array(n);
  const champ = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    label[i] = i % 2;
    cand[i] = i % candWrong === 0 ? 1 - label[i] : label[i];
    champ[i] = i % champWrong === 0 ? 1 - label[i] : label[i];
  }
  return {
    n, label, extra: {}, fingerprint: 'sha256:x',
    candidate: { file: 'c.csv', prediction: cand }, champion: { file: 'p.csv', prediction: champ }
  };
}

const opts = { generatedAt: 'T' };
const eq = (metric: string, value: number, kind: 'absolute' | 'relative' = 'absolute'): MetricCheckSpec => ({
  metric, key: metric, comparison: { rule: 'equivalent', margin: { kind, value } }
});
const sup = (metric: string): MetricCheckSpec => ({ metric, key: metric, comparison: { rule: 'superior' } });

test('equivalent passes iff the whole interval lies inside (−e, e); threshold is e', () => {
  // Identical error patterns but on different rows: Δ = 0, the interval straddles 0.
  const d = data(4000, 10, 11);
  const wide = evaluate(config([eq('accuracy', 0.05)]), d, opts).checks[0];
  expect(wide.rule).toBe('equivalent');
  expect(wide.threshold).toBe(0.05);
  expect(wide.ci_low!).toBeGreaterThan(-0.05);
  expect(wide.ci_high!).toBeLessThan(0.05);
  expect(wide.status).toBe('pass');
  expect(wide.message).toMatch(/the whole interval lies within ±0\.0500: equivalent/);
  const narrow = evaluate(config([eq('accuracy', 0.005)]), d, opts).checks[0];
  expect(narrow.status).toBe('fail');
  expect(narrow.message).toMatch(/the interval reaches outside ±0\.0050: a change of at least the margin is not ruled out/);
  // ±0.005 is below what 4000 rows resolve: the message says so, with the margin they could show.
  expect(narrow.message).toMatch(/the test set is too small to show equivalence at this margin: margin 0\.0050 < 0\.0\d{3}, the smallest margin 4000 rows/);
  expect(wide.message).not.toMatch(/too small/);
  // A relative margin is taken from the champion's value.
  const rel = evaluate(config([eq('accuracy', 0.05, 'relative')]), d, opts).checks[0];
  expect(rel.threshold).toBeCloseTo(0.05 * rel.champion!, 12);
});

test('an improvement beyond the margin is not equivalence either', () => {
  const c = evaluate(config([eq('accuracy', 0.02)]), data(4000, 20, 5), opts).checks[0];
  expect(c.delta!).toBeGreaterThan(0.1);
  expect(c.status).toBe('fail');
});

test('Holm decides several superiority checks; auto_merge follows the adjusted statuses', () => {
  // Candidate wrong on every 9th row, champion on every 7th: all three improve, recall and specificity only
  // just (one-sided p ≈ 0.016 and 0.019: below 2.5 % on their own, not below Holm's 2.5 %/2 after accuracy's).
  const d = data(2000, 9, 7);
  const checks = [sup('accuracy'), sup('recall'), sup('specificity')];
  const none = evaluate(config(checks, { policy: { hard_fail: [], soft_fail: [], require_manual_approval_on_soft_fail: true, superiority: 'none' } }, 0), d, opts);
  const holm = evaluate(config(checks, {}, 0), d, opts);
  expect(holm.decision_errors!.superiority).toEqual({ method: 'holm', family_alpha: 0.025 });
  expect(none.decision_errors!.superiority.method).toBe('none');
  const alpha = 0.025;
  const ps = none.checks.map((c) => superiorityP(c, 0.95));
  const sorted = [...ps].map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const reject = new Set<number>();
  for (const [k, x] of sorted.entries()) {
    if (x.p > alpha / (3 - k)) break;
    reject.add(x.i);
  }
  holm.checks.forEach((c, i) => expect(c.status).toBe(none.checks[i].status === 'pass' && reject.has(i) ? 'pass' : 'fail'));
  // The fixture is chosen so that Holm takes away at least one pass, and with it auto-merge.
  expect(holm.checks.filter((c) => c.status === 'pass').length).toBeLessThan(none.checks.filter((c) => c.status === 'pass').length);
  expect(holm.checks.some((c) => /after Holm's adjustment for 3 superiority checks/.test(c.message))).toBe(true);
  expect(holm.auto_merge).toBe(false);
});

test('every report carries decision_errors and plan; the comment says it in one line', () => {
  const checks: MetricCheckSpec[] = Array.from({ length: 3 }, (_, i) => ({
    metric: ['accuracy', 'recall', 'precision'][i], key: String(i), comparison: { rule: 'non_inferior', margin: { kind: 'absolute', value: 0.02 } }
  }));
  const r = evaluate(config(checks), data(2000, 10, 11), opts);
  expect(r.decision_errors!.non_inferiority.checks).toBe(3);
  expect(r.decision_errors!.non_inferiority.p_equal_fails_any).toBeGreaterThan(0.5);
  expect(r.plan!.map((p) => [p.name, p.margin])).toEqual([['accuracy', 0.02], ['recall', 0.02], ['precision', 0.02]]);
  for (const p of r.plan!) expect(p.required_n!).toBeGreaterThan(2000);
  const md = renderMarkdown(r, { maxLength: 65536 });
  const pct = (100 * r.decision_errors!.non_inferiority.p_equal_fails_any).toFixed(1).replace(/\.0$/, '');
  expect(md).toContain(
    `**Decision errors:** a candidate exactly as good as the champion would fail at least one of these 3 margin checks ${pct} % of the time ` +
      '(3 of them need more rows than this test set for 80 % power; see `plan` in the report).'
  );
});
