/**
 * The published JSON Schema: identical to the TS source, valid draft-07 that ajv compiles in strict mode,
 * self-describing for editors, closed everywhere, and accepting the docs/config.md example.
 *
 * To regenerate schema/model-gate.schema.json after changing src/config/schema.ts:
 *   UPDATE_SCHEMA=1 npm test -- __tests__/config/schema
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { CONFIG_SCHEMA_FILE, CONFIG_SCHEMA_ID, type SchemaNode, configSchema, configSchemaText } from '../../src/config/schema.js';
import { AJV_OPTIONS, configValidator } from '../../src/config/validate.js';
import { allMetricNames } from '../../src/stats/catalog.js';
import { GATE_FAMILIES } from '../../src/config/types.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const publishedPath = join(root, CONFIG_SCHEMA_FILE);

if (process.env.UPDATE_SCHEMA === '1') writeFileSync(publishedPath, configSchemaText());

/** Every (JSON-pointer-ish path, schema node) pair, depth first. */
function walk(node: SchemaNode, path = '#', out: Array<[string, SchemaNode]> = []): Array<[string, SchemaNode]> {
  out.push([path, node]);
  for (const [k, v] of Object.entries(node.properties ?? {})) walk(v, `${path}/properties/${k}`, out);
  if (node.items) walk(node.items, `${path}/items`, out);
  if (node.additionalProperties && typeof node.additionalProperties === 'object') {
    walk(node.additionalProperties, `${path}/additionalProperties`, out);
  }
  return out;
}

describe('published schema file', () => {
  test('schema/model-gate.schema.json is byte-identical to src/config/schema.ts (run with UPDATE_SCHEMA=1 to regenerate)', () => {
    expect(readFileSync(publishedPath, 'utf8')).toBe(configSchemaText());
  });

  test('the published file parses to the same object and carries $id and draft-07 $schema', () => {
    const published = JSON.parse(readFileSync(publishedPath, 'utf8')) as SchemaNode;
    expect(published).toEqual(configSchema);
    expect(published.$id).toBe(CONFIG_SCHEMA_ID);
    expect(published.$id).toMatch(/^https:\/\/.+\/schema\/model-gate\.schema\.json$/);
    expect(published.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });
});

describe('schema shape', () => {
  test('compiles in ajv strict mode (meta-schema validated) with the published file', () => {
    const published = JSON.parse(readFileSync(publishedPath, 'utf8')) as Record<string, unknown>;
    const ajv = new Ajv({ strict: true, allowUnionTypes: true, validateSchema: true });
    expect(ajv.validateSchema(published)).toBe(true);
    expect(() => ajv.compile(published)).not.toThrow();
    // Strict mode really is on: an unknown keyword is refused.
    expect(() => new Ajv({ strict: true }).compile({ type: 'object', descripton: 'typo' })).toThrow(/unknown keyword/);
    expect(AJV_OPTIONS.strict).toBe(true);
    expect(typeof configValidator()).toBe('function');
  });

  test('every property and list item has a description', () => {
    const missing = walk(configSchema)
      .filter(([p, n]) => p !== '#' && (typeof n.description !== 'string' || n.description.length < 10))
      .map(([p]) => p);
    expect(missing).toEqual([]);
  });

  test('every mapping is closed (additionalProperties: false), except the user-named columns of `where` and of the data schema', () => {
    const open = walk(configSchema)
      .filter(([, n]) => n.type === 'object' && n.additionalProperties !== false)
      .map(([p]) => p);
    expect(open).toEqual([
      '#/properties/gates/properties/segments/items/properties/where',
      '#/properties/gates/properties/data/properties/schema/properties/columns'
    ]);
  });

  test('covers every key of docs/config.md plus metric_options, columns.score_prefix and rule', () => {
    const keys = new Set(walk(configSchema).map(([p]) => p.replace(/\/properties\//g, '.').replace(/^#\.?/, '')));
    for (const k of [
      'version', 'task', 'artifacts.candidate', 'artifacts.champion', 'artifacts.operations',
      'artifacts.champion_operations', 'artifacts.model', 'artifacts.data.reference', 'artifacts.data.current',
      'artifacts.cost', 'artifacts.champion_cost', 'columns.id', 'columns.label', 'columns.score',
      'columns.prediction', 'columns.segment', 'columns.score_prefix', 'threshold', 'positive_label',
      'metric_options.net_benefit.tp', 'gates.performance.primary_metric', 'gates.performance.compare_to',
      'gates.performance.relative_drop_allowed', 'gates.performance.absolute_drop_allowed', 'gates.performance.rule',
      'gates.performance.min_improvement_for_auto_merge', 'gates.performance.min_value', 'gates.performance.max_value',
      'gates.performance.metrics/items.metric', 'gates.performance.metrics/items.rule', 'gates.ci.method',
      'gates.ci.confidence_level', 'gates.ci.min_eval_samples', 'gates.ci.resamples', 'gates.ci.seed',
      'gates.segments/items.name', 'gates.segments/items.where', 'gates.segments/items.min_samples',
      'gates.segments/items.absolute_drop_allowed', 'gates.fairness.metric', 'gates.fairness.max_group_gap',
      'gates.fairness.groups', 'gates.fairness.min_group_samples', 'gates.operations.latency_p95_ms.max_value',
      'gates.operations.latency_p99_ms', 'gates.operations.error_rate', 'gates.operations.model_size_mb',
      'gates.operations.min_requests', 'gates.data.missingness_max', 'gates.data.drift_psi_max',
      'gates.cost.max_cost_per_useful_outcome', 'gates.cost.max_relative_increase', 'policy.hard_fail',
      'policy.soft_fail', 'policy.require_manual_approval_on_soft_fail', 'policy.waiver_label'
    ]) {
      expect([k, keys.has(k)]).toEqual([k, true]);
    }
  });

  test('enums and ranges', () => {
    const p = configSchema.properties!;
    const gates = p.gates!.properties!;
    expect(p.task!.enum).toEqual(['binary', 'multiclass', 'regression', 'ranking', 'score']);
    expect(gates.performance!.properties!.rule!.enum).toEqual(['non_inferior', 'strictly_better', 'superior', 'equivalent']);
    expect(gates.performance!.properties!.compare_to!.enum).toEqual(['champion']);
    // Metric names are a pattern: every plain name, and the ranking metrics with any cut-off K ≥ 1.
    const names = new RegExp(gates.performance!.properties!.primary_metric!.pattern!);
    for (const name of allMetricNames().filter((m) => !m.endsWith('@K'))) expect([name, names.test(name)]).toEqual([name, true]);
    for (const name of ['ndcg@10', 'recall@1', 'precision@5', 'mrr@100', 'map@20']) expect([name, names.test(name)]).toEqual([name, true]);
    for (const name of ['ndcg', 'ndcg@0', 'ndcg@K', 'ndcg@-1', 'f1@10', 'foo', 'ndcg@10 ']) expect([name, names.test(name)]).toEqual([name, false]);
    expect(gates.ci!.properties!.method!.enum).toEqual(['auto', 'bootstrap', 'analytic']);
    expect(gates.ci!.properties!.confidence_level).toMatchObject({ exclusiveMinimum: 0, exclusiveMaximum: 1 });
    expect(gates.ci!.properties!.resamples).toMatchObject({ type: 'integer', minimum: 1 });
    expect(gates.performance!.properties!.absolute_drop_allowed).toMatchObject({ minimum: 0 });
    expect(gates.performance!.properties!.relative_drop_allowed).toMatchObject({ minimum: 0 });
    expect(p.policy!.properties!.hard_fail!.items!.enum).toEqual([...GATE_FAMILIES]);
    expect(p.version).toMatchObject({ const: 1 });
    expect(configSchema.required).toEqual(['version', 'task', 'gates']);
  });
});

describe('schema verdicts', () => {
  const validate = configValidator();
  const example = parse(readFileSync(join(here, 'fixtures', 'spec-example.yml'), 'utf8')) as Record<string, unknown>;

  test('the full docs/config.md example passes the schema', () => {
    expect(validate(example)).toBe(true);
    expect(validate.errors ?? null).toBeNull();
  });

  test.each([
    ['confidence_level 1', { ci: { confidence_level: 1 } }],
    ['confidence_level 0', { ci: { confidence_level: 0 } }],
    ['resamples 0', { ci: { resamples: 0 } }],
    ['resamples 1.5', { ci: { resamples: 1.5 } }],
    ['negative margin', { performance: { primary_metric: 'f1', absolute_drop_allowed: -0.1 } }],
    ['unknown rule', { performance: { primary_metric: 'f1', rule: 'better' } }],
    ['compare_to other', { performance: { primary_metric: 'f1', compare_to: 'baseline' } }],
    ['infinite threshold', { threshold: Infinity }],
    ['unknown gate key', { perf: {} }]
  ])('rejects %s', (_name, change) => {
    const { threshold, ...gatesChange } = change as Record<string, unknown>;
    const cfg = {
      version: 1,
      task: 'binary',
      gates: { performance: { primary_metric: 'f1', min_value: 0.1 }, ...gatesChange },
      ...(threshold !== undefined ? { threshold } : {})
    };
    expect(validate(cfg)).toBe(false);
  });

  test('accepts a minimal config and positive_label of any scalar type', () => {
    for (const positive_label of [1, 'yes', true]) {
      expect(validate({ version: 1, task: 'binary', positive_label, gates: { performance: { primary_metric: 'f1', min_value: 0.1 } } })).toBe(true);
    }
  });
});
