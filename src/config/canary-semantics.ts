/**
 * What the schema cannot say about the `canary` section (one source, increasing steps, the ceilings'
 * grammar, a valid `since`), and the typed CanaryConfig with defaults.
 */
import type { Problem } from './problems.js';
import type { Path } from './source.js';
import {
  CANARY_DEFAULTS,
  type CanaryCeiling,
  type CanaryComparison,
  type CanaryConfig,
  type CanaryMetric
} from './canary-types.js';

export interface RawCanary {
  source: {
    prometheus?: { url: string; requests: string; errors: string; latency_buckets?: string; step?: string | number };
    files?: { baseline: string; canary: string };
  };
  since?: string;
  rollout?: { strategy?: string; steps: number[]; current_weight?: number };
  min_requests?: number;
  min_duration_minutes?: number;
  alpha?: number;
  compare?: {
    error_rate?: { relative_increase_allowed?: number; absolute_increase_allowed?: number };
    latency_p95_ms?: { increase_allowed_ms: number };
    latency_p99_ms?: { increase_allowed_ms: number };
  };
  auto_rollback_on?: string[];
}

/** Ceiling names and their seed spellings. */
const CEILING_NAMES: Record<string, CanaryMetric> = {
  error_rate: 'error_rate',
  latency_p95_ms: 'latency_p95_ms',
  latency_p99_ms: 'latency_p99_ms',
  p95_latency_ms: 'latency_p95_ms',
  p99_latency_ms: 'latency_p99_ms'
};

/** "p99_latency_ms > 800", "error_rate > 0.8%", "latency_p95_ms >= 300ms" → a ceiling, or a reason it is not one. */
export function parseCeiling(text: string): CanaryCeiling | string {
  const m = /^\s*([A-Za-z0-9_]+)\s*(>=|>)\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(%|ms)?\s*$/.exec(text);
  if (!m) return `write it as "<metric> > <value>", e.g. "error_rate > 0.8%" or "p99_latency_ms > 800"`;
  const metric = CEILING_NAMES[m[1]!];
  if (!metric) return `"${m[1]}" is not a ceiling metric; use ${Object.keys(CEILING_NAMES).join(', ')}`;
  let value = Number(m[3]);
  const unit = m[4];
  if (metric === 'error_rate') {
    if (unit === 'ms') return 'an error rate is a fraction or a percent, not ms';
    if (unit === '%') value /= 100;
    if (value > 1) return `error_rate ${m[3]} is above 1; write a fraction (0.008) or a percent (0.8%)`;
  } else if (unit === '%') return `${m[1]} is in milliseconds, not a percent`;
  return { metric, op: m[2] as '>' | '>=', value, text };
}

/** "60s", "1m", "2m30s" or a number of seconds → seconds; undefined when unreadable. */
export function parseStep(step: string | number): number | undefined {
  if (typeof step === 'number') return step > 0 && Number.isFinite(step) ? step : undefined;
  const t = step.trim();
  if (/^[0-9]+(\.[0-9]+)?$/.test(t)) return Number(t) > 0 ? Number(t) : undefined;
  const m = /^(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?$/.exec(t);
  if (!m || t === '') return undefined;
  const s = Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  return s > 0 ? s : undefined;
}

/** An ISO 8601 time with a date, a time and a zone; NaN otherwise. */
export function parseInstant(text: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text.trim())) return NaN;
  return Date.parse(text.trim());
}

export function canaryProblems(raw: RawCanary): Problem[] {
  const problems: Problem[] = [];
  const base: Path = ['canary'];
  const add = (path: Path, at: 'key' | 'value', message: string) => problems.push({ path, at, message });
  const src = raw.source;
  if (src.prometheus && src.files) {
    add([...base, 'source'], 'key', 'canary.source sets both prometheus and files; keep one of them');
  }
  if (src.prometheus) {
    const p = src.prometheus;
    if (!/^https?:\/\/[^\s/]+/.test(p.url)) {
      add([...base, 'source', 'prometheus', 'url'], 'value', `canary.source.prometheus.url must be an http(s) URL like http://prometheus:9090, not "${p.url}"`);
    }
    for (const key of ['requests', 'errors', 'latency_buckets'] as const) {
      const q = p[key];
      if (q !== undefined && !q.includes('{arm}')) {
        add([...base, 'source', 'prometheus', key], 'value', `canary.source.prometheus.${key} must contain {arm}, which becomes baseline or canary`);
      }
    }
    if (p.step !== undefined && parseStep(p.step) === undefined) {
      add([...base, 'source', 'prometheus', 'step'], 'value', `canary.source.prometheus.step must be a duration like 60s or 1m, not "${p.step}"`);
    }
  }
  if (raw.since !== undefined && Number.isNaN(parseInstant(raw.since))) {
    add([...base, 'since'], 'value', `canary.since must be an ISO 8601 time with a zone, like 2026-11-30T10:00:00Z, not "${raw.since}"`);
  }
  if (!raw.rollout) {
    add(base, 'key', 'canary needs rollout: { steps: [5, 25, 50, 100] } so the stage can say the next weight');
  } else {
    const steps = raw.rollout.steps;
    for (let i = 1; i < steps.length; i++) {
      if (!(steps[i]! > steps[i - 1]!)) {
        add([...base, 'rollout', 'steps', i], 'value', `canary.rollout.steps must increase; ${steps[i]} follows ${steps[i - 1]}`);
        break;
      }
    }
  }
  const er = raw.compare?.error_rate;
  if (er && er.relative_increase_allowed !== undefined && er.absolute_increase_allowed !== undefined) {
    add([...base, 'compare', 'error_rate'], 'key', 'canary.compare.error_rate sets both relative_increase_allowed and absolute_increase_allowed; keep one');
  }
  const ceilings = raw.auto_rollback_on ?? [];
  ceilings.forEach((text, i) => {
    const c = parseCeiling(text);
    if (typeof c === 'string') add([...base, 'auto_rollback_on', i], 'value', `canary.auto_rollback_on[${i}] "${text}": ${c}`);
  });
  const compared = Object.keys(raw.compare ?? {}).length;
  if (compared === 0 && ceilings.length === 0) {
    add(base, 'key', 'canary compares nothing; add canary.compare (error_rate, latency_p99_ms, …) or auto_rollback_on');
  }
  const needsLatency = [
    ...Object.keys(raw.compare ?? {}).filter((k) => k.startsWith('latency')),
    ...ceilings.map(parseCeiling).filter((c): c is CanaryCeiling => typeof c !== 'string' && c.metric !== 'error_rate')
  ];
  if (src.prometheus && !src.prometheus.latency_buckets && needsLatency.length > 0) {
    add([...base, 'source', 'prometheus'], 'key', 'canary compares or caps latency, so canary.source.prometheus needs latency_buckets');
  }
  return problems;
}

export function buildCanary(raw: RawCanary): CanaryConfig {
  const compare: CanaryComparison[] = [];
  const er = raw.compare?.error_rate;
  if (er) {
    compare.push({
      metric: 'error_rate',
      margin:
        er.absolute_increase_allowed !== undefined
          ? { kind: 'absolute', value: er.absolute_increase_allowed }
          : { kind: 'relative', value: er.relative_increase_allowed ?? 0 }
    });
  }
  for (const m of ['latency_p95_ms', 'latency_p99_ms'] as const) {
    const c = raw.compare?.[m];
    if (c) compare.push({ metric: m, increase_allowed_ms: c.increase_allowed_ms });
  }
  const source: CanaryConfig['source'] = {};
  if (raw.source.prometheus) {
    const p = raw.source.prometheus;
    source.prometheus = {
      url: p.url.replace(/\/+$/, ''),
      requests: p.requests,
      errors: p.errors,
      step_seconds: p.step === undefined ? CANARY_DEFAULTS.step_seconds : parseStep(p.step)!
    };
    if (p.latency_buckets !== undefined) source.prometheus.latency_buckets = p.latency_buckets;
  }
  if (raw.source.files) source.files = { ...raw.source.files };
  const rollout: CanaryConfig['rollout'] = { strategy: raw.rollout?.strategy ?? 'canary', steps: [...(raw.rollout?.steps ?? [])] };
  if (raw.rollout?.current_weight !== undefined) rollout.current_weight = raw.rollout.current_weight;
  const cfg: CanaryConfig = {
    source,
    rollout,
    min_requests: raw.min_requests ?? CANARY_DEFAULTS.min_requests,
    min_duration_minutes: raw.min_duration_minutes ?? CANARY_DEFAULTS.min_duration_minutes,
    alpha: raw.alpha ?? CANARY_DEFAULTS.alpha,
    compare,
    auto_rollback_on: [...(raw.auto_rollback_on ?? [])],
    ceilings: (raw.auto_rollback_on ?? []).map((t) => parseCeiling(t) as CanaryCeiling)
  };
  if (raw.since !== undefined) cfg.since = raw.since;
  return cfg;
}
