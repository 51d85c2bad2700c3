/**
 * The semantic rules of the gate families beyond `performance` (segments, fairness, operations, data, cost) and
 * their typed config. Runs only on data that passed the schema, so the shapes below hold; semantics.ts calls in.
 */
import { canonicalKey } from '../base/values.js';
import { type Task, metricInfo, metricNames } from '../stats/catalog.js';
import {
  type ColumnSchema,
  type CostGate,
  type DataGate,
  type DataSchema,
  type FairnessGate,
  OPERATIONS_KEYS,
  type ObservabilityGate,
  type OperationsGate,
  type OperationsLimit,
  type RobustnessGate,
  type RollbackGate,
  type SegmentCheckSpec
} from './family-types.js';
import { DEFAULT_BURN_RATE_WINDOWS, DEFAULT_ROLLBACK_COMPONENTS, releaseGateProblems } from './release-gates.js';
import { type Path, formatPath } from './source.js';
import { didYouMean } from './suggest.js';
import type { GateConfig, MetricCheckSpec } from './types.js';
import type { RawRobustness, RawObservability, RawRollback } from './release-gates.js';
export type { RawRobustness, RawObservability, RawRollback } from './release-gates.js';

type Scalar = string | number | boolean;
type Add = (path: Path, at: 'key' | 'value', message: string) => void;

/** The keys of a metric check, as in semantics.ts. */
interface RawCheck {
  compare_to?: 'champion';
  absolute_drop_allowed?: number;
  relative_drop_allowed?: number;
  rule?: 'non_inferior' | 'strictly_better' | 'superior' | 'equivalent';
  equivalence_margin?: number;
  relative_equivalence_margin?: number;
  min_value?: number;
  max_value?: number;
}

export interface RawSegment extends RawCheck {
  name: string;
  metric: string;
  where?: Record<string, Scalar | Scalar[]>;
  min_samples?: number;
}

export interface RawFairness {
  metric: string;
  max_group_gap: number;
  groups: string[];
  min_group_samples?: number;
  max_gap_increase?: number;
}

interface RawOpsLimit {
  max_value?: number;
  max_relative_increase?: number;
  upper_confidence_bound?: boolean;
}

export type RawOperations = { [K in (typeof OPERATIONS_KEYS)[number]]?: RawOpsLimit } & { min_requests?: number };

interface RawColumnSchema {
  type?: ColumnSchema['type'];
  required?: boolean;
  min?: number;
  max?: number;
  allowed?: Scalar[];
}

export interface RawData {
  missingness_max?: number;
  drift_psi_max?: number;
  drift_psi_quantile?: number;
  columns?: string[];
  ignore_columns?: string[];
  schema?: { from_reference?: boolean; columns?: Record<string, RawColumnSchema> };
  freshness?: { column: string; max_age_hours: number };
}

export interface RawCost {
  max_cost_per_useful_outcome?: number;
  max_relative_increase?: number;
}

export interface RawFamilies {
  task: Task;
  artifacts?: {
    operations?: string;
    champion_operations?: string;
    model?: string;
    data?: { reference?: string; current?: string };
    cost?: string;
    champion_cost?: string;
  };
  gates: {
    segments?: RawSegment[];
    fairness?: RawFairness;
    operations?: RawOperations;
    data?: RawData;
    cost?: RawCost;
    robustness?: RawRobustness;
    observability?: RawObservability;
    rollback?: RawRollback;
  };
}

/** Hooks into semantics.ts's rules for one metric check, so segments follow exactly the performance rules. */
export interface CheckRuleHooks {
  checkRules(c: RawCheck, path: Path, nothingAt: Path, isEntry: boolean, add: Add): void;
  hasComparison(c: RawCheck): boolean;
  metricProblem(task: Task, metric: string, where: string): string | undefined;
}

/** Problems of the families of a schema-valid config (appended through `add`). */
export function familyProblems(raw: RawFamilies, add: Add, hooks: CheckRuleHooks): void {
  const g = raw.gates;
  if (g.segments) segmentProblems(raw.task, g.segments, add, hooks);
  if (g.fairness) fairnessProblems(raw.task, g.fairness, add, hooks);
  if (g.operations) operationsProblems(raw, g.operations, add);
  if (g.data) dataProblems(raw, g.data, add);
  if (g.cost) costProblems(raw, g.cost, add);
  releaseGateProblems(g, add);
}

function segmentProblems(task: Task, segments: RawSegment[], add: Add, hooks: CheckRuleHooks): void {
  const seen = new Map<string, string>(); // name + metric → where it was first checked
  const selection = new Map<string, { where: string; at: string }>(); // name → its row selection
  segments.forEach((s, i) => {
    const path: Path = ['gates', 'segments', i];
    const at = formatPath(path);
    const problem = hooks.metricProblem(task, s.metric, formatPath([...path, 'metric']));
    if (problem) add([...path, 'metric'], 'value', problem);
    const info = metricInfo(task, s.metric);
    if (info && info.direction === 0 && hooks.hasComparison(s)) {
      add(
        [...path, 'metric'],
        'value',
        `metric "${s.metric}" at ${formatPath([...path, 'metric'])} has no better direction, so it cannot be compared with the champion; use min_value or max_value instead`
      );
    }
    hooks.checkRules(s, path, path, true, add);
    const id = `${s.name}\u0000${s.metric}`;
    const first = seen.get(id);
    if (first !== undefined) {
      add([...path, 'metric'], 'value', `segment "${s.name}" already checks ${s.metric} at ${first}; merge the two entries`);
    } else {
      seen.set(id, at);
    }
    const where = JSON.stringify(canonicalWhere(s.where));
    const other = selection.get(s.name);
    if (other === undefined) {
      selection.set(s.name, { where, at });
    } else if (other.where !== where) {
      add(
        [...path, 'name'],
        'value',
        `segment "${s.name}" at ${at} selects other rows than the segment of the same name at ${other.at}; give one of them another name`
      );
    }
  });
}

function fairnessProblems(task: Task, f: RawFairness, add: Add, hooks: CheckRuleHooks): void {
  const metricPath: Path = ['gates', 'fairness', 'metric'];
  const problem = hooks.metricProblem(task, f.metric, formatPath(metricPath));
  if (problem) add(metricPath, 'value', problem);
  const info = metricInfo(task, f.metric);
  if (info && f.max_gap_increase !== undefined && (info.kind !== 'confusion' || task !== 'binary')) {
    add(
      ['gates', 'fairness', 'max_gap_increase'],
      'key',
      `gates.fairness.max_gap_increase needs a binary confusion-matrix metric (tpr, fpr, precision, selection_rate, …) for its interval, not ${task} ${f.metric}; change the metric or remove max_gap_increase`
    );
  }
}

function operationsProblems(raw: RawFamilies, ops: RawOperations, add: Add): void {
  const base: Path = ['gates', 'operations'];
  const configured = OPERATIONS_KEYS.filter((k) => ops[k] !== undefined);
  if (configured.length === 0) {
    add(base, 'key', `gates.operations has nothing to check; add ${OPERATIONS_KEYS.join(', ')} with max_value or max_relative_increase`);
    return;
  }
  for (const k of configured) {
    const limit = ops[k]!;
    const path: Path = [...base, k];
    if (limit.max_value === undefined && limit.max_relative_increase === undefined) {
      add(path, 'key', `${formatPath(path)} has nothing to check; add max_value or max_relative_increase`);
    } else if (limit.upper_confidence_bound && limit.max_value === undefined) {
      add(
        [...path, 'upper_confidence_bound'],
        'key',
        `${formatPath(path)}.upper_confidence_bound applies to max_value, which is not set; add max_value or remove upper_confidence_bound`
      );
    }
  }
  if (configured.some((k) => k !== 'model_size_mb') && raw.artifacts?.operations === undefined) {
    add(base, 'key', 'gates.operations checks the load test but artifacts.operations is not set; add the path of the load-test JSON');
  }
  if (ops.model_size_mb !== undefined && raw.artifacts?.model === undefined) {
    add([...base, 'model_size_mb'], 'key', 'gates.operations.model_size_mb needs artifacts.model; add the path of the model file or directory');
  }
}

function dataProblems(raw: RawFamilies, d: RawData, add: Add): void {
  const base: Path = ['gates', 'data'];
  const schema = d.schema;
  const schemaChecks = !!schema && (schema.from_reference === true || schema.columns !== undefined);
  const drift = d.drift_psi_max !== undefined || d.drift_psi_quantile !== undefined;
  if (d.missingness_max === undefined && !drift && !schemaChecks && d.freshness === undefined) {
    add(base, 'key', 'gates.data has nothing to check; add missingness_max, drift_psi_max, drift_psi_quantile, schema or freshness');
  }
  if (schema && !schemaChecks) {
    add([...base, 'schema'], 'key', 'gates.data.schema checks nothing; set from_reference: true or list columns');
  }
  if (d.drift_psi_max !== undefined && d.drift_psi_quantile !== undefined) {
    add(
      [...base, 'drift_psi_quantile'],
      'key',
      'gates.data sets both drift_psi_max and drift_psi_quantile; keep one (a fixed threshold, or one set from the sample sizes)'
    );
  }
  const ignored = new Set(d.ignore_columns ?? []);
  (d.columns ?? []).forEach((c, i) => {
    if (ignored.has(c)) {
      add([...base, 'columns', i], 'value', `column "${c}" is in both gates.data.columns and gates.data.ignore_columns; keep it in one`);
    }
  });
  for (const [column, spec] of Object.entries(schema?.columns ?? {})) {
    const path: Path = [...base, 'schema', 'columns', column];
    const at = formatPath(path);
    const numeric = spec.type === undefined || spec.type === 'number' || spec.type === 'integer';
    for (const bound of ['min', 'max'] as const) {
      if (spec[bound] !== undefined && !numeric) {
        add([...path, bound], 'key', `${at}.${bound} applies to numbers but the type is ${spec.type}; remove ${bound} or change the type`);
      }
    }
    if (spec.min !== undefined && spec.max !== undefined && spec.min > spec.max) {
      add([...path, 'max'], 'value', `${at} has min ${spec.min} above max ${spec.max}; no value can pass`);
    }
    if (spec.type === undefined && spec.min === undefined && spec.max === undefined && spec.allowed === undefined && spec.required === false) {
      add(path, 'key', `${at} checks nothing; add type, min, max or allowed, or remove the column`);
    }
  }
  const needsReference = drift || schema?.from_reference === true;
  const missing: string[] = [];
  if (needsReference && raw.artifacts?.data?.reference === undefined) missing.push('artifacts.data.reference');
  if (raw.artifacts?.data?.current === undefined) missing.push('artifacts.data.current');
  if (missing.length > 0) {
    add(base, 'key', `gates.data needs ${missing.join(' and ')}; add the path${missing.length > 1 ? 's' : ''} of the table${missing.length > 1 ? 's' : ''}`);
  }
}

function costProblems(raw: RawFamilies, c: RawCost, add: Add): void {
  const base: Path = ['gates', 'cost'];
  if (c.max_cost_per_useful_outcome === undefined && c.max_relative_increase === undefined) {
    add(base, 'key', 'gates.cost has nothing to check; add max_cost_per_useful_outcome or max_relative_increase');
  }
  if (raw.artifacts?.cost === undefined) {
    add(base, 'key', 'gates.cost needs artifacts.cost; add the path of the cost JSON');
  }
}

/** `where` with its values as sorted text lists, keys sorted: the same selection gives the same object. */
function canonicalWhere(where: RawSegment['where']): Record<string, string[]> | null {
  if (!where) return null;
  const out: Record<string, string[]> = {};
  // Values as segments match them (canonicalKey: `1` and `"1.0"` select the same rows).
  for (const key of Object.keys(where).sort()) out[key] = [...new Set(toTexts(where[key]).map(canonicalKey))].sort();
  return out;
}

function toTexts(v: Scalar | Scalar[]): string[] {
  return (Array.isArray(v) ? v : [v]).map(String);
}

/** The typed family config; call only when there are no problems. */
export function buildFamilies(
  raw: RawFamilies,
  toCheck: (metric: string, c: RawCheck, key: string) => MetricCheckSpec
): Omit<GateConfig['gates'], 'performance'> {
  const g = raw.gates;
  const out: Omit<GateConfig['gates'], 'performance'> = {};
  if (g.segments) {
    out.segments = g.segments.map((s, i): SegmentCheckSpec => {
      const spec: SegmentCheckSpec = { ...toCheck(s.metric, s, `gates.segments[${i}]`), name: s.name };
      if (s.where) {
        spec.where = {};
        for (const [column, v] of Object.entries(s.where)) spec.where[column] = toTexts(v);
      }
      if (s.min_samples !== undefined) spec.min_samples = s.min_samples;
      return spec;
    });
  }
  if (g.fairness) {
    const f = g.fairness;
    const gate: FairnessGate = {
      metric: f.metric,
      max_group_gap: f.max_group_gap,
      groups: [...f.groups],
      min_group_samples: f.min_group_samples ?? 0
    };
    if (f.max_gap_increase !== undefined) gate.max_gap_increase = f.max_gap_increase;
    out.fairness = gate;
  }
  if (g.operations) {
    const ops = g.operations;
    const checks: OperationsLimit[] = [];
    for (const key of OPERATIONS_KEYS) {
      const l = ops[key];
      if (!l) continue;
      const limit: OperationsLimit = { key };
      if (l.max_value !== undefined) limit.max_value = l.max_value;
      if (l.max_relative_increase !== undefined) limit.max_relative_increase = l.max_relative_increase;
      if (l.upper_confidence_bound) limit.upper_confidence_bound = true;
      checks.push(limit);
    }
    out.operations = { checks, min_requests: ops.min_requests ?? 0 } satisfies OperationsGate;
  }
  if (g.data) {
    const d = g.data;
    const gate: DataGate = { ignore_columns: [...(d.ignore_columns ?? [])] };
    if (d.missingness_max !== undefined) gate.missingness_max = d.missingness_max;
    if (d.drift_psi_max !== undefined) gate.drift_psi_max = d.drift_psi_max;
    if (d.drift_psi_quantile !== undefined) gate.drift_psi_quantile = d.drift_psi_quantile;
    if (d.columns) gate.columns = [...d.columns];
    if (d.freshness) gate.freshness = { column: d.freshness.column, max_age_hours: d.freshness.max_age_hours };
    if (d.schema) {
      const schema: DataSchema = { from_reference: d.schema.from_reference ?? false, columns: {} };
      for (const [column, c] of Object.entries(d.schema.columns ?? {})) {
        const spec: ColumnSchema = { required: c.required ?? true };
        if (c.type !== undefined) spec.type = c.type;
        if (c.min !== undefined) spec.min = c.min;
        if (c.max !== undefined) spec.max = c.max;
        if (c.allowed !== undefined) spec.allowed = c.allowed.map(String);
        schema.columns[column] = spec;
      }
      gate.schema = schema;
    }
    out.data = gate;
  }
  if (g.cost) {
    const cost: CostGate = {};
    if (g.cost.max_cost_per_useful_outcome !== undefined) cost.max_cost_per_useful_outcome = g.cost.max_cost_per_useful_outcome;
    if (g.cost.max_relative_increase !== undefined) cost.max_relative_increase = g.cost.max_relative_increase;
    out.cost = cost;
  }
  if (g.robustness) {
    out.robustness = {
      suites: g.robustness.suites.map((x) => ({ ...x, min_cases: x.min_cases ?? 0 }))
    } satisfies RobustnessGate;
  }
  if (g.observability) {
    const o = g.observability;
    const gate: ObservabilityGate = {
      alert_rules: [...o.alert_rules],
      slos: (o.slos ?? []).map((x) => ({ ...x })),
      burn_rate_windows: (o.burn_rate_windows ?? DEFAULT_BURN_RATE_WINDOWS).map((w) => ({ ...w })),
      require_labels: [...(o.require_labels ?? ['severity', 'owner'])],
      require_annotations: [...(o.require_annotations ?? ['runbook_url'])]
    };
    if (o.logs) gate.logs = { path: o.logs.path, trace_field: o.logs.trace_field ?? 'trace_id', min_coverage: o.logs.min_coverage };
    out.observability = gate;
  }
  if (g.rollback) {
    const r = g.rollback;
    const gate: RollbackGate = {
      drill: r.drill,
      max_drill_age_days: r.max_drill_age_days ?? 90,
      required_components: [...(r.required_components ?? DEFAULT_ROLLBACK_COMPONENTS)]
    };
    if (r.max_rto_seconds !== undefined) gate.max_rto_seconds = r.max_rto_seconds;
    out.rollback = gate;
  }
  return out;
}

/**
 * Why `metric` cannot be used under `task` (unknown for the task, or not implemented), or undefined when it can.
 * The same sentences as for performance checks.
 */
export function metricProblem(
  task: Task,
  metric: string,
  where: string,
  notYet: string,
  taskSupported: boolean
): string | undefined {
  const info = metricInfo(task, metric);
  const names = metricNames(task);
  if (!info) {
    return `metric "${metric}" at ${where} does not fit task ${task}; ${task} metrics are: ${names.join(', ')}${didYouMean(metric, names)}`;
  }
  if (!info.implemented && taskSupported) {
    const implemented = names.filter((m) => metricInfo(task, m)?.implemented);
    return `metric "${metric}" at ${where} ${notYet}; supported ${task} metrics are: ${implemented.join(', ')}`;
  }
  return undefined;
}
