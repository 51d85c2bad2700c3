/**
 * Every gate family beyond `performance`, in report order: segments, fairness, operations, data (freshness
 * included), cost, robustness, observability, rollback. Each
 * family's rows carry its severity from the policy, so the hard/soft decision and waivers treat all alike.
 */
import type { GateConfig } from '../config/types.js';
import { costChecks } from '../cost/checks.js';
import { dataChecks } from '../data-quality/checks.js';
import { freshnessChecks } from '../data-quality/freshness.js';
import { observabilityChecks } from '../observability/checks.js';
import { operationsChecks } from '../operations/checks.js';
import { robustnessChecks } from '../robustness/checks.js';
import { rollbackChecks } from '../rollback/checks.js';
import type { ArtifactData } from './artifacts.js';
import type { PairedData } from './data.js';
import type { MetricChecker } from './evaluate.js';
import { fairnessChecks } from './fairness.js';
import type { CheckResult } from './report.js';
import { segmentChecks } from './segments.js';

export function familyChecks(
  config: GateConfig,
  data: PairedData,
  artifacts: ArtifactData,
  metricChecks: MetricChecker,
  generatedAt: string
): CheckResult[] {
  const g = config.gates;
  return [
    ...(g.segments ? segmentChecks(config, data, metricChecks) : []),
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
