/** The Prometheus reader's answers to a misbehaving server (an injected fetch), one sentence each. */
import type { PrometheusSource } from '../../src/config/canary-types.js';
import { type FetchLike, readPrometheus } from '../../src/readers/prometheus.js';

const SRC: PrometheusSource = {
  url: 'http://prom:9090',
  requests: 'sum(increase(r{d="{arm}"}[1m]))',
  errors: 'sum(increase(e{d="{arm}"}[1m]))',
  latency_buckets: 'sum by (le) (increase(b{d="{arm}"}[1m]))',
  step_seconds: 60
};
const RANGE = { since: Date.parse('2026-11-30T10:00:00Z'), now: Date.parse('2026-11-30T10:05:00Z') };

/** A server answering each query kind (by its metric) with the given body and status. */
function server(bodies: Record<string, unknown>, status = 200): { fetch: FetchLike; urls: string[] } {
  const urls: string[] = [];
  const fetch: FetchLike = async (url) => {
    urls.push(url);
    const q = new URL(url).searchParams.get('query')!;
    const kind = /increase\((\w)\{/.exec(q)![1]!;
    const body = bodies[kind] ?? { status: 'success', data: { resultType: 'matrix', result: [] } };
    return { ok: status === 200, status, text: async () => JSON.stringify(body) };
  };
  return { fetch, urls };
}

const matrix = (result: unknown[]) => ({ status: 'success', data: { resultType: 'matrix', result } });
const T = RANGE.since / 1000 + 60;

test('the query_range call: {arm} replaced, start one step after since, end now, step in seconds', async () => {
  const h = [
    { metric: { le: '0.1' }, values: [[T, '5']] },
    { metric: { le: '+Inf' }, values: [[T, '10']] }
  ];
  const s = server({ r: matrix([{ metric: {}, values: [[T, '10']] }]), e: matrix([]), b: matrix(h) });
  const obs = await readPrometheus(SRC, RANGE, s.fetch);
  const first = new URL(s.urls[0]!);
  expect(first.pathname).toBe('/api/v1/query_range');
  expect(first.searchParams.get('query')).toBe('sum(increase(r{d="baseline"}[1m]))');
  expect(first.searchParams.get('start')).toBe(String(T));
  expect(first.searchParams.get('end')).toBe(String(RANGE.now / 1000));
  expect(first.searchParams.get('step')).toBe('60s');
  expect(s.urls.some((u) => new URL(u).searchParams.get('query') === 'sum(increase(r{d="canary"}[1m]))')).toBe(true);
  // No error series at all: zero errors; le in seconds → ms.
  expect(obs.canary.windows).toEqual([{ time: T * 1000, requests: 10, errors: 0, latency: { bounds: [100], cumulative: [5], total: 10 } }]);
});

test("a refused query carries Prometheus' own error", async () => {
  const s = server({ r: { status: 'error', errorType: 'bad_data', error: 'parse error at char 5' } }, 400);
  await expect(readPrometheus(SRC, RANGE, s.fetch)).rejects.toThrow(
    'Prometheus at http://prom:9090 refused the requests query for the baseline arm (bad_data: parse error at char 5); check canary.source.prometheus.requests'
  );
});

test('a negative increase is named as a counter reset the query does not handle', async () => {
  const s = server({ r: matrix([{ metric: {}, values: [[T, '-3']] }]) });
  await expect(readPrometheus(SRC, RANGE, s.fetch)).rejects.toThrow(/gives a negative increase \(-3\) at 2026-11-30T10:01:00\.000Z: a counter reset the query does not handle; wrap the counter in increase/);
});

test('buckets without +Inf, or without le, are errors that say how to query them', async () => {
  const r = matrix([{ metric: {}, values: [[T, '10']] }]);
  await expect(readPrometheus(SRC, RANGE, server({ r, b: matrix([{ metric: { le: '0.1' }, values: [[T, '5']] }]) }).fetch)).rejects.toThrow(/has no le="\+Inf" bucket/);
  await expect(readPrometheus(SRC, RANGE, server({ r, b: matrix([{ metric: {}, values: [[T, '5']] }]) }).fetch)).rejects.toThrow(/without an "le" label; aggregate with sum by \(le\)/);
});

test('more steps than Prometheus returns asks for a larger step; a canary younger than one step reads nothing', async () => {
  const long = { since: RANGE.since, now: RANGE.since + 12000 * 60000 };
  await expect(readPrometheus(SRC, long, server({}).fetch)).rejects.toThrow(/12000 steps of 60s, more than the 11000 points .* raise canary\.source\.prometheus\.step/);
  const s = server({});
  const young = await readPrometheus(SRC, { since: RANGE.since, now: RANGE.since + 30000 }, s.fetch);
  expect(young.canary.windows).toEqual([]);
  expect(s.urls).toEqual([]);
});
