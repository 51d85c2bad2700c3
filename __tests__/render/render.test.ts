import { summaryLine } from '../../src/core/summary.js';
import type { CheckResult, Report } from '../../src/core/report.js';
import { escapeMarkdown } from '../../src/render/escape.js';
import { COMMENT_LIMIT, renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';

function check(over: Partial<CheckResult>): CheckResult {
  return {
    gate: 'performance', name: 'f1', metric: 'f1', segment: null, group: null, status: 'pass', severity: 'hard',
    n: 8000, candidate: 0.771, champion: 0.762, delta: 0.009, ci_low: -0.004, ci_high: 0.021,
    ci_method: 'bootstrap-cells', threshold: -0.00762, rule: 'non_inferior', message: 'ok', direction: 1, ...over
  };
}

function report(checks: CheckResult[], over: Partial<Report> = {}): Report {
  return {
    gate_result: 'fail', auto_merge: false, waived: false, generated_at: '2026-01-01T00:00:00.000Z', waiver: null,
    summary: summaryLine('fail', false, checks), test_set: { n: 8000, fingerprint: 'sha256:abc' },
    gates: { performance: 'fail' }, checks,
    settings: { task: 'binary', primary_metric: 'f1', confidence_level: 0.95, ci_method: 'auto', resamples: 10000, seed: 42, min_eval_samples: 0, champion: true },
    ...over
  };
}

describe('summary line (SPEC §1 example format)', () => {
  test('lists failing checks by gate/segment/name', () => {
    const checks = [
      check({ name: 'f1', status: 'fail' }),
      ...Array.from({ length: 12 }, () => check({ name: 'roc_auc' })),
      check({ gate: 'segments', segment: 'new_users', name: 'recall', status: 'fail' })
    ];
    expect(summaryLine('fail', false, checks)).toBe('fail: 2 of 14 checks failed (performance/f1, segments/new_users/recall)');
  });
  test('passes, skips, waivers and inconclusive checks are said', () => {
    expect(summaryLine('pass', false, [check({}), check({ status: 'skipped' })])).toBe('pass: 1 of 1 checks passed, 1 skipped');
    expect(summaryLine('pass', true, [check({ status: 'fail', severity: 'soft' })])).toBe('pass (waived): 1 of 1 checks failed (performance/f1)');
    expect(summaryLine('fail', false, [check({ status: 'inconclusive' })])).toBe('fail: 1 of 1 checks failed (performance/f1 inconclusive)');
  });
  test('long lists are cut after five names', () => {
    const checks = Array.from({ length: 7 }, (_, i) => check({ name: `m${i}`, status: 'fail' }));
    expect(summaryLine('fail', false, checks)).toBe('fail: 7 of 7 checks failed (performance/m0, performance/m1, performance/m2, performance/m3, performance/m4, and 2 more)');
  });
});

describe('markdown verdict', () => {
  test('failures come first and each row shows champion, candidate, Δ with CI, rule and result', () => {
    const md = renderMarkdown(report([check({ name: 'roc_auc' }), check({ status: 'fail', ci_low: -0.01 })]), { maxLength: COMMENT_LIMIT });
    const rows = md.split('\n').filter((l) => l.startsWith('| performance'));
    expect(rows).toEqual([
      '| performance | f1 | 0.7620 | 0.7710 | +0.0090 [-0.0100, +0.0210] | non-inferior: L > -0.0076 | ❌ fail |',
      '| performance | roc_auc | 0.7620 | 0.7710 | +0.0090 [-0.0040, +0.0210] | non-inferior: L > -0.0076 | ✅ pass |'
    ]);
    expect(md).toContain('### ❌ model-gate: **fail**');
    expect(md).toContain('n = 8000, fingerprint `sha256:abc`');
    expect(md).toContain('10000 resamples, seed 42');
  });

  test('lower-is-better comparisons show the upper bound', () => {
    const md = renderMarkdown(report([check({ name: 'log_loss', direction: -1, threshold: 0.01 })]), { maxLength: COMMENT_LIMIT });
    expect(md).toContain('non-inferior: U < +0.0100');
  });

  test('text from data cannot break the table, mention anyone or inject HTML', () => {
    const evil = 'a|b <img src=x> @octocat `x` [l](http://e) \n| x |';
    const md = renderMarkdown(report([check({ segment: evil, status: 'fail' })]), { maxLength: COMMENT_LIMIT });
    const row = md.split('\n').find((l) => l.startsWith('| performance'))!;
    expect(row.split('|').length - 2).toBe(7); // seven cells, no more
    expect(md).not.toMatch(/<img|@octocat|`x`|(?<!\\)\]\(/);
    expect(escapeMarkdown('@a|b')).toBe('&#64;a&#124;b');
    expect(escapeMarkdown('roc_auc _x_ *y* [z]')).toBe('roc_auc \\_x\\_ \\*y\\* \\[z\\]');
  });

  test('over the limit, passing rows are dropped first with a note', () => {
    const checks = [check({ status: 'fail', name: 'bad' }), ...Array.from({ length: 500 }, (_, i) => check({ name: `ok${i}`, message: 'x'.repeat(100) }))];
    const md = renderMarkdown(report(checks), { maxLength: 20000 });
    expect(md.length).toBeLessThanOrEqual(20000);
    expect(md).toContain('| performance | bad |');
    expect(md).toMatch(/_\d+ of 501 rows \(passing first\) are left out/);
    const full = renderMarkdown(report(checks), { maxLength: 10_000_000 });
    expect(full).not.toContain('left out');
  });
});

test('text table is aligned and strips control characters', () => {
  const out = renderText(report([check({ segment: 'x\u001b[31m', status: 'fail' }), check({ name: 'roc_auc' })]));
  const lines = out.split('\n');
  expect(lines[0]).toBe('model-gate: fail: 1 of 2 checks failed (performance/x\u001b[31m/f1)'.replace('\u001b', '?'));
  expect(out).not.toContain('\u001b');
  const header = lines[2];
  expect(header.indexOf('champion')).toBe(lines[4].indexOf('0.7620'));
});
