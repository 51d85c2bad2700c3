import { decide, gateStatus, severityOf } from '../../src/core/policy.js';
import type { CheckResult } from '../../src/core/report.js';
import type { PolicySettings } from '../../src/config/types.js';

function check(status: CheckResult['status'], severity: CheckResult['severity'], gate: CheckResult['gate'] = 'performance'): CheckResult {
  return {
    gate, name: 'f1', metric: 'f1', segment: null, group: null, status, severity, n: 100,
    candidate: 0.5, champion: 0.5, delta: 0, ci_low: 0, ci_high: 0, ci_method: null, threshold: 0,
    rule: 'non_inferior', message: '', direction: 1
  };
}

const policy = (p: Partial<PolicySettings> = {}): PolicySettings => ({
  hard_fail: [], soft_fail: [], require_manual_approval_on_soft_fail: true, waiver_label: 'model-gate/waive', ...p
});

test('a gate not listed in policy is hard', () => {
  expect(severityOf(policy(), 'performance')).toBe('hard');
  expect(severityOf(policy({ soft_fail: ['performance'] }), 'performance')).toBe('soft');
});

test('any failing hard check fails the gate, and no waiver helps', () => {
  expect(decide([check('pass', 'hard'), check('fail', 'hard')], policy(), true)).toEqual({ gate_result: 'fail', waived: false });
  expect(decide([check('inconclusive', 'hard')], policy(), false).gate_result).toBe('fail');
});

test('failing soft checks: soft_fail, waived pass, or warning', () => {
  const checks = [check('pass', 'hard'), check('fail', 'soft')];
  expect(decide(checks, policy(), false)).toEqual({ gate_result: 'soft_fail', waived: false });
  expect(decide(checks, policy(), true)).toEqual({ gate_result: 'pass', waived: true });
  expect(decide(checks, policy({ waiver_label: undefined }), true)).toEqual({ gate_result: 'soft_fail', waived: false });
  expect(decide(checks, policy({ require_manual_approval_on_soft_fail: false }), false)).toEqual({ gate_result: 'pass', waived: false });
});

test('skipped checks never fail; all passing is a pass', () => {
  expect(decide([check('skipped', 'hard'), check('pass', 'hard')], policy(), false).gate_result).toBe('pass');
});

test('gate status', () => {
  expect(gateStatus([check('pass', 'hard'), check('fail', 'hard')])).toBe('fail');
  expect(gateStatus([check('pass', 'hard'), check('inconclusive', 'hard')])).toBe('inconclusive');
  expect(gateStatus([check('pass', 'hard'), check('skipped', 'hard')])).toBe('pass');
  expect(gateStatus([check('skipped', 'hard')])).toBe('skipped');
});
