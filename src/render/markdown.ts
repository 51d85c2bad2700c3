/**
 * The verdict as markdown (SPEC §7), for the job summary and the PR comment: a headline, one table row per
 * check with failures first, and the facts needed to trust it. Pure; a size limit drops passing rows first.
 */
import { fmt, fmtLevel, fmtSigned } from '../core/format.js';
import { isFailing, type CheckResult, type Report } from '../core/report.js';
import { escapeMarkdown } from './escape.js';

export interface MarkdownOptions {
  /** Hard limit on the body's length in characters (65,536 for a comment, 1 MiB for a job summary). */
  maxLength: number;
  /** First line, e.g. the hidden marker of a sticky comment. */
  header?: string;
  /** Link to the workflow run, shown in the details. */
  runUrl?: string;
}

export const COMMENT_LIMIT = 65536;
export const SUMMARY_LIMIT = 1024 * 1024;

const ICON: Record<string, string> = {
  pass: '✅',
  soft_fail: '⚠️',
  fail: '❌',
  error: '💥',
  inconclusive: '❔',
  skipped: '⏭️'
};

const STATUS_ORDER: Record<string, number> = { fail: 0, inconclusive: 1, pass: 2, skipped: 3 };

/** Failures first, then inconclusive, passes and skips; config order within each. */
export function orderChecks(checks: readonly CheckResult[]): CheckResult[] {
  return checks
    .map((c, i) => ({ c, i }))
    .sort((a, b) => STATUS_ORDER[a.c.status] - STATUS_ORDER[b.c.status] || a.i - b.i)
    .map((x) => x.c);
}

function ruleText(c: CheckResult): string {
  const side = c.direction === -1 ? 'U <' : 'L >';
  switch (c.rule) {
    case 'non_inferior':
      return `non-inferior: ${side} ${fmtSigned(c.threshold)}`;
    case 'superior':
      return `superior: ${side} 0`;
    case 'strictly_better':
      return 'strictly better (point Δ)';
    case 'min_value':
      return `≥ ${fmt(c.threshold)}`;
    case 'max_value':
      return `≤ ${fmt(c.threshold)}`;
  }
}

function deltaCell(c: CheckResult): string {
  if (c.delta === null) return '–';
  if (c.ci_low === null || c.ci_high === null) return fmtSigned(c.delta);
  return `${fmtSigned(c.delta)} [${fmtSigned(c.ci_low)}, ${fmtSigned(c.ci_high)}]`;
}

function checkCell(c: CheckResult): string {
  return [c.segment, c.group, c.name]
    .filter((x): x is string => x !== null)
    .map(escapeMarkdown)
    .join(' / ');
}

function row(c: CheckResult): string {
  const cells = [
    c.gate + (c.severity === 'soft' ? ' (soft)' : ''),
    checkCell(c),
    fmt(c.champion),
    fmt(c.candidate),
    deltaCell(c),
    ruleText(c),
    `${ICON[c.status]} ${c.status}`
  ];
  return `| ${cells.join(' | ')} |`;
}

function headline(report: Report): string {
  const result = report.waived ? `${report.gate_result} (waived)` : report.gate_result;
  const merge = report.auto_merge ? ' · auto-merge: yes' : '';
  return `### ${ICON[report.gate_result]} model-gate: **${result}**${merge}\n\n${escapeMarkdown(report.summary)}`;
}

function note(c: CheckResult): string {
  return `- **${checkCell(c)}** (${c.gate}, ${c.status}): ${escapeMarkdown(c.message)}`;
}

function details(report: Report, shown: readonly CheckResult[], runUrl?: string): string {
  const s = report.settings;
  const methods = [...new Set(report.checks.map((c) => c.ci_method).filter((m): m is string => m !== null))];
  const lines = [
    `- Test set: n = ${report.test_set.n}, fingerprint \`${report.test_set.fingerprint}\``,
    `- Intervals: ${fmtLevel(s.confidence_level)} two-sided on Δ = candidate − champion (paired rows); ` +
      `method ${s.ci_method}${methods.length ? ` → ${methods.join(', ')}` : ''}; ` +
      `${s.resamples} resamples, seed ${s.seed}`,
    `- Minimum rows per check: ${s.min_eval_samples}${s.champion ? '' : ' · no champion configured: comparisons skipped'}`
  ];
  if (runUrl) lines.push(`- Run: ${runUrl}`);
  return ['<details><summary>How this was decided</summary>', '', ...lines, '', ...shown.map(note), '', '</details>'].join(
    '\n'
  );
}

const TABLE_HEAD = (level: number) =>
  `| Gate | Check | Champion | Candidate | Δ (${fmtLevel(level)} CI) | Rule | Result |\n|---|---|--:|--:|---|---|---|`;

/** Room kept for the "rows left out" note when planning which rows fit. */
const OMITTED_NOTE_ROOM = 200;

/**
 * Renders the report. When the body would exceed `maxLength`, passing and skipped rows are dropped first
 * (from the end), then failing ones, with a note saying how many rows were left out and where to find them.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions): string {
  const ordered = orderChecks(report.checks);
  const build = (shown: readonly CheckResult[]): string => {
    const omitted = ordered.length - shown.length;
    const parts = [
      options.header,
      headline(report),
      shown.length ? `${TABLE_HEAD(report.settings.confidence_level)}\n${shown.map(row).join('\n')}` : '',
      omitted
        ? `_${omitted} of ${ordered.length} rows (passing first) are left out to stay under GitHub's size limit; the JSON report has every check._`
        : '',
      details(report, shown, options.runUrl)
    ];
    return parts.filter((p) => p !== undefined && p !== '').join('\n\n') + '\n';
  };
  const full = build(ordered);
  if (full.length <= options.maxLength) return full;

  // Each check costs its table row and its note; drop the cheapest-to-lose rows until the rest fit.
  const budget = options.maxLength - build([]).length - OMITTED_NOTE_ROOM;
  const cost = ordered.map((c) => row(c).length + note(c).length + 2);
  const keep = ordered.map(() => true);
  let total = cost.reduce((a, b) => a + b, 0);
  for (const passing of [true, false]) {
    for (let i = ordered.length - 1; i >= 0 && total > budget; i--) {
      if (keep[i] && !isFailing(ordered[i]) === passing) {
        keep[i] = false;
        total -= cost[i];
      }
    }
  }
  const body = build(ordered.filter((_, i) => keep[i]));
  return body.length > options.maxLength ? body.slice(0, options.maxLength) : body;
}
