/** One metric check as the config describes it: shared by the performance gate and the gate families. */

/** How a comparison with the champion is judged (docs/config.md "Comparison rule"). */
export type ComparisonRule = 'non_inferior' | 'strictly_better' | 'superior' | 'equivalent';

export type Margin = { kind: 'absolute'; value: number } | { kind: 'relative'; value: number };

/** One metric check: an optional comparison with the champion and optional floor/ceiling on the candidate. */
export interface MetricCheckSpec {
  metric: string;
  /** Present when the check compares with the champion. */
  comparison?: { rule: ComparisonRule; margin?: Margin };
  min_value?: number;
  max_value?: number;
  /** Config key path of this check, for messages (`gates.performance.metrics[1]`). */
  key: string;
}
