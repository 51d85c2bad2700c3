/**
 * The release-gate families one piece at a time: readers (JUnit XML, JSON Lines, rule files, drill records,
 * timestamps), the pure checks, the seven-gate roll-up and the config rules. Interval numbers come from the
 * committed golden fixture (scripts/golden/release_gates.py: statsmodels), never from this code.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseConfig } from '../../src/config/load.js';
import type { GateConfig } from '../../src/config/types.js';
import { buildReleaseCard, rolloutOf } from '../../src/core/release-card.js';
import { releaseGates } from '../../src/core/release-gates.js';
import type { CheckResult, Report } from '../../src/core/report.js';
import { freshnessChecks } from '../../src/core/families/freshness.js';
import { parseTimestamp } from '../../src/base/timestamps.js';
import { constants, hasWindowPair, rangeWindows } from '../../src/core/families/burn-rate.js';
import { observabilityChecks } from '../../src/core/families/observability.js';
import { readObservability } from '../../src/readers/artifacts/observability.js';
import { parseRuleFile } from '../../src/readers/artifacts/alert-rules.js';
import { parseJunit, parseResults, type CaseResult, type SuiteFacts } from '../../src/readers/artifacts/robustness-cases.js';
import { robustnessChecks } from '../../src/core/families/robustness.js';
import { rollbackChecks } from '../../src/core/families/rollback.js';
import { parseDrill } from '../../src/readers/artifacts/drill.js';
import { releaseGatesLine } from '../../src/render/release-gates.js';
import { ROOT } from '../helpers/run-action.js';

const golden = JSON.parse(readFileSync(path.join(ROOT, '__tests__/fixtures/golden/release-gates.json'), 'utf8')) as {
  clopper_pearson: { x: number; n: number; level: number; low: number; high: number }[];
  newcombe_paired: { both: number; candidate_only: number; champion_only: number; neither: number; level: number; delta: number; low: number; high: number }[];
};

const HEAD = `version: 1
task: binary
artifacts: { candidate: c.csv, champion: d.csv, data: { current: cur.csv } }
`;
function config(gates: string, extra = ''): GateConfig {
  return parseConfig(`${HEAD}gates:\n${gates}${extra}`, 'gate.yml');
}
function configError(gates: string): string {
  try {
    config(gates);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the config was accepted');
}

const cases = (spec: [string, 'pass' | 'fail' | 'skipped'][]): CaseResult[] => spec.map(([id, outcome]) => ({ id, outcome }));
/** `n` cases of which the first `fails` failed. */
const suite = (n: number, fails: number, prefix = 'c'): CaseResult[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, outcome: i < fails ? 'fail' : 'pass' }));

// ── Robustness ────────────────────────────────────────────────────────────────────────────────────────────

describe('robustness', () => {
  test.each(golden.clopper_pearson)('failure_rate $x of $n at $level: the exact interval of statsmodels', (g) => {
    const cfg = config(`  robustness:\n    suites:\n      - { name: s, results: s.jsonl, max_failure_rate: 0.05 }\n  ci: { confidence_level: ${g.level} }\n`);
    const [row] = robustnessChecks(cfg, [{ name: 's', candidate: { file: 's.jsonl', cases: suite(g.n, g.x) } }]);
    expect(row.name).toBe('s:failure_rate');
    expect(row.ci_low!).toBeCloseTo(g.low, 9);
    expect(row.ci_high!).toBeCloseTo(g.high, 9);
    expect(row.candidate).toBe(g.x / g.n);
    expect(row.status).toBe(g.high <= 0.05 ? 'pass' : 'fail');
  });

  test.each(golden.newcombe_paired)(
    'pass_rate_delta $both/$candidate_only/$champion_only/$neither at $level: Newcombe as written out in Python',
    (g) => {
      const cand: CaseResult[] = [];
      const champ: CaseResult[] = [];
      const add = (k: number, a: 'pass' | 'fail', b: 'pass' | 'fail', tag: string) => {
        for (let i = 0; i < k; i++) {
          cand.push({ id: `${tag}${i}`, outcome: a });
          champ.push({ id: `${tag}${i}`, outcome: b });
        }
      };
      add(g.both, 'pass', 'pass', 'pp');
      add(g.candidate_only, 'pass', 'fail', 'pf');
      add(g.champion_only, 'fail', 'pass', 'fp');
      add(g.neither, 'fail', 'fail', 'ff');
      champ.reverse(); // pairing is by id, not by position
      const cfg = config(
        `  robustness:\n    suites:\n      - { name: s, results: a.jsonl, champion_results: b.jsonl, absolute_drop_allowed: 0.03 }\n  ci: { confidence_level: ${g.level} }\n`
      );
      const [row] = robustnessChecks(cfg, [{ name: 's', candidate: { file: 'a.jsonl', cases: cand }, champion: { file: 'b.jsonl', cases: champ } }]);
      expect([row.name, row.ci_method, row.threshold]).toEqual(['s:pass_rate_delta', 'newcombe-paired', -0.03]);
      expect(row.delta!).toBeCloseTo(g.delta, 12);
      expect(row.ci_low!).toBeCloseTo(g.low, 10);
      expect(row.ci_high!).toBeCloseTo(g.high, 10);
      expect(row.status).toBe(g.low > -0.03 ? 'pass' : 'fail');
    }
  );

  const paired = config(
    `  robustness:\n    suites:\n      - { name: s, results: a.jsonl, champion_results: b.jsonl, absolute_drop_allowed: 0.05, max_failure_rate: 0.95, min_cases: 3 }\n`
  );

  test('skipped cases are left out (of the rate, and of the pair when skipped in either run); min_cases makes too few inconclusive', () => {
    const facts: SuiteFacts = {
      name: 's',
      candidate: { file: 'a.jsonl', cases: cases([['x', 'pass'], ['y', 'skipped'], ['z', 'fail'], ['w', 'pass']]) },
      champion: { file: 'b.jsonl', cases: cases([['x', 'pass'], ['y', 'pass'], ['z', 'pass'], ['w', 'skipped']]) }
    };
    const [rate, delta] = robustnessChecks(paired, [facts]);
    expect([rate.n, rate.status, rate.candidate]).toEqual([3, 'pass', 1 / 3]);
    expect([delta.n, delta.status]).toEqual([2, 'inconclusive']);
    expect(delta.message).toBe('only 2 paired cases (2 skipped in either run, left out), fewer than min_cases (3): too few to decide');
  });

  test('a case id in only one run is an error naming how many', () => {
    const facts: SuiteFacts = {
      name: 's',
      candidate: { file: 'a.jsonl', cases: suite(5, 0) },
      champion: { file: 'b.jsonl', cases: suite(4, 0) }
    };
    expect(() => robustnessChecks(paired, [facts])).toThrow(
      'robustness suite "s": 1 case ids are in only one run — 1 only in a.jsonl (c4); both models must run the same cases to be compared.'
    );
  });

  test('pytest --junitxml: failure and error fail, skipped is left out, ids are classname::name', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests"><testsuite name="pytest" errors="1" failures="1" skipped="1" tests="4">
<testcase classname="tests.test_edge" name="test_nan[age]" time="0.01"/>
<testcase classname="tests.test_edge" name="test_nan[plan]" time="0.01"><failure message="assert 1 == 0">assert 1 == 0 &amp; more</failure></testcase>
<testcase classname="tests.test_edge" name="test_timeout" time="0.01"><error message="fixture failed">TimeoutError</error></testcase>
<testcase classname="tests.test_edge" name="test_gpu" time="0"><skipped type="pytest.skip" message="no gpu">no gpu</skipped></testcase>
</testsuite></testsuites>`;
    expect(parseJunit(xml, 'r.xml')).toEqual(
      cases([
        ['tests.test_edge::test_nan[age]', 'pass'],
        ['tests.test_edge::test_nan[plan]', 'fail'],
        ['tests.test_edge::test_timeout', 'fail'],
        ['tests.test_edge::test_gpu', 'skipped']
      ])
    );
  });

  test('jest-junit: several suites, nested suites, a bare <testsuite> root, CDATA output', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="jest tests" tests="3" failures="1" errors="0" time="1.2">
  <testsuite name="fallback" errors="0" failures="1" skipped="0" timestamp="2026-11-21T10:00:00" time="0.5" tests="2">
    <testcase classname="fallback uses the default when the feature store times out" name="fallback uses the default when the feature store times out" time="0.1"></testcase>
    <testcase classname="fallback keeps the threshold" name="fallback keeps the threshold" time="0.2">
      <failure><![CDATA[Error: expect(received).toBe(expected) <!DOCTYPE html>]]></failure>
    </testcase>
    <testsuite name="inner"><testcase name="deep"/></testsuite>
  </testsuite>
</testsuites>`;
    expect(parseJunit(xml, 'j.xml').map((c) => `${c.id}=${c.outcome}`)).toEqual([
      'fallback uses the default when the feature store times out::fallback uses the default when the feature store times out=pass',
      'fallback keeps the threshold::fallback keeps the threshold=fail',
      'inner::deep=pass'
    ]);
    expect(parseJunit('<testsuite name="solo"><testcase name="t"/></testsuite>', 's.xml')).toEqual(cases([['solo::t', 'pass']]));
  });

  test('DTDs and entity declarations are refused; other shapes name the file', () => {
    expect(() => parseJunit('<?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE x SYSTEM "file:///etc/passwd"><testsuite/>', 'r.xml')).toThrow(
      'r.xml:3: the JUnit file has a DTD or entity declaration, which model-gate refuses (entity expansion can exhaust memory); write the report without a DOCTYPE.'
    );
    expect(() => parseJunit('<testsuite><!ENTITY a "b"><testcase name="t"/></testsuite>', 'r.xml')).toThrow(/^r\.xml:1: the JUnit file has a DTD/);
    expect(() => parseJunit('<report><case/></report>', 'r.xml')).toThrow(
      'r.xml: no <testsuites> or <testsuite> element; this is not a JUnit report (pytest --junitxml, jest-junit).'
    );
    expect(() => parseJunit('<testsuite name="s"><testcase classname="a"/></testsuite>', 'r.xml')).toThrow(
      'r.xml: a <testcase> in suite "s" has no name attribute, so it cannot be paired; write the report with test names.'
    );
  });

  test('JSON Lines: numbers as ids, skipped cases, blank lines; bad lines and repeated ids are errors', () => {
    expect(parseResults('{"id": 1, "passed": true}\n\n{"id": "b", "passed": false, "why": "leak"}\n{"id": "c", "skipped": true}\n', 'r.jsonl', 'jsonl').cases).toEqual(
      cases([['1', 'pass'], ['b', 'fail'], ['c', 'skipped']])
    );
    expect(() => parseResults('{"id": "a", "passed": true}\n[1]\n', 'r.jsonl', 'jsonl')).toThrow('r.jsonl:2: [1] is not an object; each line is {"id": …, "passed": true|false}.');
    expect(() => parseResults('{"id": null, "passed": true}\n', 'r.jsonl', 'jsonl')).toThrow('r.jsonl:1: id must be a string or a number, not null.');
    expect(() => parseResults('{"id": "a", "passed": true}\n{"id": "a", "passed": false}\n', 'r.jsonl', 'jsonl')).toThrow(
      'r.jsonl: 1 case id appears more than once (a); give every case its own id.'
    );
  });
});

// ── Freshness ─────────────────────────────────────────────────────────────────────────────────────────────

describe('freshness', () => {
  test.each([
    ['2026-11-30', Date.UTC(2026, 10, 30)],
    ['2026-11-30T10:00:00Z', Date.UTC(2026, 10, 30, 10)],
    ['2026-11-30 10:00:00.250+01:00', Date.UTC(2026, 10, 30, 9, 0, 0, 250)],
    ['2026-11-30T10:00', Date.UTC(2026, 10, 30, 10)],
    ['2026-11-30T10:00:00-0530', Date.UTC(2026, 10, 30, 15, 30)],
    ['1764496800', Date.UTC(2025, 10, 30, 10)],
    ['1764496800.5', Date.UTC(2025, 10, 30, 10) + 500]
  ])('%s', (text, ms) => {
    expect(parseTimestamp(text)).toEqual({ ms });
  });

  test.each([
    ['1764496800000', 'is beyond year 9999 as epoch seconds (epoch milliseconds? divide by 1000)'],
    ['2026-02-30', 'is not a valid date and time'],
    ['30/11/2026', 'is neither an ISO 8601 timestamp nor epoch seconds']
  ])('%s is refused', (text, error) => {
    expect(parseTimestamp(text)).toEqual({ error });
  });

  const cfg = config('  data:\n    freshness: { column: ts, max_age_hours: 24 }\n');
  const at = '2026-11-30T12:00:00.000Z';
  test('age from generated_at; stale fails, none is inconclusive', () => {
    const facts = (iso: string) => ({ file: 'cur.csv', column: 'ts', count: 3, newest: { ms: Date.parse(iso), text: iso, line: 4 } });
    const [fresh] = freshnessChecks(cfg, facts('2026-11-30T00:00:00Z'), at);
    expect([fresh.name, fresh.status, fresh.candidate, fresh.threshold]).toEqual(['freshness:ts', 'pass', 12, 24]);
    const [stale] = freshnessChecks(cfg, facts('2026-11-29T11:00:00Z'), at);
    expect([stale.status, stale.candidate]).toEqual(['fail', 25]);
    expect(stale.message).toBe(
      'newest ts 2026-11-29T11:00:00Z (line 4) is 25 h old at generated_at; older than the allowed 24 h: the table is stale'
    );
    const [none] = freshnessChecks(cfg, { file: 'cur.csv', column: 'ts', count: 0, newest: null }, at);
    expect(none.status).toBe('inconclusive');
  });
});

// ── Observability ─────────────────────────────────────────────────────────────────────────────────────────

describe('observability', () => {
  test('windows and constants of PromQL', () => {
    expect(rangeWindows('rate(x[5m]) / rate(y[1h:1m]) offset 2h')).toEqual([300_000, 3_600_000]);
    expect(constants('rate(errors{code=~"5.."}[1h]) / rate(total[1h]) > (14.4 * (1 - 0.999))')).toEqual(
      expect.arrayContaining([14.4, 1, 0.999])
    );
    expect(constants('x > (14.4 * (1 - 0.999))').some((c) => Math.abs(c - 0.0144) < 1e-12)).toBe(true);
    expect(constants('x{le="0.5"} > 2 * 0.001 and y offset 5m > 3').filter((c) => c !== 2 && c !== 0.001 && c !== 3)).toEqual([0.002]);
  });

  test.each([
    ['rate(e[1h]) / rate(t[1h]) > 0.0144 and rate(e[5m]) / rate(t[5m]) > 0.0144', true],
    ['rate(e[1h]) / rate(t[1h]) > 14.4 * 0.001 and rate(e[5m]) / rate(t[5m]) > 14.4 * 0.001', true],
    ['rate(e[1h]) / rate(t[1h]) > 0.01440001 and rate(e[5m]) / rate(t[5m]) > 0.01440001', true],
    ['rate(e[1h]) / rate(t[1h]) > 0.0144', false], // one window
    ['rate(e[1h]) / rate(t[1h]) > 0.0144 and rate(e[10m]) / rate(t[10m]) > 0.0144', false], // other short window
    ['rate(e[1h]) / rate(t[1h]) > 0.0145 and rate(e[5m]) / rate(t[5m]) > 0.0145', false], // other threshold
    ['rate(e[60m]) / rate(t[60m]) > 0.0144 and rate(e[300s]) / rate(t[300s]) > 0.0144', true] // same durations
  ])('%s → %s', (expr, has) => {
    expect(hasWindowPair(expr, 14.4, 0.999, 3_600_000, 300_000)).toBe(has);
  });

  const rules = (body: string) => parseRuleFile(`groups:\n  - name: g\n    rules:\n${body}`, 'r.yml');
  const cfg = config(
    '  observability:\n    alert_rules: [r.yml]\n    slos: [{ name: api, objective: 0.999 }]\n    burn_rate_windows: [{ factor: 14.4, long: 1h, short: 5m }]\n    logs: { path: l.jsonl, min_coverage: 0.99 }\n'
  );

  test('labels and annotations on every alert (recording rules exempt), burn-rate windows, trace coverage on its lower bound', () => {
    const facts = rules(`      - record: job:x:rate5m
        expr: sum(rate(x[5m]))
      - alert: Fast
        expr: rate(e[1h]) / rate(t[1h]) > 0.0144 and rate(e[5m]) / rate(t[5m]) > 0.0144
        labels: { severity: page, owner: sre, slo: api }
        annotations: { runbook_url: https://x }
      - alert: NoOwner
        expr: up == 0
        labels: { severity: page, owner: "" }
        annotations: { summary: down }
`);
    expect([facts.records, facts.alerts.map((a) => [a.alert, a.line])]).toEqual([1, [['Fast', 6], ['NoOwner', 10]]]);
    const rows = observabilityChecks(cfg, { rules: [facts], logs: { file: 'l.jsonl', field: 'trace_id', records: 1000, traced: 985 } });
    const by = (n: string) => rows.find((r) => r.name === n)!;
    expect(by('alert_labels').message).toBe('1 of 2 alerts lack a required label: r.yml:10 alert "NoOwner" lacks owner');
    expect(by('alert_annotations').message).toBe('1 of 2 alerts lack a required annotation: r.yml:10 alert "NoOwner" lacks runbook_url');
    expect([by('burn_rate:api').status, by('burn_rate:api').candidate]).toEqual(['pass', 1]);
    const cp = golden.clopper_pearson.find((g) => g.x === 999 && g.n === 1000)!;
    const passing = observabilityChecks(cfg, { rules: [facts], logs: { file: 'l.jsonl', field: 'trace_id', records: 1000, traced: 999 } });
    expect(passing.find((r) => r.name === 'trace_coverage')!.ci_low!).toBeCloseTo(cp.low, 9);
    expect(passing.find((r) => r.name === 'trace_coverage')!.status).toBe('pass');
    // 98.5 % observed is under 99 % already; its lower bound even more so.
    expect(by('trace_coverage').status).toBe('fail');
  });

  test('an SLO without its alerts fails, naming the pairs to add; rule files without alerts fail', () => {
    const facts = rules('      - record: a\n        expr: sum(x)\n');
    const rows = observabilityChecks(cfg, { rules: [facts], logs: { file: 'l.jsonl', field: 'trace_id', records: 10, traced: 10 } });
    expect(rows.find((r) => r.name === 'burn_rate:api')!.message).toBe(
      'no alert carries the label slo: "api", so the SLO has no burn-rate alert; add 14.4 over 1h and 5m (> 0.0144)'
    );
    expect(rows.find((r) => r.name === 'alert_labels')!.status).toBe('fail');
  });

  test('the log sample: gzip, records without the field, empty and null ids count as untraced', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mg-logs-'));
    const lines = ['{"msg": "no trace field"}', '{"trace_id": "abc"}', '{"trace_id": ""}', '{"trace_id": null}', '{"trace_id": 17}', ''];
    writeFileSync(path.join(dir, 'l.jsonl.gz'), gzipSync(lines.join('\n')));
    writeFileSync(path.join(dir, 'r.yml'), 'groups: []\n');
    const gate = config('  observability: { alert_rules: [r.yml], logs: { path: l.jsonl.gz, min_coverage: 0.5 } }\n').gates.observability!;
    const facts = await readObservability(gate, async (p) => path.join(dir, p));
    expect(facts.logs).toEqual({ file: 'l.jsonl.gz', field: 'trace_id', records: 5, traced: 2 });
    writeFileSync(path.join(dir, 'l.jsonl.gz'), gzipSync('{"trace_id": "a"}\nnot json\n'));
    await expect(readObservability(gate, async (p) => path.join(dir, p))).rejects.toThrow(
      'l.jsonl.gz:2: not valid JSON; a log sample holds one JSON object per line.'
    );
  });

  test('rule files that are not rule files name the line', () => {
    expect(() => parseRuleFile('rules: []\n', 'r.yml')).toThrow(/^r\.yml: no groups list at the top/);
    expect(() => parseRuleFile('groups:\n  - name: g\n    rules:\n      - alert: X\n', 'r.yml')).toThrow(/^r\.yml:4: the rule has no expr/);
    expect(() => parseRuleFile('groups:\n  - name: g\n    rules:\n      - alert: X\n        expr: up\n        labels: [a]\n', 'r.yml')).toThrow(
      'r.yml:4: labels of alert "X" must be a mapping of names to values.'
    );
    expect(() => parseRuleFile('a: &a [*a, *a]\n', 'r.yml')).toThrow(/^r\.yml/);
  });
});

// ── Rollback ──────────────────────────────────────────────────────────────────────────────────────────────

describe('rollback', () => {
  const drill = (over: Record<string, unknown> = {}) =>
    parseDrill({ date: '2026-11-01T00:00:00Z', rto_seconds: 300, restored: ['model', 'Preprocessing', 'thresholds'], runbook: 'https://r', owner: 'ml', ...over }, 'd.json');
  const cfg = config('  rollback: { drill: d.json, max_drill_age_days: 30, max_rto_seconds: 240 }\n');
  const at = '2026-11-21T00:00:00.000Z';

  test('age, RTO and components; champion_available skipped without an artifact', () => {
    const rows = rollbackChecks(cfg, drill(), undefined, at);
    expect(rows.map((r) => [r.name, r.status, r.candidate])).toEqual([
      ['drill_age', 'pass', 20],
      ['rto', 'fail', 300],
      ['components', 'fail', 3],
      ['champion_available', 'skipped', null]
    ]);
    expect(rows[2].message).toBe(
      'the drill did not restore runtime_params (restored: model, Preprocessing, thresholds): a partial rollback leaves the release inconsistent'
    );
    expect(rollbackChecks(cfg, drill({ date: '2026-10-01' }), undefined, at)[0].status).toBe('fail');
    expect(rollbackChecks(cfg, drill({ date: '2026-12-01' }), undefined, at)[0].status).toBe('fail');
  });

  test('champion_available: expiry against the drill window', () => {
    const row = (expires_at: string | null, expired = false) =>
      rollbackChecks(cfg, drill(), { name: 'champion', expires_at, expired }, at).find((r) => r.name === 'champion_available')!;
    expect([row('2027-01-30T00:00:00Z').status, row('2027-01-30T00:00:00Z').candidate]).toEqual(['pass', 70]);
    expect(row('2026-12-11T00:00:00Z').status).toBe('fail');
    expect(row('2027-01-30T00:00:00Z', true).message).toBe('champion artifact "champion" has expired: there is no previous release to roll back to');
  });

  test('drill records with missing keys or wrong types name the key', () => {
    expect(() => parseDrill({ date: '2026-11-01' }, 'd.json')).toThrow('d.json lacks rto_seconds, restored, runbook, owner; a drill record is');
    expect(() => drill({ rto_seconds: -1 })).toThrow('d.json: rto_seconds must be a number of seconds ≥ 0, not -1.');
    expect(() => drill({ restored: 'model' })).toThrow('d.json: restored must be a list of component names (["model", "preprocessing", …]), not "model".');
    expect(() => drill({ owner: ' ' })).toThrow('d.json: owner must be a non-empty text, not " ".');
    expect(() => drill({ date: '1764496800' })).toThrow(/^d\.json: date must be an ISO 8601 date/);
  });
});

// ── The seven gates ───────────────────────────────────────────────────────────────────────────────────────

describe('the seven release gates', () => {
  const row = (gate: CheckResult['gate'], status: CheckResult['status'], severity: CheckResult['severity'] = 'hard') =>
    ({ gate, status, severity }) as CheckResult;
  const report = (checks: CheckResult[]): Pick<Report, 'gates' | 'checks'> => ({
    checks,
    gates: Object.fromEntries(checks.map((c) => [c.gate, 'pass']))
  });

  test('quality is the worst of performance, segments and fairness; soft failures are soft_fail; absent is not_configured', () => {
    expect(
      releaseGates(report([row('performance', 'fail', 'soft'), row('segments', 'inconclusive'), row('fairness', 'pass'), row('data', 'skipped')]))
    ).toEqual({
      data_gate: 'pass',
      quality_gate: 'soft_fail',
      robustness_gate: 'not_configured',
      performance_gate: 'not_configured',
      cost_gate: 'not_configured',
      observability_gate: 'not_configured',
      rollback_gate: 'not_configured'
    });
    expect(releaseGates(report([row('performance', 'fail', 'soft'), row('fairness', 'fail')])).quality_gate).toBe('fail');
    expect(releaseGates(report([row('performance', 'pass'), row('segments', 'inconclusive', 'soft')])).quality_gate).toBe('inconclusive');
    expect(releaseGatesLine(report([row('rollback', 'fail'), row('operations', 'pass')]))).toBe(
      '**Release gates:** data ➖ not configured · quality ➖ not configured · robustness ➖ not configured · performance ✅ pass · cost ➖ not configured · observability ➖ not configured · rollback ❌ fail'
    );
  });

  test('the card holds exactly the seven keys, and the rollout of the canary section or null', () => {
    const r = { ...report([row('cost', 'pass')]), gate_result: 'pass', auto_merge: false, waived: false, waiver: null, generated_at: 'x', summary: 's', test_set: { n: 1, fingerprint: 'f' } } as unknown as Report;
    const source = { repository: null, commit: null, ref: null, run_id: null, run_attempt: null };
    const card = buildReleaseCard(r, [], source, null);
    expect(Object.keys(card.gates)).toEqual(['data_gate', 'quality_gate', 'robustness_gate', 'performance_gate', 'cost_gate', 'observability_gate', 'rollback_gate']);
    expect(card.rollout).toBeNull();
    const canary = config('  rollback: { drill: d.json }\n', 'canary:\n  source: { files: { baseline: b.jsonl, canary: c.jsonl } }\n  rollout: { strategy: canary, steps: [5, 50, 100] }\n  since: 2026-11-30T10:00:00Z\n  auto_rollback_on: ["error_rate > 5%"]\n');
    expect(rolloutOf(canary)).toEqual({ strategy: 'canary', steps: [5, 50, 100], auto_rollback_on: ['error_rate > 5%'] });
    expect(rolloutOf(config('  rollback: { drill: d.json }\n'))).toBeNull();
  });
});

// ── Config ────────────────────────────────────────────────────────────────────────────────────────────────

describe('config', () => {
  test('defaults', () => {
    const c = config('  observability: { alert_rules: [r.yml] }\n  rollback: { drill: d.json }\n  robustness: { suites: [{ name: s, results: s.xml, max_failure_rate: 0.1 }] }\n');
    expect(c.gates.observability).toEqual({
      alert_rules: ['r.yml'],
      slos: [],
      burn_rate_windows: [
        { factor: 14.4, long: '1h', short: '5m' },
        { factor: 6, long: '6h', short: '30m' },
        { factor: 1, long: '3d', short: '6h' }
      ],
      require_labels: ['severity', 'owner'],
      require_annotations: ['runbook_url']
    });
    expect(c.gates.rollback).toEqual({ drill: 'd.json', max_drill_age_days: 90, required_components: ['model', 'preprocessing', 'thresholds', 'runtime_params'] });
    expect(c.gates.robustness!.suites[0].min_cases).toBe(0);
    expect(config('  rollback: { drill: d.json }\n', 'policy: { soft_fail: [rollback, robustness] }\n').policy.soft_fail).toEqual(['rollback', 'robustness']);
  });

  test.each([
    [
      '  robustness: { suites: [{ name: s, results: s.xml, max_failure_rat: 0.1 }] }\n',
      /unknown key "max_failure_rat" at gates\.robustness\.suites\[0\]; did you mean "max_failure_rate"/
    ],
    ['  robustness: { suites: [{ name: s, results: s.xml, absolute_drop_allowed: 0.1 }] }\n', /champion_results is not set/],
    ['  robustness: { suites: [{ name: s, results: s.xml }] }\n', /gates\.robustness\.suites\[0\] checks nothing/],
    ['  observability: { alert_rules: [r.yml], burn_rate_windows: [{ factor: 2, long: 1hour, short: 5m }] }\n', /"1hour" is not a Prometheus duration/],
    ['  observability: { alert_rules: [r.yml], burn_rate_windows: [{ factor: 2, long: 5m, short: 1h }] }\n', /not shorter than its long window/],
    ['  rollback: { drill: d.json, max_drill_age_day: 30 }\n', /did you mean "max_drill_age_days"/],
    ['  data: { freshnes: { column: ts, max_age_hours: 1 } }\n', /did you mean "freshness"/]
  ])('%s is refused', (gates, message) => {
    expect(configError(gates)).toMatch(message);
  });
});
