/**
 * The gate families of issue 4 against numbers computed independently (scripts/golden/families.py: numpy,
 * scikit-learn, scipy, statsmodels): segments, fairness, operations (three formats), data (missingness, PSI,
 * thresholds from the sample sizes, schema) and cost — read from real files by the real readers, evaluated by
 * the engine, and decided by the policy (a segment that fails while the whole passes, a waived soft failure,
 * a hard failure no label can waive, a first run without a champion).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CheckResult, Report } from '../../src/core/report.js';
import { readTableProfile } from '../../src/readers/artifacts/data.js';
import { psiNoDriftQuantile } from '../../src/stats/psi-threshold.js';
import { clopperPearson } from '../../src/stats/error-rate.js';
import { modelSize, readOperations } from '../../src/readers/artifacts/operations.js';
import { runGate, type GateOutcome } from '../../src/gate/run.js';
import { renderMarkdown, SUMMARY_LIMIT } from '../../src/render/markdown.js';
import { expectClose } from './fixtures.js';

type Metrics = Record<string, number>;
interface Interval {
  low: number;
  high: number;
  low_band: [number, number];
  high_band: [number, number];
}
interface Families {
  predictions: {
    n: number;
    columns: Record<string, (string | number)[]>;
    whole: { candidate: Metrics; champion: Metrics };
    segments: Record<string, { n: number; candidate: Metrics; champion: Metrics; recall_bootstrap?: Interval }>;
    fairness: {
      min_group_samples: number;
      groups: Record<string, { n: number; candidate: number | null; champion: number | null; included: boolean }>;
      gap: { candidate: number; champion: number; delta: number };
      best_group: string;
      worst_group: string;
      gap_bootstrap: Interval;
    };
  };
  operations: {
    level: number;
    files: Record<'samples' | 'summary' | 'k6' | 'champion_samples', unknown>;
    expected: Record<'samples' | 'summary' | 'k6', Record<string, unknown> & { error_rate_cp: { low: number; high: number } }> & {
      champion_samples: Record<string, number>;
    };
    model_files: Record<string, number>;
    model_size_mb: number;
  };
  data: {
    reference_csv: string;
    current_jsonl: string;
    rows: { reference: number; current: number };
    expected: {
      missingness: Record<string, number>;
      psi: Record<string, { psi: number; bins: number; edges?: number[]; reference_n: number; current_n: number; threshold_auto: number }>;
      schema: { age: { not_numbers: number; below: number; above: number }; visits: { not_whole: number }; country: { not_allowed: number } };
      no_drift_false_alarm_rate: { rate: number };
    };
  };
  cost: { candidate: unknown; champion: unknown; expected: { candidate: number; champion: number; relative_increase: number } };
}

const fx = JSON.parse(readFileSync(new URL('../fixtures/golden/families.json', import.meta.url), 'utf8')) as Families;
const P = fx.predictions;
const TOL = 1e-12;

/** Writes the fixture's files into a fresh workspace: predictions, load tests, model, data tables, costs. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mg-families-'));
  const put = (rel: string, text: string | Buffer) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  const c = P.columns;
  const csv = (cols: [string, (string | number)[]][]) =>
    [cols.map(([h]) => h).join(','), ...Array.from({ length: P.n }, (_, i) => cols.map(([, v]) => String(v[i])).join(','))].join('\n') + '\n';
  put(
    'candidate.csv',
    csv([['id', c.id], ['label', c.label], ['score', c.candidate_score], ['segment', c.segment], ['device', c.device], ['gender', c.gender], ['region', c.region]])
  );
  // The champion's file has no segment or group columns: those are read from the candidate's.
  put('champion.csv', csv([['id', c.id], ['label', c.label], ['score', c.champion_score]]));
  for (const f of ['samples', 'summary', 'k6', 'champion_samples'] as const) put(`ops/${f}.json`, JSON.stringify(fx.operations.files[f]));
  for (const [name, bytes] of Object.entries(fx.operations.model_files)) put(`model/${name}`, Buffer.alloc(bytes, 7));
  put('data/reference.csv', fx.data.reference_csv);
  put('data/current.jsonl', fx.data.current_jsonl);
  put('cost/candidate.json', JSON.stringify(fx.cost.candidate));
  put('cost/champion.json', JSON.stringify(fx.cost.champion));
  return dir;
}

const FULL_CONFIG = `version: 1
task: binary
artifacts:
  candidate: candidate.csv
  champion: champion.csv
  operations: ops/samples.json
  champion_operations: ops/champion_samples.json
  model: model
  data: { reference: data/reference.csv, current: data/current.jsonl }
  cost: cost/candidate.json
  champion_cost: cost/champion.json
gates:
  performance: { primary_metric: f1, absolute_drop_allowed: 0.01, metrics: [{ metric: recall, absolute_drop_allowed: 0.05 }] }
  ci: { method: bootstrap, resamples: 10000, seed: 11 }
  segments:
    - { name: new_users, metric: recall, absolute_drop_allowed: 0.05 }
    - { name: mobile, where: { device: [ios, android] }, metric: f1, absolute_drop_allowed: 0.02, min_samples: 500 }
  fairness: { metric: tpr, max_group_gap: 0.05, groups: [gender], min_group_samples: 60, max_gap_increase: 0.10 }
  operations:
    latency_p95_ms: { max_value: 250, max_relative_increase: 0.02 }
    latency_p99_ms: { max_value: 300, max_relative_increase: 0.02 }
    error_rate: { max_value: 0.006, upper_confidence_bound: true }
    model_size_mb: { max_value: 5 }
    min_requests: 5000
  data:
    missingness_max: 0.01
    drift_psi_quantile: 0.99
    ignore_columns: [id]
    schema:
      from_reference: true
      columns: { age: { type: number, min: 0, max: 120 }, visits: { type: integer }, country: { allowed: [us, de, fr, uk] } }
  cost: { max_cost_per_useful_outcome: 0.5, max_relative_increase: 0.05 }
policy:
  hard_fail: [operations, data, cost]
  soft_fail: [performance, segments, fairness]
  waiver_label: model-gate/waive
`;

async function gate(dir: string, config: string, extra: Partial<Parameters<typeof runGate>[0]> = {}): Promise<GateOutcome> {
  writeFileSync(join(dir, 'gate.yml'), config);
  return runGate({
    workspace: dir,
    config: 'gate.yml',
    origins: { candidate: '--candidate', champion: '--champion', config: '--config' },
    generatedAt: '2026-11-22T00:00:00.000Z',
    source: { repository: 'acme/churn', commit: 'abc123', ref: 'refs/pull/7/merge', run_id: '99', run_attempt: '1' },
    ...extra
  });
}

function find(r: Report, gate: string, name: string, rule?: string, segment: string | null = null): CheckResult {
  const c = r.checks.find((x) => x.gate === gate && x.name === name && (rule === undefined || x.rule === rule) && x.segment === segment);
  if (!c) throw new Error(`no check ${gate}/${segment ?? ''}/${name} ${rule ?? ''} in ${r.checks.map((x) => `${x.gate}/${x.name}/${x.rule}`).join(', ')}`);
  return c;
}

function within(what: string, got: number | null, band: [number, number]): void {
  if (got === null || !(got >= band[0] && got <= band[1])) throw new Error(`${what}: ${got} is outside the Monte Carlo band [${band[0]}, ${band[1]}]`);
}

describe('every family on the families fixture, end to end', () => {
  let dir: string;
  let out: GateOutcome;
  beforeAll(async () => {
    dir = workspace();
    out = await gate(dir, FULL_CONFIG);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the whole test set passes while the new_users segment fails (scikit-learn values)', () => {
    const r = out.report;
    const f1 = find(r, 'performance', 'f1');
    expectClose('f1 candidate', f1.candidate!, P.whole.candidate.f1, TOL);
    expectClose('f1 champion', f1.champion!, P.whole.champion.f1, TOL);
    expect(f1.status).toBe('pass');
    const seg = find(r, 'segments', 'recall', 'non_inferior', 'new_users');
    const ref = P.segments.new_users;
    expect(seg.n).toBe(ref.n);
    expectClose('new_users recall candidate', seg.candidate!, ref.candidate.recall, TOL);
    expectClose('new_users recall champion', seg.champion!, ref.champion.recall, TOL);
    within('new_users Δrecall lower bound', seg.ci_low, ref.recall_bootstrap!.low_band);
    within('new_users Δrecall upper bound', seg.ci_high, ref.recall_bootstrap!.high_band);
    expect([seg.status, seg.severity, seg.ci_method]).toEqual(['fail', 'soft', 'bootstrap-cells']);
    expect(r.gates.performance).toBe('pass');
    expect(r.gates.segments).toBe('fail');
  });

  test('a segment chosen by where, with values written " ios " in the file, compares canonically', () => {
    const seg = find(out.report, 'segments', 'f1', 'non_inferior', 'mobile');
    const ref = P.segments.mobile;
    expect(seg.n).toBe(ref.n);
    expectClose('mobile f1 candidate', seg.candidate!, ref.candidate.f1, TOL);
    expectClose('mobile f1 champion', seg.champion!, ref.champion.f1, TOL);
    expect(seg.status).toBe('pass');
  });

  test('fairness: tpr per gender, the small group listed but left out, the gap, best/worst and the Δgap interval', () => {
    const F = P.fairness;
    const gap = find(out.report, 'fairness', 'tpr:gender', 'max_group_gap');
    expectClose('candidate gap', gap.candidate!, F.gap.candidate, TOL);
    expectClose('champion gap', gap.champion!, F.gap.champion, TOL);
    expect(gap.status).toBe(F.gap.candidate <= 0.05 ? 'pass' : 'fail');
    expect(gap.threshold).toBe(0.05);
    const details = gap.details!;
    if (details.kind !== 'fairness') throw new Error('fairness details expected');
    expect([details.best_group, details.worst_group]).toEqual([F.best_group, F.worst_group]);
    for (const g of details.groups) {
      const ref = F.groups[g.group];
      expect([g.group, g.n, g.included]).toEqual([g.group, ref.n, ref.included]);
      if (ref.included) {
        expectClose(`tpr ${g.group} candidate`, g.candidate!, ref.candidate!, TOL);
        expectClose(`tpr ${g.group} champion`, g.champion!, ref.champion!, TOL);
      }
    }
    expect(gap.message).toContain('left out: "X" (n = 54, fewer than min_group_samples (60) rows)');
    const inc = find(out.report, 'fairness', 'tpr:gender', 'max_gap_increase');
    expectClose('Δgap', inc.delta!, F.gap.delta, TOL);
    within('Δgap lower bound', inc.ci_low, F.gap_bootstrap.low_band);
    within('Δgap upper bound', inc.ci_high, F.gap_bootstrap.high_band);
    expect(inc.status).toBe('pass'); // the upper bound (~0.088) is below the allowed widening 0.10
  });

  test('operations from raw samples: type-7 quantiles (numpy), Clopper–Pearson bound (statsmodels), relative checks, model size', () => {
    const r = out.report;
    const e = fx.operations.expected;
    const p95 = find(r, 'operations', 'latency_p95_ms', 'max_value');
    expectClose('p95', p95.candidate!, e.samples.latency_p95_ms as number, TOL);
    expect(p95.status).toBe('pass');
    const rel95 = find(r, 'operations', 'latency_p95_ms', 'max_relative_increase');
    expectClose('champion p95', rel95.champion!, e.champion_samples.latency_p95_ms, TOL);
    expect(rel95.status).toBe('pass'); // +1.5 % ≤ +2 %
    const rel99 = find(r, 'operations', 'latency_p99_ms', 'max_relative_increase');
    expectClose('p99', rel99.candidate!, e.samples.latency_p99_ms as number, TOL);
    expectClose('threshold', rel99.threshold!, e.champion_samples.latency_p99_ms * 1.02, 1e-9);
    expect(rel99.status).toBe('fail'); // +3.7 % > +2 %
    const err = find(r, 'operations', 'error_rate');
    expectClose('error rate', err.candidate!, e.samples.error_rate as number, TOL);
    expectClose('CP low', err.ci_low!, e.samples.error_rate_cp.low, 1e-9);
    expectClose('CP high', err.ci_high!, e.samples.error_rate_cp.high, 1e-9);
    expect([err.ci_method, err.status]).toEqual(['clopper-pearson', 'pass']);
    const size = find(r, 'operations', 'model_size_mb');
    expectClose('model size', size.candidate!, fx.operations.model_size_mb, TOL);
    expect([size.n, size.status]).toEqual([3, 'pass']);
  });

  test('data: missingness, PSI with the thresholds set from the sample sizes, and the schema (numpy/scipy values)', () => {
    const r = out.report;
    const e = fx.data.expected;
    for (const col of ['age', 'visits', 'income', 'country']) {
      const miss = find(r, 'data', `missingness:${col}`);
      expectClose(`missingness ${col}`, miss.candidate!, e.missingness[col], TOL);
      expect(miss.status).toBe(e.missingness[col] <= 0.01 ? 'pass' : 'fail');
      const psi = find(r, 'data', `psi:${col}`);
      const ref = e.psi[col];
      expectClose(`psi ${col}`, psi.candidate!, ref.psi, TOL);
      expectClose(`psi threshold ${col}`, psi.threshold!, ref.threshold_auto, 1e-9);
      expect(psi.status).toBe(ref.psi <= ref.threshold_auto ? 'pass' : 'fail');
      const d = psi.details!;
      if (d.kind !== 'psi') throw new Error('psi details expected');
      expect([d.bins, d.reference_n, d.current_n]).toEqual([ref.bins, ref.reference_n, ref.current_n]);
      if (ref.edges) expect(d.edges).toEqual(ref.edges);
    }
    expect(r.checks.some((c) => c.name.endsWith(':id'))).toBe(false); // ignored
    const s = e.schema;
    const age = find(r, 'data', 'schema:age');
    expect([age.status, age.candidate]).toEqual(['fail', s.age.not_numbers + s.age.below + s.age.above]);
    expect(age.message).toBe(
      `${s.age.not_numbers} values are not a number (e.g. "unknown" on line 11); ${s.age.below} value is below min 0 (smallest -1 on line 13); ` +
        `${s.age.above} values are above max 120 (largest 131.5 on line 15)`
    );
    expect([find(r, 'data', 'schema:visits').candidate, find(r, 'data', 'schema:country').candidate]).toEqual([s.visits.not_whole, s.country.not_allowed]);
    expect(find(r, 'data', 'schema:income').status).toBe('pass');
  });

  test('cost per useful outcome and its increase over the champion', () => {
    const e = fx.cost.expected;
    const cap = find(out.report, 'cost', 'cost_per_useful_outcome', 'max_value');
    expectClose('cost', cap.candidate!, e.candidate, TOL);
    expect(cap.status).toBe('pass');
    const rel = find(out.report, 'cost', 'cost_per_useful_outcome', 'max_relative_increase');
    expectClose('champion cost', rel.champion!, e.champion, TOL);
    expect(rel.status).toBe(e.relative_increase <= 0.05 ? 'pass' : 'fail');
  });

  test('policy: the hard failures (operations, data, cost) decide; every family is in the report', () => {
    const r = out.report;
    expect(r.gate_result).toBe('fail');
    expect(Object.keys(r.gates)).toEqual(['performance', 'segments', 'fairness', 'operations', 'data', 'cost']);
    expect(r.gates).toEqual({ performance: 'pass', segments: 'fail', fairness: 'fail', operations: 'fail', data: 'fail', cost: 'fail' });
    for (const c of r.checks) expect(c.severity).toBe(['operations', 'data', 'cost'].includes(c.gate) ? 'hard' : 'soft');
  });

  test('docs/report.md fields on every row, in order, and no NaN or Infinity anywhere', () => {
    const keys = ['gate', 'name', 'metric', 'segment', 'group', 'status', 'severity', 'n', 'candidate', 'champion', 'delta', 'ci_low', 'ci_high', 'ci_method', 'threshold', 'rule', 'message', 'direction'];
    for (const c of out.report.checks) {
      expect(Object.keys(c).slice(0, keys.length)).toEqual(keys);
      for (const k of ['n', 'candidate', 'champion', 'delta', 'ci_low', 'ci_high', 'threshold'] as const) {
        const v = c[k];
        expect(v === null || Number.isFinite(v)).toBe(true);
      }
    }
    expect(JSON.stringify(out.report)).not.toMatch(/NaN|Infinity/);
  });

  test('the job summary shows every family, failures first, passing rows folded away', () => {
    const md = renderMarkdown(out.report, { maxLength: SUMMARY_LIMIT });
    const rows = md.split('\n').filter((l) => /^\| (❌|❔|✅|⏭️|☑️) /.test(l));
    expect(rows.length).toBe(out.report.checks.length);
    const folded = md.indexOf('<details><summary>');
    const firstPass = rows.findIndex((l) => l.startsWith('| ✅'));
    expect(rows.slice(0, firstPass).every((l) => /^\| (❌ fail|❔ inconclusive) /.test(l))).toBe(true);
    expect(rows.slice(firstPass).every((l) => /^\| (✅ pass|⏭️ skipped) /.test(l))).toBe(true);
    expect(md.indexOf(rows[firstPass])).toBeGreaterThan(folded);
    for (const family of ['performance', 'segments', 'fairness', 'operations', 'data', 'cost']) {
      expect(rows.some((l) => new RegExp(`<sub>${family}( ·|</sub>)`).test(l))).toBe(true);
    }
  });

  test('the release card: content-addressed id, every artifact with its sha256, each gate', () => {
    const card = out.releaseCard;
    expect(card.release_id).toMatch(/^mg-[0-9a-f]{16}$/);
    expect(out.report.release_id).toBe(card.release_id);
    expect(card.artifacts.map((a) => a.role)).toEqual([
      'config', 'candidate', 'champion', 'operations', 'champion_operations', 'model', 'data.reference', 'data.current', 'cost', 'champion_cost'
    ]);
    for (const a of card.artifacts) expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(card.artifacts.find((a) => a.role === 'model')).toMatchObject({ path: 'model', files: 3 });
    // The seven gates from the family statuses: quality takes the worst of performance, segments and fairness.
    expect(out.report.gates).toEqual({ performance: 'pass', segments: 'fail', fairness: 'fail', operations: 'fail', data: 'fail', cost: 'fail' });
    expect(card.gates).toEqual({
      data_gate: 'fail',
      quality_gate: 'soft_fail', // segments and fairness are soft in this config
      robustness_gate: 'not_configured',
      performance_gate: 'fail',
      cost_gate: 'fail',
      observability_gate: 'not_configured',
      rollback_gate: 'not_configured'
    });
    expect(card.decision.gate_result).toBe('fail');
    expect(card.source.commit).toBe('abc123');
  });
});

describe('policy across families', () => {
  let dir: string;
  beforeAll(() => {
    dir = workspace();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const SOFT = `version: 1
task: binary
artifacts: { candidate: candidate.csv, champion: champion.csv, operations: ops/summary.json }
gates:
  performance: { primary_metric: f1, absolute_drop_allowed: 0.01 }
  ci: { resamples: 2000 }
  segments: [{ name: new_users, metric: recall, absolute_drop_allowed: 0.05 }]
OPS
policy: { hard_fail: [operations], soft_fail: [segments, performance], waiver_label: model-gate/waive }
`;
  const pr = {
    number: 7,
    labels: ['model-gate/waive'],
    labeled: [{ label: 'model-gate/waive', by: 'lead', at: '2026-11-21T09:00:00Z', permission: 'maintain' }],
    head_sha: 'c0ffee',
    head_pushed_at: '2026-11-21T08:00:00Z'
  };

  test('a soft segment failure is soft_fail without the label and a waived pass with it', async () => {
    const cfg = SOFT.replace('OPS\n', '');
    const without = (await gate(dir, cfg)).report;
    expect([without.gate_result, without.waived]).toEqual(['soft_fail', false]);
    const waived = (await gate(dir, cfg, { pullRequest: pr })).report;
    expect([waived.gate_result, waived.waived, waived.auto_merge]).toEqual(['pass', true, false]);
    expect(waived.waiver).toEqual({ label: 'model-gate/waive', pull_request: 7, by: 'lead', at: '2026-11-21T09:00:00Z', commit: 'c0ffee' });
    expect(waived.summary).toBe('pass (waived): 1 of 2 checks failed (segments/new_users/recall)');
  });

  test('a hard operations failure is fail whatever labels the PR carries (summary-format load test)', async () => {
    const cfg = SOFT.replace('OPS\n', '  operations: { latency_p99_ms: { max_value: 500 }, min_requests: 5000 }\n');
    const r = (await gate(dir, cfg, { pullRequest: pr })).report;
    expect([r.gate_result, r.waived, r.waiver]).toEqual(['fail', false, null]);
    const p99 = find(r, 'operations', 'latency_p99_ms');
    expect([p99.candidate, p99.status, p99.severity]).toEqual([612, 'fail', 'hard']);
    expect(p99.message).toBe('p99 latency 612.0000 ms is above the ceiling 500.0000 ms');
  });

  test('first run without a champion: every comparison is skipped, floors and ceilings still decide', async () => {
    const cfg = `version: 1
task: binary
artifacts: { candidate: candidate.csv, operations: ops/k6.json, cost: cost/candidate.json }
gates:
  performance: { primary_metric: f1, absolute_drop_allowed: 0.01, min_value: 0.5 }
  segments: [{ name: new_users, metric: recall, absolute_drop_allowed: 0.05, min_value: 0.5 }]
  fairness: { metric: tpr, max_group_gap: 0.1, groups: [gender], min_group_samples: 60, max_gap_increase: 0.02 }
  operations: { latency_p95_ms: { max_value: 250, max_relative_increase: 0.02 } }
  cost: { max_cost_per_useful_outcome: 0.5, max_relative_increase: 0.05 }
`;
    const r = (await gate(dir, cfg)).report;
    const skipped = r.checks.filter((c) => c.status === 'skipped').map((c) => `${c.gate}/${c.rule}`);
    expect(skipped).toEqual([
      'performance/non_inferior',
      'segments/non_inferior',
      'fairness/max_gap_increase',
      'operations/max_relative_increase',
      'cost/max_relative_increase'
    ]);
    expect(r.checks.filter((c) => c.status !== 'skipped').every((c) => c.status === 'pass')).toBe(true);
    expect(r.gate_result).toBe('pass');
    expect(r.summary).toBe('pass: 5 of 5 checks passed, 5 skipped');
    expect(find(r, 'fairness', 'tpr:gender').champion).toBeNull();
  });
});

describe('operations: each of the three formats read from its file', () => {
  let dir: string;
  beforeAll(() => {
    dir = workspace();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each(['samples', 'summary', 'k6'] as const)('%s', async (format) => {
    const e = fx.operations.expected[format];
    const facts = await readOperations(join(dir, 'ops', `${format}.json`), `ops/${format}.json`);
    expect(facts.format).toBe(e.format);
    expect([facts.requests, facts.errors]).toEqual([e.requests, e.errors]);
    for (const k of ['error_rate', 'latency_p50_ms', 'latency_p95_ms', 'latency_p99_ms'] as const) {
      expectClose(`${format} ${k}`, facts[k]!, e[k] as number, TOL);
    }
    const x = facts.errors ?? facts.error_rate! * facts.requests!;
    const ci = clopperPearson(x, facts.requests!, fx.operations.level);
    expectClose(`${format} CP low`, ci.low, e.error_rate_cp.low, 1e-9);
    expectClose(`${format} CP high`, ci.high, e.error_rate_cp.high, 1e-9);
  });

  test('model size of a directory and of a file, in MiB', async () => {
    const all = await modelSize(join(dir, 'model'), 'model');
    expect(all.files).toBe(3);
    expectClose('MiB', all.bytes / 1048576, fx.operations.model_size_mb, TOL);
    const one = await modelSize(join(dir, 'model', 'model.onnx'), 'model/model.onnx');
    expect([one.bytes, one.files]).toEqual([fx.operations.model_files['model.onnx'], 1]);
  });
});

describe('data: the readers see the missing-value spellings of docs/config.md', () => {
  test('profiles of the reference CSV and the current JSONL (JSON null, "", NA, NaN, null)', async () => {
    const dir = workspace();
    try {
      const all = (h: readonly string[]) => h;
      const ref = await readTableProfile(join(dir, 'data/reference.csv'), 'data/reference.csv', all);
      const cur = await readTableProfile(join(dir, 'data/current.jsonl'), 'data/current.jsonl', all);
      expect([ref.rows, cur.rows]).toEqual([fx.data.rows.reference, fx.data.rows.current]);
      expect(cur.columns.get('age')!.missing / cur.rows).toBeCloseTo(fx.data.expected.missingness.age, 15);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the threshold from the sample sizes is (1/n + 1/m)·χ²₀.₉₉(bins − 1) as SciPy computes it', () => {
    for (const [col, ref] of Object.entries(fx.data.expected.psi)) {
      expectClose(`threshold ${col}`, psiNoDriftQuantile(ref.reference_n, ref.current_n, ref.bins, 0.99), ref.threshold_auto, 1e-9);
    }
    // …and under no drift it alarms about 1 % of the time (the generator's simulation).
    expect(fx.data.expected.no_drift_false_alarm_rate.rate).toBeGreaterThan(0.002);
    expect(fx.data.expected.no_drift_false_alarm_rate.rate).toBeLessThan(0.03);
  });
});
