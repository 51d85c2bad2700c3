/**
 * The gate config after parsing, validation and defaults: one typed object the engine reads.
 * Field names follow docs/config.md; anything optional in the YAML is either filled with its default here or
 * left undefined when "absent" has a meaning of its own (no champion, no floor).
 */
import type { Task } from '../stats/catalog.js';
import type {
  CostGate,
  DataGate,
  FairnessGate,
  FamilyArtifactPaths,
  ObservabilityGate,
  OperationsGate,
  RobustnessGate,
  RollbackGate,
  SegmentCheckSpec
} from './family-types.js';

export type * from './family-types.js';
export type * from './canary-types.js';
import type { MetricCheckSpec } from './check-types.js';
import type { CanaryConfig } from './canary-types.js';

export type GateFamily =
  | 'performance'
  | 'segments'
  | 'fairness'
  | 'operations'
  | 'data'
  | 'cost'
  | 'robustness'
  | 'observability'
  | 'rollback';
export const GATE_FAMILIES: readonly GateFamily[] = [
  'performance',
  'segments',
  'fairness',
  'operations',
  'data',
  'cost',
  'robustness',
  'observability',
  'rollback'
];

export type { ComparisonRule, Margin, MetricCheckSpec } from './check-types.js';

export interface PerformanceGate {
  primary_metric: string;
  compare_to: 'champion';
  min_improvement_for_auto_merge?: number;
  /** The primary metric's check first, then `metrics` in config order. */
  checks: MetricCheckSpec[];
}

export type CiMethod = 'auto' | 'bootstrap' | 'analytic';

export interface CiSettings {
  method: CiMethod;
  confidence_level: number;
  min_eval_samples: number;
  resamples: number;
  seed: number;
}

export interface PolicySettings {
  hard_fail: GateFamily[];
  soft_fail: GateFamily[];
  require_manual_approval_on_soft_fail: boolean;
  waiver_label?: string;
  /** A waiver label older than this many days (at generated_at) no longer waives. */
  waiver_max_age_days?: number;
  /** How several superiority checks share their error rate; absent: `holm` when there is more than one. */
  superiority?: 'holm' | 'none';
}

export interface ColumnNames {
  id: string;
  label: string;
  score: string;
  prediction: string;
  segment: string;
  score_prefix: string;
  /** Cluster column (unset: rows are independent); see core/estimate-cluster.ts. */
  cluster?: string;
  /** Ranking: the query column (unset: `query_id`, QUERY_COLUMN). */
  query?: string;
}

/** The default of columns.query: kept out of DEFAULT_COLUMNS, which the other tasks' configs spell out. */
export const QUERY_COLUMN = 'query_id';

/** `metric_options`: options of the metrics that need them. */
export interface MetricOptionSettings {
  net_benefit?: { tp: number; fp: number; tn: number; fn: number };
  /** Ranking: relevant = label > this (default 0). */
  relevance_threshold?: number;
  /** Ranking: gain of a label in ndcg@K (default linear). */
  ndcg_gain?: 'linear' | 'exponential';
  /** Score task: which way is better and passes (default higher). */
  score_direction?: 'higher' | 'lower';
}

export interface ArtifactPaths extends FamilyArtifactPaths {
  candidate?: string;
  champion?: string;
  /** Pre-aggregated predictions of both models (readers/counts.ts), instead of candidate and champion. */
  counts?: string;
}

export interface GateConfig {
  /** Path of the config file as given (for messages). */
  source: string;
  /** Valid but implausible settings (`file:line:column: sentence`), shown as warnings; absent when none. */
  warnings?: string[];
  version: 1;
  task: Task;
  artifacts: ArtifactPaths;
  columns: ColumnNames;
  threshold: number;
  /**
   * True when the config does not set `threshold` and it is the default 0.5, a probability cut-off: the readers
   * then refuse scores outside [0, 1] that it would be applied to. Absent means it was set.
   */
  threshold_is_default?: boolean;
  /** The positive class of a binary task, as written in the config (compared with labels as text). */
  positive_label: string;
  /** Options of metrics that need them (`net_benefit`: the value of each confusion-matrix outcome). */
  metric_options?: MetricOptionSettings;
  gates: {
    performance?: PerformanceGate;
    segments?: SegmentCheckSpec[];
    fairness?: FairnessGate;
    operations?: OperationsGate;
    data?: DataGate;
    cost?: CostGate;
    robustness?: RobustnessGate;
    observability?: ObservabilityGate;
    rollback?: RollbackGate;
  };
  ci: CiSettings;
  policy: PolicySettings;
  /** Test-set reuse ledger (gate/ledger.ts): the file, and the run count per test set past which runs warn. */
  ledger?: string;
  max_runs_per_test_set?: number;
  /** The canary stage's section (read only with `stage: canary`). */
  canary?: CanaryConfig;
}

export const DEFAULT_COLUMNS: ColumnNames = {
  id: 'id',
  label: 'label',
  score: 'score',
  prediction: 'prediction',
  segment: 'segment',
  score_prefix: 'proba_'
};

export const DEFAULT_CI: CiSettings = {
  method: 'auto',
  confidence_level: 0.95,
  // The coverage study (docs/statistics.md) vouches for no interval below 30 rows.
  min_eval_samples: 30,
  resamples: 10000,
  seed: 42
};
