/**
 * The loader end to end: the typed config it yields (defaults filled) and the exact message of every kind of
 * config mistake, with file:line:column, key path and hint.
 */
import { configError } from '../helpers/config.js';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GateError } from '../../src/base/errors.js';
import { loadConfig, parseConfig } from '../../src/config/load.js';
import { CONFIG_SCHEMA_ID } from '../../src/config/schema.js';
import { DEFAULT_CI, DEFAULT_COLUMNS, type GateConfig } from '../../src/config/types.js';

const here = dirname(fileURLToPath(import.meta.url));
const F = 'model-gate.yml';
const SPEC_EXAMPLE = readFileSync(join(here, 'fixtures', 'spec-example.yml'), 'utf8');
const BINARY =
  'accuracy, precision, recall, tpr, specificity, tnr, fpr, fnr, f1, balanced_accuracy, mcc, selection_rate, ' +
  'roc_auc, pr_auc, log_loss, brier, ece, net_benefit';

const lines = (...l: string[]) => l.join('\n') + '\n';
/** A valid config head; append gates. */
const HEAD = lines('version: 1', 'task: binary');
/** A valid performance gate on one line (line 3 when appended to HEAD). */
const PERF = 'gates: { performance: { primary_metric: f1, min_value: 0.1 } }\n';

const errorOf = configError;

describe('valid configs', () => {
  test('a minimal binary config yields the typed config with every default filled', () => {
    const cfg = parseConfig(lines('version: 1', 'task: binary', 'gates:', '  performance:', '    primary_metric: f1', '    absolute_drop_allowed: 0.01'), F);
    const expected: GateConfig = {
      source: F,
      version: 1,
      task: 'binary',
      artifacts: {},
      columns: { id: 'id', label: 'label', score: 'score', prediction: 'prediction', segment: 'segment', score_prefix: 'proba_' },
      threshold: 0.5,
      threshold_is_default: true,
      positive_label: '1',
      gates: {
        performance: {
          primary_metric: 'f1',
          compare_to: 'champion',
          checks: [
            { metric: 'f1', key: 'gates.performance', comparison: { rule: 'non_inferior', margin: { kind: 'absolute', value: 0.01 } } }
          ]
        }
      },
      ci: { method: 'auto', confidence_level: 0.95, min_eval_samples: 30, resamples: 10000, seed: 42 },
      policy: { hard_fail: [], soft_fail: [], require_manual_approval_on_soft_fail: true }
    };
    expect(cfg).toEqual(expected);
    expect(cfg.columns).toEqual(DEFAULT_COLUMNS);
    expect(cfg.ci).toEqual(DEFAULT_CI);
    // Defaults are copies: changing one config cannot change the next.
    expect(cfg.columns).not.toBe(DEFAULT_COLUMNS);
    expect(cfg.ci).not.toBe(DEFAULT_CI);
  });

  test("the docs/config.md example's performance, ci and policy parts yield every key they set", () => {
    const supported = SPEC_EXAMPLE.split('\n')
      .filter((_, i) => !((i >= 5 && i <= 10) || (i >= 30 && i <= 49)))
      .join('\n');
    const cfg = parseConfig(supported, '.github/model-gate.yml');
    expect(cfg).toEqual({
      source: '.github/model-gate.yml',
      version: 1,
      task: 'binary',
      artifacts: { candidate: 'artifacts/candidate/predictions.csv', champion: 'artifacts/champion/predictions.csv' },
      columns: DEFAULT_COLUMNS,
      threshold: 0.5,
      positive_label: '1',
      gates: {
        performance: {
          primary_metric: 'f1',
          compare_to: 'champion',
          min_improvement_for_auto_merge: 0.005,
          checks: [
            {
              metric: 'f1',
              key: 'gates.performance',
              comparison: { rule: 'non_inferior', margin: { kind: 'relative', value: 0.01 } },
              min_value: 0.2
            },
            {
              metric: 'roc_auc',
              key: 'gates.performance.metrics[0]',
              comparison: { rule: 'non_inferior', margin: { kind: 'absolute', value: 0.005 } }
            },
            {
              metric: 'log_loss',
              key: 'gates.performance.metrics[1]',
              comparison: { rule: 'non_inferior', margin: { kind: 'relative', value: 0.02 } }
            }
          ]
        }
      },
      ci: { method: 'auto', confidence_level: 0.95, min_eval_samples: 5000, resamples: 10000, seed: 42 },
      policy: {
        hard_fail: ['operations', 'data'],
        soft_fail: ['performance', 'fairness', 'segments'],
        require_manual_approval_on_soft_fail: true,
        waiver_label: 'model-gate/waive'
      }
    });
  });

  test('rules: strictly_better and superior need no margin; min/max only checks have no comparison', () => {
    const cfg = parseConfig(
      lines(
        '# yaml-language-server: $schema=' + CONFIG_SCHEMA_ID,
        'version: 1',
        'task: binary',
        'gates:',
        '  performance:',
        '    primary_metric: roc_auc',
        '    rule: strictly_better',
        '    metrics:',
        '      - { metric: accuracy, rule: superior }',
        '      - { metric: fpr, max_value: 0.1, min_value: 0 }',
        '      - { metric: selection_rate, min_value: 0.05, max_value: 0.3 }',
        '      - { metric: brier, rule: non_inferior, absolute_drop_allowed: 0 }'
      ),
      F
    );
    expect(cfg.gates.performance!.checks).toEqual([
      { metric: 'roc_auc', key: 'gates.performance', comparison: { rule: 'strictly_better' } },
      { metric: 'accuracy', key: 'gates.performance.metrics[0]', comparison: { rule: 'superior' } },
      { metric: 'fpr', key: 'gates.performance.metrics[1]', min_value: 0, max_value: 0.1 },
      { metric: 'selection_rate', key: 'gates.performance.metrics[2]', min_value: 0.05, max_value: 0.3 },
      {
        metric: 'brier',
        key: 'gates.performance.metrics[3]',
        comparison: { rule: 'non_inferior', margin: { kind: 'absolute', value: 0 } }
      }
    ]);
  });

  test.each([
    ['1', '1'],
    ['1.0', '1'],
    ['true', 'true'],
    ['yes', 'yes'],
    ['"1"', '1'],
    ['positive', 'positive']
  ])('positive_label: %s is kept as the text %j', (yamlValue, text) => {
    expect(parseConfig(HEAD + `positive_label: ${yamlValue}\n` + PERF, F).positive_label).toBe(text);
  });

  test('columns, threshold, ci and policy values override the defaults key by key', () => {
    const cfg = parseConfig(
      HEAD +
        lines(
          'columns: { id: row_id, score_prefix: "p_" }',
          'threshold: 0.3',
          'gates:',
          '  performance: { primary_metric: f1, min_value: 0.1 }',
          '  ci: { method: bootstrap, seed: 7 }',
          'policy: { soft_fail: [performance], require_manual_approval_on_soft_fail: false }'
        ),
      F
    );
    expect(cfg.columns).toEqual({ ...DEFAULT_COLUMNS, id: 'row_id', score_prefix: 'p_' });
    expect(cfg.threshold).toBe(0.3);
    // Set by the user: the readers apply it to any scale (only the default is taken as a probability cut-off).
    expect(cfg.threshold_is_default).toBeUndefined();
    expect(cfg.ci).toEqual({ ...DEFAULT_CI, method: 'bootstrap', seed: 7 });
    expect(cfg.policy).toEqual({ hard_fail: [], soft_fail: ['performance'], require_manual_approval_on_soft_fail: false });
  });
});

// The full docs/config.md example (every gate family) is parsed in families.test.ts.

describe('unknown keys', () => {
  test('with a did-you-mean hint', () => {
    const e = errorOf(HEAD + lines('gates:', '  performance:', '    primary_metrc: f1', '    min_value: 0.2'));
    expect(e.message).toBe(`${F}:5:5: unknown key "primary_metrc" at gates.performance; did you mean "primary_metric"?`);
    expect(e.location).toEqual({ file: F, line: 5, column: 5, key: 'gates.performance.primary_metrc' });
  });

  test('without a near miss, the allowed keys are listed', () => {
    expect(errorOf(HEAD + PERF + 'notify: slack\n').message).toBe(
      `${F}:4:1: unknown key "notify" at the top level; allowed keys are: version, task, artifacts, columns, threshold, positive_label, metric_options, gates, ledger, max_runs_per_test_set, policy, canary`
    );
  });

  test('a key in the wrong place says where it belongs', () => {
    expect(errorOf(HEAD + PERF + lines('ci:', '  seed: 1')).message).toBe(
      `${F}:4:1: unknown key "ci" at the top level; it belongs at gates.ci`
    );
    expect(errorOf(HEAD + PERF + lines('policy:', '  confidence_level: 0.9')).message).toBe(
      `${F}:5:3: unknown key "confidence_level" at policy; it belongs at gates.ci.confidence_level`
    );
    // A key with several homes gets the list of what is allowed here instead.
    expect(errorOf(HEAD + PERF + lines('policy:', '  min_value: 0.9')).message).toBe(
      `${F}:5:3: unknown key "min_value" at policy; allowed keys are: hard_fail, soft_fail, require_manual_approval_on_soft_fail, waiver_label, waiver_max_age_days, superiority`
    );
  });

  test('policy.waiver_max_age_days: a positive number of days, carried into the policy', () => {
    expect(parseConfig(HEAD + PERF + lines('policy:', '  waiver_label: waive', '  waiver_max_age_days: 14'), F).policy).toMatchObject({
      waiver_label: 'waive',
      waiver_max_age_days: 14
    });
    expect(errorOf(HEAD + PERF + lines('policy:', '  waiver_max_age_days: 0')).message).toMatch(/^model-gate\.yml:5:\d+: .*waiver_max_age_days/);
    expect(errorOf(HEAD + PERF + lines('policy:', '  waiver_max_age_days: two weeks')).message).toMatch(/^model-gate\.yml:5:\d+: .*waiver_max_age_days/);
  });

  test('a misspelt required key is reported once, as the unknown key with its hint', () => {
    expect(errorOf(lines('version: 1', 'taks: binary', PERF)).message).toBe(
      `${F}:2:1: unknown key "taks" at the top level; did you mean "task"?`
    );
  });

  test('in a list item, with the item index in the key path', () => {
    expect(
      errorOf(HEAD + lines('gates:', '  performance:', '    primary_metric: f1', '    min_value: 0.1', '    metrics:', '      - { metric: roc_auc, absolute_drop_alowed: 0.01 }')).message
    ).toBe(
      `${F}:8:28: unknown key "absolute_drop_alowed" at gates.performance.metrics[0]; did you mean "absolute_drop_allowed"?`
    );
  });

  test('a YAML merge key gets its own message and no knock-on "missing key"', () => {
    expect(
      errorOf(HEAD + lines('gates:', '  performance:', '    <<: { primary_metric: f1 }', '    min_value: 0.1')).message
    ).toBe(`${F}:5:5: YAML merge keys (<<) are not supported at gates.performance; write the keys out`);
  });
});

describe('metrics', () => {
  test('a misspelt metric gets the task\'s metrics and a hint', () => {
    const e = errorOf(HEAD + lines('gates:', '  performance:', '    primary_metric: f2', '    min_value: 0.2'));
    expect(e.message).toBe(
      `${F}:5:21: unknown metric "f2" at gates.performance.primary_metric; binary metrics are: ${BINARY}; did you mean "f1"?`
    );
    expect(e.location.key).toBe('gates.performance.primary_metric');
  });

  test('a metric of another task does not fit', () => {
    expect(
      errorOf(HEAD + lines('gates:', '  performance:', '    primary_metric: f1', '    min_value: 0.2', '    metrics:', '      - { metric: rmse, max_value: 3 }')).message
    ).toBe(`${F}:8:19: metric "rmse" at gates.performance.metrics[0].metric does not fit task binary; binary metrics are: ${BINARY}`);
  });

  test('every metric of the catalogue is accepted for its task', () => {
    const cfg = parseConfig(HEAD + 'gates: { performance: { primary_metric: f1, min_value: 0.1, metrics: [{ metric: pr_auc, min_value: 0.5 }, { metric: ece, max_value: 0.1 }] } }\n', F);
    expect(cfg.gates.performance!.checks.map((c) => c.metric)).toEqual(['f1', 'pr_auc', 'ece']);
  });

  test('selection_rate cannot be compared with the champion, nor be the primary metric', () => {
    expect(
      errorOf(HEAD + 'gates: { performance: { primary_metric: f1, min_value: 0.1, metrics: [{ metric: selection_rate, absolute_drop_allowed: 0.1 }] } }\n').message
    ).toBe(
      `${F}:3:81: metric "selection_rate" at gates.performance.metrics[0].metric has no better direction, so it cannot be compared with the champion; use min_value or max_value instead`
    );
    expect(errorOf(HEAD + 'gates: { performance: { primary_metric: selection_rate, max_value: 0.3 } }\n').message).toBe(
      `${F}:3:41: metric "selection_rate" at gates.performance.primary_metric has no better direction, so it cannot be the primary metric; choose another primary_metric`
    );
  });

  test('the same metric checked twice', () => {
    expect(errorOf(HEAD + 'gates: { performance: { primary_metric: f1, min_value: 0.1, metrics: [{ metric: f1, max_value: 0.9 }] } }\n').message).toBe(
      `${F}:3:81: metric "f1" at gates.performance.metrics[0].metric is already checked at gates.performance; merge the two checks`
    );
  });
});

describe('types and ranges', () => {
  test('wrong type names what was expected and what was found', () => {
    const e = errorOf(HEAD + lines('gates:', '  performance: { primary_metric: f1, min_value: 0.2 }', '  ci:', '    resamples: lots'));
    expect(e.message).toBe(`${F}:6:16: gates.ci.resamples must be a whole number; found the text "lots"`);
    expect(e.location).toEqual({ file: F, line: 6, column: 16, key: 'gates.ci.resamples' });
  });

  test.each([
    ['seed: "42"', 'gates.ci.seed must be a whole number; found the text "42"; remove the quotes'],
    ['resamples: 2.5', 'gates.ci.resamples must be a whole number; found 2.5'],
    ['method: [auto]', 'gates.ci.method must be text; found a list'],
    ['min_eval_samples:', 'gates.ci.min_eval_samples must be a whole number; found an empty value'],
    ['confidence_level: .nan', 'gates.ci.confidence_level must be a finite number; found .nan']
  ])('ci %s', (entry, message) => {
    expect(errorOf(HEAD + lines('gates:', '  performance: { primary_metric: f1, min_value: 0.2 }', '  ci:', `    ${entry}`)).message).toMatch(
      new RegExp(`^${F}:6:\\d+: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
    );
  });

  test('text expected, number found', () => {
    expect(errorOf(HEAD + 'columns: { id: 7 }\n' + PERF).message).toBe(
      `${F}:3:16: columns.id must be text; found 7; put it in quotes ("7") if it is meant as text`
    );
  });

  test('a mapping expected', () => {
    expect(errorOf(HEAD + 'gates:\n').message).toBe(`${F}:3:1: gates must be a mapping; found an empty value`);
    expect(errorOf('- version: 1\n').message).toBe(
      `${F}:1:1: the config must be a mapping of keys (version, task, gates, …); found a list`
    );
  });

  test.each([
    ['1.5', 'found 1.5'],
    ['0', 'found 0'],
    ['-0.95', 'found -0.95'],
    ['95', 'found 95; write it as a fraction (95 % is 0.95)']
  ])('confidence_level %s is out of range', (value, found) => {
    const e = errorOf(HEAD + lines('gates:', '  performance: { primary_metric: f1, min_value: 0.2 }', '  ci:', `    confidence_level: ${value}`));
    expect(e.message).toBe(`${F}:6:23: gates.ci.confidence_level must be greater than 0 and less than 1; ${found}`);
  });

  test('other ranges', () => {
    expect(errorOf(HEAD + 'gates: { performance: { primary_metric: f1, relative_drop_allowed: -0.01 } }\n').message).toBe(
      `${F}:3:68: gates.performance.relative_drop_allowed must be at least 0; found -0.01; write the allowance as a positive number`
    );
    expect(errorOf(HEAD + 'gates: { performance: { primary_metric: f1, min_value: 0.1 }, ci: { resamples: 0 } }\n').message).toBe(
      `${F}:3:80: gates.ci.resamples must be at least 1; found 0`
    );
    expect(errorOf(HEAD + 'gates: { performance: { primary_metric: f1, min_value: 0.1 }, ci: { seed: 4294967296 } }\n').message).toBe(
      `${F}:3:75: gates.ci.seed must be between 0 and 4294967295; found 4294967296`
    );
  });

  test('threshold must be finite', () => {
    expect(errorOf(HEAD + 'threshold: .inf\n' + PERF).message).toBe(`${F}:3:12: threshold must be a finite number; found .inf`);
  });

  test('enums list the allowed values and hint', () => {
    expect(errorOf(HEAD + 'gates: { performance: { primary_metric: f1, min_value: 0.1 }, ci: { method: bootstap } }\n').message).toBe(
      `${F}:3:77: gates.ci.method must be one of auto, bootstrap, analytic; found "bootstap"; did you mean "bootstrap"?`
    );
    expect(errorOf(HEAD + 'gates: { performance: { primary_metric: f1, rule: better } }\n').message).toBe(
      `${F}:3:51: gates.performance.rule must be one of non_inferior, strictly_better, superior, equivalent; found "better"`
    );
    expect(errorOf(HEAD + 'gates: { performance: { primary_metric: f1, min_value: 0.1, compare_to: baseline } }\n').message).toBe(
      `${F}:3:73: gates.performance.compare_to must be one of champion; found "baseline"`
    );
  });

  test('version must be 1; version, task and gates are required', () => {
    expect(errorOf('version: 2\ntask: binary\n' + PERF).message).toBe(
      `${F}:1:10: version must be 1; found 2 (this model-gate reads config version 1)`
    );
    expect(errorOf('task: binary\n' + PERF).message).toBe(`${F}:1:1: the config is missing the required key "version"; add "version: 1"`);
    expect(errorOf(HEAD).message).toBe(
      `${F}:1:1: the config is missing the required key "gates"; add a "gates:" mapping with at least one gate, for example gates.performance`
    );
  });

  test('performance needs primary_metric', () => {
    const e = errorOf(HEAD + lines('gates:', '  performance:', '    min_value: 0.1'));
    expect(e.message).toBe(
      `${F}:4:3: gates.performance is missing the required key "primary_metric"; add "primary_metric: <metric>", the metric the gate is decided on`
    );
    expect(e.location.key).toBe('gates.performance');
  });
});

describe('comparison rules', () => {
  const perf = (...checkLines: string[]) => HEAD + lines('gates:', '  performance:', '    primary_metric: f1', ...checkLines);

  test('rule non_inferior without a margin', () => {
    expect(errorOf(perf('    rule: non_inferior')).message).toBe(
      `${F}:6:11: gates.performance has rule non_inferior but no margin; add absolute_drop_allowed or relative_drop_allowed, or use rule strictly_better or superior`
    );
  });

  test('compare_to on an entry without a margin or rule', () => {
    expect(errorOf(perf('    min_value: 0.1', '    metrics:', '      - metric: roc_auc', '        compare_to: champion')).message).toBe(
      `${F}:9:9: gates.performance.metrics[0] compares with the champion but has no margin or rule; add absolute_drop_allowed, relative_drop_allowed or rule`
    );
  });

  test('a check with nothing to check', () => {
    expect(errorOf(perf('    compare_to: champion')).message).toBe(
      `${F}:5:21: gates.performance has nothing to check; add absolute_drop_allowed, relative_drop_allowed, rule, min_value or max_value`
    );
    expect(errorOf(perf('    min_value: 0.1', '    metrics:', '      - metric: roc_auc')).message).toBe(
      `${F}:8:9: gates.performance.metrics[0] has nothing to check; add absolute_drop_allowed, relative_drop_allowed, rule, min_value or max_value`
    );
  });

  test('both margins on one check', () => {
    const e = errorOf(perf('    absolute_drop_allowed: 0.01', '    relative_drop_allowed: 0.02'));
    expect(e.message).toBe(`${F}:7:5: gates.performance sets both absolute_drop_allowed and relative_drop_allowed; keep one of them`);
    expect(e.location.key).toBe('gates.performance.relative_drop_allowed');
  });

  test('a margin with a rule that takes none', () => {
    expect(errorOf(perf('    rule: superior', '    absolute_drop_allowed: 0.01')).message).toBe(
      `${F}:7:5: gates.performance has rule superior, which takes no margin; remove absolute_drop_allowed or use rule non_inferior`
    );
  });

  test('min_value above max_value', () => {
    expect(errorOf(perf('    min_value: 0.5', '    max_value: 0.4')).message).toBe(
      `${F}:7:16: gates.performance has min_value 0.5 above max_value 0.4; no value can pass`
    );
  });
});

describe('gates and policy', () => {
  test('at least one gate', () => {
    expect(errorOf(HEAD + lines('gates:', '  ci: { seed: 1 }')).message).toBe(
      `${F}:3:1: gates configures no gate; add at least one, for example gates.performance`
    );
  });

  test('policy naming something that is not a gate', () => {
    const e = errorOf(HEAD + PERF + lines('policy:', '  hard_fail: [perfomance, ci]'));
    expect(e.message).toBe(
      [
        `${F}:5:15: policy.hard_fail[0] "perfomance" is not a gate; gates are: performance, segments, fairness, operations, data, cost, robustness, observability, rollback; did you mean "performance"?`,
        'and 1 more problem:',
        `  ${F}:5:27: policy.hard_fail[1] "ci" is not a gate; gates are: performance, segments, fairness, operations, data, cost, robustness, observability, rollback`
      ].join('\n')
    );
    expect(e.location).toEqual({ file: F, line: 5, column: 15, key: 'policy.hard_fail[0]' });
  });

  test('a gate both hard and soft', () => {
    expect(errorOf(HEAD + PERF + lines('policy:', '  hard_fail: [data, performance]', '  soft_fail: [performance]')).message).toBe(
      `${F}:6:15: "performance" is listed in both policy.hard_fail and policy.soft_fail; keep it in one of them`
    );
  });

  test('a gate listed twice in one list', () => {
    expect(errorOf(HEAD + PERF + 'policy: { soft_fail: [performance, performance] }\n').message).toBe(
      `${F}:4:36: policy.soft_fail lists "performance" twice; list it once`
    );
  });

  test('tasks multiclass and regression take their own metrics', () => {
    const mc = parseConfig('version: 1\ntask: multiclass\ngates: { performance: { primary_metric: macro_f1, min_value: 0.5, metrics: [{ metric: log_loss, absolute_drop_allowed: 0.01 }] } }\n', F);
    expect([mc.task, mc.gates.performance!.checks.map((c) => c.metric)]).toEqual(['multiclass', ['macro_f1', 'log_loss']]);
    const rg = parseConfig('version: 1\ntask: regression\ngates: { performance: { primary_metric: rmse, relative_drop_allowed: 0.02 } }\n', F);
    expect([rg.task, rg.gates.performance!.primary_metric]).toEqual(['regression', 'rmse']);
    expect(errorOf('version: 1\ntask: regression\ngates: { performance: { primary_metric: f1, min_value: 0.5 } }\n').message).toMatch(
      /^model-gate\.yml:3:41: metric "f1" at gates\.performance\.primary_metric does not fit task regression; regression metrics are: mae, mse, rmse, mape, r2/
    );
  });

  test('metric_options.net_benefit is read, and net_benefit needs it', () => {
    const cfg = parseConfig(HEAD + 'metric_options: { net_benefit: { tp: 1, fp: -1, tn: 0, fn: -5 } }\n' + 'gates: { performance: { primary_metric: net_benefit, absolute_drop_allowed: 10 } }\n', F);
    expect(cfg.metric_options).toEqual({ net_benefit: { tp: 1, fp: -1, tn: 0, fn: -5 } });
    expect(errorOf(HEAD + 'gates: { performance: { primary_metric: net_benefit, absolute_drop_allowed: 10 } }\n').message).toBe(
      `${F}:3:41: metric "net_benefit" at gates.performance.primary_metric needs metric_options.net_benefit: {tp, fp, tn, fn}, the value of each outcome (for example in dollars)`
    );
    // An outcome worth 1e200 made the interval's squares overflow into an internal error.
    expect(errorOf(HEAD + 'metric_options: { net_benefit: { tp: 1e200, fp: -1, tn: 0, fn: -5 } }\n' + 'gates: { performance: { primary_metric: net_benefit, absolute_drop_allowed: 10 } }\n').message).toMatch(
      /^model-gate\.yml:3:\d+: metric_options\.net_benefit\.tp is 1e\+200; outcome values must be within ±1e100$/
    );
  });

  test('two columns with the same name', () => {
    expect(errorOf(HEAD + 'columns: { label: id }\n' + PERF).message).toBe(
      `${F}:3:19: columns.label and columns.id both name the column "id"; each must be a different column`
    );
  });
});

describe('several problems', () => {
  test('are listed in file order after the first, with a count', () => {
    const e = errorOf(
      lines(
        'version: 1',
        'task: binary',
        'gates:',
        '  ci: { confidence_level: 2 }',
        '  performance:',
        '    primary_metric: f1',
        '    min_vlaue: 0.1',
        'policy: { hard_fail: [dta] }'
      )
    );
    expect(e.message).toBe(
      [
        `${F}:4:27: gates.ci.confidence_level must be greater than 0 and less than 1; found 2`,
        'and 2 more problems:',
        `  ${F}:7:5: unknown key "min_vlaue" at gates.performance; did you mean "min_value"?`,
        `  ${F}:8:23: policy.hard_fail[0] "dta" is not a gate; gates are: performance, segments, fairness, operations, data, cost, robustness, observability, rollback; did you mean "data"?`
      ].join('\n')
    );
  });

  test('a long list is cut after 20', () => {
    const keys = Array.from({ length: 30 }, (_, i) => `  extra_${i}: 1`);
    const message = errorOf(HEAD + PERF.replace('\n', '') + '\n' + 'policy:\n' + keys.join('\n') + '\n').message.split('\n');
    expect(message[1]).toBe('and 29 more problems:');
    expect(message).toHaveLength(1 + 1 + 20 + 1);
    expect(message[22]).toBe('  … and 9 more');
  });
});

describe('loadConfig', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'model-gate-config-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('reads and parses the file, naming it by its display path', async () => {
    const file = join(dir, 'ok.yml');
    writeFileSync(file, HEAD + PERF);
    const cfg = await loadConfig(file, '.github/model-gate.yml');
    expect(cfg.source).toBe('.github/model-gate.yml');
    expect(cfg.gates.performance!.checks).toEqual([{ metric: 'f1', key: 'gates.performance', min_value: 0.1 }]);
  });

  test('errors inside the file use the display path', async () => {
    const file = join(dir, 'bad.yml');
    writeFileSync(file, 'version: 1\ntask: binray\n' + PERF);
    await expect(loadConfig(file, '.github/model-gate.yml')).rejects.toThrow(
      '.github/model-gate.yml:2:7: task must be one of binary, multiclass, regression, ranking, score; found "binray"; did you mean "binary"?'
    );
  });

  test('a missing file names it and the config input', async () => {
    const err = await loadConfig(join(dir, 'nope.yml'), '.github/model-gate.yml').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GateError);
    expect((err as GateError).message).toBe(
      ".github/model-gate.yml: config file not found; create it, or set the `config` input to your gate config's path"
    );
    expect((err as GateError).location).toEqual({ file: '.github/model-gate.yml' });
  });

  test('a directory', async () => {
    mkdirSync(join(dir, 'cfgdir'));
    await expect(loadConfig(join(dir, 'cfgdir'), 'cfgdir')).rejects.toThrow(
      'cfgdir: the config path is a directory; set the `config` input to the gate config file in it'
    );
  });

  test('an oversized file is refused without reading it', async () => {
    const file = join(dir, 'big.yml');
    writeFileSync(file, Buffer.alloc(3 * 1024 * 1024, 0x23));
    await expect(loadConfig(file, 'big.yml')).rejects.toThrow(
      'big.yml: the config is 3,145,728 bytes, more than the limit of 1,048,576 bytes (1 MiB); check that the `config` input points at the gate config'
    );
  });
});

describe('ranking metric names', () => {
  const ranking = (metric: string) => `version: 1\ntask: ranking\ngates: { performance: { primary_metric: ${metric}, min_value: 0.5 } }\n`;

  test('a known name with a bad cut-off says what K may be', () => {
    expect(configError(ranking('ndcg@0')).message).toBe(
      `${F}:3:41: unknown metric "ndcg@0" at gates.performance.primary_metric; ranking metrics are: ndcg@K, recall@K, precision@K, mrr@K, map@K; the cut-off K in ndcg@K is a whole number from 1, such as ndcg@10`
    );
  });

  test("a misspelt name keeps the user's cut-off in the suggestion", () => {
    expect(configError(ranking('ndgc@20')).message).toMatch(/; did you mean "ndcg@20"\?$/);
    expect(configError(ranking('mrr@x')).message).toMatch(/the cut-off K in mrr@K is a whole number from 1, such as mrr@10$/);
  });
});
