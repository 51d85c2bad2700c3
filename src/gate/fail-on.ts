/** `fail-on` (action input and CLI flag): whether a verdict is bad enough to fail the step or the command. */
import type { GateResult } from '../core/report.js';

export type FailOn = 'never' | 'fail' | 'soft_fail';
export const FAIL_ON_VALUES: readonly FailOn[] = ['never', 'fail', 'soft_fail'];

const BADNESS: Record<GateResult, number> = { pass: 0, soft_fail: 1, fail: 2, error: 3 };

/** `error` always fails; otherwise the result must be at least as bad as `failOn`. */
export function shouldFail(result: GateResult, failOn: FailOn): boolean {
  if (result === 'error') return true;
  if (failOn === 'never') return false;
  return BADNESS[result] >= BADNESS[failOn];
}
