/**
 * The metric catalogue (docs/config.md, "Metrics and their intervals"): which metrics exist, for which task,
 * which way is better, what each needs from the predictions files and how it reads. Config validation, the
 * readers, the engine and the renderers all read it, so a metric is declared once (docs/architecture.md).
 */
export type Task = 'binary' | 'multiclass' | 'regression' | 'ranking' | 'score';

/** +1: higher is better; -1: lower is better; 0: no direction (usable only for floors/ceilings and fairness). */
export type Direction = 1 | -1 | 0;

/**
 * How a metric is computed, which decides its default interval (docs/statistics.md):
 * - `confusion`: a function of the confusion-matrix cell counts (paired bootstrap of joint cells);
 * - `ranking`: needs scores, not a threshold (DeLong for roc_auc, bootstrap for pr_auc);
 * - `mean_loss`: the mean of a per-row loss (paired normal interval of per-row differences; mape over the
 *   rows whose label is not 0);
 * - `other`: anything else (rmse, r2: delta method; ece: row bootstrap);
 * - `per_unit`: the mean over units (queries of a ranking task, ids of a score task) of a per-unit value (paired
 *   normal interval of the per-unit differences; unit bootstrap under `ci.method: bootstrap`).
 */
export type MetricKind = 'confusion' | 'ranking' | 'mean_loss' | 'other' | 'per_unit';

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
  /** Another name of the same metric (tpr is recall): listed with it in the docs. */
  readonly aliasOf?: string;
  /** Width of the range of values (1 for a score in [0, 1], 2 for mcc); absent when unbounded. */
  readonly range?: number;
  /** How a difference reads best: `points` for scores in [0, 1] (+1.2 pts), `plain` for the rest. */
  readonly unit: 'points' | 'plain';
  /** A rate over one class of the labels: undefined (not 0) when that class has no rows. */
  readonly classRows?: 'positive' | 'negative';
  /** Means nothing when the rows hold one label class (its value is then a convention). */
  readonly bothClasses?: boolean;
  /** Ranking: the cut-off K of a metric written `<base>@K` (the catalogue entry is named `<base>@K`). */
  readonly k?: number;
  /** Binary: a counts file with score bins feeds it exactly for the binned scores (docs/counts.md). */
  readonly fromBins?: boolean;
}

/** The optional properties of a catalogue entry. */
type Extra = Partial<Pick<MetricInfo, 'aliasOf' | 'range' | 'classRows' | 'bothClasses' | 'implemented' | 'fromBins'>> & { unit?: MetricInfo['unit'] };

function m(task: Task, name: string, direction: Direction, kind: MetricKind, input: MetricInput, extra: Extra = {}): MetricInfo {
  return { name, task, direction, kind, input, implemented: true, unit: 'plain', ...extra };
}

/** A score in [0, 1] whose differences read in points. */
const SCORE: Extra = { range: 1, unit: 'points' };

const CATALOG: readonly MetricInfo[] = [
  m('binary', 'accuracy', 1, 'confusion', 'prediction', SCORE),
  m('binary', 'precision', 1, 'confusion', 'prediction', { ...SCORE, bothClasses: true }),
  m('binary', 'recall', 1, 'confusion', 'prediction', { ...SCORE, classRows: 'positive' }),
  m('binary', 'tpr', 1, 'confusion', 'prediction', { ...SCORE, classRows: 'positive', aliasOf: 'recall' }),
  m('binary', 'specificity', 1, 'confusion', 'prediction', { ...SCORE, classRows: 'negative' }),
  m('binary', 'tnr', 1, 'confusion', 'prediction', { ...SCORE, classRows: 'negative', aliasOf: 'specificity' }),
  m('binary', 'fpr', -1, 'confusion', 'prediction', { ...SCORE, classRows: 'negative' }),
  m('binary', 'fnr', -1, 'confusion', 'prediction', { ...SCORE, classRows: 'positive' }),
  m('binary', 'f1', 1, 'confusion', 'prediction', { ...SCORE, bothClasses: true }),
  m('binary', 'balanced_accuracy', 1, 'confusion', 'prediction', { ...SCORE, bothClasses: true }),
  m('binary', 'mcc', 1, 'confusion', 'prediction', { range: 2, bothClasses: true }),
  m('binary', 'selection_rate', 0, 'confusion', 'prediction', SCORE),
  m('binary', 'roc_auc', 1, 'ranking', 'score', { ...SCORE, fromBins: true }),
  m('binary', 'pr_auc', 1, 'ranking', 'score', SCORE),
  m('binary', 'log_loss', -1, 'mean_loss', 'probability'),
  m('binary', 'brier', -1, 'mean_loss', 'probability', { range: 1 }),
  m('binary', 'ece', -1, 'other', 'probability', { range: 1 }),
  m('binary', 'net_benefit', 1, 'confusion', 'prediction'),
  m('multiclass', 'accuracy', 1, 'confusion', 'prediction', SCORE),
  m('multiclass', 'macro_f1', 1, 'confusion', 'prediction', SCORE),
  m('multiclass', 'weighted_f1', 1, 'confusion', 'prediction', SCORE),
  m('multiclass', 'micro_f1', 1, 'confusion', 'prediction', SCORE),
  m('multiclass', 'macro_precision', 1, 'confusion', 'prediction', SCORE),
  m('multiclass', 'macro_recall', 1, 'confusion', 'prediction', SCORE),
  m('multiclass', 'log_loss', -1, 'mean_loss', 'probability'),
  m('regression', 'mae', -1, 'mean_loss', 'prediction'),
  m('regression', 'mse', -1, 'mean_loss', 'prediction'),
  m('regression', 'rmse', -1, 'other', 'prediction'),
  m('regression', 'mape', -1, 'mean_loss', 'prediction'),
  m('regression', 'r2', 1, 'other', 'prediction'),
  // Ranking metrics take their cut-off from the name (ndcg@10): one entry per base name, K parsed on lookup.
  m('ranking', 'ndcg@K', 1, 'per_unit', 'score', SCORE),
  m('ranking', 'recall@K', 1, 'per_unit', 'score', SCORE),
  m('ranking', 'precision@K', 1, 'per_unit', 'score', SCORE),
  m('ranking', 'mrr@K', 1, 'per_unit', 'score', SCORE),
  m('ranking', 'map@K', 1, 'per_unit', 'score', SCORE),
  // mean_score is unbounded (judge scores, BLEU…); its direction is set by metric_options.score_direction.
  m('score', 'mean_score', 1, 'per_unit', 'score'),
  m('score', 'pass_rate', 1, 'per_unit', 'score', SCORE)
];

/** `ndcg@10` → { base: 'ndcg@K', k: 10 }; undefined when the name has no cut-off (K a positive integer). */
function cutOff(name: string): { template: string; k: number } | undefined {
  const m = /^([a-z_]+)@([1-9][0-9]{0,5})$/.exec(name);
  return m ? { template: `${m[1]}@K`, k: Number(m[2]) } : undefined;
}

/** The entry of `name` among `entries`, with K filled in for a `<base>@K` metric. */
function lookup(entries: readonly MetricInfo[], name: string): MetricInfo | undefined {
  const exact = entries.find((x) => x.name === name);
  if (exact) return exact;
  const c = cutOff(name);
  if (!c) return undefined;
  const entry = entries.find((x) => x.name === c.template);
  return entry ? { ...entry, name, k: c.k } : undefined;
}

/** The regular expression every metric name matches (the config schema's `pattern`): the names, and `<base>@K`. */
export function metricNamePattern(): string {
  const plain = CATALOG.filter((x) => !x.name.endsWith('@K')).map((x) => x.name);
  const cut = [...new Set(CATALOG.filter((x) => x.name.endsWith('@K')).map((x) => x.name.slice(0, -2)))];
  return `^(?:${[...new Set(plain)].join('|')}|(?:${cut.join('|')})@[1-9][0-9]{0,5})$`;
}

/** The catalogue entry for `name` under `task`, or undefined when the metric does not fit the task. */
export function metricInfo(task: Task, name: string): MetricInfo | undefined {
  return lookup(CATALOG.filter((x) => x.task === task), name);
}

/** Every metric name of a task, in catalogue order. */
export function metricNames(task: Task): string[] {
  return CATALOG.filter((x) => x.task === task).map((x) => x.name);
}

/** Every metric name of any task (for "did you mean" hints). */
export function allMetricNames(): string[] {
  return [...new Set(CATALOG.map((x) => x.name))];
}

/** Any task's entry for `name` (the properties that do not depend on the task: range, unit). */
export function anyMetricInfo(name: string): MetricInfo | undefined {
  return lookup(CATALOG, name);
}

/**
 * The metrics a counts file can feed (binary only): the confusion metrics, from the cell counts, then the mean
 * losses, from their sums, then those the score bins give (roc_auc). The others need every row's score.
 */
export function countsMetrics(): string[] {
  const binary = CATALOG.filter((x) => x.task === 'binary');
  return [
    ...binary.filter((x) => x.kind === 'confusion'),
    ...binary.filter((x) => x.kind === 'mean_loss'),
    ...binary.filter((x) => x.fromBins)
  ].map((x) => x.name);
}

/** The metric names of a task for the docs: `recall (= tpr)`, aliases folded into their metric. */
export function metricList(task: Task): string {
  const entries = CATALOG.filter((x) => x.task === task);
  return entries
    .filter((x) => !x.aliasOf)
    .map((x) => {
      const aliases = entries.filter((y) => y.aliasOf === x.name).map((y) => y.name);
      return aliases.length ? `${x.name} (= ${aliases.join(', ')})` : x.name;
    })
    .join(', ');
}
