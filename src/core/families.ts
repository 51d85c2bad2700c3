/**
 * Every gate family beyond `performance`, in report order: segments, fairness, operations, data (freshness
 * included), cost, robustness, observability, rollback. Each
 * family's rows carry its severity from the policy, so the hard/soft decision and waivers treat all alike.
 */
import type { GateConfig } from '../config/types.js';
import { costChecks } from './families/cost.js';
import { dataChecks } from './families/data.js';
import { freshnessChecks } from './families/freshness.js';
import { observabilityChecks } from './families/observability.js';
import { operationsChecks } from './families/operations.js';
import { robustnessChecks } from './families/robustness.js';
import { rollbackChecks } from './families/rollback.js';
import type { ArtifactData } from './artifacts.js';
import type { PairedData } from '../readers/paired-data.js';
import { fairnessChecks } from './families/fairness.js';
import type { CheckResult } from './report.js';
import { segmentChecks } from './families/segments.js';

export function familyChecks(
  config: GateConfig,
  data: PairedData,
  artifacts: ArtifactData,
  generatedAt: string
): CheckResult[] {
  const g = config.gates;
  return [
    ...(g.segments ? segmentChecks(config, data) : []),
    ...(g.fairness ? fairnessChecks(config, data) : []),
    ...(g.operations ? operationsChecks(config, artifacts) : []),
    ...(g.data ? dataChecks(config, requireTables(artifacts)) : []),
    ...(g.data?.freshness ? freshnessChecks(config, artifacts.freshness, generatedAt) : []),
    ...(g.cost ? costChecks(config, artifacts) : []),
    ...(g.robustness ? robustnessChecks(config, artifacts.robustness) : []),
    ...(g.observability ? observabilityChecks(config, artifacts.observability) : []),
    ...(g.rollback ? rollbackChecks(config, artifacts.drill, artifacts.champion_artifact, generatedAt) : [])
  ];
}

function requireTables(artifacts: ArtifactData): NonNullable<ArtifactData['data']> {
  if (!artifacts.data) throw new Error('gates.data without tables: the shell should have read artifacts.data');
  return artifacts.data;
}
