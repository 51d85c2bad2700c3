/** What the configured metrics need from each predictions file, so the readers parse and check only that. */
import type { GateConfig } from '../config/types.js';
import type { MeanLoss } from '../readers/paired-data.js';
import { countsMetrics, metricInfo } from '../stats/catalog.js';

/** The mean losses a counts file carries as sums (the catalogue's binary mean losses). */
const COUNTS_LOSSES = countsMetrics().filter((m) => metricInfo('binary', m)?.kind === 'mean_loss') as MeanLoss[];

export interface ColumnNeeds {
  /** `probability`: scores must lie in [0, 1]; `finite`: any finite real; `none`: the score column is not read. */
  score: 'none' | 'finite' | 'probability';
  needPrediction: boolean;
  /** Text columns of the candidate's file that segments (`where`, `columns.segment`) and fairness groups read. */
  extraColumns: string[];
  /** Mean losses checked: a counts file must carry their sums. */
  losses: MeanLoss[];
  /** The metrics checked that a counts file feeds from its score bins (roc_auc): it must carry the bins. */
  scoreMetrics: string[];
}

/** Every metric a check of the performance, segments or fairness family computes (with repeats). */
export function configuredMetrics(config: GateConfig): string[] {
  const g = config.gates;
  return [
    ...(g.performance?.checks ?? []).map((c) => c.metric),
    ...(g.segments ?? []).map((s) => s.metric),
    ...(g.fairness ? [g.fairness.metric] : [])
  ];
}

export function columnNeeds(config: GateConfig): ColumnNeeds {
  const g = config.gates;
  const metrics = configuredMetrics(config);
  const inputs = new Set(metrics.map((m) => metricInfo(config.task, m)?.input));
  const extra = new Set<string>();
  for (const s of g.segments ?? []) {
    for (const column of s.where ? Object.keys(s.where) : [config.columns.segment]) extra.add(column);
  }
  for (const column of g.fairness?.groups ?? []) extra.add(column);
  return {
    score: inputs.has('probability') ? 'probability' : inputs.has('score') ? 'finite' : 'none',
    needPrediction: inputs.has('prediction'),
    extraColumns: [...extra],
    losses: COUNTS_LOSSES.filter((m) => metrics.includes(m)),
    scoreMetrics: [...new Set(metrics.filter((m) => metricInfo(config.task, m)?.fromBins))]
  };
}
