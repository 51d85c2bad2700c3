/** The verdict as plain text for a terminal: the summary line and an aligned table, failures first. */
import { fmt, fmtLevel, fmtSigned } from '../core/format.js';
import type { CheckResult, Report } from '../core/report.js';
import { orderChecks } from './markdown.js';

const HEAD = ['gate', 'check', 'champion', 'candidate', 'delta [CI]', 'rule', 'result'];

function rule(c: CheckResult): string {
  if (c.rule === 'min_value') return `>= ${fmt(c.threshold)}`;
  if (c.rule === 'max_value') return `<= ${fmt(c.threshold)}`;
  if (c.rule === 'strictly_better') return 'strictly better';
  if (c.rule === 'equivalent') return `equivalent: CI inside +/-${fmt(c.threshold)}`;
  if (c.rule === 'max_relative_increase') return `<= ${fmt(c.threshold)} (champion + allowed increase)`;
  if (c.rule === 'max_group_gap') return `gap <= ${fmt(c.threshold)}`;
  if (c.rule === 'max_gap_increase') return `gap widening: U < ${fmtSigned(c.threshold)}`;
  if (c.rule === 'schema') return 'schema';
  const side = c.direction === -1 ? 'U <' : 'L >';
  return `${c.rule === 'superior' ? 'superior' : 'non-inferior'}: ${side} ${c.rule === 'superior' ? '0' : fmtSigned(c.threshold)}`;
}

function cells(c: CheckResult): string[] {
  const delta =
    c.delta === null
      ? '-'
      : c.ci_low === null || c.ci_high === null
        ? fmtSigned(c.delta)
        : `${fmtSigned(c.delta)} [${fmtSigned(c.ci_low)}, ${fmtSigned(c.ci_high)}]`;
  const name = [c.segment, c.group, c.name].filter((x) => x !== null).join('/');
  return [c.gate, name, fmt(c.champion), fmt(c.candidate), delta, rule(c), c.status.toUpperCase()];
}

/** Strips control characters so data cannot move the cursor or recolour the terminal. */
function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

export function renderText(report: Report): string {
  const rows = [HEAD, ...orderChecks(report.checks).map(cells)].map((r) => r.map(printable));
  const widths = HEAD.map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  const line = (r: string[]) => r.map((x, j) => x.padEnd(widths[j])).join('  ').trimEnd();
  const s = report.settings;
  return [
    `model-gate: ${printable(report.summary)}${report.auto_merge ? ' (auto-merge)' : ''}`,
    '',
    line(rows[0]),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.slice(1).map(line),
    '',
    `n = ${report.test_set.n}, ${report.test_set.fingerprint}; ${fmtLevel(s.confidence_level)} CI of candidate - champion, ` +
      `ci.method ${s.ci_method}, ${s.resamples} resamples, seed ${s.seed}`,
    ''
  ].join('\n');
}
