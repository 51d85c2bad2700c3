/**
 * The PR comment's body (renderMarkdown with the action's options): hostile text from data or config cannot
 * change the table, mention anyone, inject HTML or hide the rest of the comment; the interval picture is right;
 * the size limits hold in the unit GitHub counts.
 */
import type { CheckResult, Report } from '../../src/core/report.js';
import { summaryLine } from '../../src/core/summary.js';
import { COMMENT_LIMIT, intervalBar, renderErrorMarkdown, renderMarkdown, SUMMARY_LIMIT } from '../../src/render/markdown.js';

function check(over: Partial<CheckResult>): CheckResult {
  return {
    gate: 'performance', name: 'f1', metric: 'f1', segment: null, group: null, status: 'pass', severity: 'hard',
    n: 8000, candidate: 0.771, champion: 0.762, delta: 0.009, ci_low: -0.004, ci_high: 0.021,
    ci_method: 'bootstrap-cells', threshold: -0.00762, rule: 'non_inferior', message: 'ok', direction: 1, ...over
  };
}

function report(checks: CheckResult[], over: Partial<Report> = {}): Report {
  const result = over.gate_result ?? (checks.some((c) => c.status === 'fail') ? 'fail' : 'pass');
  return {
    gate_result: result, auto_merge: false, waived: false, generated_at: '2026-01-01T00:00:00.000Z', waiver: null,
    summary: summaryLine(result, over.waived ?? false, checks), test_set: { n: 8000, fingerprint: 'sha256:abc' },
    gates: { performance: 'fail' }, checks,
    settings: { task: 'binary', primary_metric: 'f1', confidence_level: 0.95, ci_method: 'auto', resamples: 10000, seed: 42, min_eval_samples: 0, champion: true },
    ...over
  };
}

const MARKER = '<!-- model-gate:default -->';
const comment = (r: Report, maxLength = COMMENT_LIMIT) =>
  renderMarkdown(r, { maxLength, header: MARKER, runUrl: 'https://github.com/acme/churn-model/actions/runs/1234', intervalBars: true });

/** Unescaped pipes split GFM table cells (a backslash-escaped one does not). */
const cells = (line: string) => line.split(/(?<!\\)\|/).length - 2;

const HOSTILE = [
  'a|b',
  'pipe \\| escaped',
  '<img src=x onerror=alert(1)>',
  '<details open><summary>x</summary>',
  '-->hidden<!--',
  '@octocat and @acme/team',
  '`code` ``x``',
  '[link](https://evil.example) ![img](https://evil.example/i.png)',
  '**bold** _it_ ~~s~~ #1 acme/churn-model#2',
  'line\nbreak\r\n| injected | row |',
  '&#124;already-an-entity',
  'https://evil.example/autolink'
];

describe('hostile segment and group names', () => {
  const checks = HOSTILE.map((name, i) =>
    check({ gate: 'segments', segment: name, group: i % 2 ? name : null, name: `recall ${name}`, status: i % 3 ? 'pass' : 'fail', message: `msg ${name}` })
  );
  const md = comment(report(checks));
  const lines = md.split('\n');
  const head = lines.find((l) => l.startsWith('| Gate |'))!;
  const rows = lines.filter((l) => l.startsWith('| segments'));

  test('every row has exactly the header’s cells, one row per check, and nothing else looks like a row', () => {
    expect(cells(head)).toBe(8);
    expect(rows).toHaveLength(HOSTILE.length);
    for (const r of rows) expect(cells(r)).toBe(8);
    const tableLines = lines.filter((l) => l.startsWith('|'));
    expect(tableLines).toHaveLength(HOSTILE.length + 2); // header, delimiter, rows
  });

  test('no raw HTML, no mention, no code span, link or image from data', () => {
    const fromData = md.replace(MARKER, '').replace(/<\/?details>|<summary>How this was decided<\/summary>/g, '');
    expect(fromData).not.toMatch(/<[a-z!/]/i); // no tag, comment or closing tag
    expect(fromData).not.toMatch(/(^|[^\w&#])@[a-z]/im); // no @mention
    expect(fromData).not.toMatch(/`code`|``x``/);
    expect(fromData).not.toMatch(/(?<!\\)\]\(/); // no [text](url)
    expect(fromData).not.toContain('-->');
  });

  test('the marker appears once, first, and data cannot forge a second one', () => {
    const evil = comment(report([check({ segment: MARKER, status: 'fail' })]));
    expect(evil.startsWith(`${MARKER}\n`)).toBe(true);
    expect(evil.split(MARKER)).toHaveLength(2);
  });

  test('the text stays readable: entities and backslashes, not deletion', () => {
    expect(md).toContain('a&#124;b');
    expect(md).toContain('&#64;octocat');
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  test('a hostile waiver label or login cannot break out either', () => {
    const waived = report([check({ status: 'fail', severity: 'soft' })], {
      gate_result: 'pass',
      waived: true,
      waiver: { label: '<b>waive</b> @team | x', pull_request: 7, by: 'evil[bot]', at: '2026-11-20T10:00:00Z', commit: 'abcdef0123456789' }
    });
    const md2 = comment(waived);
    expect(md2).toContain(
      '**Waived:** soft failures are accepted because PR #7 carries the label **&lt;b&gt;waive&lt;/b&gt; &#64;team &#124; x** (added by evil\\[bot\\] on 2026-11-20 10:00 UTC for commit `abcdef012345`).'
    );
  });
});

describe('the interval picture', () => {
  const bar = (c: Partial<CheckResult>) => intervalBar(check(c)).slice(1, -1);
  const at = (s: string, ch: string) => [...s].indexOf(ch);

  test('a pass lies wholly right of the margin; a fail does not', () => {
    const pass = bar({ ci_low: 0.002, ci_high: 0.03, delta: 0.016, threshold: -0.01 });
    expect([...pass]).toHaveLength(21);
    expect(at(pass, '┆')).toBeLessThan(at(pass, '━'));
    const fail = bar({ ci_low: -0.03, ci_high: 0.01, delta: -0.005, threshold: -0.01, status: 'fail' });
    expect(at(fail, '┆')).toBeGreaterThan(at(fail, '━'));
  });

  test('lower-is-better metrics are flipped so that right is still better', () => {
    // log_loss: Δ = -0.02 (better), U = -0.01 < margin +0.007: a pass, drawn right of the margin.
    const s = bar({ direction: -1, delta: -0.02, ci_low: -0.03, ci_high: -0.01, threshold: 0.007 });
    expect(at(s, '┆')).toBeLessThan(at(s, '━'));
    expect(at(s, '┆')).toBeLessThan(at(s, '●'));
  });

  test('zero is marked, inside the interval as ┿', () => {
    expect(bar({ ci_low: -0.004, ci_high: 0.021 })).toContain('┿');
    expect(bar({ ci_low: 0.004, ci_high: 0.021, delta: 0.01 })).toContain('┼');
  });

  test('no picture without an interval or for bounds', () => {
    expect(intervalBar(check({ ci_low: null, ci_high: null }))).toBe('–');
    expect(intervalBar(check({ rule: 'min_value', threshold: 0.5 }))).toBe('–');
  });
});

describe('size limits', () => {
  const many = [
    check({ status: 'fail', name: 'bad' }),
    ...Array.from({ length: 2000 }, (_, i) => check({ name: `ok${i}`, message: 'ü'.repeat(200) }))
  ];

  test('the comment stays under 65,536 characters, dropping passing rows first, with a note', () => {
    const md = comment(report(many));
    expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(md).toContain('| performance | bad |');
    expect(md).toMatch(/_\d+ of 2001 rows \(passing first\) are left out to stay under GitHub's size limit/);
    expect(md.startsWith(MARKER)).toBe(true);
    expect(md).toContain('</details>'); // not cut in the middle
  });

  test('the job summary limit counts UTF-8 bytes', () => {
    const limit = 100_000;
    const md = renderMarkdown(report(many), { maxLength: limit, unit: 'bytes', intervalBars: true });
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(limit);
    expect(md.length).toBeLessThan(limit); // characters would have allowed more
    expect(md).toContain('left out');
    expect(SUMMARY_LIMIT).toBe(1024 * 1024);
  });
});

test('the error body says why, escaped, with the marker and the run link', () => {
  const md = renderErrorMarkdown('data/<x>.csv:3: bad @value', {
    maxLength: COMMENT_LIMIT,
    header: MARKER,
    runUrl: 'https://github.com/acme/churn-model/actions/runs/1234'
  });
  expect(md).toBe(
    `${MARKER}\n\n### 💥 model-gate: **error**\n\nThe gate could not be evaluated: data/&lt;x&gt;.csv:3: bad &#64;value\n\nRun: https://github.com/acme/churn-model/actions/runs/1234\n`
  );
});
