/** Live-traffic observations of one arm, window by window, as the canary readers hand them to the pure decision. */
import type { Histogram } from '../stats/quantile-cs.js';

export type Arm = 'baseline' | 'canary';
export const ARMS: readonly Arm[] = ['baseline', 'canary'];

export interface Window {
  /** Start (files: the line's time; Prometheus: the step's timestamp), ms since the epoch. */
  time: number;
  requests: number;
  errors: number;
  /** Latency histogram of the window in ms (cumulative counts), when the source has one. */
  latency?: Histogram;
}

export interface ArmObservations {
  /** How messages name where these came from (a file, or "Prometheus at http://…"). */
  source: string;
  windows: Window[];
}

export type CanaryObservations = Record<Arm, ArmObservations>;

/** The sum of an arm's windows: totals and one histogram (bounds must agree across windows; readers check). */
export function totals(arm: ArmObservations): { requests: number; errors: number; latency?: Histogram } {
  let requests = 0;
  let errors = 0;
  let latency: { bounds: number[]; cumulative: number[]; total: number } | undefined;
  for (const w of arm.windows) {
    requests += w.requests;
    errors += w.errors;
    if (w.latency) {
      latency ??= { bounds: [...w.latency.bounds], cumulative: w.latency.bounds.map(() => 0), total: 0 };
      for (let j = 0; j < latency.bounds.length; j++) latency.cumulative[j]! += w.latency.cumulative[j] ?? 0;
      latency.total += w.latency.total;
    }
  }
  return latency ? { requests, errors, latency } : { requests, errors };
}
