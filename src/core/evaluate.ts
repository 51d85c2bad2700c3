/**
 * The engine: `evaluate(config, data) → report`. Pure and deterministic — the same config and data give the
 * same report, byte for byte, except `generated_at`, which the caller passes in. Knows nothing of files or GitHub.
 */
import type { GateConfig, GateFamily, MetricCheckSpec } from '../config/types.js';
import { metricInfo, type MetricInfo } from '../stats/catalog.js';
import type { ArtifactData } from './artifacts.js';
import type { PairedData } from '../readers/paired-data.js';
import { familyChecks } from './families.js';
import { estimateMetric, NotEstimable, type Estimate } from './estimate.js';
import { fmt, fmtLevel, fmtPercent, fmtSigned } from './format.js';
import { decide, gateStatus, severityOf } from './policy.js';
import { assertNotSelfComparison } from './self-comparison.js';
import { applySuperiorityPolicy, decisionErrors, planEntries } from './decision-errors.js';
import { detectableMargin, seFromInterval } from '../stats/power.js';
import { makeCheck, type CheckResult, type GateStatus, type Report, type Waiver } from './report.js';
import { applyBound, applyComparison, orientedDelta, type PairedInterval } from './rules.js';
import { exampleCount } from './weights.js';
import { clusterCount } from './estimate-cluster.js';
import { checkId, summaryLine } from './summary.js';
import { judgeWaiver } from './waiver.js';

/** What the shell learnt about the pull request, if the run belongs to one (core/waiver.ts judges the waiver). */
export interface PullRequestFacts {
  number: number;
  /** The PR's labels as read on this run. */
  labels: string[];
  /** Who added which label and when, when the API could tell (latest event per label wins), with their permission. */
  labeled?: { label: string; by: string; at: string; by_type?: string; permission?: string | null }[];
  /** The commit the gate evaluated (the PR's head it ran for; on a push, the head the PR was merged from). */
  head_sha?: string;
  /** The PR's head now, when it was read. */
  current_head_sha?: string;
  /** When head_sha reached GitHub (ISO 8601). */
  head_pushed_at?: string;
}

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
  checks.push(...familyChecks(config, data, options.artifacts ?? {}, metricChecks, options.generatedAt).map(makeCheck));
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
    test_set: { n: exampleCount(data), fingerprint: data.fingerprint, ...clustersField(data) },
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
  const info = metricInfo(config.task, perf.primary_metric);
  const primary = checks.find((c) => c.gate === 'performance' && c.metric === perf.primary_metric && c.delta !== null);
  if (!info || !primary || primary.delta === null) return false;
  return orientedDelta(info.direction, primary.delta) >= min;
}

/** Which rows a metric check looks at: the whole test set, or a segment with its own minimum. */
export interface CheckScope {
  segment: string | null;
  minRows: number;
  /** What set the minimum, for the message (`ci.min_eval_samples`). */
  minRowsKey: string;
}

/**
 * Sorting out `rows < minimum` once, so every check of a set of rows says the same. With `columns.cluster`
 * the minimum counts clusters: they, not rows, are the independent units.
 */
function tooFewRows(scope: CheckScope, n: number, clusters?: number): string | undefined {
  const min = scope.minRows;
  if (clusters !== undefined) {
    return clusters < min ? `only ${clusters} clusters, fewer than ${scope.minRowsKey} (${min}): too few to decide` : undefined;
  }
  return n < min ? `only ${n} rows, fewer than ${scope.minRowsKey} (${min}): too few to decide` : undefined;
}

/** `clusters` for a report (the distinct cluster values among the rows), only when columns.cluster is set. */
function clustersField(data: PairedData): { clusters?: number } {
  const clusters = clusterCount(data);
  return clusters === undefined ? {} : { clusters };
}

export type MetricChecker = typeof metricChecks;

/** One row per rule of a check spec: the comparison with the champion, then the floor, then the ceiling. */
function metricChecks(
  config: GateConfig,
  data: PairedData,
  gate: GateFamily,
  spec: MetricCheckSpec,
  scope: CheckScope = { segment: null, minRows: config.ci.min_eval_samples, minRowsKey: 'ci.min_eval_samples' }
): CheckResult[] {
  const info = metricInfo(config.task, spec.metric);
  if (!info) throw new Error(`metric ${spec.metric} passed validation but is not in the catalogue`);
  const n = exampleCount(data);
  const base = {
    gate,
    name: spec.metric,
    metric: spec.metric,
    segment: scope.segment,
    group: null,
    severity: severityOf(config.policy, gate),
    n,
    ...clustersField(data),
    direction: info.direction
  };
  const rows: CheckResult[] = [];
  const few = tooFewRows(scope, n, base.clusters);

  let estimate: Estimate | undefined;
  let notEstimable: string | undefined;
  if (!few) {
    try {
      estimate = estimateMetric(info, data, config.ci, checkId(base), config.metric_options);
    } catch (e) {
      if (!(e instanceof NotEstimable)) throw e;
      notEstimable = e.message;
    }
  }
  const empty = {
    candidate: estimate?.candidate ?? null,
    champion: estimate?.champion ?? null,
    delta: estimate?.delta ?? null,
    ci_low: null,
    ci_high: null,
    ci_method: null,
    threshold: null
  };
  const undecided = few ?? notEstimable;

  if (spec.comparison) {
    const rule = spec.comparison.rule;
    if (!data.champion) {
      rows.push({ ...base, ...empty, status: 'skipped', rule, message: 'no champion configured: comparison skipped' });
    } else if (undecided || !estimate) {
      rows.push({ ...base, ...empty, status: 'inconclusive', rule, message: undecided ?? 'not estimable' });
    } else if (estimate.undecidable) {
      rows.push({ ...base, ...empty, status: 'inconclusive', rule, message: estimate.undecidable });
    } else {
      rows.push(comparisonRow(base, info, spec, estimate, config.ci.confidence_level, n));
    }
  }
  for (const bound of ['min_value', 'max_value'] as const) {
    const limit = spec[bound];
    if (limit === undefined) continue;
    if (undecided || !estimate) {
      rows.push({ ...base, ...empty, status: 'inconclusive', rule: bound, message: undecided ?? 'not estimable' });
      continue;
    }
    const pass = applyBound(bound, limit, estimate.candidate);
    const word = bound === 'min_value' ? (pass ? 'at or above' : 'below') : pass ? 'at or below' : 'above';
    rows.push({
      ...base,
      ...empty,
      threshold: limit,
      status: pass ? 'pass' : 'fail',
      rule: bound,
      message:
        `candidate ${fmt(estimate.candidate)} is ${word} the ${bound === 'min_value' ? 'floor' : 'ceiling'} ${fmt(limit)}` +
        (estimate.valueNote ? `; ${estimate.valueNote}` : '')
    });
  }
  return rows;
}

type CheckBase = Pick<CheckResult, 'gate' | 'name' | 'metric' | 'segment' | 'group' | 'severity' | 'n' | 'clusters' | 'direction'>;

function comparisonRow(
  base: CheckBase,
  info: MetricInfo,
  spec: MetricCheckSpec,
  est: Estimate,
  level: number,
  n: number
): CheckResult {
  const comparison = spec.comparison!;
  const paired = pairedInterval(est);
  const outcome = applyComparison(comparison.rule, info.direction, comparison.margin, paired);
  const { champion, delta, low, high } = paired;
  const ci = `Δ ${fmtSigned(delta)}, ${fmtLevel(level)} CI [${fmtSigned(low)}, ${fmtSigned(high)}]`;
  // The test cannot be expected to show non-inferiority at a margin below what it resolves (stats/power.ts);
  // said only when it did not, since a passing check proved it anyway.
  const tooSmall =
    comparison.rule === 'non_inferior' && !outcome.pass && est.mde !== null && outcome.margin < est.mde
      ? `the test set is too small to prove non-inferiority at this margin: margin ${fmt(outcome.margin)} < mde ${fmt(est.mde)}, ` +
        `the smallest ${info.direction === 1 ? 'drop' : 'rise'} ${n} rows rule out with 80% power`
      : equivalenceTooSmall(comparison.rule, outcome.margin, paired, level, n);
  const message = [ci, ruleSentence(info, comparison, outcome, paired), est.valueNote, est.note, tooSmall]
    .filter((x): x is string => !!x)
    .join('; ');
  return {
    ...base,
    status: outcome.pass ? 'pass' : 'fail',
    candidate: est.candidate,
    champion,
    delta,
    ci_low: low,
    ci_high: high,
    ci_method: est.method,
    threshold: outcome.threshold,
    rule: comparison.rule,
    message,
    mde: est.mde
  };
}

/** The equivalence counterpart of the mde note: the margin is below what this test set can show equivalence at. */
function equivalenceTooSmall(rule: string, margin: number, est: PairedInterval, level: number, n: number): string | undefined {
  if (rule !== 'equivalent') return undefined;
  const mde = detectableMargin('equivalent', seFromInterval(est.low, est.high, level), level);
  return margin < mde
    ? `the test set is too small to show equivalence at this margin: margin ${fmt(margin)} < ${fmt(mde)}, the smallest ` +
        `margin ${n} rows show equivalence at with 80% power`
    : undefined;
}

/** The comparison path runs only with a champion, so the estimate is paired. */
function pairedInterval(est: Estimate): PairedInterval {
  if (est.champion === null || est.delta === null || est.low === null || est.high === null) {
    throw new Error('a comparison needs a paired estimate');
  }
  return { champion: est.champion, delta: est.delta, low: est.low, high: est.high };
}

/** Says in words what the rule required and whether the interval met it. */
function ruleSentence(
  info: MetricInfo,
  comparison: NonNullable<MetricCheckSpec['comparison']>,
  outcome: ReturnType<typeof applyComparison>,
  est: PairedInterval
): string {
  const higher = info.direction === 1;
  const boundName = higher ? 'lower bound' : 'upper bound';
  const bound = higher ? est.low : est.high;
  const cmp = higher ? (outcome.pass ? '>' : '≤') : outcome.pass ? '<' : '≥';
  switch (comparison.rule) {
    case 'strictly_better':
      return outcome.pass
        ? 'the candidate is better on the point estimate'
        : 'the candidate is not better on the point estimate (ties go to the champion)';
    case 'superior':
      return `${boundName} ${fmtSigned(bound)} ${cmp} 0: ${outcome.pass ? 'improvement shown' : 'improvement not shown'}`;
    case 'equivalent': {
      const m = comparison.margin!;
      const e = fmt(outcome.margin);
      const of = m.kind === 'relative' ? ` (${fmtPercent(m.value)} of the champion's ${fmt(est.champion)})` : '';
      return outcome.pass
        ? `the whole interval lies within ±${e}${of}: equivalent, the change is smaller than the margin either way`
        : `the interval reaches outside ±${e}${of}: a change of at least the margin is not ruled out, so equivalence is not shown`;
    }
    case 'non_inferior': {
      const m = comparison.margin!;
      const margin =
        m.kind === 'relative'
          ? `${fmtSigned(outcome.threshold)} (${fmtPercent(m.value)} of the champion's ${fmt(est.champion)})`
          : fmtSigned(outcome.threshold);
      return `${boundName} ${fmtSigned(bound)} ${cmp} ${margin}: ${
        outcome.pass ? 'non-inferior within the margin' : `a ${higher ? 'drop' : 'rise'} beyond the margin is not ruled out`
      }`;
    }
  }
}
