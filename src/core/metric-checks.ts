/**
 * The metric checks of one check spec on one set of rows (the whole test set or a segment): the comparison with
 * the champion, the floor and the ceiling, each decided on the paired interval. Pure.
 */
import type { GateConfig, GateFamily, MetricCheckSpec } from '../config/types.js';
import { metricInfo, type MetricInfo } from '../stats/catalog.js';
import type { PairedData } from '../readers/paired-data.js';
import { estimateMetric, NotEstimable, type Estimate } from './estimate.js';
import { fmt, fmtLevel, fmtPercent, fmtSigned } from './format.js';
import { severityOf } from './policy.js';
import { detectableMargin, seFromInterval } from '../stats/power.js';
import type { CheckResult } from './report.js';
import { applyBound, applyComparison, type PairedInterval } from './rules.js';
import { exampleCount } from './weights.js';
import { checkId } from './summary.js';
import { clusterCount } from './estimate-cluster.js';

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
function tooFewRows(scope: CheckScope, n: number, clusters?: number, units = 'rows'): string | undefined {
  const min = scope.minRows;
  if (clusters !== undefined) {
    return clusters < min ? `only ${clusters} clusters, fewer than ${scope.minRowsKey} (${min}): too few to decide` : undefined;
  }
  return n < min ? `only ${n} ${units}, fewer than ${scope.minRowsKey} (${min}): too few to decide` : undefined;
}

/** What the engine's rows are: queries (ranking), ids (score task, several rows each) or rows. */
function unitsOf(data: PairedData): string {
  return data.queries ? 'queries' : data.candidate.samples ? 'ids' : 'rows';
}

/** `rows` for a report's test_set: the ranking task's (query, item) rows, or the score task's rows per model. */
export function rowsField(data: PairedData): { rows?: number | { candidate: number; champion?: number } } {
  if (data.queries) return { rows: data.queries.rows.label.length };
  const total = (s: Uint32Array) => s.reduce((a, b) => a + b, 0);
  const c = data.candidate.samples;
  if (!c) return {};
  const h = data.champion?.samples;
  return { rows: h ? { candidate: total(c), champion: total(h) } : { candidate: total(c) } };
}

/** `clusters` for a report (the distinct cluster values among the rows), only when columns.cluster is set. */
export function clustersField(data: PairedData): { clusters?: number } {
  const clusters = clusterCount(data);
  return clusters === undefined ? {} : { clusters };
}

/**
 * The catalogue entry of a configured metric, with the direction the config gives it: mean_score is
 * lower-is-better under metric_options.score_direction: lower.
 */
export function configuredMetric(config: GateConfig, name: string): MetricInfo | undefined {
  const info = metricInfo(config.task, name);
  if (info && config.task === 'score' && name === 'mean_score' && config.metric_options?.score_direction === 'lower') {
    return { ...info, direction: -1 };
  }
  return info;
}

/** One row per rule of a check spec: the comparison with the champion, then the floor, then the ceiling. */
export function metricChecks(
  config: GateConfig,
  data: PairedData,
  gate: GateFamily,
  spec: MetricCheckSpec,
  scope: CheckScope = { segment: null, minRows: config.ci.min_eval_samples, minRowsKey: 'ci.min_eval_samples' }
): CheckResult[] {
  const info = configuredMetric(config, spec.metric);
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
  const few = tooFewRows(scope, n, base.clusters, unitsOf(data));

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
  // A ranking metric leaves out the queries it is undefined on: its n is the queries it used.
  if (estimate && 'units' in estimate && typeof estimate.units === 'number') {
    base.n = estimate.units;
    delete (estimate as { units?: number }).units;
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
  const details = estimate?.details;
  return details ? rows.map((r) => ({ ...r, details })) : rows;
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
