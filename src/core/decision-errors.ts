/**
 * How often the gate's comparisons are wrong, and what they need to be right (report fields `decision_errors`
 * and `plan`), plus Holm's adjustment of several superiority checks. Pure: reads the checks the engine built.
 *
 * Each comparison check's standard error is taken from its interval: se = (U − L)/(2z), the se a normal
 * interval of the same width would have (stats/power.ts).
 */
import type { PolicySettings } from '../config/types.js';
import { normalCdf } from '../stats/distributions.js';
import { detectableMargin, MDE_POWER, powerAtZero, requiredN, seFromInterval, type MarginRule } from '../stats/power.js';
import { fmt } from './format.js';
import type { CheckResult, DecisionErrors, PlanEntry } from './report.js';

export type { DecisionErrors, PlanEntry } from './report.js';

const MARGIN_RULES: readonly string[] = ['non_inferior', 'equivalent'];
const COMPARISON_RULES: readonly string[] = ['non_inferior', 'equivalent', 'superior', 'strictly_better'];

/** The one-sided α of each comparison: a 95 % two-sided interval is a 2.5 % test a side. */
export function familyAlpha(confidenceLevel: number): number {
  // Rounded so 0.95 gives 0.025, not 0.025000000000000022.
  return Number(((1 - confidenceLevel) / 2).toPrecision(12));
}

/** The standard error behind a check's interval, or null when it has none. */
export function checkSe(c: CheckResult, confidenceLevel: number): number | null {
  if (c.ci_low === null || c.ci_high === null) return null;
  return Math.max(0, seFromInterval(c.ci_low, c.ci_high, confidenceLevel));
}

/** The margin a comparison check must clear, in metric units (|threshold| for the margin rules). */
function checkMargin(c: CheckResult): number {
  return MARGIN_RULES.includes(c.rule) && c.threshold !== null ? Math.abs(c.threshold) : 0;
}

/**
 * P(this margin check passes | Δ = 0); 0 for an inconclusive check, which counts as failing. `growth` scales the
 * rows (a test set `growth` times as large): se shrinks by √growth.
 */
export function checkPowerAtZero(c: CheckResult, confidenceLevel: number, growth = 1): number {
  const se0 = checkSe(c, confidenceLevel);
  if (c.status === 'inconclusive' || se0 === null) return 0;
  const se = se0 / Math.sqrt(growth);
  return powerAtZero(c.rule as MarginRule, checkMargin(c), se, confidenceLevel);
}

/** The margin checks that an equal candidate must pass: non_inferior and equivalent, not skipped. */
export function marginChecks(checks: readonly CheckResult[]): CheckResult[] {
  return checks.filter((c) => MARGIN_RULES.includes(c.rule) && c.status !== 'skipped');
}

export function decisionErrors(
  checks: readonly CheckResult[],
  policy: PolicySettings,
  confidenceLevel: number
): DecisionErrors {
  const margin = marginChecks(checks);
  const allPass = margin.reduce((p, c) => p * checkPowerAtZero(c, confidenceLevel), 1);
  return {
    non_inferiority: { checks: margin.length, p_equal_fails_any: roundProbability(1 - allPass) },
    superiority: { method: superiorityMethod(checks, policy), family_alpha: familyAlpha(confidenceLevel) }
  };
}

/** Probabilities to 6 decimals: enough for any sentence, and stable across platforms' last bits. */
function roundProbability(p: number): number {
  return Math.min(1, Math.max(0, Math.round(p * 1e6) / 1e6));
}

function superiorityChecks(checks: readonly CheckResult[]): CheckResult[] {
  return checks.filter((c) => c.rule === 'superior' && c.status !== 'skipped');
}

/** `policy.superiority`, or Holm when more than one superiority check decides. */
export function superiorityMethod(checks: readonly CheckResult[], policy: PolicySettings): 'holm' | 'none' {
  return policy.superiority ?? (superiorityChecks(checks).length > 1 ? 'holm' : 'none');
}

/** One-sided p-value of "no improvement" from the interval: z = oriented Δ̂ / se, p = 1 − Φ(z). */
export function superiorityP(c: CheckResult, confidenceLevel: number): number {
  const se = checkSe(c, confidenceLevel);
  if (c.status === 'inconclusive' || se === null || c.delta === null) return 1;
  const d = c.direction === -1 ? -c.delta : c.delta;
  if (se === 0) return d > 0 ? 0 : 1;
  return 1 - normalCdf(d / se);
}

/**
 * Holm's step-down over the superiority checks at family α = (1 − level)/2: sorted by p, the i-th smallest
 * (0-based) of m is rejected iff every earlier one was and p ≤ α/(m − i). A check keeps `pass` only if its own
 * interval passed and Holm rejects it, so the adjustment can only take passes away (with percentile bootstrap
 * intervals the normal p-value and the interval may disagree slightly at the edge). Inconclusive checks count in
 * m with p = 1. Returns the checks in their order, adjusted ones with a note in their message.
 */
export function applySuperiorityPolicy(
  checks: readonly CheckResult[],
  policy: PolicySettings,
  confidenceLevel: number
): CheckResult[] {
  const family = superiorityChecks(checks);
  if (superiorityMethod(checks, policy) !== 'holm' || family.length < 2) return [...checks];
  const alpha = familyAlpha(confidenceLevel);
  const m = family.length;
  const ps = family.map((c) => ({ c, p: superiorityP(c, confidenceLevel) }));
  // Stable sort by p, ties in config order, so the result does not depend on the engine's internals.
  const order = ps.map((x, i) => ({ ...x, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const rejected = new Set<CheckResult>();
  for (let k = 0; k < order.length; k++) {
    if (order[k].p > alpha / (m - k)) break;
    rejected.add(order[k].c);
  }
  const pOf = new Map(ps.map((x) => [x.c, x.p]));
  return checks.map((c) => {
    if (!pOf.has(c) || c.status !== 'pass' || rejected.has(c)) return c;
    const p = pOf.get(c)!;
    return {
      ...c,
      status: 'fail',
      message:
        `${c.message}; after Holm's adjustment for ${m} superiority checks (family α ${fmt(alpha)}), ` +
        `one-sided p ${fmt(p)} is not small enough: improvement not shown`
    };
  });
}

/** The plan entry of every comparison check (the report's field names: gate, name, margin, mde, required_n). */
export function planEntries(checks: readonly CheckResult[], confidenceLevel: number, power = MDE_POWER): PlanEntry[] {
  return checks
    .filter((c) => COMPARISON_RULES.includes(c.rule))
    .map((c) => {
      const se = checkSe(c, confidenceLevel);
      const margin = checkMargin(c);
      const marginRule = MARGIN_RULES.includes(c.rule) ? (c.rule as MarginRule) : null;
      return {
        gate: c.gate,
        name: c.name,
        segment: c.segment,
        margin,
        mde: se === null ? null : detectableMargin(marginRule ?? 'non_inferior', se, confidenceLevel, power),
        required_n: se === null || marginRule === null ? null : requiredN(marginRule, margin, se, c.n, confidenceLevel, power)
      };
    });
}
