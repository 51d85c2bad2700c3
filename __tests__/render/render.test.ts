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

describe('summary line (docs/github.md example format)', () => {
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
  const rowsOf = (md: string) => md.split('\n').filter((l) => /^\| (❌|✅|❔|⏭️|☑️)/.test(l));

  test('failures come first, in five columns: result, check, champion → candidate, Δ vs limit, severity', () => {
    const md = renderMarkdown(report([check({ name: 'roc_auc', metric: 'roc_auc' }), check({ status: 'fail', ci_low: -0.01 })]), { maxLength: COMMENT_LIMIT });
    const rows = rowsOf(md);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toBe(
      '| ❌ fail | **f1**<br><sub>performance</sub> | 0.7620 → 0.7710 | +0.90 pts better<br><sub>95% CI −1.00 to +2.10 pts</sub><br>`-==\\|========o=======-`<br><sub>worst case −1.00 pts is not above −0.76 pts: a drop larger than the margin is not ruled out</sub> | hard |'.replace('\\\\|', '\\|')
    );
    expect(rows[1].startsWith('| ✅ pass | **roc_auc**')).toBe(true);
    // the passing row is folded away because something failed
    expect(md.indexOf('<details><summary>1 passed</summary>')).toBeLessThan(md.indexOf(rows[1]));
    expect(md).toContain('### ❌ model-gate: Failed');
    expect(md).toContain('1 of 2 checks did not pass: **f1** (performance).');
    expect(md).toContain('n = 8,000, fingerprint `sha256:abc`');
    expect(md).toContain('10,000 resamples, seed 42');
  });

  test('lower-is-better comparisons say better/worse and "below"', () => {
    const md = renderMarkdown(report([check({ name: 'log_loss', metric: 'log_loss', direction: -1, delta: -0.02, ci_low: -0.03, ci_high: -0.01, threshold: 0.01 })]), { maxLength: COMMENT_LIMIT });
    expect(md).toContain('−0.0200 better');
    expect(md).toContain('worst case −0.0100 must stay below +0.0100');
  });

  test('a soft fail names the waiver label and who may apply it; a waiver has its own mark', () => {
    const soft = report([check({ status: 'fail', severity: 'soft' })], { gate_result: 'soft_fail' });
    soft.settings.waiver_label = 'accept-soft';
    const md = renderMarkdown(soft, { maxLength: COMMENT_LIMIT });
    expect(md).toContain('### ⚠️ model-gate: Soft fail: needs a waiver or a fix');
    expect(md).toContain('someone with write access to this repository adds the label **accept-soft** to this pull request');
    expect(md).not.toContain('soft_fail');
    const waived = renderMarkdown(report([check({ status: 'fail', severity: 'soft' })], {
      gate_result: 'pass', waived: true, waiver: { label: 'accept-soft', pull_request: 3, by: 'a', at: '2026-01-01T00:00:00Z', commit: '0123456789abcdef' }
    }), { maxLength: COMMENT_LIMIT });
    expect(waived).toContain('### ☑️ model-gate: Passed with a waiver');
    expect(rowsOf(waived)[0].startsWith('| ☑️ waived |')).toBe(true);
  });

  test('a pass with soft failures says they do not block', () => {
    const md = renderMarkdown(report([check({ status: 'fail', severity: 'soft', ci_low: -0.01 }), check({ name: 'roc_auc', metric: 'roc_auc' })], { gate_result: 'pass' }), { maxLength: COMMENT_LIMIT });
    expect(md).toContain('### ✅ model-gate: Passed\n\n1 of 2 checks did not pass (soft checks that do not block the result): **f1** (performance).');
  });

  test('the headline count matches the names listed, "and N more" included', () => {
    const checks = Array.from({ length: 13 }, (_, i) => check({ name: `m${i}`, status: i < 11 ? 'fail' : 'pass' }));
    const md = renderMarkdown(report(checks), { maxLength: COMMENT_LIMIT });
    const line = md.split('\n').find((l) => l.startsWith('11 of 13 checks did not pass'))!;
    const named = line.match(/\*\*m\d+\*\*/g)!.length;
    const more = Number(/and (\d+) more\.$/.exec(line)![1]);
    expect(named + more).toBe(11);
  });

  test('a failed row whose numbers would clear the limit is not worded as if they did not: the message says why', () => {
    const md = renderMarkdown(report([check({ status: 'fail', message: 'failed for a reason of its own' })]), { maxLength: COMMENT_LIMIT });
    expect(md).toContain('<sub>failed for a reason of its own</sub>');
    expect(md).not.toContain('is not above');
  });

  test('checks with the same name are told apart', () => {
    const md = renderMarkdown(report([check({ status: 'fail' }), check({ status: 'fail' }), check({ gate: 'segments', segment: 'new', status: 'fail' })]), { maxLength: COMMENT_LIMIT });
    expect(md).toContain('<sub>performance · no. 1</sub>');
    expect(md).toContain('<sub>performance · no. 2</sub>');
    expect(md).toContain('<sub>segments · new</sub>');
  });

  test('text from data cannot break the table, mention anyone or inject HTML', () => {
    const evil = 'a|b <img src=x> @octocat `x` [l](http://e) \n| x |';
    const md = renderMarkdown(report([check({ segment: evil, status: 'fail' })]), { maxLength: COMMENT_LIMIT });
    const row = rowsOf(md)[0];
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(5); // five cells, no more
    expect(md).not.toMatch(/<img|@octocat|`x`|(?<!\\)\]\(/);
    expect(escapeMarkdown('@a|b')).toBe('&#64;a&#124;b');
    expect(escapeMarkdown('roc_auc _x_ *y* [z]')).toBe('roc_auc \\_x\\_ \\*y\\* \\[z\\]');
  });

  test('over the limit, passing rows are dropped first with a note a reader can act on', () => {
    const checks = [check({ status: 'fail', name: 'bad' }), ...Array.from({ length: 500 }, (_, i) => check({ name: `ok${i}`, message: 'x'.repeat(100) }))];
    const md = renderMarkdown(report(checks), { maxLength: 20000, fullListAt: 'the job summary of this run and the artifact gate-report' });
    expect(md.length).toBeLessThanOrEqual(20000);
    expect(md).toContain('| ❌ fail | **bad**');
    expect(md).toMatch(/_\d+ of 501 checks \(passing ones first\) are not shown here, to stay under GitHub's size limit: see the job summary of this run and the artifact gate-report for every check._/);
    const full = renderMarkdown(report(checks), { maxLength: 10_000_000 });
    expect(full).not.toContain('not shown here');
  });
});

describe('terminal table', () => {
  test('aligned, hard/soft and the reason for a failed check, control characters stripped', () => {
    const out = renderText(report([check({ segment: 'x\u001b[31m', status: 'fail', ci_low: -0.01 }), check({ name: 'roc_auc', metric: 'roc_auc' })]));
    const lines = out.split('\n');
    expect(lines[0]).toBe('model-gate: Failed. 1 of 2 checks failed (performance/x?[31m/f1)');
    expect(out).not.toContain('\u001b');
    const header = lines.find((l) => l.startsWith('result'))!;
    const fail = lines.find((l) => l.startsWith('FAIL'))!;
    expect(fail).toMatch(/^FAIL {4}hard {2}f1 \(performance · x\?\[31m\)/);
    expect(header.indexOf('champion')).toBe(fail.indexOf('0.7620'));
    expect(lines[lines.indexOf(fail) + 1]).toMatch(/^ {14}why: worst case −1\.00 pts is not above −0\.76 pts/);
  });

  test('fits the width it is given, long names cut with …, reasons wrapped', () => {
    const long = 'segment_with_a_really_long_name_that_goes_on_and_on_and_on';
    const r = report([check({ gate: 'segments', segment: long, status: 'fail', message: 'y '.repeat(200) }), check({ gate: 'segments', segment: long, status: 'inconclusive', delta: null, ci_low: null, ci_high: null, message: 'z '.repeat(200) })]);
    for (const width of [100, 80]) {
      const out = renderText(r, { width });
      for (const l of out.split('\n')) expect([...l].length).toBeLessThanOrEqual(width);
      expect(out).toContain('…');
      expect(out).toContain('INCONC');
    }
  });
});
