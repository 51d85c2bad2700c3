/**
 * The engine: `evaluate(config, data) → report`. Pure and deterministic — the same config and data give the
 * same report, byte for byte, except `generated_at`, which the caller passes in. Knows nothing of files or GitHub.
 */
import type { GateConfig, GateFamily } from '../config/types.js';
import type { ArtifactData } from './artifacts.js';
import type { PairedData } from '../readers/paired-data.js';
import { familyChecks } from './families.js';
import { decide, gateStatus } from './policy.js';
import { assertNotSelfComparison } from './self-comparison.js';
import { applySuperiorityPolicy, decisionErrors, planEntries } from './decision-errors.js';
import { makeCheck, type CheckResult, type GateStatus, type Report, type Waiver } from './report.js';
import { orientedDelta } from './rules.js';
import { exampleCount } from './weights.js';
import { summaryLine } from './summary.js';
import { judgeWaiver } from './waiver.js';
import { clustersField, configuredMetric, metricChecks, rowsField } from './metric-checks.js';
import type { PullRequestFacts } from './waiver.js';
export type { PullRequestFacts } from './waiver.js';

export interface EvaluateOptions {
  /** ISO timestamp for `generated_at`; the only time-dependent field. */
  generatedAt: string;
  pullRequest?: PullRequestFacts;
  /** What the shell read from the operations, model, data and cost artifacts (absent: none configured). */
  artifacts?: ArtifactData;
}

/** The waiver the PR carries, if the policy names a waiver label and the PR has it, given by someone who may. */
function findWaiver(config: GateConfig, pr: PullRequestFacts | undefined, generatedAt: string): Waiver | null {
  return judgeWaiver(config, pr, generatedAt).waiver;
}

export function evaluate(config: GateConfig, data: PairedData, options: EvaluateOptions): Report {
  assertNotSelfComparison(data);
  const checks: CheckResult[] = [];
  const perf = config.gates.performance;
  if (perf) {
    for (const spec of perf.checks) checks.push(...metricChecks(config, data, 'performance', spec).map(makeCheck));
  }
  checks.push(...familyChecks(config, data, options.artifacts ?? {}, options.generatedAt).map(makeCheck));
  checks.splice(0, checks.length, ...applySuperiorityPolicy(checks, config.policy, config.ci.confidence_level));

  const waiver = findWaiver(config, options.pullRequest, options.generatedAt);
  const verdict = decide(checks, config.policy, waiver !== null);
  const gates: Partial<Record<GateFamily, GateStatus>> = {};
  for (const gate of new Set(checks.map((c) => c.gate))) {
    gates[gate] = gateStatus(checks.filter((c) => c.gate === gate));
  }
  const autoMerge =
    verdict.gate_result === 'pass' && !verdict.waived && checks.every((c) => c.status !== 'fail' && c.status !== 'inconclusive')
      ? primaryImproves(config, checks)
      : false;

  return {
    gate_result: verdict.gate_result,
    auto_merge: autoMerge,
    waived: verdict.waived,
    generated_at: options.generatedAt,
    waiver: verdict.waived ? waiver : null,
    summary: summaryLine(verdict.gate_result, verdict.waived, checks),
    test_set: { n: exampleCount(data), fingerprint: data.fingerprint, ...rowsField(data), ...clustersField(data) },
    gates,
    checks,
    decision_errors: decisionErrors(checks, config.policy, config.ci.confidence_level),
    plan: planEntries(checks, config.ci.confidence_level),
    settings: {
      task: config.task,
      primary_metric: perf?.primary_metric ?? null,
      confidence_level: config.ci.confidence_level,
      ci_method: config.ci.method,
      resamples: config.ci.resamples,
      seed: config.ci.seed,
      min_eval_samples: config.ci.min_eval_samples,
      champion: data.champion !== undefined,
      // The renderers name it in a soft fail's next step; absent when no waiver label is configured.
      ...(config.policy.waiver_label ? { waiver_label: config.policy.waiver_label } : {})
    }
  };
}

/**
 * Auto-merge needs an opt-in: the primary metric must have improved, oriented so positive is better, by at
 * least `min_improvement_for_auto_merge`. Without that setting, or without a champion, it is never automatic.
 */
function primaryImproves(config: GateConfig, checks: readonly CheckResult[]): boolean {
  const perf = config.gates.performance;
  const min = perf?.min_improvement_for_auto_merge;
  if (!perf || min === undefined) return false;
  const info = configuredMetric(config, perf.primary_metric);
  const primary = checks.find((c) => c.gate === 'performance' && c.metric === perf.primary_metric && c.delta !== null);
  if (!info || !primary || primary.delta === null) return false;
  return orientedDelta(info.direction, primary.delta) >= min;
}
