/**
 * Family-specific facts a check carries in its optional `details` field, next to the docs/report.md fields: what a
 * reviewer needs to see why a fairness gap, a PSI or an operations value came out as it did.
 */

/** One group of a fairness attribute. */
export interface GroupValue {
  /** The group's value as first written in the data (trimmed). */
  group: string;
  n: number;
  candidate: number | null;
  champion: number | null;
  /** False when the group is left out of the gap; `reason` says why. */
  included: boolean;
  reason?: string;
}

export interface FairnessDetails {
  kind: 'fairness';
  attribute: string;
  /** The group with the best candidate value (highest for metrics without a direction), null without two groups. */
  best_group: string | null;
  worst_group: string | null;
  groups: GroupValue[];
}

export interface PsiDetails {
  kind: 'psi';
  /** `numeric` (reference deciles) or `categorical` (one bin per value). */
  binning: 'numeric' | 'categorical';
  bins: number;
  /** Non-missing values used from each table. */
  reference_n: number;
  current_n: number;
  /** `drift_psi_max`, or `drift_psi_quantile` when the threshold was set from the sample sizes. */
  threshold_from: 'drift_psi_max' | 'drift_psi_quantile';
  /** numeric: the bin edges (a value v falls in the first bin with v ≤ edge; the last bin is open). */
  edges?: number[];
}

export interface OperationsDetails {
  kind: 'operations';
  file: string;
  format: 'samples' | 'summary' | 'k6';
  requests: number | null;
  errors: number | null;
}

export interface CostDetails {
  kind: 'cost';
  file: string;
  total_cost: number;
  success_count: number;
}

export type CheckDetails = FairnessDetails | PsiDetails | OperationsDetails | CostDetails;
