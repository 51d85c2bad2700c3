/**
 * The hard/soft policy of docs/config.md: from the checks to `gate_result`, `waived`, `auto_merge` and each gate's status.
 */
import type { GateFamily, PolicySettings } from '../config/types.js';
import { isFailing, type CheckResult, type GateResult, type GateStatus, type Severity } from './report.js';

/** A gate that the policy does not list is hard. */
export function severityOf(policy: PolicySettings, gate: GateFamily): Severity {
  return policy.soft_fail.includes(gate) ? 'soft' : 'hard';
}

export interface Verdict {
  gate_result: Exclude<GateResult, 'error'>;
  waived: boolean;
}

/**
 * Any failing hard check loses the gate. Failing soft checks need a human: `soft_fail`, unless the PR carries
 * the waiver label (then `pass`, recorded as waived) or the policy turns them into warnings.
 */
export function decide(checks: readonly CheckResult[], policy: PolicySettings, waiverPresent: boolean): Verdict {
  const failing = checks.filter(isFailing);
  if (failing.some((c) => c.severity === 'hard')) return { gate_result: 'fail', waived: false };
  if (failing.length === 0) return { gate_result: 'pass', waived: false };
  if (!policy.require_manual_approval_on_soft_fail) return { gate_result: 'pass', waived: false };
  if (waiverPresent && policy.waiver_label) return { gate_result: 'pass', waived: true };
  return { gate_result: 'soft_fail', waived: false };
}

/** A gate fails with any failing check; otherwise it is inconclusive, passed, or entirely skipped. */
export function gateStatus(checks: readonly CheckResult[]): GateStatus {
  if (checks.some((c) => c.status === 'fail')) return 'fail';
  if (checks.some((c) => c.status === 'inconclusive')) return 'inconclusive';
  if (checks.some((c) => c.status === 'pass')) return 'pass';
  return 'skipped';
}
