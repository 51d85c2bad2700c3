/**
 * Synthetic live traffic for the canary tests: per-interval request, error and latency-bucket counts of both
 * arms, drawn with the repository's exact samplers from a seeded generator, as OpenMetrics counters (for
 * promtool's backfill) or as observation JSON Lines.
 */
import { Rng } from '../../src/stats/prng.js';
import { binomial, multinomial } from '../../src/stats/sampling.js';

/** Bucket upper bounds (seconds) and the cumulative probability of each, for a "normal" service. */
export const LE_SECONDS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 1, 2.5];
export const HEALTHY_CDF = [0.2, 0.5, 0.75, 0.9, 0.96, 0.985, 0.995, 0.998, 0.9995, 1, 1];
/** A slow canary: 4 % of requests take 1–2.5 s, so its p99 is over a second. */
export const SLOW_CDF = [0.19, 0.48, 0.72, 0.86, 0.92, 0.945, 0.955, 0.958, 0.96, 0.96, 1];

export interface Phase {
  /** Seconds from the start. */
  from: number;
  to: number;
  /** Canary traffic share in percent. */
  weight: number;
  errorRate: { baseline: number; canary: number };
  cdf: { baseline: number[]; canary: number[] };
}

export interface Sample {
  t: number;
  arm: 'baseline' | 'canary';
  requests: number;
  errors: number;
  /** Non-cumulative counts per bucket, the last one is the +Inf overflow. */
  buckets: number[];
}

function probs(cdf: number[]): number[] {
  const p = cdf.map((c, i) => c - (i === 0 ? 0 : cdf[i - 1]!));
  p.push(1 - cdf[cdf.length - 1]!);
  return p;
}

/** Counts per `interval` seconds with `totalPerSecond` requests split by the phase's weight. */
export function simulate(phases: Phase[], start: number, interval: number, totalPerSecond: number, seed: number): Sample[] {
  const rng = new Rng(seed);
  const out: Sample[] = [];
  for (const ph of phases) {
    for (let s = ph.from; s < ph.to; s += interval) {
      for (const arm of ['baseline', 'canary'] as const) {
        const share = arm === 'canary' ? ph.weight / 100 : 1 - ph.weight / 100;
        const requests = Math.round(totalPerSecond * interval * share);
        const errors = binomial(rng, requests, ph.errorRate[arm]);
        const p = probs(ph.cdf[arm]);
        const buckets = new Float64Array(p.length);
        multinomial(rng, requests, p, buckets);
        out.push({ t: start + s + interval, arm, requests, errors, buckets: [...buckets] });
      }
    }
  }
  return out;
}

/** OpenMetrics text: counters that accumulate the samples (one scenario label), for promtool's backfill. */
export function openMetrics(scenarios: Record<string, Sample[]>): string {
  const req: string[] = ['# TYPE http_requests counter'];
  const hist: string[] = ['# TYPE http_request_duration_seconds histogram'];
  for (const [scenario, samples] of Object.entries(scenarios)) {
    for (const arm of ['baseline', 'canary'] as const) {
      const mine = samples.filter((s) => s.arm === arm);
      const labels = `scenario="${scenario}",deployment="${arm}"`;
      for (const code of ['200', '500']) {
        let total = 0;
        for (const s of mine) {
          total += code === '500' ? s.errors : s.requests - s.errors;
          req.push(`http_requests_total{${labels},code="${code}"} ${total} ${s.t}`);
        }
      }
      const cum = new Array<number>(LE_SECONDS.length + 1).fill(0);
      let count = 0;
      for (const s of mine) {
        let acc = 0;
        for (let j = 0; j < LE_SECONDS.length; j++) {
          acc += s.buckets[j]!;
          cum[j] = cum[j]! + acc;
        }
        count += s.requests;
        for (let j = 0; j < LE_SECONDS.length; j++) hist.push(`http_request_duration_seconds_bucket{${labels},le="${LE_SECONDS[j]}"} ${cum[j]} ${s.t}`);
        hist.push(`http_request_duration_seconds_bucket{${labels},le="+Inf"} ${count} ${s.t}`);
        hist.push(`http_request_duration_seconds_count{${labels}} ${count} ${s.t}`);
        hist.push(`http_request_duration_seconds_sum{${labels}} ${(count * 0.1).toFixed(3)} ${s.t}`);
      }
    }
  }
  return `${[...req, ...hist].join('\n')}\n# EOF\n`;
}

/** One observation line per sample of an arm (cumulative buckets in ms), as the observation files hold them. */
export function observationLines(samples: Sample[], arm: 'baseline' | 'canary'): string {
  return samples
    .filter((s) => s.arm === arm)
    .map((s) => {
      const latency: Record<string, number> = {};
      let acc = 0;
      LE_SECONDS.forEach((le, j) => {
        acc += s.buckets[j]!;
        latency[String(Math.round(le * 1000))] = acc;
      });
      latency['+Inf'] = s.requests;
      return JSON.stringify({ time: new Date(s.t * 1000).toISOString(), requests: s.requests, errors: s.errors, latency_ms: latency });
    })
    .join('\n');
}
