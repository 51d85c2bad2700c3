/** JSON Schema of the `canary` config section (the canary stage); schema.ts adds it under `canary`. */
import type { SchemaNode } from './schema-node.js';

const query = (description: string): SchemaNode => ({ type: 'string', minLength: 1, description });
const increase = (description: string): SchemaNode => ({ type: 'number', minimum: 0, description });

export const canarySchema: SchemaNode = {
  type: 'object',
  additionalProperties: false,
  required: ['source'],
  description:
    'The canary stage (input `stage: canary`): promote, continue or roll back a canary from live traffic of the ' +
    'canary beside the baseline, with anytime-valid comparisons (valid however often the workflow looks).',
  properties: {
    source: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      description: 'Where the observations come from: `prometheus` or `files` (one of them).',
      properties: {
        prometheus: {
          type: 'object',
          additionalProperties: false,
          required: ['url', 'requests', 'errors'],
          description: 'Prometheus HTTP API (query_range over [since, now]); `{arm}` in a query becomes baseline or canary.',
          properties: {
            url: { type: 'string', minLength: 1, description: 'Base URL of the Prometheus server, e.g. http://prometheus:9090.' },
            requests: query('PromQL: requests per step, e.g. sum(increase(http_requests_total{deployment="{arm}"}[1m])).'),
            errors: query('PromQL: failed requests per step (same shape as requests).'),
            latency_buckets: query(
              'PromQL: histogram bucket increases per step by `le` (seconds), e.g. ' +
                'sum by (le) (increase(http_request_duration_seconds_bucket{deployment="{arm}"}[1m])).'
            ),
            step: {
              type: ['string', 'number'],
              description: 'query_range step: seconds, or a duration like 60s, 1m (default 60s; match the [1m] of the queries).'
            }
          }
        },
        files: {
          type: 'object',
          additionalProperties: false,
          required: ['baseline', 'canary'],
          description: 'JSON Lines observation files, one line per window: {time, requests, errors, latency_ms: {"<upper ms>": cumulative, "+Inf": N}}.',
          properties: {
            baseline: { type: 'string', minLength: 1, description: 'Observations of the baseline arm.' },
            canary: { type: 'string', minLength: 1, description: 'Observations of the canary arm.' }
          }
        }
      }
    },
    since: {
      type: 'string',
      minLength: 1,
      description: 'Start of the canary (ISO 8601, e.g. 2026-11-30T10:00:00Z); input `canary-since` overrides it.'
    },
    rollout: {
      type: 'object',
      additionalProperties: false,
      required: ['steps'],
      description: 'The rollout plan: traffic percent steps and the current one (input `canary-weight` overrides it).',
      properties: {
        strategy: { type: 'string', enum: ['canary'], default: 'canary', description: 'Rollout strategy (canary).' },
        steps: {
          type: 'array',
          minItems: 1,
          items: { type: 'number', exclusiveMinimum: 0, maximum: 100, description: 'Canary traffic percent.' },
          description: 'Traffic percent of each step, increasing, e.g. [5, 25, 50, 100].'
        },
        current_weight: { type: 'number', minimum: 0, maximum: 100, description: 'Current canary traffic percent.' }
      }
    },
    min_requests: { type: 'integer', minimum: 0, default: 0, description: 'Canary requests needed before a promote.' },
    min_duration_minutes: { type: 'number', minimum: 0, default: 0, description: 'Canary age (now − since) needed before a promote.' },
    alpha: {
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 0.5,
      default: 0.05,
      description: 'Chance of a wrong rollback or promote over the whole canary, however many looks (split over the comparisons).'
    },
    compare: {
      type: 'object',
      additionalProperties: false,
      description: 'Comparisons of canary against baseline; each must be shown non-inferior before a promote.',
      properties: {
        error_rate: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          description: 'Error rate: relative_increase_allowed (ratio − 1, 0.10 = +10 %) or absolute_increase_allowed (rate difference).',
          properties: {
            relative_increase_allowed: increase('Largest allowed canary/baseline error-rate ratio minus 1.'),
            absolute_increase_allowed: increase('Largest allowed canary − baseline error-rate difference (0.001 = 0.1 points).')
          }
        },
        latency_p95_ms: {
          type: 'object',
          additionalProperties: false,
          required: ['increase_allowed_ms'],
          description: 'p95 latency from the histogram buckets.',
          properties: { increase_allowed_ms: increase('Largest allowed canary − baseline p95 increase in ms.') }
        },
        latency_p99_ms: {
          type: 'object',
          additionalProperties: false,
          required: ['increase_allowed_ms'],
          description: 'p99 latency from the histogram buckets.',
          properties: { increase_allowed_ms: increase('Largest allowed canary − baseline p99 increase in ms.') }
        }
      }
    },
    auto_rollback_on: {
      type: 'array',
      items: {
        type: 'string',
        minLength: 1,
        description:
          'A hard ceiling on the canary arm: "<metric> > <value>" with metric error_rate, latency_p95_ms, latency_p99_ms ' +
          '(or p95_latency_ms, p99_latency_ms); e.g. "p99_latency_ms > 800", "error_rate > 0.8%".'
      },
      description: 'Ceilings that roll the canary back as soon as one is exceeded with confidence.'
    }
  }
};
