/**
 * The metric catalogue of SPEC §4: which metrics exist, for which task, which way is better, and what each
 * needs from the predictions files. Config validation and the engine both read it, so a metric is declared once.
 */
export type Task = 'binary' | 'multiclass' | 'regression';

/** +1: higher is better; -1: lower is better; 0: no direction (usable only for floors/ceilings and fairness). */
export type Direction = 1 | -1 | 0;

/**
 * How a metric is computed, which decides its default interval (SPEC §4):
 * - `confusion`: a function of the confusion-matrix cell counts (paired bootstrap of joint cells);
 * - `ranking`: needs scores, not a threshold (DeLong for roc_auc, bootstrap for pr_auc);
 * - `mean_loss`: the mean of a per-row loss (paired normal interval of per-row differences; mape over the
 *   rows whose label is not 0);
 * - `other`: anything else (rmse, r2: delta method; ece: row bootstrap).
 */
export type MetricKind = 'confusion' | 'ranking' | 'mean_loss' | 'other';

/** What a metric reads from each predictions file. */
export type MetricInput = 'prediction' | 'score' | 'probability';

export interface MetricInfo {
  readonly name: string;
  readonly task: Task;
  readonly direction: Direction;
  readonly kind: MetricKind;
  readonly input: MetricInput;
  /** Implemented by the engine in this version (the rest are rejected with "not supported yet"). */
  readonly implemented: boolean;
}

function m(
  task: Task,
  name: string,
  direction: Direction,
  kind: MetricKind,
  input: MetricInput,
  implemented = true
): MetricInfo {
  return { name, task, direction, kind, input, implemented };
}

const CATALOG: readonly MetricInfo[] = [
  m('binary', 'accuracy', 1, 'confusion', 'prediction'),
  m('binary', 'precision', 1, 'confusion', 'prediction'),
  m('binary', 'recall', 1, 'confusion', 'prediction'),
  m('binary', 'tpr', 1, 'confusion', 'prediction'),
  m('binary', 'specificity', 1, 'confusion', 'prediction'),
  m('binary', 'tnr', 1, 'confusion', 'prediction'),
  m('binary', 'fpr', -1, 'confusion', 'prediction'),
  m('binary', 'fnr', -1, 'confusion', 'prediction'),
  m('binary', 'f1', 1, 'confusion', 'prediction'),
  m('binary', 'balanced_accuracy', 1, 'confusion', 'prediction'),
  m('binary', 'mcc', 1, 'confusion', 'prediction'),
  m('binary', 'selection_rate', 0, 'confusion', 'prediction'),
  m('binary', 'roc_auc', 1, 'ranking', 'score'),
  m('binary', 'pr_auc', 1, 'ranking', 'score'),
  m('binary', 'log_loss', -1, 'mean_loss', 'probability'),
  m('binary', 'brier', -1, 'mean_loss', 'probability'),
  m('binary', 'ece', -1, 'other', 'probability'),
  m('binary', 'net_benefit', 1, 'confusion', 'prediction'),
  m('multiclass', 'accuracy', 1, 'confusion', 'prediction'),
  m('multiclass', 'macro_f1', 1, 'confusion', 'prediction'),
  m('multiclass', 'weighted_f1', 1, 'confusion', 'prediction'),
  m('multiclass', 'micro_f1', 1, 'confusion', 'prediction'),
  m('multiclass', 'macro_precision', 1, 'confusion', 'prediction'),
  m('multiclass', 'macro_recall', 1, 'confusion', 'prediction'),
  m('multiclass', 'log_loss', -1, 'mean_loss', 'probability'),
  m('regression', 'mae', -1, 'mean_loss', 'prediction'),
  m('regression', 'mse', -1, 'mean_loss', 'prediction'),
  m('regression', 'rmse', -1, 'other', 'prediction'),
  m('regression', 'mape', -1, 'mean_loss', 'prediction'),
  m('regression', 'r2', 1, 'other', 'prediction')
];

/** The catalogue entry for `name` under `task`, or undefined when the metric does not fit the task. */
export function metricInfo(task: Task, name: string): MetricInfo | undefined {
  return CATALOG.find((x) => x.task === task && x.name === name);
}

/** Every metric name of a task, in catalogue order. */
export function metricNames(task: Task): string[] {
  return CATALOG.filter((x) => x.task === task).map((x) => x.name);
}

/** Every metric name of any task (for "did you mean" hints). */
export function allMetricNames(): string[] {
  return [...new Set(CATALOG.map((x) => x.name))];
}
