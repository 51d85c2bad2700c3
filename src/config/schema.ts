/**
 * The JSON Schema (draft-07) of the gate config, docs/config.md. This TS module is the source of truth: the loader
 * compiles it with ajv, and `schema/model-gate.schema.json` is its published copy for editors
 * (`# yaml-language-server: $schema=<CONFIG_SCHEMA_ID>`). A test fails when the two differ; regenerate the file
 * with `UPDATE_SCHEMA=1 npm test -- __tests__/config/schema`.
 *
 * The schema describes the whole v1 format; the rules that relate keys to each other and to the metric
 * catalogue are checked by the loader (semantics.ts).
 */
import { metricList, metricNamePattern } from '../stats/catalog.js';
import { GATE_FAMILIES } from './types.js';
import { canarySchema } from './canary-schema.js';
import type { SchemaNode } from './schema-node.js';
export type { SchemaNode } from './schema-node.js';

/** Where the published schema lives; users put it in `# yaml-language-server: $schema=…`. */
export const CONFIG_SCHEMA_ID =
  'https://raw.githubusercontent.com/model-gate/model-gate/main/schema/model-gate.schema.json';

/** Path of the published copy, relative to the repository root. */
export const CONFIG_SCHEMA_FILE = 'schema/model-gate.schema.json';

const path = (description: string): SchemaNode => ({ type: 'string', minLength: 1, description });
const column = (description: string, dflt: string): SchemaNode => ({
  type: 'string',
  minLength: 1,
  description,
  default: dflt
});
const nonNegative = (description: string): SchemaNode => ({ type: 'number', minimum: 0, description });
const count = (description: string): SchemaNode => ({ type: 'integer', minimum: 0, description });

/** The metric names of each task, from the catalogue. */
const METRIC_DESCRIPTION =
  `Metric name (docs/config.md, "Metrics and their intervals"). binary: ${metricList('binary')}; multiclass: ${metricList('multiclass')}; ` +
  `regression: ${metricList('regression')}; ranking (K any positive integer, e.g. ndcg@10): ${metricList('ranking')}; ` +
  `score: ${metricList('score')}. The metric must fit \`task\`.`;

const metric = (description: string): SchemaNode => ({
  type: 'string',
  // A pattern, not an enum: ranking metrics carry their cut-off in the name (ndcg@10, recall@100).
  pattern: metricNamePattern(),
  description: `${description} ${METRIC_DESCRIPTION}`
});

/** The keys every metric check takes (performance checks, `metrics` entries, segments). */
function checkProperties(): Record<string, SchemaNode> {
  return {
    compare_to: {
      type: 'string',
      enum: ['champion'],
      default: 'champion',
      description: 'What the candidate is compared with. Only `champion` (the default) exists in v1.'
    },
    absolute_drop_allowed: nonNegative(
      'Non-inferiority margin a in metric units: passes iff the CI of Δ = candidate − champion stays above −a ' +
        '(higher-is-better metrics) or below +a (lower-is-better). Use this or relative_drop_allowed, not both.'
    ),
    relative_drop_allowed: nonNegative(
      "Non-inferiority margin as a fraction of the champion's value: a = r·|champion|, then as " +
        'absolute_drop_allowed (0.01 = 1 %). Use this or absolute_drop_allowed, not both.'
    ),
    equivalence_margin: nonNegative(
      'Equivalence margin e in metric units, for `rule: equivalent`: passes iff the whole CI of Δ lies inside ' +
        '(−e, e) (two one-sided tests). Use this or relative_equivalence_margin, not both.'
    ),
    relative_equivalence_margin: nonNegative(
      "Equivalence margin as a fraction of the champion's value: e = r·|champion|, then as equivalence_margin."
    ),
    rule: {
      type: 'string',
      enum: ['non_inferior', 'strictly_better', 'superior', 'equivalent'],
      description:
        'How the comparison with the champion is judged. `non_inferior` (the default when a margin is given): ' +
        'the CI of Δ clears the margin. `strictly_better`: the point estimate favours the candidate (ties go ' +
        'to the champion). `superior`: the CI of Δ lies entirely on the good side of 0. These two take no margin. ' +
        '`equivalent` (the default when an equivalence margin is given): the CI of Δ lies inside (−e, e), for ' +
        'releases that must change nothing.'
    },
    min_value: {
      type: 'number',
      description: "Floor on the candidate's point estimate of the metric (for example a registration gate)."
    },
    max_value: {
      type: 'number',
      description: "Ceiling on the candidate's point estimate of the metric (for lower-is-better metrics)."
    }
  };
}

const operationsCheck = (description: string, extra: Record<string, SchemaNode> = {}): SchemaNode => ({
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  description,
  properties: {
    max_value: nonNegative('The largest value that passes.'),
    max_relative_increase: nonNegative(
      "The largest allowed increase over the champion's value, as a fraction of it (0.02 = +2 %): passes iff " +
        'candidate ≤ champion·(1 + this). Reads `artifacts.champion_operations`; skipped when there is none.'
    ),
    ...extra
  }
});

const scalar: SchemaNode = {
  type: ['string', 'number', 'boolean'],
  description: 'A value (compared as text, numbers by value: 1 and 1.0 are the same).'
};

/** One column of the data gate's explicit schema. */
const columnSchema: SchemaNode = {
  type: 'object',
  additionalProperties: false,
  description: 'What the current table must hold in this column (missing values are left to missingness_max).',
  properties: {
    type: {
      type: 'string',
      enum: ['number', 'integer', 'string', 'boolean'],
      description:
        'Type of every non-missing value: `number` (plain decimal numbers), `integer`, `boolean` (true/false in ' +
        'any case) or `string` (anything).'
    },
    required: {
      type: 'boolean',
      default: true,
      description: 'The column must exist in the current table (default true); false checks it only when present.'
    },
    min: { type: 'number', description: 'Smallest allowed value (numbers only; other values fail the type check).' },
    max: { type: 'number', description: 'Largest allowed value (numbers only; other values fail the type check).' },
    allowed: {
      type: 'array',
      minItems: 1,
      description: 'The only values allowed.',
      items: scalar
    }
  }
};

const whereValue: SchemaNode = {
  type: ['string', 'number', 'boolean'],
  description: 'A value of the column, compared as labels are: trimmed, numbers by value (1 = 1.0), true/false in any case.'
};

export const configSchema: SchemaNode = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: CONFIG_SCHEMA_ID,
  title: 'model-gate config',
  description:
    'Gate config for model-gate: decides whether a candidate model may replace the champion from paired ' +
    'confidence intervals of (candidate − champion) on the same test set. Required: version, task and at ' +
    'least one gate under `gates`.',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'task', 'gates'],
  properties: {
    version: { type: 'integer', const: 1, description: 'Config format version. Must be 1.' },
    task: {
      type: 'string',
      enum: ['binary', 'multiclass', 'regression', 'ranking', 'score'],
      description:
        'What the models predict: `binary` (two classes, score = probability or rank of the positive class), ' +
        '`multiclass` (prediction = the class, per-class probabilities in <score_prefix><class> columns), ' +
        '`regression` (prediction = the value), `ranking` (one row per query and item: graded relevance label and ' +
        'score; metrics per query, docs/ranking.md) or `score` (per-example scores without labels, e.g. LLM evals; ' +
        'repeated rows of one id are averaged).'
    },
    artifacts: {
      type: 'object',
      additionalProperties: false,
      description:
        'Input files, relative to the workspace. The action inputs `candidate` and `champion` override the first two.',
      properties: {
        candidate: path('Predictions of the candidate model (.csv, .tsv, .jsonl or .ndjson, optionally .gz).'),
        champion: path(
          'Predictions of the champion on the same test set. Without any champion, comparison checks are skipped.'
        ),
        operations: path(
          'Load-test result of the candidate: {"latency_ms": [...], "requests": N, "errors": E}, ' +
            '{"latency_p95_ms": x, "latency_p99_ms": y, "error_rate": r, "requests": N}, or a k6 --summary-export file.'
        ),
        champion_operations: path('Load-test result of the champion, for relative operations checks.'),
        model: path(
          'Model file or directory, for operations.model_size_mb (and its sha256 in the release card).'
        ),
        data: {
          type: 'object',
          additionalProperties: false,
          description: 'Tables for the data gate (both are needed when gates.data is set).',
          properties: {
            reference: path('Reference table (typically the training data): CSV, TSV or JSONL.'),
            current: path('Current table (typically recent serving data): CSV, TSV or JSONL.')
          }
        },
        cost: path(
          'Cost JSON of the candidate: {inference_cost, infra_cost, storage_cost, retraining_cost, human_ops_cost, ' +
            'success_count}.'
        ),
        champion_cost: path('Cost JSON of the champion, for cost.max_relative_increase.'),
        counts: path(
          'Pre-aggregated binary predictions of both models, instead of candidate and champion: one row per ' +
            'combination of label, champion_prediction, candidate_prediction (and segment or group values) with its ' +
            'count, plus candidate_/champion_<loss>_sum and <loss>_diff_sq_sum columns for log_loss and brier, and ' +
            'candidate_score_bin and champion_score_bin for roc_auc. See docs/counts.md for the format and SQL recipes.'
        )
      }
    },
    columns: {
      type: 'object',
      additionalProperties: false,
      description: 'Column names in the predictions files. Each defaults to its own key name.',
      properties: {
        id: column('Row id; rows of the two files are paired by it.', 'id'),
        label: column('True label (binary: 0/1, true/false or strings; see positive_label).', 'label'),
        score: column(
          'Score of the positive class (binary). Ranking metrics take any finite real; log_loss, brier and ece ' +
            'need a probability in [0, 1].',
          'score'
        ),
        prediction: column(
          'Predicted label (binary: optional, derived from score >= threshold when absent; multiclass: the ' +
            'class; regression: the value).',
          'prediction'
        ),
        segment: column('Segment name of each row, used by segments without `where`.', 'segment'),
        cluster: {
          type: 'string',
          minLength: 1,
          description:
            'Cluster of each row (a user, a session, a document, a conversation): rows of one cluster are not ' +
            'independent, so every interval treats the cluster as the unit and min_eval_samples counts clusters. ' +
            'Both predictions files must give each id the same cluster. Not available with artifacts.counts.'
        },
        query: column('Ranking: the query (or user, for recommenders) each row belongs to; metrics are computed per query.', 'query_id'),
        score_prefix: {
          type: 'string',
          default: 'proba_',
          description: 'Multiclass: per-class probability columns are named <score_prefix><class>.'
        }
      }
    },
    threshold: {
      type: 'number',
      default: 0.5,
      description:
        'Binary: a row is predicted positive when score >= threshold (used when there is no prediction column). ' +
        'Score task: a row passes (pass_rate) when score >= threshold (<= under metric_options.score_direction: lower).'
    },
    positive_label: {
      type: ['string', 'number', 'boolean'],
      default: 1,
      description: 'Binary: the label value of the positive class, compared with the labels as text (1, true, "yes", …).'
    },
    metric_options: {
      type: 'object',
      additionalProperties: false,
      description: 'Options of metrics that need them.',
      properties: {
        net_benefit: {
          type: 'object',
          additionalProperties: false,
          required: ['tp', 'fp', 'tn', 'fn'],
          description: 'Value of each confusion-matrix outcome (for example in dollars); net_benefit is their total over rows.',
          properties: {
            tp: { type: 'number', description: 'Value of a true positive.' },
            fp: { type: 'number', description: 'Value of a false positive (usually negative).' },
            tn: { type: 'number', description: 'Value of a true negative.' },
            fn: { type: 'number', description: 'Value of a false negative (usually negative).' }
          }
        },
        relevance_threshold: {
          type: 'number',
          minimum: 0,
          default: 0,
          description: 'Ranking: an item is relevant when its label is above this (recall@K, precision@K, mrr@K, map@K).'
        },
        ndcg_gain: {
          type: 'string',
          enum: ['linear', 'exponential'],
          default: 'linear',
          description: 'Ranking: the gain of a label in ndcg@K: `linear` (the label) or `exponential` (2^label − 1).'
        },
        score_direction: {
          type: 'string',
          enum: ['higher', 'lower'],
          default: 'higher',
          description:
            'Score task: whether a higher score is better (mean_score) and passes (score >= threshold), or a lower one ' +
            '(score <= threshold). pass_rate is always higher-is-better.'
        }
      }
    },
    gates: {
      type: 'object',
      additionalProperties: false,
      description:
        'The gates (performance, segments, fairness, operations, data, cost, robustness, observability, rollback) and the CI settings. ' +
        'At least one gate is required.',
      properties: {
        performance: {
          type: 'object',
          additionalProperties: false,
          required: ['primary_metric'],
          description:
            'Checks of the candidate on the whole test set. The keys at this level are the check of the primary ' +
            'metric; `metrics` adds further checks.',
          properties: {
            primary_metric: metric('The metric the gate and auto-merge are decided on.'),
            ...checkProperties(),
            min_improvement_for_auto_merge: nonNegative(
              "auto_merge is true only when the gate passes without a waiver and the primary metric's point Δ " +
                '(oriented so positive is better) is at least this.'
            ),
            metrics: {
              type: 'array',
              description: 'Further checks, each with the same keys as the primary check plus `metric`.',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['metric'],
                description: 'One further metric check.',
                properties: { metric: metric('The metric to check.'), ...checkProperties() }
              }
            }
          }
        },
        ci: {
          type: 'object',
          additionalProperties: false,
          description: 'How confidence intervals are computed (for every gate).',
          properties: {
            method: {
              type: 'string',
              enum: ['auto', 'bootstrap', 'analytic'],
              default: 'auto',
              description:
                '`auto`: DeLong for roc_auc, Newcombe\'s paired score interval for proportions (accuracy, recall, fpr, …), ' +
                'paired bootstrap of confusion cells for the other confusion-matrix metrics, ' +
                'paired normal interval for mean losses, delta method for rmse and r2, row bootstrap for pr_auc and ece. ' +
                '`bootstrap`: a paired bootstrap for every metric. `analytic`: analytic intervals where they exist ' +
                '(DeLong, paired normal, delta method, Newcombe for paired proportions), the bootstrap elsewhere (said in the check message).'
            },
            confidence_level: {
              type: 'number',
              exclusiveMinimum: 0,
              exclusiveMaximum: 1,
              default: 0.95,
              description: 'Two-sided confidence level of the intervals, strictly between 0 and 1 (0.95 = 95 %).'
            },
            min_eval_samples: {
              type: 'integer',
              minimum: 0,
              default: 30,
              description:
                'A check on fewer rows than this is inconclusive (which counts as failing). Default 30: below that ' +
                'no interval holds its level (docs/statistics.md), so a gate with almost no rows says inconclusive, not pass.'
            },
            resamples: {
              type: 'integer',
              minimum: 1,
              default: 10000,
              description: 'Number of bootstrap resamples.'
            },
            seed: {
              type: 'integer',
              minimum: 0,
              maximum: 4294967295,
              default: 42,
              description: 'Seed of the pseudo-random generator (0 … 2^32−1); the same seed gives the same report.'
            }
          }
        },
        segments: {
          type: 'array',
          description:
            "Checks on subsets of the rows (segment and `where` columns are read from the candidate's file).",
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name', 'metric'],
            description: 'One segment check: the rows it selects and the same keys as a performance check.',
            properties: {
              name: { type: 'string', minLength: 1, description: 'Segment name, shown in the report.' },
              where: {
                type: 'object',
                minProperties: 1,
                propertyNames: { type: 'string', minLength: 1 },
                description:
                  'Row filter: column → value or list of values (all columns must match). Without it, the rows ' +
                  'whose `columns.segment` value equals `name`.',
                additionalProperties: {
                  type: ['string', 'number', 'boolean', 'array'],
                  minItems: 1,
                  items: whereValue,
                  description: 'The value, or list of values, the column must have.'
                }
              },
              metric: metric('The metric to check on the segment.'),
              min_samples: count(
                'A segment with fewer rows than this is inconclusive (default: gates.ci.min_eval_samples).'
              ),
              ...checkProperties()
            }
          }
        },
        fairness: {
          type: 'object',
          additionalProperties: false,
          required: ['metric', 'max_group_gap', 'groups'],
          description:
            'Gap of a metric between the groups of each attribute: passes iff max − min ≤ max_group_gap.',
          properties: {
            metric: metric('The metric computed per group.'),
            max_group_gap: nonNegative('The largest allowed difference between the best and the worst group.'),
            groups: {
              type: 'array',
              minItems: 1,
              uniqueItems: true,
              description: 'Columns of the predictions files that hold the sensitive attributes.',
              items: { type: 'string', minLength: 1, description: 'A column name.' }
            },
            min_group_samples: count('Groups with fewer rows are listed but left out of the gap (default 0).'),
            max_gap_increase: nonNegative(
              "Largest allowed widening of the gap over the champion's: passes iff the upper bound of the paired " +
                'bootstrap CI of gap(candidate) − gap(champion) is below this. Confusion-matrix metrics only; ' +
                'skipped without a champion.'
            )
          }
        },
        operations: {
          type: 'object',
          additionalProperties: false,
          description: 'Serving checks from the load-test artifact (artifacts.operations) and the model (artifacts.model).',
          properties: {
            latency_p50_ms: operationsCheck('Median latency in milliseconds (type-7 quantile of samples; k6 `med`).'),
            latency_p95_ms: operationsCheck('95th percentile latency in milliseconds (type-7 quantile of samples).'),
            latency_p99_ms: operationsCheck('99th percentile latency in milliseconds (type-7 quantile of samples).'),
            error_rate: operationsCheck('Failed requests / requests.', {
              upper_confidence_bound: {
                type: 'boolean',
                default: false,
                description:
                  'Judge max_value on the upper bound of the Clopper–Pearson interval of the error rate at ' +
                  'gates.ci.confidence_level instead of the observed rate (so a short load test cannot pass by luck).'
              }
            }),
            model_size_mb: {
              type: 'object',
              additionalProperties: false,
              required: ['max_value'],
              description: 'Size of artifacts.model (a file, or all files under a directory) in MiB (bytes / 1,048,576).',
              properties: { max_value: nonNegative('The largest size in MiB that passes.') }
            },
            min_requests: count(
              'With fewer requests in the load test the latency and error-rate checks are inconclusive (default 0).'
            )
          }
        },
        data: {
          type: 'object',
          additionalProperties: false,
          description:
            'Checks of the current table against the reference table (artifacts.data): missingness, drift (PSI) ' +
            'and schema, per column.',
          properties: {
            missingness_max: {
              type: 'number',
              minimum: 0,
              maximum: 1,
              description:
                'Largest allowed fraction of missing values (empty, JSON null, NA, NaN, null) per column of the current table.'
            },
            drift_psi_max: nonNegative(
              'Largest allowed population stability index per column. Use this or drift_psi_quantile, not both.'
            ),
            drift_psi_quantile: {
              type: 'number',
              exclusiveMinimum: 0,
              exclusiveMaximum: 1,
              description:
                "Sets each column's PSI threshold from the sample sizes instead of a fixed drift_psi_max: the " +
                'q-quantile of PSI under no drift, (1/n + 1/m)·χ²_q(bins − 1) (0.99 = 1 % false alarms per column).'
            },
            columns: {
              type: 'array',
              minItems: 1,
              uniqueItems: true,
              description: 'Columns to check (default: every column of the reference table).',
              items: { type: 'string', minLength: 1, description: 'A column name.' }
            },
            ignore_columns: {
              type: 'array',
              uniqueItems: true,
              description: 'Columns never checked (ids, timestamps, free text).',
              items: { type: 'string', minLength: 1, description: 'A column name.' }
            },
            freshness: {
              type: 'object',
              additionalProperties: false,
              required: ['column', 'max_age_hours'],
              description:
                "Age of the newest timestamp in the current table's column (ISO 8601 or epoch seconds), measured from generated_at.",
              properties: {
                column: { type: 'string', minLength: 1, description: 'The timestamp column.' },
                max_age_hours: nonNegative('Largest allowed age of the newest timestamp, in hours.')
              }
            },
            schema: {
              type: 'object',
              additionalProperties: false,
              minProperties: 1,
              description: 'Schema checks on the current table: from the reference, explicit per column, or both.',
              properties: {
                from_reference: {
                  type: 'boolean',
                  default: false,
                  description:
                    'Every checked reference column must be in the current table with the same type (number or string).'
                },
                columns: {
                  type: 'object',
                  minProperties: 1,
                  propertyNames: { type: 'string', minLength: 1 },
                  description: 'Column name → its schema; overrides what from_reference infers for that column.',
                  additionalProperties: columnSchema
                }
              }
            }
          }
        },
        robustness: {
          type: 'object',
          additionalProperties: false,
          required: ['suites'],
          description:
            'Suites of pass/fail cases (edge cases, degraded dependencies, prompt injection, unsafe tool calls): ' +
            'failure rate on its exact upper bound, and the pass rate paired with the champion on the case ids.',
          properties: {
            suites: {
              type: 'array',
              minItems: 1,
              description: 'One entry per suite; see docs/release-gates.md.',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['name', 'results'],
                description: 'One suite of cases.',
                properties: {
                  name: { type: 'string', minLength: 1, description: 'Suite name; checks are `<name>:failure_rate` and `<name>:pass_rate_delta`.' },
                  results: path('Results of the candidate: JUnit XML (pytest --junitxml, jest-junit) or JSON Lines {"id": …, "passed": true|false}.'),
                  champion_results: path("The champion's results on the same case ids, for the paired pass-rate comparison."),
                  format: {
                    type: 'string',
                    enum: ['junit', 'jsonl'],
                    description: 'File format; default from the extension (.xml → junit, otherwise jsonl).'
                  },
                  max_failure_rate: {
                    type: 'number',
                    minimum: 0,
                    maximum: 1,
                    description:
                      'Largest allowed failure rate, judged on the upper bound of its Clopper–Pearson interval at gates.ci.confidence_level.'
                  },
                  absolute_drop_allowed: {
                    type: 'number',
                    minimum: 0,
                    maximum: 1,
                    description:
                      "Non-inferiority margin on the pass rate: passes iff the lower bound of Newcombe's paired interval of " +
                        'pass rate(candidate) − pass rate(champion) is above −this. Needs champion_results.'
                  },
                  min_cases: count('With fewer (non-skipped) cases the suite is inconclusive (default 0).')
                }
              }
            }
          }
        },
        observability: {
          type: 'object',
          additionalProperties: false,
          required: ['alert_rules'],
          description:
            'Prometheus alert rules (labels, annotations, multiwindow burn-rate alerts per SLO) and the trace coverage of a log sample.',
          properties: {
            alert_rules: {
              type: 'array',
              minItems: 1,
              description: 'Prometheus rule files (YAML with groups[].rules[]), relative to the workspace.',
              items: path('A rule file.')
            },
            slos: {
              type: 'array',
              description: 'SLOs whose burn-rate alerts must exist; an alert belongs to an SLO through its `slo` label.',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['name', 'objective'],
                description: 'One service level objective.',
                properties: {
                  name: { type: 'string', minLength: 1, description: "The SLO's name (the alerts' `slo` label)." },
                  objective: {
                    type: 'number',
                    exclusiveMinimum: 0,
                    exclusiveMaximum: 1,
                    description: 'Target success ratio, e.g. 0.999; the error budget is 1 − objective.'
                  }
                }
              }
            },
            burn_rate_windows: {
              type: 'array',
              minItems: 1,
              description: 'Window pairs each SLO needs (default: 14.4 over 1h and 5m, 6 over 6h and 30m, 1 over 3d and 6h).',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['factor', 'long', 'short'],
                description: 'Burn rate `factor` over both windows.',
                properties: {
                  factor: { type: 'number', exclusiveMinimum: 0, description: 'Burn-rate factor (multiple of the error budget rate).' },
                  long: { type: 'string', minLength: 1, description: 'Long window, a Prometheus duration (1h, 6h, 3d).' },
                  short: { type: 'string', minLength: 1, description: 'Short window, a Prometheus duration (5m, 30m, 6h).' }
                }
              }
            },
            require_labels: {
              type: 'array',
              uniqueItems: true,
              description: 'Labels every alert must carry (default [severity, owner]).',
              items: { type: 'string', minLength: 1, description: 'A label name.' }
            },
            require_annotations: {
              type: 'array',
              uniqueItems: true,
              description: 'Annotations every alert must carry (default [runbook_url]).',
              items: { type: 'string', minLength: 1, description: 'An annotation name.' }
            },
            logs: {
              type: 'object',
              additionalProperties: false,
              required: ['path', 'min_coverage'],
              description: 'A JSON Lines log sample: the share of records with a non-empty trace id, on its lower exact bound.',
              properties: {
                path: path('The log sample (JSON Lines, optionally .gz).'),
                trace_field: { type: 'string', minLength: 1, default: 'trace_id', description: 'Field holding the trace id (default trace_id).' },
                min_coverage: {
                  type: 'number',
                  minimum: 0,
                  maximum: 1,
                  description: 'Smallest allowed share of records with a trace id, judged on its lower Clopper–Pearson bound.'
                }
              }
            }
          }
        },
        rollback: {
          type: 'object',
          additionalProperties: false,
          required: ['drill'],
          description: 'A rollback drill record: its age, measured RTO and restored components; in the action, the champion artifact still available.',
          properties: {
            drill: path('Drill record JSON: {date, rto_seconds, restored: [...], runbook, owner}.'),
            max_drill_age_days: {
              type: 'number',
              exclusiveMinimum: 0,
              default: 90,
              description: 'Oldest allowed drill, in days before generated_at (default 90); the champion artifact must outlive it too.'
            },
            max_rto_seconds: nonNegative('Largest allowed measured recovery time, in seconds.'),
            required_components: {
              type: 'array',
              minItems: 1,
              uniqueItems: true,
              description: 'Components the drill must have restored (default [model, preprocessing, thresholds, runtime_params]).',
              items: { type: 'string', minLength: 1, description: 'A component name.' }
            }
          }
        },
        cost: {
          type: 'object',
          additionalProperties: false,
          description: 'Cost checks from the cost artifact (artifacts.cost).',
          properties: {
            max_cost_per_useful_outcome: nonNegative(
              'Largest allowed cost per useful outcome: (inference + infra + storage + retraining + human_ops cost) / success_count.'
            ),
            max_relative_increase: nonNegative(
              "Largest allowed increase of the cost per useful outcome over the champion's, as a fraction (0.05 = +5 %); " +
                'reads artifacts.champion_cost, skipped when there is none.'
            )
          }
        }
      }
    },
    ledger: path(
      'Optional JSON file that counts gate runs per test-set fingerprint (one entry per run id and attempt); ' +
        'keep it between runs, for example as an artifact. See docs/decisions.md.'
    ),
    max_runs_per_test_set: {
      type: 'integer',
      minimum: 1,
      description:
        'With `ledger`: the run that takes the number of runs on one test set past this, and every later one, ' +
        'warns that the test set may be overfitted by reuse. The verdict never changes.'
    },
    policy: {
      type: 'object',
      additionalProperties: false,
      description: 'Which gates fail the run and which only soft-fail it. A gate not listed is hard.',
      properties: {
        hard_fail: {
          type: 'array',
          uniqueItems: true,
          default: [],
          description: 'Gates whose failing checks make the result `fail`.',
          items: { type: 'string', enum: [...GATE_FAMILIES], description: 'A gate family.' }
        },
        soft_fail: {
          type: 'array',
          uniqueItems: true,
          default: [],
          description: 'Gates whose failing checks make the result `soft_fail` (or `pass` when waived).',
          items: { type: 'string', enum: [...GATE_FAMILIES], description: 'A gate family.' }
        },
        require_manual_approval_on_soft_fail: {
          type: 'boolean',
          default: true,
          description: 'When false, failing soft checks are warnings and the result is `pass`.'
        },
        waiver_label: {
          type: 'string',
          minLength: 1,
          description:
            'A pull request carrying this label turns `soft_fail` into a waived `pass`, when a person with write, maintain or admin ' +
            'permission added it after the gated commit was pushed.'
        },
        waiver_max_age_days: {
          type: 'number',
          exclusiveMinimum: 0,
          description: 'A waiver label added longer ago than this many days (at the report\'s generated_at) no longer waives.'
        },
        superiority: {
          type: 'string',
          enum: ['holm', 'none'],
          description:
            'How several `rule: superior` checks share their error rate: `holm` (the default when there is more ' +
            'than one) adjusts their decisions so that the chance of any false "improvement shown" stays at ' +
            '(1 − confidence_level)/2; `none` decides each on its own interval.'
        }
      }
    },
    canary: canarySchema
  }
};

/** The published file's exact text: 2-space JSON and a final newline. */
export function configSchemaText(): string {
  return JSON.stringify(configSchema, null, 2) + '\n';
}
