/**
 * The metric catalogue is the one place a metric is declared: the lists other layers used to keep (counts
 * metrics, the schema's metric names, ranges, units, class rates) are read from it, so they are tested here.
 */
import { allMetricNames, anyMetricInfo, countsMetrics, metricInfo, metricList, metricNames, type Task } from '../../src/stats/catalog.js';

const TASKS: Task[] = ['binary', 'multiclass', 'regression'];
const entries = TASKS.flatMap((t) => metricNames(t).map((n) => metricInfo(t, n)!));

test('a metric belongs to its tasks only, with its direction', () => {
  expect(metricInfo('binary', 'f1')?.direction).toBe(1);
  expect(metricInfo('binary', 'log_loss')?.direction).toBe(-1);
  expect(metricInfo('regression', 'f1')).toBeUndefined();
  expect(new Set(allMetricNames()).size).toBe(allMetricNames().length);
});

test('counts files feed the confusion metrics, the mean losses, then roc_auc from score bins (the order the config error lists them in)', () => {
  expect(countsMetrics()).toEqual([
    'accuracy', 'precision', 'recall', 'tpr', 'specificity', 'tnr', 'fpr', 'fnr', 'f1', 'balanced_accuracy', 'mcc',
    'selection_rate', 'net_benefit', 'log_loss', 'brier', 'roc_auc'
  ]);
});

test('the docs list folds aliases into their metric', () => {
  expect(metricList('binary')).toBe(
    'accuracy, precision, recall (= tpr), specificity (= tnr), fpr, fnr, f1, balanced_accuracy, mcc, selection_rate, roc_auc, pr_auc, log_loss, brier, ece, net_benefit'
  );
  expect(metricList('regression')).toBe('mae, mse, rmse, mape, r2');
});

test('an alias has the same task, direction and properties as its metric', () => {
  for (const e of entries.filter((x) => x.aliasOf)) {
    const of = metricInfo(e.task, e.aliasOf!)!;
    expect({ ...e, name: of.name, aliasOf: undefined }).toEqual({ ...of, aliasOf: undefined });
  }
});

test('metrics read in points are scores in [0, 1]; class rates are binary confusion metrics', () => {
  for (const e of entries) {
    if (e.unit === 'points') expect({ name: e.name, range: e.range }).toEqual({ name: e.name, range: 1 });
    if (e.classRows || e.bothClasses) expect({ name: e.name, task: e.task, kind: e.kind }).toEqual({ name: e.name, task: 'binary', kind: 'confusion' });
  }
  expect(anyMetricInfo('mcc')?.range).toBe(2);
  expect(anyMetricInfo('log_loss')?.range).toBeUndefined();
  expect(anyMetricInfo('brier')?.unit).toBe('plain');
});

test('a name used by several tasks means the same range and unit in each', () => {
  for (const name of allMetricNames()) {
    const all = entries.filter((e) => e.name === name).map((e) => ({ range: e.range, unit: e.unit }));
    for (const x of all) expect({ name, ...x }).toEqual({ name, ...all[0] });
  }
});

test("docs/architecture.md's worked example still applies: its context lines are in the files it names", async () => {
  const { readFileSync } = await import('node:fs');
  const path = await import('node:path');
  const { ROOT } = await import('../helpers/run-action.js');
  const doc = readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8');
  const diff = /```diff\n([\s\S]*?)```/.exec(doc)![1]!;
  let file = '';
  const context: Array<[string, string]> = [];
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ b/')) file = line.slice(6);
    else if (line.startsWith(' ') && file) context.push([file, line.slice(1)]);
  }
  expect(context.length).toBeGreaterThanOrEqual(3);
  for (const [f, line] of context) expect({ f, found: readFileSync(path.join(ROOT, f), 'utf8').includes(line) }).toEqual({ f, found: true });
});
