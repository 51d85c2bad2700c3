/**
 * The ceiling relative to the champion that the operations and cost gates share: the candidate's value may
 * exceed the champion's by at most a fraction r (threshold = champion · (1 + r)). Pure.
 */
import { fmt, fmtPercent, fmtSignedPercent } from './format.js';
import type { CheckResult } from './report.js';

/** A check row without its decision: the family fills in the rest. */
export type RowBase = Omit<CheckResult, 'status' | 'threshold' | 'rule' | 'message'>;

/**
 * The row skeleton of a lower-is-better quantity that is not a metric (a latency, a cost): no segment, group or
 * interval; the family adds its champion value, threshold and decision.
 */
export function limitRowBase(
  gate: RowBase['gate'],
  name: string,
  severity: RowBase['severity'],
  n: number,
  candidate: number | null,
  details: RowBase['details']
): RowBase {
  return {
    gate, name, metric: null, segment: null, group: null, severity, n, candidate,
    champion: null, delta: null, ci_low: null, ci_high: null, ci_method: null, direction: -1, details
  };
}

/** The row when the config names no champion artifact for the comparison (`artifacts.<key>`). */
export function noChampionRow(base: RowBase, artifactKey: string): CheckResult {
  return { ...base, status: 'skipped', threshold: null, rule: 'max_relative_increase', message: `no artifacts.${artifactKey} configured: comparison skipped` };
}

/** champion · (1 + r): the largest value a candidate may have. */
export function relativeCeiling(champion: number, r: number): number {
  return champion * (1 + r);
}

/**
 * The decided row: passes iff value ≤ champion · (1 + r). `what` names the quantity and `unit` follows each number
 * (`p95 latency`, ` ms`); the message gives the change in percent when the champion's value is positive.
 */
export function relativeIncreaseRow(base: RowBase, what: string, value: number, champion: number, r: number, unit = ''): CheckResult {
  const threshold = relativeCeiling(champion, r);
  const pass = value <= threshold;
  const change = champion > 0 ? ` (${fmtSignedPercent(value / champion - 1)})` : '';
  return {
    ...base,
    champion,
    delta: value - champion,
    threshold,
    rule: 'max_relative_increase',
    status: pass ? 'pass' : 'fail',
    message:
      `${what} ${fmt(value)}${unit} vs the champion's ${fmt(champion)}${unit}${change}: ` +
      `${pass ? 'within' : 'beyond'} the allowed +${fmtPercent(r)} (≤ ${fmt(threshold)}${unit})`
  };
}
