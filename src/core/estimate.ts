/**
 * Point estimates and paired intervals of Δ = metric(candidate) − metric(champion), with the interval method
 * docs/statistics.md prescribes for each kind of metric and `ci.method` (auto | bootstrap | analytic). Pure: data in,
 * numbers out. The per-task estimators (estimate-binary.ts, estimate-multiclass.ts, estimate-regression.ts)
 * document their method tables; docs/statistics.md explains the choices.
 */
import type { CiSettings } from '../config/types.js';
import type { MetricInfo } from '../stats/catalog.js';
import type { NetBenefitValues } from '../stats/confusion.js';
import type { PairedData } from '../readers/paired-data.js';
import { estimateBinary } from './estimate-binary.js';
import { estimateClustered } from './estimate-cluster.js';
import { estimateMulticlass } from './estimate-multiclass.js';
import { estimateRegression } from './estimate-regression.js';
import { estimateRanking, estimateScore } from './estimate-ranking.js';
import type { Estimate } from './intervals.js';

export { NotEstimable, type CiMethodName, type Estimate } from './intervals.js';

/** Per-metric options of the config (`metric_options`). */
export interface MetricOptions {
  net_benefit?: NetBenefitValues;
  relevance_threshold?: number;
  ndcg_gain?: 'linear' | 'exponential';
  score_direction?: 'higher' | 'lower';
}

/**
 * Estimates one metric on the paired data. `streamLabel` names the check, so its bootstrap stream is its own
 * and adding or reordering checks never changes another check's interval. Throws NotEstimable when the metric
 * cannot be computed on these rows (the check is then inconclusive, with that message).
 */
export function estimateMetric(
  metric: MetricInfo,
  data: PairedData,
  ci: CiSettings,
  streamLabel: string,
  options: MetricOptions = {}
): Estimate {
  // Means over units (queries, ids): they handle columns.cluster themselves (estimate-ranking.ts).
  if (metric.task === 'ranking') return estimateRanking(metric.name, data, ci, streamLabel, options);
  if (metric.task === 'score') return estimateScore(metric.name, data, ci, streamLabel);
  if (data.cluster && data.champion) {
    const one = (d: PairedData) => estimateMetric(metric, d, ci, streamLabel, options);
    return estimateClustered(metric.task, metric.name, data, ci, streamLabel, one, options.net_benefit);
  }
  switch (metric.task) {
    case 'binary':
      return estimateBinary(metric.name, data, ci, streamLabel, options);
    case 'multiclass':
      return estimateMulticlass(metric.name, data, ci, streamLabel);
    case 'regression':
      return estimateRegression(metric.name, data, ci, streamLabel);
  }
}
