/**
 * What the shell read from the non-prediction artifacts (docs/config.md), handed to the pure engine as data:
 * load tests, the model's size, the data tables' profiles and the cost files. Absent: not configured.
 */
import type { CostFacts } from '../readers/artifacts/cost-facts.js';
import type { TableProfile } from '../readers/artifacts/profile.js';
import type { FreshnessFacts } from '../readers/artifacts/freshness.js';
import type { ObservabilityFacts } from '../readers/artifacts/observability.js';
import type { ModelSize, OperationsFacts } from '../readers/artifacts/operations-facts.js';
import type { SuiteFacts } from '../readers/artifacts/robustness-cases.js';
import type { ChampionArtifactFact, DrillFacts } from '../readers/artifacts/drill.js';

export interface ArtifactData {
  operations?: OperationsFacts;
  champion_operations?: OperationsFacts;
  model?: ModelSize;
  data?: { reference?: TableProfile; current: TableProfile };
  cost?: CostFacts;
  champion_cost?: CostFacts;
  /** The newest timestamp of gates.data.freshness's column in the current table. */
  freshness?: FreshnessFacts;
  robustness?: SuiteFacts[];
  observability?: ObservabilityFacts;
  drill?: DrillFacts;
  /** The champion's Actions artifact, when the action downloaded it (for rollback's champion_available). */
  champion_artifact?: ChampionArtifactFact;
}
