/**
 * Config of the gate families beyond performance (segments, fairness, operations, data, cost): the typed
 * config the full docs/config.md example yields, the keys designed for issue 4, and the exact message of each mistake.
 */
import { configError } from '../helpers/config.js';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../../src/config/load.js';

const here = dirname(fileURLToPath(import.meta.url));
const F = 'model-gate.yml';
const SPEC_EXAMPLE = readFileSync(join(here, 'fixtures', 'spec-example.yml'), 'utf8');
const lines = (...l: string[]) => l.join('\n') + '\n';
const HEAD = lines('version: 1', 'task: binary');

const errorOf = configError;

describe('the full docs/config.md example', () => {
  const cfg = parseConfig(SPEC_EXAMPLE, F);

  test('every artifact is read', () => {
    expect(cfg.artifacts).toEqual({
      candidate: 'artifacts/candidate/predictions.csv',
      champion: 'artifacts/champion/predictions.csv',
      operations: 'artifacts/candidate/load-test.json',
      champion_operations: 'artifacts/champion/load-test.json',
      model: 'artifacts/candidate/model.onnx',
      cost: 'artifacts/candidate/cost.json',
      champion_cost: 'artifacts/champion/cost.json',
      data: { reference: 'data/train.csv', current: 'data/serving.csv' }
    });
  });

  test('segments take the performance keys, a name, where and min_samples', () => {
    expect(cfg.gates.segments).toEqual([
      { metric: 'recall', key: 'gates.segments[0]', name: 'new_users', min_value: 0.8 },
      {
        metric: 'f1',
        key: 'gates.segments[1]',
        name: 'mobile',
        where: { device: ['ios', 'android'] },
        min_samples: 500,
        comparison: { rule: 'non_inferior', margin: { kind: 'absolute', value: 0.02 } }
      }
    ]);
  });

  test('fairness, operations, data and cost', () => {
    expect(cfg.gates.fairness).toEqual({ metric: 'tpr', max_group_gap: 0.05, groups: ['gender', 'region'], min_group_samples: 30 });
    expect(cfg.gates.operations).toEqual({
      min_requests: 5000,
      checks: [
        { key: 'latency_p95_ms', max_value: 250 },
        { key: 'latency_p99_ms', max_value: 800 },
        { key: 'error_rate', max_value: 0.005 },
        { key: 'model_size_mb', max_value: 150 }
      ]
    });
    expect(cfg.gates.data).toEqual({ missingness_max: 0.005, drift_psi_max: 0.2, ignore_columns: [] });
    expect(cfg.gates.cost).toEqual({ max_cost_per_useful_outcome: 0.42, max_relative_increase: 0.05 });
  });
});

describe('keys designed for issue 4', () => {
  test('defaults and the new keys', () => {
    const cfg = parseConfig(
      HEAD +
        lines(
          'artifacts: { operations: ops.json, model: model/, data: { reference: ref.csv, current: cur.jsonl }, cost: cost.json }',
          'gates:',
          '  segments:',
          '    - { name: "1", where: { plan: [1.0, pro], active: true }, metric: accuracy, rule: superior }',
          '  fairness: { metric: fpr, max_group_gap: 0.1, groups: [gender], max_gap_increase: 0.02 }',
          '  operations:',
          '    latency_p50_ms: { max_relative_increase: 0.1 }',
          '    error_rate: { max_value: 0.01, upper_confidence_bound: true }',
          '    model_size_mb: { max_value: 100 }',
          '  data:',
          '    drift_psi_quantile: 0.99',
          '    ignore_columns: [id]',
          '    schema: { from_reference: true, columns: { age: { type: integer, min: 0, max: 120 }, country: { allowed: [us, 1] } } }',
          '  cost: { max_relative_increase: 0.05 }'
        ),
      F
    );
    expect(cfg.gates.segments).toEqual([
      { metric: 'accuracy', key: 'gates.segments[0]', name: '1', where: { plan: ['1', 'pro'], active: ['true'] }, comparison: { rule: 'superior' } }
    ]);
    expect(cfg.gates.fairness).toEqual({ metric: 'fpr', max_group_gap: 0.1, groups: ['gender'], min_group_samples: 0, max_gap_increase: 0.02 });
    expect(cfg.gates.operations).toEqual({
      min_requests: 0,
      checks: [
        { key: 'latency_p50_ms', max_relative_increase: 0.1 },
        { key: 'error_rate', max_value: 0.01, upper_confidence_bound: true },
        { key: 'model_size_mb', max_value: 100 }
      ]
    });
    expect(cfg.gates.data).toEqual({
      drift_psi_quantile: 0.99,
      ignore_columns: ['id'],
      schema: {
        from_reference: true,
        columns: { age: { type: 'integer', min: 0, max: 120, required: true }, country: { allowed: ['us', '1'], required: true } }
      }
    });
  });
});

test('two segments of one name whose where values are written differently but select the same rows', () => {
  const cfg = parseConfig(
    lines('version: 1', 'task: binary', 'gates:', '  segments:', '    - { name: a, where: { d: 1 }, metric: f1, min_value: 0.1 }', '    - { name: a, where: { d: "1.0" }, metric: recall, min_value: 0.1 }'),
    F
  );
  expect(cfg.gates.segments!.map((s) => s.metric)).toEqual(['f1', 'recall']);
});

describe('mistakes', () => {
  test.each([
    [
      'a segment without anything to check',
      lines('gates:', '  segments:', '    - { name: a, metric: f1 }'),
      `${F}:5:7: gates.segments[0] has nothing to check; add absolute_drop_allowed, relative_drop_allowed, rule, min_value or max_value`
    ],
    [
      'the same segment and metric twice',
      lines('gates:', '  segments:', '    - { name: a, metric: f1, min_value: 0.1 }', '    - { name: a, metric: f1, max_value: 0.9 }'),
      `${F}:6:26: segment "a" already checks f1 at gates.segments[0]; merge the two entries`
    ],
    [
      'two segments of one name with different rows',
      lines('gates:', '  segments:', '    - { name: a, metric: f1, min_value: 0.1 }', '    - { name: a, where: { d: x }, metric: recall, min_value: 0.1 }'),
      `${F}:6:15: segment "a" at gates.segments[1] selects other rows than the segment of the same name at gates.segments[0]; give one of them another name`
    ],
    [
      'a segment comparing a metric without direction',
      lines('gates:', '  segments:', '    - { name: a, metric: selection_rate, absolute_drop_allowed: 0.1 }'),
      `${F}:5:26: metric "selection_rate" at gates.segments[0].metric has no better direction, so it cannot be compared with the champion; use min_value or max_value instead`
    ],
    [
      'a fairness metric of another task',
      lines('gates:', '  fairness: { metric: mae, max_group_gap: 0.1, groups: [g] }'),
      `${F}:4:23: metric "mae" at gates.fairness.metric does not fit task binary; binary metrics are: accuracy, precision, recall, tpr, specificity, tnr, fpr, fnr, f1, balanced_accuracy, mcc, selection_rate, roc_auc, pr_auc, log_loss, brier, ece, net_benefit`
    ],
    [
      'max_gap_increase on a ranking metric',
      lines('gates:', '  fairness: { metric: roc_auc, max_group_gap: 0.1, groups: [g], max_gap_increase: 0.01 }'),
      `${F}:4:65: gates.fairness.max_gap_increase needs a binary confusion-matrix metric (tpr, fpr, precision, selection_rate, …) for its interval, not binary roc_auc; change the metric or remove max_gap_increase`
    ],
    [
      'operations without the load test',
      lines('gates:', '  operations: { latency_p95_ms: { max_value: 200 } }'),
      `${F}:4:3: gates.operations checks the load test but artifacts.operations is not set; add the path of the load-test JSON`
    ],
    [
      'model size without the model',
      lines('artifacts: { operations: o.json }', 'gates:', '  operations: { model_size_mb: { max_value: 200 } }'),
      `${F}:5:17: gates.operations.model_size_mb needs artifacts.model; add the path of the model file or directory`
    ],
    [
      'operations with nothing to check',
      lines('artifacts: { operations: o.json }', 'gates:', '  operations: { min_requests: 10 }'),
      `${F}:5:3: gates.operations has nothing to check; add latency_p50_ms, latency_p95_ms, latency_p99_ms, error_rate, model_size_mb with max_value or max_relative_increase`
    ],
    [
      'an upper confidence bound without max_value',
      lines('artifacts: { operations: o.json }', 'gates:', '  operations: { error_rate: { max_relative_increase: 0.1, upper_confidence_bound: true } }'),
      `${F}:5:59: gates.operations.error_rate.upper_confidence_bound applies to max_value, which is not set; add max_value or remove upper_confidence_bound`
    ],
    [
      'both PSI thresholds',
      lines('artifacts: { data: { reference: r.csv, current: c.csv } }', 'gates:', '  data: { drift_psi_max: 0.2, drift_psi_quantile: 0.99 }'),
      `${F}:5:31: gates.data sets both drift_psi_max and drift_psi_quantile; keep one (a fixed threshold, or one set from the sample sizes)`
    ],
    [
      'drift without a reference table',
      lines('artifacts: { data: { current: c.csv } }', 'gates:', '  data: { drift_psi_max: 0.2 }'),
      `${F}:5:3: gates.data needs artifacts.data.reference; add the path of the table`
    ],
    [
      'a data gate with nothing to check',
      lines('artifacts: { data: { current: c.csv } }', 'gates:', '  data: { ignore_columns: [id] }'),
      `${F}:5:3: gates.data has nothing to check; add missingness_max, drift_psi_max, drift_psi_quantile, schema or freshness`
    ],
    [
      'a column both checked and ignored',
      lines('artifacts: { data: { current: c.csv } }', 'gates:', '  data: { missingness_max: 0.1, columns: [a, b], ignore_columns: [b] }'),
      `${F}:5:46: column "b" is in both gates.data.columns and gates.data.ignore_columns; keep it in one`
    ],
    [
      'a range on a string column',
      lines('artifacts: { data: { current: c.csv } }', 'gates:', '  data: { schema: { columns: { c: { type: string, min: 1 } } } }'),
      `${F}:5:51: gates.data.schema.columns.c.min applies to numbers but the type is string; remove min or change the type`
    ],
    [
      'min above max',
      lines('artifacts: { data: { current: c.csv } }', 'gates:', '  data: { schema: { columns: { c: { min: 2, max: 1 } } } }'),
      `${F}:5:50: gates.data.schema.columns.c has min 2 above max 1; no value can pass`
    ],
    [
      'cost without the cost file',
      lines('gates:', '  cost: { max_cost_per_useful_outcome: 1 }'),
      `${F}:4:3: gates.cost needs artifacts.cost; add the path of the cost JSON`
    ],
    [
      'upper_confidence_bound on a latency',
      lines('artifacts: { operations: o.json }', 'gates:', '  operations: { latency_p95_ms: { max_value: 1, upper_confidence_bound: true } }'),
      `${F}:5:49: unknown key "upper_confidence_bound" at gates.operations.latency_p95_ms; it belongs at gates.operations.error_rate.upper_confidence_bound`
    ]
  ])('%s', (_name, text, message) => {
    expect(errorOf(HEAD + text).message).toBe(message);
  });
});
