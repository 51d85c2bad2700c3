/** The equivalence rule's boundaries, and the joint size of the plan being the smallest that reaches the power. */
import { makeCheck, type CheckResult, type Report } from '../../src/core/report.js';
import { buildPlan, jointPower } from '../../src/core/plan.js';
import { applyComparison } from '../../src/core/rules.js';
import { twoSidedZ } from '../../src/stats/distributions.js';

test('equivalent: both bounds strictly inside (−e, e), whatever the direction', () => {
  const abs = { kind: 'absolute' as const, value: 0.02 };
  const at = (low: number, high: number) => ({ champion: 0.8, delta: (low + high) / 2, low, high });
  for (const d of [1, -1] as const) {
    expect(applyComparison('equivalent', d, abs, at(-0.019, 0.019))).toEqual({ pass: true, threshold: 0.02, margin: 0.02 });
    expect(applyComparison('equivalent', d, abs, at(-0.02, 0.01)).pass).toBe(false);
    expect(applyComparison('equivalent', d, abs, at(-0.01, 0.02)).pass).toBe(false);
    expect(applyComparison('equivalent', d, abs, at(0.021, 0.03)).pass).toBe(false);
  }
  // relative: e = r·|champion|
  const rel = applyComparison('equivalent', 1, { kind: 'relative', value: 0.05 }, at(-0.039, 0.039));
  expect(rel.pass).toBe(true);
  expect(rel.threshold).toBeCloseTo(0.04, 15);
});

function check(name: string, rule: CheckResult['rule'], margin: number, se: number, n: number, segment: string | null = null): CheckResult {
  const z = twoSidedZ(0.95);
  return makeCheck({
    gate: segment ? 'segments' : 'performance', name, metric: name, segment, group: null, status: 'pass', severity: 'hard', n,
    candidate: 0.5, champion: 0.5, delta: 0, ci_low: -z * se, ci_high: z * se, ci_method: 'x',
    threshold: rule === 'equivalent' ? margin : -margin, rule, message: '', direction: 1
  });
}

test('the whole-gate size is the smallest n whose product of powers reaches the target', () => {
  const checks = [check('a', 'non_inferior', 0.01, 0.006, 5000), check('b', 'equivalent', 0.02, 0.008, 5000), check('c', 'non_inferior', 0.03, 0.02, 2000, 'seg')];
  const report = { test_set: { n: 5000, fingerprint: 'x' }, checks, settings: { confidence_level: 0.95 } } as unknown as Report;
  for (const power of [0.8, 0.9]) {
    const plan = buildPlan(report, power, null);
    const n = plan.gate_required_n!;
    expect(jointPower(checks, 0.95, n, 5000)).toBeGreaterThanOrEqual(power);
    expect(jointPower(checks, 0.95, n - 1, 5000)).toBeLessThan(power);
    // at least every single check's own size, in test-set rows (the segment's 2000 of 5000 rows scaled up)
    for (const c of plan.checks) expect(n).toBeGreaterThanOrEqual(Math.floor((c.required_n! * 5000) / c.pilot_n));
    expect(plan.gate_power_at_pilot).toBeCloseTo(jointPower(checks, 0.95, 5000, 5000), 12);
  }
});
