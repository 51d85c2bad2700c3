/**
 * Schema validation of the config data with ajv, and the translation of ajv's errors into problems a user can
 * act on: the key path, what was expected, what was found, and a "did you mean" hint for near misses.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { allMetricNames, metricNames, type Task } from '../stats/catalog.js';
import type { Problem } from './problems.js';
import { type SchemaNode, configSchema } from './schema.js';
import validateCanaryGenerated from './generated/canary-validator.js';
import validateConfigGenerated from './generated/config-validator.js';
import { type Path, type PathSegment, formatPath } from './source.js';
import { didYouMean } from './suggest.js';
import { GATE_FAMILIES } from './types.js';

/** ajv options the loader uses; strict mode, with union types (`positive_label`, `where` values) allowed. */
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: true, allowUnionTypes: true } as const;

/**
 * The config validator: Ajv standalone code generated from the schema with AJV_OPTIONS
 * (scripts/validator/generate.mjs, run by `npm run package`), so no schema is compiled at start.
 * __tests__/config/validator.test.ts checks it is current and accepts and rejects exactly as the compiled schema.
 */
export function configValidator(): ValidateFunction {
  return validateConfigGenerated as unknown as ValidateFunction;
}

/** The canary stage reads only `canary`: the same schema with `canary` required instead of task and gates. */
function canaryValidator(): ValidateFunction {
  return validateCanaryGenerated as unknown as ValidateFunction;
}

const TASKS: readonly string[] = ['binary', 'multiclass', 'regression', 'ranking', 'score'];

let homes: Map<string, string[]> | undefined;

/** Where each key of the schema may be written (`ci` → [`gates.ci`]); list items shown as `[]`. */
function keyHomes(): Map<string, string[]> {
  if (homes) return homes;
  const found = new Map<string, string[]>();
  const walk = (node: SchemaNode, at: string) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const here = at === '' ? key : `${at}.${key}`;
      found.set(key, [...(found.get(key) ?? []), here]);
      walk(child, here);
    }
    if (node.items) walk(node.items, `${at}[]`);
  };
  walk(configSchema, '');
  homes = found;
  return found;
}

/** What to add when a required key is missing. */
const REQUIRED_HINTS: Record<string, string> = {
  version: 'add "version: 1"',
  task: 'add "task: binary" (or multiclass, regression)',
  gates: 'add a "gates:" mapping with at least one gate, for example gates.performance',
  primary_metric: 'add "primary_metric: <metric>", the metric the gate is decided on',
  metric: 'add "metric: <metric>"',
  name: 'add "name: <segment name>"',
  canary: 'add a "canary:" section (source, rollout, compare) for the canary stage'
};

/** Validate `value` against the schema; returns the problems (none when valid). */
export function schemaProblems(value: unknown, stage: 'offline' | 'canary' = 'offline'): Problem[] {
  const validate = stage === 'canary' ? canaryValidator() : configValidator();
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  const task = taskOf(value);

  // A value of the wrong type makes its other errors (enum, range) noise.
  const typeErrorAt = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  // A misspelt required key shows up twice: as unknown key (with the hint) and as missing key. Keep the first.
  // Likewise a YAML merge key (<<) hides the keys it would have merged.
  const hinted = new Set<string>();
  const merged = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties') continue;
    const key = String((e.params as { additionalProperty: string }).additionalProperty);
    if (key === '<<') merged.add(e.instancePath);
    const hint = didYouMean(key, Object.keys((e.parentSchema as SchemaNode).properties ?? {}));
    if (hint) hinted.add(`${e.instancePath}\0${hint}`);
  }

  const problems: Problem[] = [];
  for (const e of errors) {
    if (e.keyword !== 'type' && typeErrorAt.has(e.instancePath)) continue;
    if (e.keyword === 'propertyNames') continue; // its inner error (with propertyName) says it better
    if (e.keyword === 'required') {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      if (merged.has(e.instancePath) || hinted.has(`${e.instancePath}\0; did you mean "${missing}"?`)) continue;
    }
    problems.push(translate(e, toPath(value, e.instancePath), task));
  }
  return problems;
}

function taskOf(value: unknown): Task | undefined {
  const t = (value as { task?: unknown } | null)?.task;
  return typeof t === 'string' && TASKS.includes(t) ? (t as Task) : undefined;
}

/** JSON pointer → key path, with list indexes as numbers. */
function toPath(root: unknown, pointer: string): Path {
  if (pointer === '') return [];
  const path: PathSegment[] = [];
  let node = root;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      path.push(Number(seg));
      node = node[Number(seg)];
    } else {
      path.push(seg);
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
    }
  }
  return path;
}

/** `at gates.performance` / `at the top level`. */
function at(path: Path): string {
  return path.length === 0 ? 'at the top level' : `at ${formatPath(path)}`;
}

/** The name of the entry at `path` in a message; the whole config at the top. */
function subject(path: Path): string {
  return path.length === 0 ? 'the config' : formatPath(path);
}

/** A string in double quotes, cut at 40 characters so a message stays one readable line. */
function quote(s: string): string {
  return JSON.stringify(s.length > 40 ? s.slice(0, 40) + '…' : s);
}

/** What a value is, for "found …". Non-finite numbers as YAML writes them. */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'an empty value';
  if (typeof v === 'string') return `the text ${quote(v)}`;
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return '.nan';
    if (v === Infinity) return '.inf';
    if (v === -Infinity) return '-.inf';
    return String(v);
  }
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return 'a list';
  return 'a mapping';
}

/** A value as written in a "must be one of" list, or as a found value: strings quoted. */
function show(v: unknown): string {
  return typeof v === 'string' ? quote(v) : describeValue(v);
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'empty'
};

function joinOr(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/**
 * The hint after an unknown metric name. A ranking metric carries its cut-off (`ndcg@10`): a known name with a
 * bad K says what K may be, and a misspelt name keeps the user's K in the suggestion (`ndgc@10` → `ndcg@10`).
 */
function metricHint(found: string, names: readonly string[]): string {
  const cut = /^([^@]+)@(.*)$/.exec(found);
  const bases = names.filter((n) => n.endsWith('@K')).map((n) => n.slice(0, -2));
  if (cut && bases.length > 0) {
    const [, base, k] = cut;
    if (bases.includes(base!)) return `; the cut-off K in ${base}@K is a whole number from 1, such as ${base}@10`;
    return didYouMean(found, bases.map((b) => `${b}@${k}`));
  }
  return didYouMean(found, names);
}

function typeMessage(path: Path, expected: string[], data: unknown): string {
  const numeric = expected.includes('number') || expected.includes('integer');
  if (path.length === 0) {
    return `the config must be a mapping of keys (version, task, gates, …); found ${describeValue(data)}`;
  }
  if (numeric && typeof data === 'number' && !Number.isFinite(data)) {
    return `${formatPath(path)} must be a finite number; found ${describeValue(data)}`;
  }
  const names = expected.map((t) => (t === 'boolean' && expected.length > 1 ? 'true/false' : (TYPE_NAMES[t] ?? t)));
  let hint = '';
  if (numeric && typeof data === 'string' && data.trim() !== '' && Number.isFinite(Number(data))) {
    hint = '; remove the quotes';
  } else if (expected.length === 1 && expected[0] === 'string' && (typeof data === 'number' || typeof data === 'boolean')) {
    hint = `; put it in quotes ("${String(data)}") if it is meant as text`;
  }
  return `${formatPath(path)} must be ${joinOr(names)}; found ${describeValue(data)}${hint}`;
}

function rangeText(s: SchemaNode): string {
  const lo =
    s.minimum !== undefined ? { n: s.minimum, open: false } : s.exclusiveMinimum !== undefined ? { n: s.exclusiveMinimum, open: true } : undefined;
  const hi =
    s.maximum !== undefined ? { n: s.maximum, open: false } : s.exclusiveMaximum !== undefined ? { n: s.exclusiveMaximum, open: true } : undefined;
  if (lo && hi && !lo.open && !hi.open) return `between ${lo.n} and ${hi.n}`;
  const parts: string[] = [];
  if (lo) parts.push(lo.open ? `greater than ${lo.n}` : `at least ${lo.n}`);
  if (hi) parts.push(hi.open ? `less than ${hi.n}` : `at most ${hi.n}`);
  return parts.join(' and ');
}

function rangeHint(path: Path, data: unknown): string {
  const last = path[path.length - 1];
  if (last === 'confidence_level' && typeof data === 'number' && data >= 50 && data < 100) {
    return `; write it as a fraction (${data} % is ${data / 100})`;
  }
  if (typeof last === 'string' && /_allowed$|_max$|^max_/.test(last) && typeof data === 'number' && data < 0) {
    return '; write the allowance as a positive number';
  }
  return '';
}

/** `"1%"` where a number is expected: margins and rates are fractions, so say which one. */
function percentHint(expected: string[], data: unknown): string {
  if (!expected.includes('number') || typeof data !== 'string') return '';
  const m = /^\s*([-+]?\d+(?:\.\d+)?)\s*%\s*$/.exec(data);
  if (!m) return '';
  const fraction = Number((Number(m[1]) / 100).toPrecision(12));
  return `; rates and margins are fractions: write ${m[1]}% as ${fraction}`;
}

function translate(e: ErrorObject, path: Path, task: Task | undefined): Problem {
  const parent = (e.parentSchema ?? {}) as SchemaNode;
  const last = path[path.length - 1];
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      if (key === '<<') {
        return {
          path: [...path, key],
          at: 'key',
          message: `YAML merge keys (<<) are not supported ${at(path)}; write the keys out`
        };
      }
      const allowed = Object.keys(parent.properties ?? {});
      // A near miss here first; else the one other place the key belongs (`ci` at the top → gates.ci).
      const elsewhere = keyHomes().get(key) ?? [];
      const hint =
        didYouMean(key, allowed) ||
        (elsewhere.length === 1 ? `; it belongs at ${elsewhere[0]}` : `; allowed keys are: ${allowed.join(', ')}`);
      return { path: [...path, key], at: 'key', message: `unknown key ${quote(key)} ${at(path)}${hint}` };
    }
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      const hint = REQUIRED_HINTS[missing] ?? 'add it';
      return { path, at: 'key', message: `${subject(path)} is missing the required key "${missing}"; ${hint}` };
    }
    case 'type': {
      const t = (e.params as { type: string | string[] }).type;
      const expected = Array.isArray(t) ? t : String(t).split(',');
      return { path, at: 'value', message: typeMessage(path, expected, e.data) + percentHint(expected, e.data) };
    }
    case 'pattern': {
      // The metric names are a pattern (ranking metrics carry their cut-off: ndcg@10); no other key has one.
      const found = e.data;
      const names = task ? metricNames(task) : allMetricNames();
      const which = task ? `${task} metrics` : 'metrics';
      return {
        path,
        at: 'value',
        message: `unknown metric ${quote(String(found))} at ${formatPath(path)}; ${which} are: ${names.join(', ')}${typeof found === 'string' ? metricHint(found, names) : ''}`
      };
    }
    case 'enum': {
      const allowed = (e.schema as readonly unknown[]).map(String);
      const found = e.data;
      const hint = typeof found === 'string' ? didYouMean(found, allowed) : '';
      if ((last === 'metric' || last === 'primary_metric') && typeof found === 'string') {
        const names = task ? metricNames(task) : allMetricNames();
        const which = task ? `${task} metrics` : 'metrics';
        return {
          path,
          at: 'value',
          message: `unknown metric ${quote(found)} at ${formatPath(path)}; ${which} are: ${names.join(', ')}${didYouMean(found, names)}`
        };
      }
      if (typeof last === 'number' && path[0] === 'policy' && typeof found === 'string') {
        return {
          path,
          at: 'value',
          message: `${formatPath(path)} ${quote(found)} is not a gate; gates are: ${GATE_FAMILIES.join(', ')}${hint}`
        };
      }
      return {
        path,
        at: 'value',
        message: `${formatPath(path)} must be one of ${allowed.join(', ')}; found ${show(found)}${hint}`
      };
    }
    case 'const':
      return {
        path,
        at: 'value',
        message: `${formatPath(path)} must be ${show(e.schema)}; found ${show(e.data)}${
          last === 'version' ? ' (this model-gate reads config version 1)' : ''
        }`
      };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        path,
        at: 'value',
        message: `${formatPath(path)} must be ${rangeText(parent)}; found ${describeValue(e.data)}${rangeHint(path, e.data)}`
      };
    case 'minLength': {
      if (e.propertyName !== undefined) {
        return { path, at: 'key', message: `${formatPath(path)} has an empty column name; name the column` };
      }
      return { path, at: 'value', message: `${formatPath(path)} must not be empty` };
    }
    case 'minItems':
      return { path, at: 'value', message: `${formatPath(path)} must not be an empty list` };
    case 'minProperties':
      return { path, at: 'value', message: `${formatPath(path)} must name at least one column` };
    case 'uniqueItems': {
      const { i, j } = e.params as { i: number; j: number };
      const later = Math.max(i, j);
      const item = (e.data as unknown[])[later];
      return {
        path: [...path, later],
        at: 'value',
        message: `${formatPath(path)} lists ${show(item)} twice; list it once`
      };
    }
    default:
      return { path, at: 'value', message: `${subject(path)} ${e.message ?? 'is not valid'}` };
  }
}
