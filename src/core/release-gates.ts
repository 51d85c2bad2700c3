/**
 * Seed 002's seven release gates, from the report's gate families: each gate is `pass`, `fail`, `soft_fail`,
 * `inconclusive` or `not_configured`. A gate covers one or more families (quality = performance, segments,
 * fairness) and takes the worst of them: fail > soft_fail > inconclusive > pass. A family fails `soft_fail`
 * when its failing checks are soft under the policy; a family whose checks were all skipped (no champion)
 * blocked nothing, so it counts as pass, as it does for gate_result. Pure.
 */
import type { GateFamily } from '../config/types.js';
import type { CheckResult, Report } from './report.js';

export type ReleaseGateStatus = 'pass' | 'fail' | 'soft_fail' | 'inconclusive' | 'not_configured';

export const RELEASE_GATES = {
  data_gate: ['data'],
  quality_gate: ['performance', 'segments', 'fairness'],
  robustness_gate: ['robustness'],
  performance_gate: ['operations'],
  cost_gate: ['cost'],
  observability_gate: ['observability'],
  rollback_gate: ['rollback']
} as const satisfies Record<string, readonly GateFamily[]>;

export type ReleaseGateKey = keyof typeof RELEASE_GATES;
export type ReleaseGates = Record<ReleaseGateKey, ReleaseGateStatus>;

const RANK: Record<Exclude<ReleaseGateStatus, 'not_configured'>, number> = { pass: 0, inconclusive: 1, soft_fail: 2, fail: 3 };

function familyStatus(checks: readonly CheckResult[]): Exclude<ReleaseGateStatus, 'not_configured'> {
  if (checks.some((c) => c.status === 'fail' && c.severity === 'hard')) return 'fail';
  if (checks.some((c) => c.status === 'fail')) return 'soft_fail';
  if (checks.some((c) => c.status === 'inconclusive')) return 'inconclusive';
  return 'pass';
}

/** The seven gates of a report: a family is configured when the report has a status for it. */
export function releaseGates(report: Pick<Report, 'gates' | 'checks'>): ReleaseGates {
  const out = {} as ReleaseGates;
  for (const [key, families] of Object.entries(RELEASE_GATES) as [ReleaseGateKey, readonly GateFamily[]][]) {
    const present = families.filter((f) => report.gates[f] !== undefined);
    if (present.length === 0) {
      out[key] = 'not_configured';
      continue;
    }
    out[key] = present
      .map((f) => familyStatus(report.checks.filter((c) => c.gate === f)))
      .reduce((worst, s) => (RANK[s] > RANK[worst] ? s : worst), 'pass' as Exclude<ReleaseGateStatus, 'not_configured'>);
  }
  return out;
}
