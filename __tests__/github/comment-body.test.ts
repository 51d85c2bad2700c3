/**
 * The PR comment's body (renderMarkdown with the action's options): hostile text from data or config cannot
 * change the table, mention anyone, inject HTML or hide the rest of the comment; the interval picture is right;
 * the size limits hold in the unit GitHub counts.
 */
import type { CheckResult, Report } from '../../src/core/report.js';
import { summaryLine } from '../../src/core/summary.js';
import { ZWSP } from '../../src/render/inert.js';
import { intervalPicture } from '../../src/render/interval.js';
import { COMMENT_LIMIT, renderErrorMarkdown, renderMarkdown, SUMMARY_LIMIT } from '../../src/render/markdown.js';

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
  renderMarkdown(r, { maxLength, header: MARKER, runUrl: 'https://github.com/acme/churn-model/actions/runs/1234' });

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
  const head = lines.find((l) => l.startsWith('| Result |'))!;
  const rows = lines.filter((l) => /^\| (❌|✅) /.test(l));

  test('every row has exactly the header’s cells, one row per check, and nothing else looks like a row', () => {
    expect(cells(head)).toBe(5);
    expect(rows).toHaveLength(HOSTILE.length);
    for (const r of rows) expect(cells(r)).toBe(5);
    const tableLines = lines.filter((l) => l.startsWith('|'));
    expect(tableLines).toHaveLength(HOSTILE.length + 4); // two tables (failing, folded passing): header, delimiter, rows
  });

  test('no raw HTML, no mention, no code span, link or image from data', () => {
    const fromData = md
      .replace(MARKER, '')
      .replace(/<\/?details>|<summary>[^<]*<\/summary>|<br>|<\/?sub>|\[(the )?workflow run\]\([^)]*\)/g, '')
      .replace(/`[-=o\\|]+`/g, '');
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
    expect(md).toContain(`&#64;${ZWSP}octocat`);
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
      `**Waived:** soft failures are accepted because PR #7 carries the label **&lt;b&gt;waive&lt;/b&gt; &#64;${ZWSP}team &#124; x** (added by evil\\[bot\\] on 2026-11-20 10:00 UTC for commit \`abcdef012345\`).`
    );
  });
});

describe('the interval picture', () => {
  const bar = (c: Partial<CheckResult>) => intervalPicture(check(c))!;
  const limit = (s: string) => s.indexOf('|');

  test('a pass lies wholly right of the limit; a fail does not', () => {
    const pass = bar({ ci_low: 0.002, ci_high: 0.03, delta: 0.016, threshold: -0.01 });
    expect(pass).toHaveLength(21);
    expect(limit(pass)).toBeLessThan(pass.indexOf('='));
    const fail = bar({ ci_low: -0.03, ci_high: 0.01, delta: -0.005, threshold: -0.01, status: 'fail' });
    expect(limit(fail)).toBeGreaterThan(fail.indexOf('='));
    expect(/^[-=o|]+$/.test(pass + fail)).toBe(true); // ASCII every monospace font has
  });

  test('lower-is-better metrics are flipped so that right is still better', () => {
    // log_loss: Δ = -0.02 (better), U = -0.01 < margin +0.007: a pass, drawn right of the limit.
    const s = bar({ direction: -1, delta: -0.02, ci_low: -0.03, ci_high: -0.01, threshold: 0.007 });
    expect(limit(s)).toBeLessThan(s.indexOf('='));
    expect(limit(s)).toBeLessThan(s.indexOf('o'));
  });

  test('the exact edge: an interval ending at the margin fails and is drawn across it, in every scale', () => {
    // core/rules.ts: pass iff L > threshold. L == threshold fails; L a hair above passes.
    for (const width of [0.001, 0.01, 0.1, 1, 1000]) {
      const t = -0.01;
      const atEdge = bar({ ci_low: t, ci_high: t + width, delta: t + width / 2, threshold: t, status: 'fail' });
      expect(atEdge.indexOf('=')).toBeLessThan(limit(atEdge));
      const above = bar({ ci_low: t + 1e-12, ci_high: t + width, delta: t + width / 2, threshold: t, status: 'pass' });
      expect(limit(above)).toBeLessThan(above.indexOf('='));
      // lower is better: U == threshold fails
      const up = bar({ direction: -1, ci_low: -width, ci_high: 0.01, delta: -width / 2, threshold: 0.01, status: 'fail' });
      expect(up.indexOf('=')).toBeLessThan(limit(up));
    }
  });

  test('a check whose status failed is never drawn clear of the limit, whatever its numbers', () => {
    for (let i = 0; i < 500; i++) {
      const t = -((i % 17) + 1) / 1000;
      const lo = t + ((i % 7) - 3) * 1e-4;
      const hi = lo + ((i % 11) + 1) / 500;
      const s = bar({ ci_low: lo, ci_high: hi, delta: (lo + hi) / 2, threshold: t, status: lo > t ? 'pass' : 'fail' });
      expect(limit(s) < s.indexOf('=')).toBe(lo > t);
      const forced = bar({ ci_low: lo, ci_high: hi, delta: (lo + hi) / 2, threshold: t, status: 'fail' });
      expect(limit(forced) < forced.indexOf('=')).toBe(false);
    }
  });

  test('no picture without an interval or for bounds', () => {
    expect(intervalPicture(check({ ci_low: null, ci_high: null }))).toBeUndefined();
    expect(intervalPicture(check({ rule: 'min_value', threshold: 0.5 }))).toBeUndefined();
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
    expect(md).toContain('| ❌ fail | **bad**');
    expect(md).toMatch(/_\d+ of 2001 checks \(passing ones first\) are not shown here, to stay under GitHub's size limit: see the job summary of this run for every check._/);
    expect(md.startsWith(MARKER)).toBe(true);
    expect(md).toContain('</details>'); // not cut in the middle
  });

  test('the job summary limit counts UTF-8 bytes', () => {
    const limit = 100_000;
    const md = renderMarkdown(report(many), { maxLength: limit, unit: 'bytes' });
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(limit);
    expect(md.length).toBeLessThan(limit); // characters would have allowed more
    expect(md).toContain('not shown here');
    expect(SUMMARY_LIMIT).toBe(1024 * 1024);
  });
});

test('the error body says why, inert, with the marker and the run link; several problems as a list', () => {
  const md = renderErrorMarkdown('data/<x>.csv:3: bad @value', {
    maxLength: COMMENT_LIMIT,
    header: MARKER,
    runUrl: 'https://github.com/acme/churn-model/actions/runs/1234'
  });
  expect(md).toBe(
    `${MARKER}\n\n### 💥 model-gate: Could not be evaluated\n\nThe gate could not be evaluated: data/&lt;x&gt;.csv:3: bad &#64;${ZWSP}value\n\n` +
      '**Next step:** fix this and push; the gate runs again. Details: [workflow run](https://github.com/acme/churn-model/actions/runs/1234).\n'
  );
  const many = renderErrorMarkdown('g.yml:3:7: a is wrong\nand 2 more problems:\n  g.yml:5:1: b is wrong #12\n  g.yml:9:3: c is wrong', { maxLength: COMMENT_LIMIT });
  expect(many).toContain(`The gate could not be evaluated: g.yml:3:7: a is wrong\n\nAlso:\n\n- g.yml:5:1: b is wrong \\#${ZWSP}12\n- g.yml:9:3: c is wrong\n`);
});
