/** What the configured metrics need from each predictions file, so the readers parse and check only that. */
import type { GateConfig } from '../config/types.js';
import { metricInfo } from '../stats/catalog.js';

export interface ColumnNeeds {
  /** `probability`: scores must lie in [0, 1]; `finite`: any finite real; `none`: the score column is not read. */
  score: 'none' | 'finite' | 'probability';
  needPrediction: boolean;
}

export function columnNeeds(config: GateConfig): ColumnNeeds {
  const inputs = new Set(
    (config.gates.performance?.checks ?? []).map((c) => metricInfo(config.task, c.metric)?.input)
  );
  return {
    score: inputs.has('probability') ? 'probability' : inputs.has('score') ? 'finite' : 'none',
    needPrediction: inputs.has('prediction')
  };
}
