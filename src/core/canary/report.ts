/** The canary stage's report (written to the `report` output path, like the offline report). */
import type { CanaryMetric } from '../../config/canary-types.js';

export type CanaryResult = 'promote' | 'continue' | 'rollback' | 'error';
export type CanaryGateResult = 'pass' | 'pending' | 'fail' | 'error';

/** gate_result mirrors canary_result. */
export const GATE_RESULT_OF: Record<CanaryResult, CanaryGateResult> = {
  promote: 'pass',
  continue: 'pending',
  rollback: 'fail',
  error: 'error'
};

export interface CanaryCheck {
  /** `error_rate`, `latency_p99_ms`, … for comparisons; the ceiling's text for ceilings. */
  name: string;
  kind: 'comparison' | 'ceiling';
  metric: CanaryMetric;
  /** violated: rollback; non_inferior: shown within the allowance (or under the ceiling); undecided: not yet. */
  status: 'violated' | 'non_inferior' | 'undecided';
  /** What estimate and bounds measure: canary/baseline ratio, canary − baseline, or the canary's own value. */
  measure: 'ratio' | 'difference' | 'canary';
  baseline: number | null;
  canary: number | null;
  estimate: number | null;
  /** Anytime-valid bounds at this check's share of alpha (null = unbounded on that side). */
  bound_low: number | null;
  bound_high: number | null;
  threshold: number;
  alpha: number;
  looks: number;
  requests: { baseline: number; canary: number };
  method: string;
  message: string;
}

export interface CanaryReport {
  stage: 'canary';
  gate_result: CanaryGateResult;
  canary_result: CanaryResult;
  next_weight: number;
  summary: string;
  generated_at: string;
  canary: {
    since: string;
    now: string;
    age_minutes: number;
    looks: number;
    alpha: number;
    requests: { baseline: number; canary: number };
    errors: { baseline: number; canary: number };
    min_requests: number;
    min_duration_minutes: number;
    minimums_met: boolean;
    rollout: { strategy: string; steps: number[]; current_weight: number; next_weight: number };
    decision: { result: CanaryResult; reason: string };
    checks: CanaryCheck[];
  };
  release_id?: string;
}
