/**
 * The report of docs/report.md: what the engine decides, in the shape users and tools read. Field order here is the
 * order in the JSON file, so keep it stable (byte-identical reports for identical inputs).
 */
import type { ComparisonRule, GateFamily } from '../config/types.js';
import type { Direction, Task } from '../stats/catalog.js';
import type { CheckDetails } from './details.js';
import type { LedgerStatus } from './ledger.js';

export type GateResult = 'pass' | 'soft_fail' | 'fail' | 'error';
export type CheckStatus = 'pass' | 'fail' | 'inconclusive' | 'skipped';
export type Severity = 'hard' | 'soft';
export type GateStatus = 'pass' | 'fail' | 'inconclusive' | 'skipped';
/**
 * How a check decides: a comparison rule with the champion, a floor/ceiling on the candidate, a ceiling
 * relative to the champion's value (operations, cost), a fairness gap and its widening, or a schema check.
 */
export type CheckRule =
  | ComparisonRule
  | 'min_value'
  | 'max_value'
  | 'max_relative_increase'
  | 'max_group_gap'
  | 'max_gap_increase'
  | 'schema';

export interface CheckResult {
  gate: GateFamily;
  name: string;
  metric: string | null;
  segment: string | null;
  group: string | null;
  status: CheckStatus;
  severity: Severity;
  n: number;
  /** With `columns.cluster`: the distinct cluster values among the check's rows (absent otherwise). */
  clusters?: number;
  candidate: number | null;
  champion: number | null;
  delta: number | null;
  ci_low: number | null;
  ci_high: number | null;
  ci_method: string | null;
  threshold: number | null;
  rule: CheckRule;
  message: string;
  /** +1 higher is better, −1 lower is better, 0 none; null for checks that are not about a metric. */
  direction: Direction | null;
  /**
   * Comparison checks: the minimum detectable effect — the smallest margin this test could establish with 80 %
   * power at this n if the models were truly equal, (z_{1−α/2} + z_{0.8})·se (see stats/power.ts). Null for
   * other checks and when there is no interval. Optional here so checks built elsewhere need not set it;
   * makeCheck always writes it.
   */
  mde?: number | null;
  /** Family-specific facts (fairness groups, PSI bins, the load test's counts); absent when there are none. */
  details?: CheckDetails;
}

/** The facts a reviewer needs to trust (and reproduce) the verdict. */
export interface ReportSettings {
  task: Task;
  primary_metric: string | null;
  confidence_level: number;
  ci_method: string;
  resamples: number;
  seed: number;
  min_eval_samples: number;
  champion: boolean;
  /** policy.waiver_label, when configured: the label that accepts soft failures. */
  waiver_label?: string;
}

/** A soft failure waived by a PR label: which label, on which PR, added by whom and when (when known). */
export interface Waiver {
  label: string;
  pull_request: number;
  by: string | null;
  at: string | null;
  /** The commit the waiver was given for (the PR head it was applied after). */
  commit: string | null;
}

export interface Report {
  gate_result: GateResult;
  auto_merge: boolean;
  waived: boolean;
  generated_at: string;
  /** Set when `waived` is true. */
  waiver: Waiver | null;
  summary: string;
  /**
   * n: the engine's units (rows; queries for ranking; ids for the score task). rows: the (query, item) rows of a
   * ranking task, or each model's rows of a score task (repeated samples of an id counted each).
   */
  test_set: { n: number; fingerprint: string; rows?: number | { candidate: number; champion?: number }; clusters?: number };
  gates: Partial<Record<GateFamily, GateStatus>>;
  checks: CheckResult[];
  /** Error rates of the comparisons as a whole (decision-errors.ts); set by the engine. */
  decision_errors?: DecisionErrors;
  /** Test-set size each comparison check needs for 80 % power at its margin (decision-errors.ts). */
  plan?: PlanEntry[];
  settings: ReportSettings;
  /** The release card's id (content-addressed over the artifacts, see release-card.ts); set by the gate run. */
  release_id?: string;
  /** The test-set reuse ledger's count for this run (set by the gate run when `ledger` is configured). */
  ledger?: LedgerStatus;
  /** Present only when gate_result is `error`: the one-sentence reason. */
  error?: string;
}

/** A check that counts against the gate: failed, or could not be decided (an inconclusive check counts as failing). */
export function isFailing(check: Pick<CheckResult, 'status'>): boolean {
  return check.status === 'fail' || check.status === 'inconclusive';
}

/** Builds a check with its keys in the docs/report.md order, whatever order the caller assembled them in. */
export function makeCheck(c: CheckResult): CheckResult {
  return {
    gate: c.gate,
    name: c.name,
    metric: c.metric,
    segment: c.segment,
    group: c.group,
    status: c.status,
    severity: c.severity,
    n: c.n,
    ...(c.clusters !== undefined ? { clusters: c.clusters } : {}),
    candidate: c.candidate,
    champion: c.champion,
    delta: c.delta,
    ci_low: c.ci_low,
    ci_high: c.ci_high,
    ci_method: c.ci_method,
    threshold: c.threshold,
    rule: c.rule,
    message: c.message,
    direction: c.direction,
    mde: c.mde ?? null,
    ...(c.details ? { details: c.details } : {})
  };
}

/** How often the gate errs (core/decision-errors.ts computes it). */
export interface DecisionErrors {
  /**
   * The margin checks (non_inferior and equivalent): an intersection–union test, so each runs at the full
   * level; the price is that an equal candidate must pass all of them. p_equal_fails_any = 1 − Π power_i with
   * power_i = P(check i passes | Δ = 0). An inconclusive check (too few rows, not estimable) has power 0, since
   * it counts as failing; skipped checks (no champion) are left out. The product treats the checks as
   * independent: exact for disjoint rows (segments); for checks on the same rows, which tend to pass together,
   * it is an upper bound on the chance of a failure (Slepian's inequality for positively correlated estimates).
   */
  non_inferiority: { checks: number; p_equal_fails_any: number };
  /** Superiority checks: Holm-adjusted (family-wise α) or each on its own interval (α per check). */
  superiority: { method: 'holm' | 'none'; family_alpha: number };
}

export interface PlanEntry {
  gate: CheckResult['gate'];
  name: string;
  segment: string | null;
  /** The margin in metric units (0 for superior and strictly_better, which have none). */
  margin: number;
  /** The smallest margin this check's rule could establish with 80 % power at its n (null without an interval). */
  mde: number | null;
  /** Rows needed for 80 % power at the margin if the models are equal; null without margin or interval. */
  required_n: number | null;
}
