/**
 * The gate families' edge cases, on small hand-made data whose answers can be counted by hand: row subsets,
 * segment selection, fairness groups without a defined metric, the load-test formats' mistakes, PSI corners,
 * schema checks, cost mistakes and the release card. The golden numbers are in __tests__/golden/families.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/config/load.js';
import type { GateConfig } from '../../src/config/types.js';
import { costChecks } from '../../src/core/families/cost.js';
import { parseCost } from '../../src/readers/artifacts/cost-facts.js';
import type { PairedData } from '../../src/readers/paired-data.js';
import { evaluate } from '../../src/core/evaluate.js';
import { releaseId } from '../../src/core/release-card.js';
import { subsetRows } from '../../src/readers/subset.js';
import { dataChecks } from '../../src/core/families/data.js';
import { isMissing, MAX_DISTINCT_TEXTS, profileTable } from '../../src/readers/artifacts/profile.js';
import { binIndex, categoricalPsi, decileEdges, numericPsi } from '../../src/stats/psi.js';
import { psiNoDriftQuantile } from '../../src/stats/psi-threshold.js';
import { GateError } from '../../src/base/errors.js';
import { readJsonFile } from '../../src/readers/files/json-file.js';
import { digest, writeReleaseCard } from '../../src/gate/release-card.js';
import { buildReleaseCard } from '../../src/core/release-card.js';
import { readFileSync } from 'node:fs';
import { operationsChecks } from '../../src/core/families/operations.js';
import { clopperPearson } from '../../src/stats/error-rate.js';
import { parseOperations } from '../../src/readers/artifacts/operations-parse.js';
import { textColumns, textsOf } from '../../src/readers/text-column.js';

const HEAD = 'version: 1\ntask: binary\n';
const cfg = (yaml: string): GateConfig => parseConfig(HEAD + yaml, 'gate.yml');

function errorOf(f: () => unknown): GateError {
  try {
    f();
  } catch (e) {
    if (e instanceof GateError) return e;
    throw e;
  }
  throw new Error('expected a GateError');
}

/**
 * n rows: label = i % 2; candidate right except every 5th row, champion right except every 4th and row 1 (so
 * the two differ even on 2 rows: identical predictions are a self-comparison error); text columns given.
 */
function paired(n: number, extra: Record<string, string[]>, champion = true): PairedData {
  const label = new Uint8Array(n);
  const cand = new Uint8Array(n);
  const champ = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    label[i] = i % 2;
    cand[i] = i % 5 === 0 ? 1 - label[i] : label[i];
    champ[i] = i % 4 === 0 || i === 1 ? 1 - label[i] : label[i];
  }
  return {
    n,
    label,
    extra: textColumns(extra),
    fingerprint: 'sha256:x',
    candidate: { file: 'c.csv', prediction: cand, score: Float64Array.from(cand, (p) => (p ? 0.8 : 0.2)) },
    champion: champion ? { file: 'h.csv', prediction: champ } : undefined
  };
}

describe('subsetRows', () => {
  test('copies every per-row field, k-per-row arrays row-major, extra texts; keeps the rest', () => {
    const data = {
      ...paired(4, { seg: ['a', 'b', 'c', 'd'] }),
      classes: ['x', 'y', 'z', 'w'], // as many classes as rows: still not per-row
      labelClass: Uint32Array.from([0, 1, 2, 3])
    } as PairedData & { classes: string[]; labelClass: Uint32Array };
    data.candidate.proba = Float64Array.from([0, 0.1, 1, 1.1, 2, 2.1, 3, 3.1]);
    const sub = subsetRows(data, Uint32Array.from([3, 1])) as typeof data;
    expect(sub.n).toBe(2);
    expect([...sub.label]).toEqual([1, 1]);
    expect([...sub.candidate.proba!]).toEqual([3, 3.1, 1, 1.1]);
    expect(textsOf(sub.extra.seg!)).toEqual(['d', 'b']);
    expect(sub.classes).toEqual(['x', 'y', 'z', 'w']);
    expect([...sub.labelClass]).toEqual([3, 1]);
    expect([sub.fingerprint, sub.candidate.file]).toEqual(['sha256:x', 'c.csv']);
    expect(data.n).toBe(4); // the original is untouched
    expect(() => subsetRows(data, Uint32Array.from([4]))).toThrow(RangeError);
  });
});

describe('segments', () => {
  const seg = (rows: string) => cfg(`gates:\n  segments:\n${rows}`);

  test('where: all columns must match; values compare canonically (1.0 = 1, TRUE = true, trimmed)', () => {
    const data = paired(6, { plan: ['1', '1.0', ' 1 ', '2', '1', '1'], active: ['TRUE', 'true', 'true', 'true', 'false', 'True'] });
    const r = evaluate(seg('    - { name: p1, where: { plan: 1, active: true }, metric: accuracy, min_value: 0 }\n'), data, { generatedAt: 'T' });
    expect(r.checks[0]).toMatchObject({ gate: 'segments', segment: 'p1', name: 'accuracy', n: 4 });
  });

  test('without where: the rows whose segment column equals the name', () => {
    const data = paired(5, { segment: ['new', 'old', 'new', 'old', 'old'] });
    const r = evaluate(seg('    - { name: old, metric: accuracy, min_value: 0 }\n'), data, { generatedAt: 'T' });
    expect(r.checks[0].n).toBe(3);
  });

  test('a segment that matches no row is an error naming it, its selection and the values found', () => {
    const data = paired(4, { device: ['iOS', 'Android', 'web', 'web'] });
    const e = errorOf(() =>
      evaluate(seg('    - { name: mobile, where: { device: [ios, android] }, metric: f1, min_value: 0.1 }\n'), data, { generatedAt: 'T' })
    );
    expect(e.message).toBe(
      'gate.yml: segment "mobile" (gates.segments[0]) matches no row of c.csv (its where: device in "ios", "android"); ' +
        'device has values "iOS", "Android", "web"; fix the values or remove the segment.'
    );
    expect(e.location).toEqual({ file: 'gate.yml', key: 'gates.segments[0]' });
  });

  test('min_samples, else ci.min_eval_samples, makes a small segment inconclusive', () => {
    const data = paired(10, { segment: Array.from({ length: 10 }, (_, i) => (i < 3 ? 'a' : 'b')) });
    const own = evaluate(seg('    - { name: a, metric: accuracy, min_value: 0, min_samples: 4 }\n'), data, { generatedAt: 'T' });
    expect([own.checks[0].status, own.checks[0].message]).toEqual([
      'inconclusive',
      'only 3 rows, fewer than the min_samples of segment "a" (4): too few to decide'
    ]);
    const inherited = evaluate(cfg('gates:\n  ci: { min_eval_samples: 5 }\n  segments: [{ name: a, metric: accuracy, min_value: 0 }]\n'), data, { generatedAt: 'T' });
    expect(inherited.checks[0].message).toBe('only 3 rows, fewer than ci.min_eval_samples (5): too few to decide');
  });
});

describe('fairness', () => {
  test('a group where the metric is undefined is left out and listed; fewer than two groups is inconclusive', () => {
    // Group "z" has only negatives (rows 0, 2, 4 have label 0): its tpr is undefined, not 0.
    const g = ['z', 'a', 'z', 'b', 'z', 'a', 'b', 'b', 'a', 'a'];
    const data = paired(10, { g });
    const r = evaluate(cfg('gates:\n  fairness: { metric: tpr, max_group_gap: 0.5, groups: [g] }\n'), data, { generatedAt: 'T' });
    const c = r.checks[0];
    expect(c.message).toContain('left out: "z" (n = 3, tpr is undefined: no positives)');
    expect(c.details).toMatchObject({ kind: 'fairness', attribute: 'g' });
    const only = evaluate(cfg('gates:\n  fairness: { metric: tpr, max_group_gap: 0.5, groups: [g], min_group_samples: 4 }\n'), data, { generatedAt: 'T' });
    expect(only.checks[0].status).toBe('inconclusive');
    expect(only.checks[0].candidate).toBeNull();
  });

  test('with columns.cluster, min_group_samples counts the clusters of a group, not its rows', () => {
    // 20 rows a group: p's rows come from 2 clusters, q's from 10; a minimum of 3 leaves p out.
    const g = Array.from({ length: 40 }, (_, i) => (i < 20 ? 'p' : 'q'));
    const data = { ...paired(40, { g }), cluster: Uint32Array.from({ length: 40 }, (_, i) => (i < 20 ? i % 2 : 2 + (i % 10))) };
    const r = evaluate(cfg('gates:\n  fairness: { metric: accuracy, max_group_gap: 1, groups: [g], min_group_samples: 3 }\n'), data, { generatedAt: 'T' });
    expect(r.checks[0].message).toContain('left out: "p" (n = 20, fewer than min_group_samples (3) clusters)');
    const rows = evaluate(cfg('gates:\n  fairness: { metric: accuracy, max_group_gap: 1, groups: [g], min_group_samples: 3 }\n'), paired(40, { g }), { generatedAt: 'T' });
    expect(rows.checks[0].message).not.toContain('left out');
  });

  test('for a lower-is-better metric the best group is the lowest', () => {
    const g = Array.from({ length: 40 }, (_, i) => (i < 20 ? 'p' : 'q'));
    const data = paired(40, { g });
    // Make q's false positives rarer: flip the candidate's wrong predictions on q's negatives.
    for (let i = 20; i < 40; i++) if (data.label[i] === 0) data.candidate.prediction![i] = 0;
    const r = evaluate(cfg('gates:\n  fairness: { metric: fpr, max_group_gap: 1, groups: [g] }\n'), data, { generatedAt: 'T' });
    expect(r.checks[0].details).toMatchObject({ best_group: 'q', worst_group: 'p' });
  });
});

describe('operations', () => {
  const ops = (limits: string, extra = '') =>
    cfg(`artifacts: { operations: o.json${extra} }\ngates:\n  operations: { ${limits} }\n`);

  test('format mistakes name the file and key', () => {
    expect(errorOf(() => parseOperations([1, 2], 'o.json')).message).toMatch(/^o\.json is not a JSON object; a load-test file is /);
    expect(errorOf(() => parseOperations({ p95: 1 }, 'o.json')).message).toMatch(/^o\.json is not a load-test file model-gate knows \(its keys: p95\)/);
    expect(errorOf(() => parseOperations({ latency_ms: [], requests: 1 }, 'o.json')).message).toBe(
      'o.json: latency_ms must be a non-empty array of latencies in milliseconds.'
    );
    expect(errorOf(() => parseOperations({ latency_ms: [1, 'x'] }, 'o.json')).message).toBe('o.json: latency_ms[1] must be a finite number ≥ 0, not "x".');
    expect(errorOf(() => parseOperations({ latency_ms: [1], requests: 5, errors: 6 }, 'o.json')).message).toBe('o.json: errors (6) exceeds requests (5).');
    expect(errorOf(() => parseOperations({ error_rate: 0.5, errors: 1, requests: 10 }, 'o.json')).message).toBe(
      'o.json: error_rate (0.5) disagrees with errors / requests (1 / 10 = 0.1); keep one of them.'
    );
    expect(errorOf(() => parseOperations({ error_rate: 2 }, 'o.json')).message).toBe('o.json: error_rate is a fraction of requests and must be at most 1, not 2.');
    expect(
      errorOf(() =>
        parseOperations({ metrics: { http_reqs: { count: 3 }, http_req_failed: { passes: 5, fails: 0 }, http_req_duration: { med: 1 } } }, 'k6.json')
      ).message
    ).toBe('k6.json: metrics.http_req_failed["passes"] (5) exceeds metrics.http_reqs["count"] (3).');
  });

  test("k6's handleSummary JSON nests its numbers under values", () => {
    const facts = parseOperations(
      {
        metrics: {
          http_req_duration: { type: 'trend', values: { med: 10, 'p(95)': 20 } },
          http_req_failed: { type: 'rate', values: { rate: 0.25, passes: 1, fails: 3 } }
        }
      },
      'k6.json'
    );
    expect(facts).toMatchObject({ format: 'k6', requests: 4, errors: 1, error_rate: 0.25, latency_p50_ms: 10, latency_p95_ms: 20, latency_p99_ms: null });
  });

  test('a quantity the file lacks is an error that says how to get it', () => {
    const k6 = parseOperations({ metrics: { http_req_duration: { med: 1, 'p(95)': 2 }, http_reqs: { count: 9 } } }, 'k6.json');
    expect(errorOf(() => operationsChecks(ops('latency_p99_ms: { max_value: 1 }'), { operations: k6 })).message).toBe(
      'k6.json (candidate, k6 format) has no p99 latency: add metrics.http_req_duration "p(99)" (run k6 with --summary-trend-stats "avg,min,med,max,p(95),p(99)"), or remove gates.operations.latency_p99_ms.'
    );
  });

  test('min_requests: too few requests is inconclusive; an unknown count is an error', () => {
    const few = parseOperations({ latency_ms: [1, 2, 3], requests: 3, errors: 0 }, 'o.json');
    const rows = operationsChecks(ops('latency_p95_ms: { max_value: 10 }, min_requests: 100'), { operations: few });
    expect([rows[0].status, rows[0].message]).toEqual([
      'inconclusive',
      'the candidate load test made only 3 requests, fewer than gates.operations.min_requests (100): too few to decide'
    ]);
    const unknown = parseOperations({ latency_p95_ms: 5 }, 'o.json');
    expect(errorOf(() => operationsChecks(ops('latency_p95_ms: { max_value: 10 }, min_requests: 100'), { operations: unknown })).message).toMatch(
      /^o\.json \(candidate\) does not say how many requests it made/
    );
  });

  test('a relative check without champion_operations is skipped; a champion rate of 0 allows no errors', () => {
    const cand = parseOperations({ latency_ms: [1], requests: 100, errors: 1 }, 'o.json');
    const skipped = operationsChecks(ops('error_rate: { max_relative_increase: 0.5 }'), { operations: cand });
    expect([skipped[0].status, skipped[0].message]).toEqual(['skipped', 'no artifacts.champion_operations configured: comparison skipped']);
    const champ = parseOperations({ latency_ms: [1], requests: 100, errors: 0 }, 'h.json');
    const rows = operationsChecks(ops('error_rate: { max_relative_increase: 0.5 }', ', champion_operations: h.json'), { operations: cand, champion_operations: champ });
    expect([rows[0].status, rows[0].threshold]).toEqual(['fail', 0]);
  });

  test('Clopper–Pearson at the edges: 0 errors and all errors', () => {
    const none = clopperPearson(0, 5000, 0.95);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(1 - Math.pow(0.025, 1 / 5000), 12); // (α/2)^(1/n) closed form
    const all = clopperPearson(10, 10, 0.9);
    expect(all.high).toBe(1);
    expect(all.low).toBeCloseTo(Math.pow(0.05, 1 / 10), 12);
  });
});

describe('data', () => {
  test('missing values are exactly docs/config.md spellings, after trimming', () => {
    expect(['', ' ', 'NA', ' NaN ', 'null'].every(isMissing)).toBe(true);
    expect(['na', 'nan', 'None', 'NULL', '0', '-'].some(isMissing)).toBe(false);
  });

  test('decile edges drop duplicates; a value on an edge falls in that bin; the last bin is open', () => {
    const ref = Float64Array.from([0, 0, 0, 0, 0, 0, 1, 1, 2, 3]);
    // numpy: np.unique(np.quantile(ref, np.arange(1, 10) / 10))
    expect(decileEdges(ref)).toEqual([0, 0.39999999999999947, 1, 1.2000000000000002, 2.0999999999999996]);
    expect([binIndex([0, 1], -5), binIndex([0, 1], 0), binIndex([0, 1], 0.5), binIndex([0, 1], 1), binIndex([0, 1], 7)]).toEqual([0, 0, 1, 1, 2]);
    const same = numericPsi(ref, ref);
    expect(same.psi).toBe(0);
  });

  test('categorical PSI floors a category missing from one table at 1e-4', () => {
    const r = categoricalPsi(new Map([['a', 1]]), new Map([['a', 1], ['b', 1]]));
    const expected = (0.5 - 1) * Math.log(0.5 / 1) + (0.5 - 1e-4) * Math.log(0.5 / 1e-4);
    expect(r.psi).toBeCloseTo(expected, 14);
    expect(r.bins).toBe(2);
  });

  test('one bin: no drift can show, the threshold from the sample sizes is 0', () => {
    expect(psiNoDriftQuantile(10, 10, 1, 0.99)).toBe(0);
  });

  const dataCfg = (gate: string) => cfg(`artifacts: { data: { reference: r.csv, current: c.csv } }\ngates:\n  data: ${gate}\n`);

  test('an identifier-like column has no meaningful PSI: inconclusive with what to do', () => {
    const ids = Array.from({ length: MAX_DISTINCT_TEXTS + 5 }, (_, i) => `u${i}`);
    const reference = profileTable('r.csv', { user: ids });
    const current = profileTable('c.csv', { user: ids });
    const [row] = dataChecks(dataCfg('{ drift_psi_max: 0.2 }'), { reference, current });
    expect([row.name, row.status]).toEqual(['psi:user', 'inconclusive']);
    expect(row.message).toMatch(/more than 1000 distinct values, like an identifier or free text: its PSI means nothing; add it to gates\.data\.ignore_columns$/);
  });

  test('a column missing from the current table fails every check of it; unknown gates.data.columns is an error', () => {
    const reference = profileTable('r.csv', { a: ['1', '2'], b: ['x', 'y'] });
    const current = profileTable('c.csv', { a: ['1', 'NA'] });
    const rows = dataChecks(dataCfg('{ missingness_max: 0.1, drift_psi_max: 0.2, schema: { from_reference: true } }'), { reference, current });
    expect(rows.map((r) => [r.name, r.status, r.candidate])).toEqual([
      ['missingness:a', 'fail', 0.5],
      ['missingness:b', 'fail', null],
      ['psi:a', 'fail', 0.5 * Math.log(2) + (1e-4 - 0.5) * Math.log(1e-4 / 0.5)], // 1 → first bin, 2 → last; current has only 1
      ['psi:b', 'fail', null],
      ['schema:a', 'pass', 0],
      ['schema:b', 'fail', null]
    ]);
    expect(rows[1].message).toBe('the current table c.csv has no column "b" (its columns are a)');
    expect(errorOf(() => dataChecks(dataCfg('{ missingness_max: 0.1, columns: [c] }'), { reference, current })).message).toBe(
      'gates.data.columns names "c", which the reference table r.csv does not have; its columns are a, b.'
    );
  });

  test('explicit schema: boolean, allowed values (canonical), an optional absent column', () => {
    const current = profileTable('c.csv', { flag: ['true', 'FALSE', 'yes', '1'], size: ['S', 'M', 'XL', '1.0'] });
    const rows = dataChecks(
      cfg(
        'artifacts: { data: { current: c.csv } }\ngates:\n  data:\n    schema:\n      columns:\n        flag: { type: boolean }\n        size: { allowed: [S, M, L, 1] }\n        extra: { type: string, required: false }\n'
      ),
      { current }
    );
    expect(rows.map((r) => [r.name, r.status, r.candidate, r.message])).toEqual([
      ['schema:flag', 'fail', 2, '2 values are not true/false (e.g. "yes" on line 4)'],
      ['schema:size', 'fail', 1, '1 value is not allowed ("XL" ×1 first on line 4)'],
      ['schema:extra', 'pass', null, 'the current table has no column "extra", which is allowed (required: false)']
    ]);
  });
});

describe('cost', () => {
  const costCfg = (gate: string, extra = '') => cfg(`artifacts: { cost: c.json${extra} }\ngates:\n  cost: ${gate}\n`);
  const doc = { inference_cost: 1, infra_cost: 2, storage_cost: 3, retraining_cost: 0, human_ops_cost: 4, success_count: 5 };

  test('every cost and success_count is required; other keys are ignored', () => {
    const { human_ops_cost: _, ...partial } = doc;
    expect(errorOf(() => parseCost(partial, 'c.json')).message).toBe(
      'c.json lacks human_ops_cost; every cost and success_count is needed (write 0 for a cost that is 0).'
    );
    expect(errorOf(() => parseCost({ ...doc, infra_cost: -1 }, 'c.json')).message).toBe('c.json: infra_cost must be a finite number ≥ 0, not -1.');
    expect(parseCost({ ...doc, currency: 'EUR' }, 'c.json').total).toBe(10);
  });

  test('no useful outcome fails with a null value, never Infinity; the champion without one is inconclusive', () => {
    const zero = parseCost({ ...doc, success_count: 0 }, 'c.json');
    const [cap] = costChecks(costCfg('{ max_cost_per_useful_outcome: 1 }'), { cost: zero });
    expect([cap.status, cap.candidate]).toEqual(['fail', null]);
    const [rel] = costChecks(costCfg('{ max_relative_increase: 0.1 }', ', champion_cost: h.json'), {
      cost: parseCost(doc, 'c.json'),
      champion_cost: parseCost({ ...doc, success_count: 0 }, 'h.json')
    });
    expect([rel.status, rel.candidate, rel.champion]).toEqual(['inconclusive', 2, null]);
  });
});

describe('policy', () => {
  test('with require_manual_approval_on_soft_fail: false a failing soft family is a warning', () => {
    const config = cfg(
      'artifacts: { cost: c.json }\ngates:\n  cost: { max_cost_per_useful_outcome: 1 }\npolicy: { soft_fail: [cost], require_manual_approval_on_soft_fail: false }\n'
    );
    const r = evaluate(config, paired(2, {}), { generatedAt: 'T', artifacts: { cost: parseCost({ inference_cost: 9, infra_cost: 0, storage_cost: 0, retraining_cost: 0, human_ops_cost: 0, success_count: 1 }, 'c.json') } });
    expect([r.gate_result, r.checks[0].status, r.checks[0].severity]).toEqual(['pass', 'fail', 'soft']);
  });
});

describe('shell helpers', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mg-fam-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('invalid JSON names the file (and the line and column where Node tells them)', async () => {
    writeFileSync(join(dir, 'bad.json'), '{\n  "requests": 10,\n  "errors": }\n');
    const e = await readJsonFile(join(dir, 'bad.json'), 'ops/bad.json', 'the load-test result').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(GateError);
    expect((e as GateError).message).toMatch(/^ops\/bad\.json(:3:13)?: the load-test result is not valid JSON \(/);
    expect((e as GateError).location.file).toBe('ops/bad.json');
  });

  test('a directory digest covers relative paths and contents, independent of creation order', async () => {
    mkdirSync(join(dir, 'm1/sub'), { recursive: true });
    mkdirSync(join(dir, 'm2/sub'), { recursive: true });
    writeFileSync(join(dir, 'm1/a.bin'), 'A');
    writeFileSync(join(dir, 'm1/sub/b.bin'), 'B');
    writeFileSync(join(dir, 'm2/sub/b.bin'), 'B');
    writeFileSync(join(dir, 'm2/a.bin'), 'A');
    const d1 = await digest({ role: 'model', file: join(dir, 'm1'), shown: 'm1' });
    const d2 = await digest({ role: 'model', file: join(dir, 'm2'), shown: 'm2' });
    expect(d1.sha256).toBe(d2.sha256);
    expect([d1.bytes, d1.files]).toEqual([2, 2]);
    writeFileSync(join(dir, 'm2/a.bin'), 'a');
    expect((await digest({ role: 'model', file: join(dir, 'm2'), shown: 'm2' })).sha256).not.toBe(d1.sha256);
    expect(await digest({ role: 'cost', file: join(dir, 'nope.json'), shown: 'nope.json' })).toEqual({ role: 'cost', path: 'nope.json', sha256: null, bytes: null });
  });

  test('the card is written as release-card.json next to the report and names it', async () => {
    const config = cfg('gates:\n  performance: { primary_metric: accuracy, min_value: 0 }\n');
    const report = evaluate(config, paired(40, {}), { generatedAt: 'T' });
    const card = buildReleaseCard(report, [{ role: 'config', path: 'g.yml', sha256: 'ab', bytes: 2 }], {
      repository: null, commit: null, ref: null, run_id: null, run_attempt: null
    });
    const file = await writeReleaseCard(card, join(dir, 'out', 'gate-report.json'));
    expect(file).toBe(join(dir, 'out', 'release-card.json'));
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(written).toMatchObject({ release_id: card.release_id, report: 'gate-report.json', gates: { quality_gate: 'pass', cost_gate: 'not_configured' } });
    expect(written.checks).toEqual({ total: 1, pass: 1, fail: 0, inconclusive: 0, skipped: 0 });
  });

  test('the release id depends on the artifacts, not on their order or paths', () => {
    const a = { role: 'candidate', path: 'x.csv', sha256: 'aa', bytes: 1 };
    const b = { role: 'config', path: 'g.yml', sha256: 'bb', bytes: 1 };
    expect(releaseId([a, b])).toBe(releaseId([b, { ...a, path: 'elsewhere.csv' }]));
    expect(releaseId([a, b])).not.toBe(releaseId([a, { ...b, sha256: 'bc' }]));
  });
});
