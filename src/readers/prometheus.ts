/**
 * The Prometheus HTTP API reader of the canary stage: each configured PromQL query with `{arm}` replaced by
 * baseline or canary, run as query_range over (since, now] at the configured step; each point is one window
 * (the query's increase over the step ending at that point). Bucket series (`le` in seconds) become one
 * cumulative histogram in ms per window. Every failure is one sentence naming the server and the query.
 */
import type { ArmObservations, Window, Arm } from './canary-window.js';
import type { PrometheusSource } from '../config/canary-types.js';
import { GateError } from '../base/errors.js';

/** Prometheus refuses more than 11,000 points per series. */
export const MAX_POINTS = 11000;
const TIMEOUT_MS = 30000;

type Matrix = Array<{ metric: Record<string, string>; values: Array<[number, string]> }>;

export interface PrometheusRange {
  since: number;
  now: number;
}

/** Fetch is injectable for tests of the error paths; the default is the global fetch. */
export type FetchLike = (url: string, init: { signal: AbortSignal }) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

function where(key: string): { key: string } {
  return { key: `canary.source.prometheus.${key}` };
}

async function queryRange(src: PrometheusSource, key: 'requests' | 'errors' | 'latency_buckets', arm: Arm, range: PrometheusRange, fetchFn: FetchLike): Promise<Matrix> {
  const query = src[key]!.replaceAll('{arm}', arm);
  const start = range.since / 1000 + src.step_seconds;
  const end = range.now / 1000;
  const params = new URLSearchParams({ query, start: String(start), end: String(end), step: `${src.step_seconds}s` });
  const url = `${src.url}/api/v1/query_range?${params.toString()}`;
  const what = `the ${key} query for the ${arm} arm`;
  let res: Awaited<ReturnType<FetchLike>>;
  try {
    res = await fetchFn(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (e) {
    const cause = networkCause(e);
    throw new GateError(
      `cannot reach Prometheus at ${src.url} (${cause}) for ${what}; check canary.source.prometheus.url and that the runner can reach the server`,
      where('url')
    );
  }
  const body = await res.text();
  let parsed: { status?: string; error?: string; errorType?: string; data?: { resultType?: string; result?: Matrix } } | undefined;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = undefined;
  }
  if (!res.ok || parsed?.status !== 'success') {
    const detail = parsed?.error ? `${parsed.errorType ?? 'error'}: ${parsed.error}` : `HTTP ${res.status}`;
    throw new GateError(
      `Prometheus at ${src.url} refused ${what} (${detail.slice(0, 300)}); check canary.source.prometheus.${key}`,
      where(key)
    );
  }
  if (parsed.data?.resultType !== 'matrix' || !Array.isArray(parsed.data.result)) {
    throw new GateError(`Prometheus at ${src.url} answered ${what} with no range result; is ${src.url} a Prometheus server?`, where('url'));
  }
  return parsed.data.result;
}

/** The system error behind a failed fetch (ECONNREFUSED, ENOTFOUND, a timeout), for the message. */
function networkCause(e: unknown): string {
  type Err = { code?: unknown; name?: unknown; message?: unknown; cause?: Err; errors?: Err[] };
  let last = 'network error';
  for (let c = e as Err | undefined, depth = 0; c && depth < 5; c = c.cause ?? c.errors?.[0], depth++) {
    if (typeof c.code === 'string') return c.code;
    if (c.name === 'TimeoutError') return `no answer within ${TIMEOUT_MS / 1000} s`;
    if (depth > 0 && typeof c.message === 'string' && c.message !== '') last = c.message.slice(0, 100);
  }
  return last;
}

function value(s: string, key: string, arm: Arm, ts: number): number {
  const v = Number(s);
  if (Number.isNaN(v)) return 0; // NaN points (0/0) are steps without traffic
  if (v < 0) {
    throw new GateError(
      `the ${key} query for the ${arm} arm gives a negative increase (${s}) at ${new Date(ts * 1000).toISOString()}: a counter reset the query does not handle; ` +
        `wrap the counter in increase(…[1m]) rather than differencing raw values`,
      where(key)
    );
  }
  if (!Number.isFinite(v)) throw new GateError(`the ${key} query for the ${arm} arm gives ${s} at ${new Date(ts * 1000).toISOString()}; it must be a count per step`, where(key));
  return v;
}

/** One series per timestamp: the sum over the series the query returned. */
function sumByTime(m: Matrix, key: string, arm: Arm): Map<number, number> {
  const out = new Map<number, number>();
  for (const series of m) {
    for (const [ts, s] of series.values) out.set(ts, (out.get(ts) ?? 0) + value(s, key, arm, ts));
  }
  return out;
}

/** Parse an `le` label (seconds) into ms, rounded to the microsecond so 0.1 s is 100 ms exactly. */
function leMs(le: string | undefined, arm: Arm): number {
  if (le === '+Inf') return Infinity;
  const s = Number(le);
  if (le === undefined || !Number.isFinite(s)) {
    throw new GateError(`the latency_buckets query for the ${arm} arm returned a series without an "le" label; aggregate with sum by (le) (…)`, where('latency_buckets'));
  }
  return Math.round(s * 1e6) / 1e3;
}

function histograms(m: Matrix, arm: Arm): Map<number, Window['latency']> {
  const byLe = new Map<number, Map<number, number>>();
  for (const series of m) {
    const le = leMs(series.metric.le, arm);
    const per = byLe.get(le) ?? new Map<number, number>();
    for (const [ts, s] of series.values) per.set(ts, (per.get(ts) ?? 0) + value(s, 'latency_buckets', arm, ts));
    byLe.set(le, per);
  }
  if (!byLe.has(Infinity)) {
    throw new GateError(`the latency_buckets query for the ${arm} arm has no le="+Inf" bucket; query the whole _bucket series, aggregated with sum by (le)`, where('latency_buckets'));
  }
  const bounds = [...byLe.keys()].filter((b) => b !== Infinity).sort((a, b) => a - b);
  const times = new Set<number>();
  for (const per of byLe.values()) for (const t of per.keys()) times.add(t);
  const out = new Map<number, Window['latency']>();
  for (const t of times) {
    const cumulative: number[] = [];
    let prev = 0;
    for (const b of bounds) {
      // increase() extrapolates each bucket alike; a tiny dip from rounding is clamped, a real one is an error.
      let c = byLe.get(b)!.get(t) ?? 0;
      if (c < prev) {
        if (prev - c > 1e-6 * prev + 1e-6) {
          throw new GateError(
            `the latency_buckets query for the ${arm} arm is not cumulative at ${new Date(t * 1000).toISOString()} (le=${b / 1000} has fewer than a smaller bucket); query _bucket series`,
            where('latency_buckets')
          );
        }
        c = prev;
      }
      cumulative.push(c);
      prev = c;
    }
    out.set(t, { bounds, cumulative, total: Math.max(byLe.get(Infinity)!.get(t) ?? 0, prev) });
  }
  return out;
}

/** Both arms' windows from Prometheus. */
export async function readPrometheus(
  src: PrometheusSource,
  range: PrometheusRange,
  fetchFn: FetchLike = fetch as unknown as FetchLike
): Promise<Record<Arm, ArmObservations>> {
  const points = Math.floor((range.now - range.since) / 1000 / src.step_seconds);
  if (points > MAX_POINTS) {
    throw new GateError(
      `the canary has run ${points} steps of ${src.step_seconds}s, more than the ${MAX_POINTS} points Prometheus returns per query; raise canary.source.prometheus.step`,
      where('step')
    );
  }
  const out = {} as Record<Arm, ArmObservations>;
  for (const arm of ['baseline', 'canary'] as const) {
    const shown = `Prometheus at ${src.url}`;
    if (points < 1) {
      out[arm] = { source: shown, windows: [] };
      continue;
    }
    const reqM = await queryRange(src, 'requests', arm, range, fetchFn);
    if (reqM.length === 0) {
      throw new GateError(
        `the requests query for the ${arm} arm returned nothing from ${src.url} over ${new Date(range.since).toISOString()} – ${new Date(range.now).toISOString()}; ` +
          `check its metric and labels (with {arm} = ${arm}) and canary.since`,
        where('requests')
      );
    }
    const requests = sumByTime(reqM, 'requests', arm);
    // No error series at all is normal for a healthy service (5xx series appear with the first 5xx): zero errors.
    const errors = sumByTime(await queryRange(src, 'errors', arm, range, fetchFn), 'errors', arm);
    let latency: Map<number, Window['latency']> | undefined;
    if (src.latency_buckets) {
      const m = await queryRange(src, 'latency_buckets', arm, range, fetchFn);
      if (m.length === 0) {
        throw new GateError(
          `the latency_buckets query for the ${arm} arm returned nothing from ${src.url}; check its metric and labels (with {arm} = ${arm})`,
          where('latency_buckets')
        );
      }
      latency = histograms(m, arm);
    }
    const windows: Window[] = [];
    for (const [ts, n] of [...requests.entries()].sort((a, b) => a[0] - b[0])) {
      const e = errors.get(ts) ?? 0;
      const w: Window = { time: ts * 1000, requests: n, errors: Math.min(e, n) };
      const h = latency?.get(ts);
      if (h) w.latency = h;
      windows.push(w);
    }
    out[arm] = { source: shown, windows };
  }
  return out;
}
