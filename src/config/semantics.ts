/**
 * What the schema cannot say: the rules of docs/config.md that relate keys to each other and to the metric catalogue,
 * the parts this version cannot evaluate yet (rejected, never ignored), and the typed config with defaults.
 * Runs only on data that passed the schema, so the shapes below hold.
 */
import { type Task, countsMetrics, metricInfo, metricNames } from '../stats/catalog.js';
import type { Problem } from './problems.js';
import type { RawCanary } from './canary-semantics.js';
import { type RawFamilies, buildFamilies, familyProblems, metricProblem } from './family-semantics.js';
import { type Path, formatPath } from './source.js';
import { didYouMean } from './suggest.js';
import {
  type ComparisonRule,
  DEFAULT_CI,
  DEFAULT_COLUMNS,
  GATE_FAMILIES,
  type ColumnNames,
  type GateConfig,
  type GateFamily,
  type MetricCheckSpec,
  type MetricOptionSettings,
  type PerformanceGate,
  QUERY_COLUMN
} from './types.js';

/** The keys of a metric check (docs/config.md), as the schema lets them through. */
interface RawCheck {
  compare_to?: 'champion';
  absolute_drop_allowed?: number;
  relative_drop_allowed?: number;
  rule?: ComparisonRule;
  equivalence_margin?: number;
  relative_equivalence_margin?: number;
  min_value?: number;
  max_value?: number;
}

interface RawPerformance extends RawCheck {
  primary_metric: string;
  min_improvement_for_auto_merge?: number;
  metrics?: Array<RawCheck & { metric: string }>;
}

/** The config as the schema lets it through (only the parts this version reads are spelled out). */
export interface RawConfig {
  version: 1;
  task: Task;
  artifacts?: { candidate?: string; champion?: string; counts?: string } & RawFamilies['artifacts'];
  columns?: Partial<ColumnNames>;
  threshold?: number;
  positive_label?: string | number | boolean;
  metric_options?: MetricOptionSettings;
  gates: { performance?: RawPerformance; ci?: Partial<GateConfig['ci']> } & RawFamilies['gates'];
  policy?: {
    hard_fail?: GateFamily[];
    soft_fail?: GateFamily[];
    require_manual_approval_on_soft_fail?: boolean;
    waiver_label?: string;
    waiver_max_age_days?: number;
    superiority?: 'holm' | 'none';
  };
  ledger?: string;
  max_runs_per_test_set?: number;
  canary?: RawCanary;
}

/** Tasks this version evaluates. */
export const SUPPORTED_TASKS: readonly Task[] = ['binary', 'multiclass', 'regression', 'ranking', 'score'];
/** Gate families this version evaluates. */
export const SUPPORTED_GATES: readonly GateFamily[] = GATE_FAMILIES;
/** Artifacts this version reads. */
export const SUPPORTED_ARTIFACTS: readonly string[] = [
  'candidate',
  'champion',
  'operations',
  'champion_operations',
  'model',
  'data',
  'cost',
  'champion_cost',
  'counts'
];

const NOT_YET = 'is not supported yet in this version of model-gate';

function implementedMetrics(task: Task): string[] {
  return metricNames(task).filter((m) => metricInfo(task, m)?.implemented);
}

/** Problems of a schema-valid config; empty when it can be evaluated. */
export function semanticProblems(raw: RawConfig): Problem[] {
  const problems: Problem[] = [];
  const add = (path: Path, at: 'key' | 'value', message: string) => problems.push({ path, at, message });
  const taskSupported = SUPPORTED_TASKS.includes(raw.task);

  if (!taskSupported) {
    add(['task'], 'value', `task ${raw.task} ${NOT_YET}; only ${SUPPORTED_TASKS.join(', ')} can be gated for now`);
  }
  for (const key of Object.keys(raw.artifacts ?? {})) {
    if (!SUPPORTED_ARTIFACTS.includes(key)) add(['artifacts', key], 'key', `artifacts.${key} ${NOT_YET}; remove it`);
  }
  const netBenefitAt = metricPaths(raw).find(([metric]) => metric === 'net_benefit')?.[1];
  if (netBenefitAt && raw.metric_options?.net_benefit === undefined) {
    add(
      netBenefitAt,
      'value',
      `metric "net_benefit" at ${formatPath(netBenefitAt)} needs metric_options.net_benefit: {tp, fp, tn, fn}, the value of each outcome (for example in dollars)`
    );
  }

  // Per-row values are squared and summed over the rows for the interval; past 1e100 that leaves double
  // precision (and no outcome is worth 1e100 of anything).
  for (const [outcome, value] of Object.entries(raw.metric_options?.net_benefit ?? {})) {
    if (typeof value === 'number' && !(Math.abs(value) <= 1e100)) {
      add(['metric_options', 'net_benefit', outcome], 'value', `metric_options.net_benefit.${outcome} is ${value}; outcome values must be within ±1e100`);
    }
  }

  if (raw.artifacts?.counts !== undefined) countsProblems(raw, add);
  taskOptionProblems(raw, add);

  const families = GATE_FAMILIES.filter((f) => raw.gates[f] !== undefined);
  if (families.length === 0) {
    add(['gates'], 'key', 'gates configures no gate; add at least one, for example gates.performance');
  }
  for (const f of families) {
    if (!SUPPORTED_GATES.includes(f)) add(['gates', f], 'key', `gates.${f} ${NOT_YET}; remove it`);
  }

  const perf = raw.gates.performance;
  if (perf) {
    const base: Path = ['gates', 'performance'];
    const seen = new Map<string, string>();
    const checkMetric = (metric: string, metricPath: Path, checkPath: Path, check: RawCheck, primary: boolean) => {
      const where = formatPath(metricPath);
      const info = metricInfo(raw.task, metric);
      if (!info) {
        const names = metricNames(raw.task);
        add(
          metricPath,
          'value',
          `metric "${metric}" at ${where} does not fit task ${raw.task}; ${raw.task} metrics are: ${names.join(', ')}${didYouMean(metric, names)}`
        );
      } else if (!info.implemented && taskSupported) {
        add(
          metricPath,
          'value',
          `metric "${metric}" at ${where} ${NOT_YET}; supported ${raw.task} metrics are: ${implementedMetrics(raw.task).join(', ')}`
        );
      }
      if (info && info.direction === 0) {
        if (primary) {
          add(
            metricPath,
            'value',
            `metric "${metric}" at ${where} has no better direction, so it cannot be the primary metric; choose another primary_metric`
          );
        } else if (hasComparison(check)) {
          add(
            metricPath,
            'value',
            `metric "${metric}" at ${where} has no better direction, so it cannot be compared with the champion; use min_value or max_value instead`
          );
        }
      }
      const previous = seen.get(metric);
      if (previous !== undefined) {
        add(metricPath, 'value', `metric "${metric}" at ${where} is already checked at ${previous}; merge the two checks`);
      } else {
        seen.set(metric, formatPath(checkPath));
      }
    };

    checkMetric(perf.primary_metric, [...base, 'primary_metric'], base, perf, true);
    checkRules(perf, base, ['gates', 'performance', 'primary_metric'], false, add);
    (perf.metrics ?? []).forEach((entry, i) => {
      const path: Path = [...base, 'metrics', i];
      checkMetric(entry.metric, [...path, 'metric'], path, entry, false);
      checkRules(entry, path, path, true, add);
    });
  }

  familyProblems(raw, add, {
    checkRules,
    hasComparison,
    metricProblem: (task, metric, where) => metricProblem(task, metric, where, NOT_YET, taskSupported)
  });

  const policy = raw.policy ?? {};
  (policy.soft_fail ?? []).forEach((family, j) => {
    if ((policy.hard_fail ?? []).includes(family)) {
      add(
        ['policy', 'soft_fail', j],
        'value',
        `"${family}" is listed in both policy.hard_fail and policy.soft_fail; keep it in one of them`
      );
    }
  });

  if (raw.max_runs_per_test_set !== undefined && raw.ledger === undefined) {
    add(['max_runs_per_test_set'], 'key', 'max_runs_per_test_set needs a ledger file to count runs in; add ledger: <path> or remove it');
  }

  const named = new Map<string, string>();
  for (const key of ['id', 'label', 'score', 'prediction', 'segment'] as const) {
    const value = raw.columns?.[key] ?? DEFAULT_COLUMNS[key];
    const other = named.get(value);
    if (other !== undefined) {
      const path: Path = raw.columns?.[key] !== undefined ? ['columns', key] : ['columns', other];
      add(path, 'value', `columns.${key} and columns.${other} both name the column "${value}"; each must be a different column`);
    } else {
      named.set(value, key);
    }
  }
  const cluster = raw.columns?.cluster;
  if (cluster !== undefined && named.has(cluster) && named.get(cluster) !== 'segment') {
    add(['columns', 'cluster'], 'value', `columns.cluster and columns.${named.get(cluster)} both name the column "${cluster}"; the cluster must be a column of its own`);
  }
  return problems;
}

/** Metrics a counts artifact carries what they need for (readers/counts.ts), from the catalogue; the others need per-row scores. */
export const COUNTS_METRICS: readonly string[] = countsMetrics();

/** A counts artifact replaces both predictions files, is binary, and feeds no score metric but roc_auc (from its score bins). */
function countsProblems(raw: RawConfig, add: (path: Path, at: 'key' | 'value', message: string) => void): void {
  for (const key of ['candidate', 'champion'] as const) {
    if (raw.artifacts?.[key] !== undefined) {
      add(['artifacts', key], 'key', `artifacts.${key} and artifacts.counts both give predictions; a counts file holds both models, so keep one of them`);
    }
  }
  if (raw.columns?.cluster !== undefined) {
    add(['columns', 'cluster'], 'key', 'columns.cluster needs one row per example to know which examples share a cluster, but artifacts.counts pools them; give per-row predictions files (artifacts.candidate and artifacts.champion) with a cluster column instead');
  }
  if (raw.task !== 'binary') {
    add(['artifacts', 'counts'], 'key', `artifacts.counts holds binary cell counts, but task is ${raw.task}; give per-row predictions files (artifacts.candidate and artifacts.champion) instead`);
    return;
  }
  const metrics = metricPaths(raw);
  for (const [metric, path] of metrics) {
    if (!COUNTS_METRICS.includes(metric) && metricInfo(raw.task, metric)) {
      add(path, 'value', `metric "${metric}" at ${formatPath(path)} needs each row's score, and artifacts.counts carries at most score bins, which feed only roc_auc (docs/counts.md); gate it on per-row predictions files, or use one of: ${COUNTS_METRICS.join(', ')}`);
    }
  }
  const loss = metrics.find(([m]) => m === 'log_loss' || m === 'brier')?.[0];
  if (loss && raw.gates.ci?.method === 'bootstrap') {
    add(['gates', 'ci', 'method'], 'value', `ci.method bootstrap resamples rows, but artifacts.counts has only sums of ${loss}; use ci.method auto (the paired normal interval) or per-row predictions files`);
  } else if (raw.gates.ci?.method === 'bootstrap' && metrics.some(([m]) => m === 'roc_auc')) {
    add(['gates', 'ci', 'method'], 'value', `ci.method bootstrap resamples rows, but artifacts.counts pools them into score bins; use ci.method auto (DeLong on the bins, exact for tied scores) or per-row predictions files for roc_auc`);
  }
}

/** Every metric the config names, with the path of its name (performance, segments, fairness). */
function metricPaths(raw: RawConfig): Array<[string, Path]> {
  const out: Array<[string, Path]> = [];
  const perf = raw.gates.performance;
  if (perf) {
    out.push([perf.primary_metric, ['gates', 'performance', 'primary_metric']]);
    (perf.metrics ?? []).forEach((m, i) => out.push([m.metric, ['gates', 'performance', 'metrics', i, 'metric']]));
  }
  (raw.gates.segments ?? []).forEach((s, i) => out.push([s.metric, ['gates', 'segments', i, 'metric']]));
  if (raw.gates.fairness) out.push([raw.gates.fairness.metric, ['gates', 'fairness', 'metric']]);
  return out;
}

function hasComparison(c: RawCheck): boolean {
  return (
    c.absolute_drop_allowed !== undefined ||
    c.relative_drop_allowed !== undefined ||
    c.rule !== undefined ||
    equivalenceKey(c) !== undefined
  );
}

function equivalenceKey(c: RawCheck): 'equivalence_margin' | 'relative_equivalence_margin' | undefined {
  return c.equivalence_margin !== undefined
    ? 'equivalence_margin'
    : c.relative_equivalence_margin !== undefined
      ? 'relative_equivalence_margin'
      : undefined;
}

/** The equivalence keys of one check: one margin, only with rule equivalent, never next to a drop margin. */
function equivalenceRules(c: RawCheck, path: Path, dropKey: string | undefined, add: Add): void {
  const where = formatPath(path);
  const eqKey = equivalenceKey(c);
  if (c.equivalence_margin !== undefined && c.relative_equivalence_margin !== undefined) {
    add([...path, 'relative_equivalence_margin'], 'key', `${where} sets both equivalence_margin and relative_equivalence_margin; keep one of them`);
  }
  if (c.rule === 'equivalent' && eqKey === undefined) {
    add(
      [...path, 'rule'],
      'value',
      dropKey === undefined
        ? `${where} has rule equivalent but no margin; add equivalence_margin or relative_equivalence_margin`
        : `${where} has rule equivalent, which takes equivalence_margin, not ${dropKey}; did you mean ${dropKey.startsWith('relative') ? 'relative_equivalence_margin' : 'equivalence_margin'}?`
    );
  }
  if (eqKey !== undefined && c.rule !== undefined && c.rule !== 'equivalent') {
    add([...path, eqKey], 'key', `${where} has rule ${c.rule}, which takes no ${eqKey}; remove it or use rule equivalent`);
  } else if (eqKey !== undefined && dropKey !== undefined) {
    add([...path, dropKey], 'key', `${where} sets both ${eqKey} (rule equivalent) and ${dropKey} (rule non_inferior); keep one of them`);
  }
}

type Add = (path: Path, at: 'key' | 'value', message: string) => void;

/**
 * The comparison rules of one check (docs/config.md): one margin at most; `non_inferior` needs a margin, the other
 * rules take none; `compare_to` on an entry asks for a comparison; a check must check something.
 * `nothingAt` is where "nothing to check" points (the primary metric for the gate-level check).
 */
function checkRules(
  c: RawCheck,
  path: Path,
  nothingAt: Path,
  isEntry: boolean,
  add: (path: Path, at: 'key' | 'value', message: string) => void
): void {
  const where = formatPath(path);
  const marginKey =
    c.absolute_drop_allowed !== undefined
      ? 'absolute_drop_allowed'
      : c.relative_drop_allowed !== undefined
        ? 'relative_drop_allowed'
        : undefined;
  if (c.absolute_drop_allowed !== undefined && c.relative_drop_allowed !== undefined) {
    add(
      [...path, 'relative_drop_allowed'],
      'key',
      `${where} sets both absolute_drop_allowed and relative_drop_allowed; keep one of them`
    );
  }
  equivalenceRules(c, path, marginKey, add);
  if (c.rule === 'non_inferior' && marginKey === undefined && equivalenceKey(c) === undefined) {
    add(
      [...path, 'rule'],
      'value',
      `${where} has rule non_inferior but no margin; add absolute_drop_allowed or relative_drop_allowed, or use rule strictly_better or superior`
    );
  }
  if ((c.rule === 'strictly_better' || c.rule === 'superior') && marginKey !== undefined) {
    add(
      [...path, marginKey],
      'key',
      `${where} has rule ${c.rule}, which takes no margin; remove ${marginKey} or use rule non_inferior`
    );
  }
  if (isEntry && c.compare_to !== undefined && !hasComparison(c)) {
    add(
      [...path, 'compare_to'],
      'key',
      `${where} compares with the champion but has no margin or rule; add absolute_drop_allowed, relative_drop_allowed or rule`
    );
  } else if (!hasComparison(c) && c.min_value === undefined && c.max_value === undefined) {
    add(
      nothingAt,
      isEntry ? 'key' : 'value',
      `${where} has nothing to check; add absolute_drop_allowed, relative_drop_allowed, rule, min_value or max_value`
    );
  }
  if (c.min_value !== undefined && c.max_value !== undefined && c.min_value > c.max_value) {
    add([...path, 'max_value'], 'value', `${where} has min_value ${c.min_value} above max_value ${c.max_value}; no value can pass`);
  }
}

function toCheck(metric: string, c: RawCheck, key: string): MetricCheckSpec {
  const check: MetricCheckSpec = { metric, key };
  const eq = c.equivalence_margin ?? c.relative_equivalence_margin;
  if (eq !== undefined) {
    check.comparison = {
      rule: 'equivalent',
      margin: { kind: c.equivalence_margin !== undefined ? 'absolute' : 'relative', value: eq }
    };
  } else if (hasComparison(c)) {
    const rule: ComparisonRule = c.rule ?? 'non_inferior';
    check.comparison =
      c.absolute_drop_allowed !== undefined
        ? { rule, margin: { kind: 'absolute', value: c.absolute_drop_allowed } }
        : c.relative_drop_allowed !== undefined
          ? { rule, margin: { kind: 'relative', value: c.relative_drop_allowed } }
          : { rule };
  }
  if (c.min_value !== undefined) check.min_value = c.min_value;
  if (c.max_value !== undefined) check.max_value = c.max_value;
  return check;
}

/** The typed config with defaults; call only when `semanticProblems(raw)` is empty. */
export function buildConfig(raw: RawConfig, source: string): GateConfig {
  const gates: GateConfig['gates'] = {};
  const perf = raw.gates.performance;
  if (perf) {
    const gate: PerformanceGate = {
      primary_metric: perf.primary_metric,
      compare_to: 'champion',
      checks: [
        toCheck(perf.primary_metric, perf, 'gates.performance'),
        ...(perf.metrics ?? []).map((m, i) => toCheck(m.metric, m, `gates.performance.metrics[${i}]`))
      ]
    };
    if (perf.min_improvement_for_auto_merge !== undefined) {
      gate.min_improvement_for_auto_merge = perf.min_improvement_for_auto_merge;
    }
    gates.performance = gate;
  }

  Object.assign(gates, buildFamilies(raw, toCheck));

  const artifacts: GateConfig['artifacts'] = {};
  for (const key of ['candidate', 'champion', 'counts', 'operations', 'champion_operations', 'model', 'cost', 'champion_cost'] as const) {
    if (raw.artifacts?.[key] !== undefined) artifacts[key] = raw.artifacts[key];
  }
  if (raw.artifacts?.data !== undefined) artifacts.data = { ...raw.artifacts.data };

  const policy: GateConfig['policy'] = {
    hard_fail: [...(raw.policy?.hard_fail ?? [])],
    soft_fail: [...(raw.policy?.soft_fail ?? [])],
    require_manual_approval_on_soft_fail: raw.policy?.require_manual_approval_on_soft_fail ?? true
  };
  if (raw.policy?.waiver_label !== undefined) policy.waiver_label = raw.policy.waiver_label;
  if (raw.policy?.waiver_max_age_days !== undefined) policy.waiver_max_age_days = raw.policy.waiver_max_age_days;
  if (raw.policy?.superiority !== undefined) policy.superiority = raw.policy.superiority;

  return {
    source,
    version: 1,
    task: raw.task,
    artifacts,
    columns: { ...DEFAULT_COLUMNS, ...raw.columns },
    threshold: raw.threshold ?? 0.5,
    ...(raw.threshold === undefined ? { threshold_is_default: true } : {}),
    positive_label: String(raw.positive_label ?? 1),
    ...metricOptions(raw.metric_options),
    gates,
    ci: { ...DEFAULT_CI, ...raw.gates.ci },
    policy,
    ...(raw.ledger !== undefined ? { ledger: raw.ledger } : {}),
    ...(raw.max_runs_per_test_set !== undefined ? { max_runs_per_test_set: raw.max_runs_per_test_set } : {})
  };
}


/** metric_options as given (absent when empty), copied so the config owns its objects. */
function metricOptions(raw: MetricOptionSettings | undefined): { metric_options?: MetricOptionSettings } {
  if (!raw) return {};
  const out: MetricOptionSettings = {};
  if (raw.net_benefit) out.net_benefit = { ...raw.net_benefit };
  if (raw.relevance_threshold !== undefined) out.relevance_threshold = raw.relevance_threshold;
  if (raw.ndcg_gain !== undefined) out.ndcg_gain = raw.ndcg_gain;
  if (raw.score_direction !== undefined) out.score_direction = raw.score_direction;
  return Object.keys(out).length ? { metric_options: out } : {};
}

/** Options that mean something for one task only: naming them under another task is a mistake worth a sentence. */
function taskOptionProblems(raw: RawConfig, add: (path: Path, at: 'key' | 'value', message: string) => void): void {
  const own: Record<string, Task> = { relevance_threshold: 'ranking', ndcg_gain: 'ranking', score_direction: 'score' };
  for (const [key, task] of Object.entries(own)) {
    if (raw.metric_options?.[key as keyof MetricOptionSettings] !== undefined && raw.task !== task) {
      add(['metric_options', key], 'key', `metric_options.${key} applies to task ${task} only, but task is ${raw.task}; remove it`);
    }
  }
  if (raw.columns?.query !== undefined && raw.task !== 'ranking') {
    add(['columns', 'query'], 'key', `columns.query applies to task ranking only, but task is ${raw.task}; remove it`);
  }
  if (raw.task === 'ranking') {
    const query = raw.columns?.query ?? QUERY_COLUMN;
    for (const key of ['id', 'label', 'score'] as const) {
      if ((raw.columns?.[key] ?? DEFAULT_COLUMNS[key]) === query) {
        add(['columns', raw.columns?.query !== undefined ? 'query' : key], 'value', `columns.query and columns.${key} both name the column "${query}"; the query must be a column of its own`);
      }
    }
  }
  if (raw.positive_label !== undefined && (raw.task === 'ranking' || raw.task === 'score')) {
    add(['positive_label'], 'key', `positive_label applies to task binary only, but task is ${raw.task}; remove it`);
  }
}
