/**
 * The canary stage's release card: the rollout as it stands after this decision (strategy, steps, the weight
 * before and after, the decision and its reason, the ceilings), the config and observation files by digest, and
 * where the run came from. Same file name and id scheme as the offline card (core/release-card.ts). Pure.
 */
import type { CanaryConfig } from '../../config/canary-types.js';
import { type ArtifactDigest, type ReleaseSource, releaseId } from '../release-card.js';
import type { CanaryReport } from './report.js';

export interface CanaryReleaseCard {
  release_id: string;
  generated_at: string;
  stage: 'canary';
  source: ReleaseSource;
  decision: { gate_result: CanaryReport['gate_result']; canary_result: CanaryReport['canary_result'] };
  summary: string;
  rollout: {
    strategy: string;
    steps: number[];
    current_weight: number;
    next_weight: number;
    decision: CanaryReport['canary_result'];
    reason: string;
    since: string;
    decided_at: string;
    auto_rollback_on: string[];
  };
  artifacts: ArtifactDigest[];
  report: string | null;
}

export function buildCanaryReleaseCard(
  report: CanaryReport,
  config: CanaryConfig,
  artifacts: readonly ArtifactDigest[],
  source: ReleaseSource
): CanaryReleaseCard {
  const k = report.canary;
  return {
    release_id: releaseId(artifacts),
    generated_at: report.generated_at,
    stage: 'canary',
    source,
    decision: { gate_result: report.gate_result, canary_result: report.canary_result },
    summary: report.summary,
    rollout: {
      strategy: k.rollout.strategy,
      steps: [...k.rollout.steps],
      current_weight: k.rollout.current_weight,
      next_weight: k.rollout.next_weight,
      decision: report.canary_result,
      reason: k.decision.reason,
      since: k.since,
      decided_at: k.now,
      auto_rollback_on: [...config.auto_rollback_on]
    },
    artifacts: [...artifacts],
    report: null
  };
}
