/**
 * Power, test-set sizes, Holm decisions and the chance that an equal model fails, against statsmodels and scipy
 * (scripts/golden/power.py → __tests__/fixtures/golden/power.json).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PolicySettings } from '../../src/config/types.js';
import { applySuperiorityPolicy, decisionErrors, planEntries } from '../../src/core/decision-errors.js';
import { makeCheck, type CheckResult } from '../../src/core/report.js';
import { twoSidedZ } from '../../src/stats/distributions.js';
import { powerAtZero, requiredN } from '../../src/stats/power.js';

interface Golden {
  cases: Array<{
    level: number; power: number; margin: number; se: number; n0: number;
    non_inferior: { power_at_zero: number; n_continuous: number };
    equivalent: { power_at_zero: number; n_continuous: number };
  }>;
  holm: Array<{ level: number; checks: Array<{ delta: number; se: number; p: number; holm_reject: boolean }> }>;
  family: { level: number; checks: Array<{ rule: 'non_inferior' | 'equivalent'; margin: number; se: number }>; p_equal_fails_any: number };
}
const here = dirname(fileURLToPath(import.meta.url));
const golden = JSON.parse(readFileSync(join(here, '..', 'fixtures', 'golden', 'power.json'), 'utf8')) as Golden;
const policy: PolicySettings = { hard_fail: [], soft_fail: [], require_manual_approval_on_soft_fail: true };

/** A comparison check whose interval is Δ ± z·se. */
function check(rule: CheckResult['rule'], delta: number, se: number, level: number, margin = 0, n = 1000): CheckResult {
  const z = twoSidedZ(level);
  const low = delta - z * se;
  const high = delta + z * se;
  const pass = rule === 'superior' ? low > 0 : rule === 'equivalent' ? low > -margin && high < margin : low > -margin;
  return makeCheck({
    gate: 'performance', name: 'm', metric: 'm', segment: null, group: null, status: pass ? 'pass' : 'fail',
    severity: 'hard', n, candidate: 0.5 + delta, champion: 0.5, delta, ci_low: low, ci_high: high, ci_method: 'x',
    threshold: rule === 'equivalent' ? margin : -margin, rule, message: 'm', direction: 1
  });
}

describe.each(golden.cases)('level $level, power $power, margin $margin, se $se, n0 $n0', (g) => {
  test.each(['non_inferior', 'equivalent'] as const)('%s: power at Δ = 0 and the required n', (rule) => {
    expect(powerAtZero(rule, g.margin, g.se, g.level)).toBeCloseTo(g[rule].power_at_zero, 10);
    expect(requiredN(rule, g.margin, g.se, g.n0, g.level, g.power)).toBe(Math.ceil(g[rule].n_continuous - 1e-6));
  });

  test('the plan entry of a check carries the same n', () => {
    const [ni, eq] = planEntries(
      [check('non_inferior', 0, g.se, g.level, g.margin, g.n0), check('equivalent', 0, g.se, g.level, g.margin, g.n0)],
      g.level,
      g.power
    );
    expect(ni.margin).toBeCloseTo(g.margin, 12);
    expect(ni.required_n).toBe(Math.ceil(g.non_inferior.n_continuous - 1e-6));
    expect(eq.required_n).toBe(Math.ceil(g.equivalent.n_continuous - 1e-6));
  });
});

test.each(golden.holm)('Holm at level $level matches statsmodels multipletests', (h) => {
  const checks = h.checks.map((c) => check('superior', c.delta, c.se, h.level));
  const adjusted = applySuperiorityPolicy(checks, policy, h.level);
  // Holm keeps a pass only where the check passed on its own interval and multipletests rejects.
  adjusted.forEach((c, i) => expect(c.status === 'pass').toBe(h.checks[i].holm_reject && checks[i].status === 'pass'));
  expect(adjusted.some((c, i) => c.status !== checks[i].status)).toBe(h.checks.some((c, i) => checks[i].status === 'pass' && !c.holm_reject));
  const e = decisionErrors(adjusted, policy, h.level).superiority;
  expect(e.method).toBe('holm');
  expect(e.family_alpha).toBeCloseTo((1 - h.level) / 2, 12);
});

test('with policy superiority none, the checks keep their own decisions', () => {
  const checks = golden.holm[0].checks.map((c) => check('superior', c.delta, c.se, 0.95));
  expect(applySuperiorityPolicy(checks, { ...policy, superiority: 'none' }, 0.95)).toEqual(checks);
});

test('p_equal_fails_any of a family of margin checks', () => {
  const f = golden.family;
  const checks = f.checks.map((c) => check(c.rule, 0, c.se, f.level, c.margin));
  const e = decisionErrors(checks, policy, f.level);
  expect(e.non_inferiority.checks).toBe(3);
  expect(e.non_inferiority.p_equal_fails_any).toBeCloseTo(f.p_equal_fails_any, 6);
  expect(e.superiority.method).toBe('none');
});

test('an inconclusive margin check makes failing certain; skipped ones are left out', () => {
  const ok = check('non_inferior', 0, 0.001, 0.95, 0.05);
  const inconclusive = { ...ok, status: 'inconclusive' as const, ci_low: null, ci_high: null };
  const skipped = { ...ok, status: 'skipped' as const, ci_low: null, ci_high: null };
  expect(decisionErrors([ok, skipped], policy, 0.95).non_inferiority).toEqual({ checks: 1, p_equal_fails_any: 0 });
  expect(decisionErrors([ok, inconclusive], policy, 0.95).non_inferiority).toEqual({ checks: 2, p_equal_fails_any: 1 });
});

test('sixty tight checks: an equal model fails almost surely', () => {
  const checks = Array.from({ length: 60 }, () => check('non_inferior', 0, 0.004, 0.95, 0.01));
  // each passes with Φ(2.5 − 1.96) ≈ 0.705 (statsmodels, first golden case), so all 60 with 0.705^60
  const p = golden.cases[0].non_inferior.power_at_zero;
  expect(decisionErrors(checks, policy, 0.95).non_inferiority.p_equal_fails_any).toBeCloseTo(1 - p ** 60, 6);
});
