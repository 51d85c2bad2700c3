/** Config checks of artifacts.counts: one input for both models, binary only, metrics it can feed. */
import { configMessage } from '../helpers/config.js';
import { describe, expect, test } from '@jest/globals';
import { parseConfig } from '../../src/config/load.js';

const F = 'model-gate.yml';
const lines = (...l: string[]) => l.join('\n') + '\n';

const messageOf = configMessage;

describe('artifacts.counts', () => {
  test('is read into the typed config', () => {
    const cfg = parseConfig(lines('version: 1', 'task: binary', 'artifacts: { counts: out/counts.csv.gz }', 'gates: { performance: { primary_metric: f1, min_value: 0.1 } }'), F);
    expect(cfg.artifacts).toEqual({ counts: 'out/counts.csv.gz' });
  });

  test('with candidate predictions as well', () => {
    expect(messageOf(lines('version: 1', 'task: binary', 'artifacts:', '  candidate: c.csv', '  counts: n.csv', 'gates: { performance: { primary_metric: f1, min_value: 0.1 } }'))).toBe(
      `${F}:4:3: artifacts.candidate and artifacts.counts both give predictions; a counts file holds both models, so keep one of them`
    );
  });

  test('for another task', () => {
    expect(messageOf(lines('version: 1', 'task: regression', 'artifacts: { counts: n.csv }', 'gates: { performance: { primary_metric: mae, max_value: 3 } }'))).toBe(
      `${F}:3:14: artifacts.counts holds binary cell counts, but task is regression; give per-row predictions files (artifacts.candidate and artifacts.champion) instead`
    );
  });

  test('with a metric that needs per-row scores', () => {
    expect(
      messageOf(lines('version: 1', 'task: binary', 'artifacts: { counts: n.csv }', 'gates:', '  performance:', '    primary_metric: f1', '    min_value: 0.1', '    metrics:', '      - { metric: pr_auc, min_value: 0.7 }'))
    ).toBe(
      `${F}:9:19: metric "pr_auc" at gates.performance.metrics[0].metric needs each row's score, and artifacts.counts carries at most score bins, which feed only roc_auc (docs/counts.md); gate it on per-row predictions files, or use one of: accuracy, precision, recall, tpr, specificity, tnr, fpr, fnr, f1, balanced_accuracy, mcc, selection_rate, net_benefit, log_loss, brier, roc_auc`
    );
  });

  test('roc_auc is accepted: it comes from the score bins, which the reader then requires', () => {
    const cfg = parseConfig(lines('version: 1', 'task: binary', 'artifacts: { counts: n.csv }', 'gates:', '  performance: { primary_metric: roc_auc, absolute_drop_allowed: 0.01 }', '  ci: { method: analytic }'), F);
    expect(cfg.gates.performance?.checks.map((c) => c.metric)).toEqual(['roc_auc']);
  });

  test('roc_auc under ci.method bootstrap', () => {
    expect(
      messageOf(lines('version: 1', 'task: binary', 'artifacts: { counts: n.csv }', 'gates:', '  performance: { primary_metric: roc_auc, absolute_drop_allowed: 0.01 }', '  ci: { method: bootstrap }'))
    ).toBe(
      `${F}:6:17: ci.method bootstrap resamples rows, but artifacts.counts pools them into score bins; use ci.method auto (DeLong on the bins, exact for tied scores) or per-row predictions files for roc_auc`
    );
  });

  test('with mean losses under ci.method bootstrap', () => {
    expect(
      messageOf(lines('version: 1', 'task: binary', 'artifacts: { counts: n.csv }', 'gates:', '  performance: { primary_metric: log_loss, max_value: 0.5 }', '  ci: { method: bootstrap }'))
    ).toBe(
      `${F}:6:17: ci.method bootstrap resamples rows, but artifacts.counts has only sums of log_loss; use ci.method auto (the paired normal interval) or per-row predictions files`
    );
  });
});
