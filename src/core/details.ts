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

/**
 * ROC-AUC from the score bins of a counts file (docs/counts.md): how much binning can have moved each AUC. A
 * (positive, negative) pair in one bin counts ½ where the unbinned scores count it 0 or 1, and no other pair
 * changes, so |AUC_binned − AUC| ≤ ½ · the share of such pairs.
 */
export interface BinnedAucDetails {
  kind: 'binned_auc';
  /** Per model: Σ_b n⁺_b·n⁻_b / (n⁺·n⁻), the share of (positive, negative) pairs whose scores share a bin. */
  tied_pair_share: { candidate: number; champion: number | null };
  /** ½ · that share per model, and for Δ the sum of the two: the most binning can have moved each value. */
  max_binning_error: { candidate: number; champion: number | null; delta: number | null };
}

export type CheckDetails = FairnessDetails | PsiDetails | OperationsDetails | CostDetails | BinnedAucDetails;
