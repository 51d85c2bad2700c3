/**
 * The operations gate (docs/config.md): latency quantiles, error rate and model size against their ceilings, and
 * against the champion's load test (`max_relative_increase`). Pure: facts in, check rows out.
 *
 * Rows: `gate: "operations"`, `name` = the config key, the observed value in `candidate`. A load test with
 * fewer than `min_requests` requests makes its latency and error-rate rows inconclusive (the model's size
 * does not depend on the load test).
 */
import type { GateConfig, OperationsKey, OperationsLimit } from '../../config/types.js';
import { fmt, fmtLevel } from '../format.js';
import { limitRowBase, noChampionRow, relativeCeiling, relativeIncreaseRow } from '../limits.js';
import { severityOf } from '../policy.js';
import type { CheckResult } from '../report.js';
import { GateError } from '../../base/errors.js';
import { clopperPearson } from '../../stats/error-rate.js';
import { mebibytes, type ModelSize, type OperationsFacts } from '../../readers/artifacts/operations-facts.js';

export interface OperationsInputs {
  operations?: OperationsFacts;
  champion_operations?: OperationsFacts;
  model?: ModelSize;
}

const WHAT: Record<OperationsKey, string> = {
  latency_p50_ms: 'p50 latency',
  latency_p95_ms: 'p95 latency',
  latency_p99_ms: 'p99 latency',
  error_rate: 'error rate',
  model_size_mb: 'model size'
};

const UNIT: Record<OperationsKey, string> = {
  latency_p50_ms: ' ms',
  latency_p95_ms: ' ms',
  latency_p99_ms: ' ms',
  error_rate: '',
  model_size_mb: ' MiB'
};

/** Where a missing value would be in each format, for the message. */
const K6_KEY: Partial<Record<OperationsKey, string>> = {
  latency_p50_ms: 'metrics.http_req_duration "med"',
  latency_p95_ms: 'metrics.http_req_duration "p(95)"',
  latency_p99_ms: 'metrics.http_req_duration "p(99)" (run k6 with --summary-trend-stats "avg,min,med,max,p(95),p(99)")',
  error_rate: 'metrics.http_req_failed'
};

export function operationsChecks(config: GateConfig, inputs: OperationsInputs): CheckResult[] {
  const gate = config.gates.operations;
  if (!gate) return [];
  const rows: CheckResult[] = [];
  for (const limit of gate.checks) rows.push(...limitRows(config, limit, inputs));
  return rows;
}

function observed(key: OperationsKey, facts: OperationsFacts | undefined, model: ModelSize | undefined, role: string): number {
  if (key === 'model_size_mb') {
    if (!model) throw new Error('model_size_mb without a model size: the shell should have read artifacts.model');
    return mebibytes(model.bytes);
  }
  if (!facts) throw new Error(`${key} without ${role}: the shell should have read it`);
  const v = facts[key];
  if (v === null) {
    const where = facts.format === 'k6' ? K6_KEY[key] : `"${key}"${key === 'error_rate' ? ' (or "errors" and "requests")' : ''}`;
    throw new GateError(
      `${facts.file} (${role}, ${facts.format} format) has no ${WHAT[key]}: add ${where}, or remove gates.operations.${key}.`,
      { file: facts.file, key }
    );
  }
  return v;
}

/** Why a load test is too small to judge, or undefined. */
function tooFew(facts: OperationsFacts, min: number, role: string): string | undefined {
  if (min <= 0) return undefined;
  if (facts.requests === null) {
    throw new GateError(
      `${facts.file} (${role}) does not say how many requests it made, but gates.operations.min_requests is ${min}: add "requests" (k6: metrics.http_reqs), or remove min_requests.`,
      { file: facts.file, key: 'requests' }
    );
  }
  return facts.requests < min
    ? `the ${role} load test made only ${facts.requests} requests, fewer than gates.operations.min_requests (${min}): too few to decide`
    : undefined;
}

function limitRows(config: GateConfig, limit: OperationsLimit, inputs: OperationsInputs): CheckResult[] {
  const key = limit.key;
  const min = config.gates.operations!.min_requests;
  const usesLoadTest = key !== 'model_size_mb';
  const cand = inputs.operations;
  const value = observed(key, cand, inputs.model, 'candidate');
  const n = usesLoadTest ? (cand!.requests ?? 0) : inputs.model!.files;
  const details = usesLoadTest
    ? { kind: 'operations' as const, file: cand!.file, format: cand!.format, requests: cand!.requests, errors: cand!.errors }
    : undefined;
  const base = limitRowBase('operations', key, severityOf(config.policy, 'operations'), n, value, details);
  const unit = UNIT[key];
  const few = usesLoadTest ? tooFew(cand!, min, 'candidate') : undefined;
  const rows: CheckResult[] = [];

  if (limit.max_value !== undefined) {
    const max = limit.max_value;
    if (few) {
      rows.push({ ...base, status: 'inconclusive', threshold: max, rule: 'max_value', message: few });
    } else if (key === 'error_rate' && limit.upper_confidence_bound) {
      rows.push(errorRateBoundRow(base, cand!, value, max, config.ci.confidence_level));
    } else {
      const pass = value <= max;
      rows.push({
        ...base,
        status: pass ? 'pass' : 'fail',
        threshold: max,
        rule: 'max_value',
        message: `${WHAT[key]} ${fmt(value)}${unit} is ${pass ? 'at or below' : 'above'} the ceiling ${fmt(max)}${unit}`
      });
    }
  }

  if (limit.max_relative_increase !== undefined) {
    const r = limit.max_relative_increase;
    const champ = inputs.champion_operations;
    if (!champ) {
      rows.push(noChampionRow(base, 'champion_operations'));
    } else {
      const c = observed(key, champ, undefined, 'champion');
      const undecided = few ?? tooFew(champ, min, 'champion');
      if (undecided) {
        const threshold = relativeCeiling(c, r);
        rows.push({ ...base, champion: c, delta: value - c, threshold, rule: 'max_relative_increase', status: 'inconclusive', message: undecided });
      } else {
        rows.push(relativeIncreaseRow(base, WHAT[key], value, c, r, unit));
      }
    }
  }
  return rows;
}

function errorRateBoundRow(
  base: Omit<CheckResult, 'status' | 'threshold' | 'rule' | 'message'>,
  facts: OperationsFacts,
  value: number,
  max: number,
  level: number
): CheckResult {
  const n = facts.requests;
  if (n === null || n === 0) {
    return {
      ...base,
      status: 'inconclusive',
      threshold: max,
      rule: 'max_value',
      message: `${facts.file} gives no request count, so the error rate has no confidence bound: add "requests"`
    };
  }
  const x = facts.errors ?? value * n;
  const ci = clopperPearson(x, n, level);
  const pass = ci.high <= max;
  const counted = facts.errors !== null ? `${facts.errors} of ${n} requests` : `rate over ${n} requests`;
  return {
    ...base,
    ci_low: ci.low,
    ci_high: ci.high,
    ci_method: 'clopper-pearson',
    status: pass ? 'pass' : 'fail',
    threshold: max,
    rule: 'max_value',
    message:
      `error rate ${fmt(value)} (${counted}), ${fmtLevel(level)} Clopper–Pearson CI [${fmt(ci.low)}, ${fmt(ci.high)}]: ` +
      `upper bound ${fmt(ci.high)} is ${pass ? 'at or below' : 'above'} the ceiling ${fmt(max)}`
  };
}

