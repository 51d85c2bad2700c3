/**
 * What the shell read from the non-prediction artifacts (SPEC §5), handed to the pure engine as data:
 * load tests, the model's size, the data tables' profiles and the cost files. Absent: not configured.
 */
import type { CostFacts } from '../cost/facts.js';
import type { TableProfile } from '../data-quality/profile.js';
import type { ModelSize, OperationsFacts } from '../operations/facts.js';

export interface ArtifactData {
  operations?: OperationsFacts;
  champion_operations?: OperationsFacts;
  model?: ModelSize;
  data?: { reference?: TableProfile; current: TableProfile };
  cost?: CostFacts;
  champion_cost?: CostFacts;
}
