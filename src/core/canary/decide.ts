/**
 * The canary decision (pure): observations of both arms → each comparison's anytime-valid bound → promote,
 * continue or roll back, and the next traffic weight.
 *
 * Every check uses a confidence sequence, so its bound is valid at every look at once; the stage can run every
 * minute without keeping state and without inflating its error rates. alpha is split evenly over the checks
 * (comparisons and ceilings), so the chance of any wrong rollback or wrong promote over the whole canary is at
 * most alpha. Rollback does not wait for the minimums; promote does.
 */
import type { CanaryCeiling, CanaryComparison, CanaryConfig, CanaryMetric } from '../../config/canary-types.js';
import { betaBinomialInterval, priorAround } from '../../stats/beta-binomial-cs.js';
import { histogramQuantile, quantileBounds, quantileBucket, type Histogram } from '../../stats/quantile-cs.js';
import { rateRatioInterval, ratioTerms, type WindowCounts } from '../../stats/rate-ratio-cs.js';
import { type CanaryObservations, totals } from '../../readers/canary-window.js';
import { type CanaryCheck, type CanaryReport, type CanaryResult, GATE_RESULT_OF } from './report.js';

/** Prior weight (pseudo-observations) of the beta mixture around a ceiling's rate. */
const RATE_PRIOR_WEIGHT = 500;
const JEFFREYS = { a: 0.5, b: 0.5 };

export interface CanaryContext {
  since: number;
  now: number;
  currentWeight: number;
  generatedAt: string;
}

interface ArmFacts {
  requests: number;
  errors: number;
  latency?: Histogram;
}

const QUANTILE: Record<Exclude<CanaryMetric, 'error_rate'>, number> = { latency_p95_ms: 0.95, latency_p99_ms: 0.99 };

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

function fmt(x: number | null, digits = 4): string {
  if (x === null) return '∞';
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(digits)));
}

function pct(x: number): string {
  return `${fmt(100 * x, 3)} %`;
}

function status(low: number, high: number, threshold: number, strictAbove = true): CanaryCheck['status'] {
  if (strictAbove ? low > threshold : low >= threshold) return 'violated';
  if (high <= threshold) return 'non_inferior';
  return 'undecided';
}

/** Error rate, relative margin: the canary/baseline rate ratio against 1 + r (Poisson-conditional mixture). */
function errorRatio(margin: number, windows: WindowCounts[], b: ArmFacts, c: ArmFacts, alpha: number): Omit<CanaryCheck, 'looks' | 'requests'> {
  const { low, high } = rateRatioInterval(ratioTerms(windows), alpha);
  const rb = b.requests > 0 ? b.errors / b.requests : NaN;
  const rc = c.requests > 0 ? c.errors / c.requests : NaN;
  const threshold = 1 + margin;
  const st = status(low, high, threshold);
  const message =
    st === 'violated'
      ? `canary's error rate is at least ${fmt(low, 3)}× the baseline's, above the allowed ${fmt(threshold, 3)}×`
      : st === 'non_inferior'
        ? `canary's error rate is at most ${fmt(high, 3)}× the baseline's, within the allowed ${fmt(threshold, 3)}×`
        : `canary/baseline error-rate ratio is between ${fmt(low, 3)} and ${fmt(high, 3)}: not yet shown within ${fmt(threshold, 3)}×`;
  return {
    name: 'error_rate',
    kind: 'comparison',
    metric: 'error_rate',
    status: st,
    measure: 'ratio',
    baseline: finite(rb),
    canary: finite(rc),
    estimate: finite(rc / rb),
    bound_low: finite(low),
    bound_high: finite(high),
    threshold,
    alpha,
    method: 'conditional-poisson mixture SPRT (rate ratio)',
    message
  };
}

/** Error rate, absolute margin: per-arm beta-binomial confidence sequences at alpha/2 each, differenced. */
function errorDifference(margin: number, b: ArmFacts, c: ArmFacts, alpha: number): Omit<CanaryCheck, 'looks' | 'requests'> {
  // The mixing distribution must be fixed before the data (a prior tuned on the observed rate would void the
  // martingale argument); Jeffreys' Beta(½, ½) keeps mass near the small rates errors have.
  const prior = JEFFREYS;
  const ib = betaBinomialInterval(b.errors, b.requests, alpha / 2, prior);
  const ic = betaBinomialInterval(c.errors, c.requests, alpha / 2, prior);
  const low = ic.low - ib.high;
  const high = ic.high - ib.low;
  const rb = b.requests > 0 ? b.errors / b.requests : NaN;
  const rc = c.requests > 0 ? c.errors / c.requests : NaN;
  const st = status(low, high, margin);
  const message =
    st === 'violated'
      ? `canary's error rate is at least ${pct(low)} points above the baseline's, more than the allowed ${pct(margin)}`
      : st === 'non_inferior'
        ? `canary's error rate is at most ${pct(high)} points above the baseline's, within the allowed ${pct(margin)}`
        : `canary − baseline error rate is between ${pct(low)} and ${pct(high)}: not yet shown within ${pct(margin)}`;
  return {
    name: 'error_rate',
    kind: 'comparison',
    metric: 'error_rate',
    status: st,
    measure: 'difference',
    baseline: finite(rb),
    canary: finite(rc),
    estimate: finite(rc - rb),
    bound_low: low,
    bound_high: high,
    threshold: margin,
    alpha,
    method: 'beta-binomial confidence sequences (per arm)',
    message
  };
}

/** Latency quantile: per-arm bucket-edge confidence sequences at alpha/2 each, differenced. */
function latencyDifference(
  metric: 'latency_p95_ms' | 'latency_p99_ms',
  allowed: number,
  b: ArmFacts,
  c: ArmFacts,
  alpha: number
): Omit<CanaryCheck, 'looks' | 'requests'> {
  const q = QUANTILE[metric];
  const name = metric;
  const base = { name, kind: 'comparison' as const, metric, measure: 'difference' as const, threshold: allowed, alpha, method: 'quantile confidence sequences on bucket edges (per arm)' };
  if (!b.latency || !c.latency || b.latency.total === 0 || c.latency.total === 0) {
    return { ...base, status: 'undecided', baseline: null, canary: null, estimate: null, bound_low: null, bound_high: null, message: 'no latency observations yet in one of the arms' };
  }
  const qb = histogramQuantile(b.latency, q);
  const qc = histogramQuantile(c.latency, q);
  const ib = quantileBounds(b.latency, q, alpha / 2);
  const ic = quantileBounds(c.latency, q, alpha / 2);
  const low = ic.low - ib.high;
  const high = ic.high - ib.low;
  const st = status(low, high, allowed);
  const p = metric === 'latency_p95_ms' ? 'p95' : 'p99';
  let message: string;
  if (st === 'violated') message = `canary's ${p} is at least ${fmt(low)} ms above the baseline's, more than the allowed ${fmt(allowed)} ms`;
  else if (st === 'non_inferior') message = `canary's ${p} is at most ${fmt(high)} ms above the baseline's, within the allowed ${fmt(allowed)} ms`;
  else {
    message = `canary − baseline ${p} is between ${fmt(finite(low))} and ${fmt(finite(high))} ms: not yet shown within ${fmt(allowed)} ms`;
    // The bounds are bucket edges: even with unlimited data the upper bound cannot fall below the gap between the
    // edges around the two quantiles. Say so when that gap alone exceeds the allowance.
    const bc = quantileBucket(c.latency, q);
    const bb = quantileBucket(b.latency, q);
    const best = bc.high - bb.low;
    if (best > allowed) {
      message +=
        `; the buckets around the ${p} (${fmt(bb.low)}–${fmt(bb.high)} ms and ${fmt(bc.low)}–${fmt(bc.high)} ms) are wider than the allowed ` +
        `${fmt(allowed)} ms, so a promote can never be shown: add histogram buckets finer than ${fmt(allowed)} ms there`;
    }
  }
  return { ...base, status: st, baseline: qb, canary: qc, estimate: qc - qb, bound_low: finite(low), bound_high: finite(high), message };
}

/** A ceiling on the canary arm: violated when the canary's own confidence sequence lies above it. */
function ceiling(cl: CanaryCeiling, c: ArmFacts, alpha: number): Omit<CanaryCheck, 'looks' | 'requests'> {
  const base = { name: cl.text.trim(), kind: 'ceiling' as const, metric: cl.metric, measure: 'canary' as const, threshold: cl.value, alpha, baseline: null };
  const strict = cl.op === '>';
  if (cl.metric === 'error_rate') {
    const rate = c.requests > 0 ? c.errors / c.requests : NaN;
    const { low, high } = betaBinomialInterval(c.errors, c.requests, alpha, priorAround(Math.max(cl.value, 1e-4), RATE_PRIOR_WEIGHT));
    const st = status(low, high, cl.value, strict);
    const message =
      st === 'violated'
        ? `canary's error rate is at least ${pct(low)}, over the ceiling ${pct(cl.value)}`
        : `canary's error rate is at most ${pct(high)} (ceiling ${pct(cl.value)})`;
    return { ...base, status: st, canary: finite(rate), estimate: finite(rate), bound_low: low, bound_high: high, method: 'beta-binomial confidence sequence', message };
  }
  const q = QUANTILE[cl.metric];
  if (!c.latency || c.latency.total === 0) {
    return { ...base, status: 'undecided', canary: null, estimate: null, bound_low: null, bound_high: null, method: 'quantile confidence sequence on bucket edges', message: 'no canary latency observations yet' };
  }
  const est = histogramQuantile(c.latency, q);
  const { low, high } = quantileBounds(c.latency, q, alpha);
  // low is an edge the quantile is shown to exceed: strictly above low, so low ≥ value violates "> value".
  const st: CanaryCheck['status'] = low >= cl.value ? 'violated' : high <= cl.value ? 'non_inferior' : 'undecided';
  const p = cl.metric === 'latency_p95_ms' ? 'p95' : 'p99';
  const message =
    st === 'violated'
      ? `canary's ${p} is above ${fmt(low)} ms, over the ceiling ${fmt(cl.value)} ms`
      : `canary's ${p} is at most ${fmt(finite(high))} ms (ceiling ${fmt(cl.value)} ms)`;
  return { ...base, status: st, canary: est, estimate: est, bound_low: low, bound_high: finite(high), method: 'quantile confidence sequence on bucket edges', message };
}

/** Windows of both arms matched by time, for the rate ratio (a window seen by one arm only carries no ratio). */
function matchedWindows(obs: CanaryObservations): WindowCounts[] {
  const byTime = new Map<number, WindowCounts>();
  for (const w of obs.baseline.windows) {
    byTime.set(w.time, { baselineRequests: w.requests, baselineErrors: w.errors, canaryRequests: 0, canaryErrors: 0 });
  }
  const out: WindowCounts[] = [];
  for (const w of obs.canary.windows) {
    const m = byTime.get(w.time);
    if (m) out.push({ ...m, canaryRequests: w.requests, canaryErrors: w.errors });
  }
  return out;
}

/** The next traffic weight after a promote: the first step above the current one, 100 after the last. */
export function nextStep(steps: readonly number[], current: number): number {
  return steps.find((s) => s > current) ?? 100;
}

function comparisonCheck(cmp: CanaryComparison, windows: WindowCounts[], b: ArmFacts, c: ArmFacts, alpha: number) {
  if (cmp.metric === 'error_rate') {
    return cmp.margin.kind === 'relative' ? errorRatio(cmp.margin.value, windows, b, c, alpha) : errorDifference(cmp.margin.value, b, c, alpha);
  }
  return latencyDifference(cmp.metric, cmp.increase_allowed_ms, b, c, alpha);
}

export function decideCanary(config: CanaryConfig, obs: CanaryObservations, ctx: CanaryContext): CanaryReport {
  const b = totals(obs.baseline);
  const c = totals(obs.canary);
  const looks = new Set([...obs.baseline.windows, ...obs.canary.windows].map((w) => w.time)).size;
  const requests = { baseline: b.requests, canary: c.requests };
  const nChecks = config.compare.length + config.ceilings.length;
  const alpha = config.alpha / Math.max(nChecks, 1);
  const windows = matchedWindows(obs);
  const checks: CanaryCheck[] = [
    ...config.compare.map((cmp) => comparisonCheck(cmp, windows, b, c, alpha)),
    ...config.ceilings.map((cl) => ceiling(cl, c, alpha))
  ].map((chk) => ({ ...chk, looks, requests }));

  const ageMinutes = (ctx.now - ctx.since) / 60000;
  const minimumsMet = c.requests >= config.min_requests && ageMinutes >= config.min_duration_minutes;
  const violated = checks.filter((k) => k.status === 'violated');
  const comparisons = checks.filter((k) => k.kind === 'comparison');
  let result: CanaryResult;
  let reason: string;
  if (violated.length > 0) {
    result = 'rollback';
    reason = violated.map((k) => `${k.name}: ${k.message}`).join('; ');
  } else if (!minimumsMet) {
    result = 'continue';
    const missing: string[] = [];
    if (c.requests < config.min_requests) missing.push(`${c.requests} of ${config.min_requests} canary requests`);
    if (ageMinutes < config.min_duration_minutes) missing.push(`${fmt(Math.max(ageMinutes, 0), 3)} of ${config.min_duration_minutes} minutes`);
    const open = comparisons.filter((k) => k.status !== 'non_inferior');
    reason = `waiting for the minimums (${missing.join(', ')})` + (open.length ? `; not yet shown: ${open.map((k) => k.name).join(', ')}` : '');
  } else if (comparisons.every((k) => k.status === 'non_inferior')) {
    result = 'promote';
    reason =
      comparisons.length > 0
        ? `minimums met and every comparison shown within its allowance (${comparisons.map((k) => k.name).join(', ')})`
        : 'minimums met and no ceiling exceeded';
  } else {
    result = 'continue';
    reason = comparisons
      .filter((k) => k.status !== 'non_inferior')
      .map((k) => `${k.name}: ${k.message}`)
      .join('; ');
  }
  const current = ctx.currentWeight;
  const next = result === 'promote' ? nextStep(config.rollout.steps, current) : result === 'rollback' ? 0 : current;
  const summary =
    result === 'promote'
      ? `promote: canary at ${current} % → ${next} %; ${reason}`
      : result === 'rollback'
        ? `rollback: ${reason}`
        : `continue: canary stays at ${current} %; ${reason}`;
  return {
    stage: 'canary',
    gate_result: GATE_RESULT_OF[result],
    canary_result: result,
    next_weight: next,
    summary,
    generated_at: ctx.generatedAt,
    canary: {
      since: new Date(ctx.since).toISOString(),
      now: new Date(ctx.now).toISOString(),
      age_minutes: Math.round(ageMinutes * 100) / 100,
      looks,
      alpha: config.alpha,
      requests,
      errors: { baseline: b.errors, canary: c.errors },
      min_requests: config.min_requests,
      min_duration_minutes: config.min_duration_minutes,
      minimums_met: minimumsMet,
      rollout: { strategy: config.rollout.strategy, steps: [...config.rollout.steps], current_weight: current, next_weight: next },
      decision: { result, reason },
      checks
    }
  };
}
