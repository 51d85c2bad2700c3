/**
 * The three load-test formats of docs/config.md, told apart by their keys, into one OperationsFacts:
 *
 * - samples: `{"latency_ms": [..], "requests": N, "errors": E}` — p50/p95/p99 are type-7 quantiles of the
 *   samples (numpy's default); `requests` defaults to the number of samples;
 * - summary: `{"latency_p95_ms": x, "latency_p99_ms": y, "error_rate": r, "requests": N}` (also
 *   `latency_p50_ms`, `errors`);
 * - k6 `--summary-export` (and the `handleSummary` JSON, whose metrics nest their numbers under `values`):
 *   `metrics.http_req_duration` `med`/`p(95)`/`p(99)` in ms, `metrics.http_reqs.count`, and
 *   `metrics.http_req_failed`, a Rate whose `passes` are the *failed* requests (k6 counts a "pass" whenever
 *   the metric's value is true, i.e. the request failed) and `fails` the others.
 *
 * Pure: the parsed JSON in, facts out; every problem is a GateError naming the file and the key.
 */
import { GateError } from '../../base/errors.js';
import { quoteJson } from '../../base/text.js';
import { quantileSorted } from '../../stats/quantile.js';
import type { OperationsFacts } from './operations-facts.js';

type Json = Record<string, unknown>;

const SUMMARY_KEYS = ['latency_p50_ms', 'latency_p95_ms', 'latency_p99_ms', 'error_rate'] as const;

const SHAPES =
  '{"latency_ms": [...], "requests": N, "errors": E}, {"latency_p95_ms": x, "latency_p99_ms": y, "error_rate": r, "requests": N}, ' +
  'or a k6 --summary-export file with metrics.http_req_duration';

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Reads load-test facts from a parsed JSON document; `file` is the path shown in messages. */
export function parseOperations(doc: unknown, file: string): OperationsFacts {
  if (!isObject(doc)) {
    throw new GateError(`${file} is not a JSON object; a load-test file is ${SHAPES}.`, { file });
  }
  if (isObject(doc.metrics) && (doc.metrics.http_req_duration !== undefined || doc.metrics.http_reqs !== undefined)) {
    return parseK6(doc.metrics, file);
  }
  if (doc.latency_ms !== undefined) return parseSamples(doc, file);
  if (SUMMARY_KEYS.some((k) => doc[k] !== undefined)) return parseSummary(doc, file);
  const keys = Object.keys(doc).slice(0, 8).join(', ') || 'none';
  throw new GateError(`${file} is not a load-test file model-gate knows (its keys: ${keys}); write ${SHAPES}.`, { file });
}

function bad(file: string, key: string, what: string): GateError {
  return new GateError(`${file}: ${key} ${what}.`, { file, key });
}

/** A finite number ≥ 0 at `key`, or undefined when the key is absent (or null). */
function nonNegative(obj: Json, key: string, file: string, shown = key): number | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    throw bad(file, shown, `must be a finite number ≥ 0, not ${quoteJson(v)}`);
  }
  return v;
}

function count(obj: Json, key: string, file: string, shown = key): number | undefined {
  const v = nonNegative(obj, key, file, shown);
  if (v !== undefined && !Number.isSafeInteger(v)) throw bad(file, shown, `must be a whole number, not ${v}`);
  return v;
}

function rate(obj: Json, key: string, file: string, shown = key): number | undefined {
  const v = nonNegative(obj, key, file, shown);
  if (v !== undefined && v > 1) throw bad(file, shown, `is a fraction of requests and must be at most 1, not ${v}`);
  return v;
}

/** errors ≤ requests, and the error rate they imply. */
function errorFacts(file: string, requests: number | undefined, errors: number | undefined, statedRate: number | undefined) {
  if (errors !== undefined && requests !== undefined && errors > requests) {
    throw bad(file, 'errors', `(${errors}) exceeds requests (${requests})`);
  }
  let errorRate = statedRate;
  if (errors !== undefined && requests !== undefined) {
    const implied = requests === 0 ? 0 : errors / requests;
    if (statedRate !== undefined && Math.abs(statedRate - implied) > 1e-6) {
      throw bad(
        file,
        'error_rate',
        `(${statedRate}) disagrees with errors / requests (${errors} / ${requests} = ${implied}); keep one of them`
      );
    }
    errorRate = implied;
  }
  return { errors: errors ?? null, error_rate: errorRate ?? null };
}

function parseSamples(doc: Json, file: string): OperationsFacts {
  const samples = doc.latency_ms;
  if (!Array.isArray(samples) || samples.length === 0) {
    throw bad(file, 'latency_ms', 'must be a non-empty array of latencies in milliseconds');
  }
  const sorted = new Float64Array(samples.length);
  samples.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw bad(file, `latency_ms[${i}]`, `must be a finite number ≥ 0, not ${quoteJson(v)}`);
    }
    sorted[i] = v;
  });
  sorted.sort();
  const requests = count(doc, 'requests', file) ?? samples.length;
  const errors = count(doc, 'errors', file);
  return {
    file,
    format: 'samples',
    requests,
    ...errorFacts(file, requests, errors, rate(doc, 'error_rate', file)),
    latency_p50_ms: quantileSorted(sorted, 0.5),
    latency_p95_ms: quantileSorted(sorted, 0.95),
    latency_p99_ms: quantileSorted(sorted, 0.99)
  };
}

function parseSummary(doc: Json, file: string): OperationsFacts {
  const requests = count(doc, 'requests', file);
  const errors = count(doc, 'errors', file);
  return {
    file,
    format: 'summary',
    requests: requests ?? null,
    ...errorFacts(file, requests, errors, rate(doc, 'error_rate', file)),
    latency_p50_ms: nonNegative(doc, 'latency_p50_ms', file) ?? null,
    latency_p95_ms: nonNegative(doc, 'latency_p95_ms', file) ?? null,
    latency_p99_ms: nonNegative(doc, 'latency_p99_ms', file) ?? null
  };
}

/** A k6 metric's numbers: the legacy export has them at the top, handleSummary's JSON under `values`. */
function k6Values(metrics: Json, name: string, file: string): Json | undefined {
  const m = metrics[name];
  if (m === undefined) return undefined;
  if (!isObject(m)) throw bad(file, `metrics.${name}`, 'must be an object');
  return isObject(m.values) ? m.values : m;
}

function parseK6(metrics: Json, file: string): OperationsFacts {
  const duration = k6Values(metrics, 'http_req_duration', file) ?? {};
  const reqs = k6Values(metrics, 'http_reqs', file);
  const failed = k6Values(metrics, 'http_req_failed', file);
  const at = (metric: string, key: string) => `metrics.${metric}["${key}"]`;

  let requests = reqs ? count(reqs, 'count', file, at('http_reqs', 'count')) : undefined;
  let errors: number | undefined;
  let errorRate: number | undefined;
  if (failed) {
    // A Rate: `passes` = requests whose http_req_failed was true (failed), `fails` = the others.
    const passes = count(failed, 'passes', file, at('http_req_failed', 'passes'));
    const fails = count(failed, 'fails', file, at('http_req_failed', 'fails'));
    if (passes !== undefined && fails !== undefined) {
      errors = passes;
      requests ??= passes + fails;
      errorRate = passes + fails === 0 ? 0 : passes / (passes + fails);
    } else {
      errorRate = rate(failed, failed.rate !== undefined ? 'rate' : 'value', file, at('http_req_failed', 'value'));
    }
  }
  if (errors !== undefined && requests !== undefined && errors > requests) {
    throw bad(file, at('http_req_failed', 'passes'), `(${errors}) exceeds ${at('http_reqs', 'count')} (${requests})`);
  }
  const ms = (key: string) => nonNegative(duration, key, file, at('http_req_duration', key));
  return {
    file,
    format: 'k6',
    requests: requests ?? null,
    errors: errors ?? null,
    error_rate: errorRate ?? null,
    latency_p50_ms: ms('med') ?? ms('p(50)') ?? null,
    latency_p95_ms: ms('p(95)') ?? null,
    latency_p99_ms: ms('p(99)') ?? null
  };
}
