/**
 * Typed config of the gate families beyond `performance` (docs/config.md): segments, fairness, operations, data
 * and cost. Kept apart from types.ts so each family reads on its own; types.ts re-exports them.
 */
import type { MetricCheckSpec } from './check-types.js';

/** One segment check: the rows it selects and the same rules as a performance check. */
export interface SegmentCheckSpec extends MetricCheckSpec {
  /** The segment's name as configured (report field `segment`). */
  name: string;
  /**
   * Column → accepted values, as text (compared with the cells canonically, like labels: trimmed, numbers by
   * value, true/false in any case). All columns must match. Absent: rows whose `columns.segment` equals `name`.
   */
  where?: Record<string, string[]>;
  /** Fewer rows than this → inconclusive. Absent: `ci.min_eval_samples`. */
  min_samples?: number;
}

export interface FairnessGate {
  metric: string;
  max_group_gap: number;
  /** Columns of the candidate's predictions file that hold the sensitive attributes. */
  groups: string[];
  /** Groups with fewer rows are listed but left out of the gap. Default 0. */
  min_group_samples: number;
  /**
   * Largest allowed widening of the gap over the champion's: passes iff the upper bound of the CI of
   * Δgap = gap(candidate) − gap(champion) is below this. Absent: no comparison.
   */
  max_gap_increase?: number;
}

/** The operations quantities a gate can check, in report order. */
export type OperationsKey = 'latency_p50_ms' | 'latency_p95_ms' | 'latency_p99_ms' | 'error_rate' | 'model_size_mb';
export const OPERATIONS_KEYS: readonly OperationsKey[] = [
  'latency_p50_ms',
  'latency_p95_ms',
  'latency_p99_ms',
  'error_rate',
  'model_size_mb'
];

export interface OperationsLimit {
  key: OperationsKey;
  max_value?: number;
  /** candidate ≤ champion·(1 + r); needs `artifacts.champion_operations` (else skipped). */
  max_relative_increase?: number;
  /** error_rate only: judge `max_value` on the Clopper–Pearson upper bound instead of the observed rate. */
  upper_confidence_bound?: boolean;
}

export interface OperationsGate {
  /** In OPERATIONS_KEYS order. */
  checks: OperationsLimit[];
  /** A load test with fewer requests makes the latency and error-rate checks inconclusive. Default 0. */
  min_requests: number;
}

export type ColumnType = 'number' | 'integer' | 'string' | 'boolean';

export interface ColumnSchema {
  type?: ColumnType;
  /** The column must exist in the current table. Default true. */
  required: boolean;
  min?: number;
  max?: number;
  /** Accepted values, as text (compared canonically). */
  allowed?: string[];
}

export interface DataSchema {
  /** Every reference column must be in the current table, with the reference's type (number or string). */
  from_reference: boolean;
  columns: Record<string, ColumnSchema>;
}

export interface DataGate {
  missingness_max?: number;
  drift_psi_max?: number;
  /** PSI threshold set per column from the sample sizes: (1/n + 1/m)·χ²_q(bins − 1). */
  drift_psi_quantile?: number;
  /** Columns to check; absent: every column of the reference table (minus `ignore_columns`). */
  columns?: string[];
  ignore_columns: string[];
  schema?: DataSchema;
  /** Age of the newest timestamp in the current table's `column`, measured from generated_at. */
  freshness?: { column: string; max_age_hours: number };
}

export interface CostGate {
  max_cost_per_useful_outcome?: number;
  /** candidate ≤ champion·(1 + r); needs `artifacts.champion_cost` (else skipped). */
  max_relative_increase?: number;
}

/** One robustness suite: pass/fail cases of one kind (edge cases, timeouts, prompt injection, …). */
export interface RobustnessSuite {
  name: string;
  /** Candidate's results (JUnit XML or JSON Lines), relative to the workspace. */
  results: string;
  /** The champion's results on the same case ids, for the paired comparison. */
  champion_results?: string;
  /** Absent: by extension (`.xml` → junit, else jsonl). */
  format?: 'junit' | 'jsonl';
  /** Judged on the upper Clopper–Pearson bound of the failure rate. */
  max_failure_rate?: number;
  /** Non-inferiority margin on the pass rate against champion_results. */
  absolute_drop_allowed?: number;
  /** Fewer (non-skipped) cases → inconclusive. Default 0. */
  min_cases: number;
}

export interface RobustnessGate {
  suites: RobustnessSuite[];
}

/** A multiwindow burn-rate alert: burn rate `factor` over both the `long` and the `short` window. */
export interface BurnRateWindow {
  factor: number;
  /** Prometheus durations as written (`1h`, `5m`, `3d`). */
  long: string;
  short: string;
}

export interface ObservabilityGate {
  alert_rules: string[];
  slos: { name: string; objective: number }[];
  burn_rate_windows: BurnRateWindow[];
  require_labels: string[];
  require_annotations: string[];
  logs?: { path: string; trace_field: string; min_coverage: number };
}

export interface RollbackGate {
  drill: string;
  max_drill_age_days: number;
  max_rto_seconds?: number;
  required_components: string[];
}

/** Paths of the non-prediction artifacts (docs/config.md `artifacts`). */
export interface FamilyArtifactPaths {
  operations?: string;
  champion_operations?: string;
  model?: string;
  data?: { reference?: string; current?: string };
  cost?: string;
  champion_cost?: string;
}
