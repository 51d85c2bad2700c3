/**
 * The `canary` config section after validation: what the canary stage reads (and the release card's rollout).
 * `rollout` and `auto_rollback_on` keep the user's text so the release card can copy them as written.
 */

export type CanaryMetric = 'error_rate' | 'latency_p95_ms' | 'latency_p99_ms';

export interface PrometheusSource {
  url: string;
  requests: string;
  errors: string;
  latency_buckets?: string;
  /** query_range step in seconds (config `step`, default 60s). */
  step_seconds: number;
}

export interface CanarySource {
  prometheus?: PrometheusSource;
  files?: { baseline: string; canary: string };
}

export interface CanaryRollout {
  strategy: string;
  steps: number[];
  current_weight?: number;
}

/** One comparison of canary against baseline. */
export type CanaryComparison =
  | { metric: 'error_rate'; margin: { kind: 'relative' | 'absolute'; value: number } }
  | { metric: 'latency_p95_ms' | 'latency_p99_ms'; increase_allowed_ms: number };

/** One hard ceiling on the canary arm, parsed from `auto_rollback_on` ("p99_latency_ms > 800"). */
export interface CanaryCeiling {
  metric: CanaryMetric;
  op: '>' | '>=';
  value: number;
  /** As written in the config. */
  text: string;
}

export interface CanaryConfig {
  source: CanarySource;
  since?: string;
  rollout: CanaryRollout;
  min_requests: number;
  min_duration_minutes: number;
  alpha: number;
  compare: CanaryComparison[];
  /** As written (strings), for the release card. */
  auto_rollback_on: string[];
  ceilings: CanaryCeiling[];
}

export const CANARY_DEFAULTS = { min_requests: 0, min_duration_minutes: 0, alpha: 0.05, step_seconds: 60 } as const;
