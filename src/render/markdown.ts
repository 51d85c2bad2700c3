/**
 * The verdict as markdown (SPEC §7), for the job summary and the PR comment: a headline, one table row per
 * check with failures first, and the facts needed to trust it. Pure; a size limit drops passing rows first.
 * Everything that comes from data, config or the API (names, labels, logins, messages) goes through
 * escapeMarkdown; the only raw markup is ours.
 */
import { releaseGatesLine } from './release-gates.js';
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
  /**
   * Adds a column with a small text picture of each comparison's interval against its margin (the action's
   * comment and job summary). Off by default so other consumers' tables keep their shape.
   */
  intervalBars?: boolean;
  /**
   * What `maxLength` counts: UTF-16 characters (a PR comment's limit) or UTF-8 bytes (the job summary's 1 MiB
   * limit is a file size). Default `characters`.
   */
  unit?: 'characters' | 'bytes';
  /** Path of the release card written next to the report, shown in the details. */
  releaseCard?: string;
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
    case 'max_relative_increase':
      return `≤ ${fmt(c.threshold)} (champion + allowed increase)`;
    case 'max_group_gap':
      return `gap ≤ ${fmt(c.threshold)}`;
    case 'max_gap_increase':
      return `gap widening: U < ${fmtSigned(c.threshold)}`;
    case 'schema':
      return 'schema';
    default:
      return escapeMarkdown(String(c.rule));
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

function row(c: CheckResult, bars = false): string {
  const cells = [
    c.gate + (c.severity === 'soft' ? ' (soft)' : ''),
    checkCell(c),
    fmt(c.champion),
    fmt(c.candidate),
    deltaCell(c),
    ...(bars ? [intervalBar(c)] : []),
    ruleText(c),
    `${ICON[c.status]} ${c.status}`
  ];
  return `| ${cells.join(' | ')} |`;
}

/**
 * A fixed-width picture of a comparison: the interval (━) with its point Δ (●) against the bound it must clear
 * (┆), with zero marked (┼, ┿ inside the interval), oriented so that right is better for every metric: "the bar
 * lies right of ┆" always means a pass. Each row has its own scale. Text only (box-drawing characters in a code
 * span), so it renders wherever markdown does and needs no image. `–` for checks without an interval.
 */
export function intervalBar(c: CheckResult, width = BAR_WIDTH): string {
  const comparison = c.rule === 'non_inferior' || c.rule === 'superior' || c.rule === 'strictly_better';
  if (!comparison || c.ci_low === null || c.ci_high === null || c.delta === null) return '–';
  const d = c.direction === -1 ? -1 : 1;
  const lo = d === 1 ? c.ci_low : -c.ci_high;
  const hi = d === 1 ? c.ci_high : -c.ci_low;
  const point = d * c.delta;
  const bound = c.rule === 'strictly_better' ? 0 : d * (c.threshold ?? 0);
  const values = [lo, hi, point, bound, 0];
  if (!values.every(Number.isFinite)) return '–';
  let min = Math.min(...values);
  let max = Math.max(...values);
  const pad = (max - min) * 0.08 || 1e-9;
  min -= pad;
  max += pad;
  const cell = (x: number) => Math.min(width - 1, Math.max(0, Math.floor(((x - min) / (max - min)) * width)));
  const bar = Array.from({ length: width }, () => '─');
  for (let i = cell(lo); i <= cell(hi); i++) bar[i] = '━';
  bar[cell(0)] = bar[cell(0)] === '━' ? '┿' : '┼';
  bar[cell(bound)] = '┆';
  bar[cell(point)] = '●';
  return `\`${bar.join('')}\``;
}

const BAR_WIDTH = 21;

function when(at: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)/.exec(at);
  return m ? `${m[1]} ${m[2]} UTC` : escapeMarkdown(at);
}

/** Who waived the soft failures, with which label, on which PR; logins are escaped, so nobody is mentioned. */
function waiverLine(report: Report): string | undefined {
  const w = report.waiver;
  if (!report.waived || !w) return undefined;
  const who = w.by && w.at ? `added by ${escapeMarkdown(w.by)} on ${when(w.at)}` : 'who added it and when could not be read';
  return `**Waived:** soft failures are accepted because PR #${w.pull_request} carries the label **${escapeMarkdown(w.label)}** (${who}).`;
}

function headline(report: Report): string {
  const result = report.waived ? `${report.gate_result} (waived)` : report.gate_result;
  const merge = report.auto_merge ? ' · auto-merge: yes' : '';
  const waiver = waiverLine(report);
  return `### ${ICON[report.gate_result]} model-gate: **${result}**${merge}\n\n${escapeMarkdown(report.summary)}${waiver ? `\n\n${waiver}` : ''}`;
}

function note(c: CheckResult): string {
  return `- **${checkCell(c)}** (${c.gate}, ${c.status}): ${escapeMarkdown(c.message)}`;
}

function details(report: Report, shown: readonly CheckResult[], runUrl?: string, bars = false, releaseCard?: string): string {
  const s = report.settings;
  const methods = [...new Set(report.checks.map((c) => c.ci_method).filter((m): m is string => m !== null))];
  const lines = [
    `- Test set: n = ${report.test_set.n}, fingerprint \`${report.test_set.fingerprint}\``,
    `- Intervals: ${fmtLevel(s.confidence_level)} two-sided on Δ = candidate − champion (paired rows); ` +
      `method ${s.ci_method}${methods.length ? ` → ${methods.join(', ')}` : ''}; ` +
      `${s.resamples} resamples, seed ${s.seed}`,
    `- Minimum rows per check: ${s.min_eval_samples}${s.champion ? '' : ' · no champion configured: comparisons skipped'}`
  ];
  if (bars) {
    lines.push('- Interval column: ━ the interval, ● the point Δ, ┆ the bound the interval must clear, ┼ zero; oriented so that right is better for every metric, so an interval wholly right of ┆ passes');
  }
  if (runUrl) lines.push(`- Run: ${runUrl}`);
  if (releaseCard) lines.push(`- Release card: ${escapeMarkdown(releaseCard)} (release id ${escapeMarkdown(report.release_id ?? '–')})`);
  return ['<details><summary>How this was decided</summary>', '', ...lines, '', ...shown.map(note), '', '</details>'].join(
    '\n'
  );
}

const TABLE_HEAD = (level: number, bars = false) =>
  bars
    ? `| Gate | Check | Champion | Candidate | Δ (${fmtLevel(level)} CI) | Interval vs margin | Rule | Result |\n|---|---|--:|--:|---|:-:|---|---|`
    : `| Gate | Check | Champion | Candidate | Δ (${fmtLevel(level)} CI) | Rule | Result |\n|---|---|--:|--:|---|---|---|`;

/** Size of a text in the unit a limit counts. */
function sizer(unit: MarkdownOptions['unit']): (s: string) => number {
  return unit === 'bytes' ? (s) => Buffer.byteLength(s, 'utf8') : (s) => s.length;
}

/** Cuts `text` to at most `max` in the given unit (a last resort; callers plan to fit). */
function cut(text: string, max: number, size: (s: string) => number): string {
  let t = text;
  // Dropping k characters drops at least k units either way, so this converges in a few steps.
  while (size(t) > max) t = t.slice(0, Math.max(0, t.length - (size(t) - max)));
  return t;
}

/** Room kept for the "rows left out" note when planning which rows fit. */
const OMITTED_NOTE_ROOM = 200;

/**
 * Renders the report. When the body would exceed `maxLength`, passing and skipped rows are dropped first
 * (from the end), then failing ones, with a note saying how many rows were left out and where to find them.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions): string {
  const ordered = orderChecks(report.checks);
  const bars = options.intervalBars === true;
  const size = sizer(options.unit);
  const build = (shown: readonly CheckResult[]): string => {
    const omitted = ordered.length - shown.length;
    const parts = [
      options.header,
      headline(report),
      releaseGatesLine(report),
      shown.length ? `${TABLE_HEAD(report.settings.confidence_level, bars)}\n${shown.map((c) => row(c, bars)).join('\n')}` : '',
      omitted
        ? `_${omitted} of ${ordered.length} rows (passing first) are left out to stay under GitHub's size limit; the JSON report has every check._`
        : '',
      details(report, shown, options.runUrl, bars, options.releaseCard)
    ];
    return parts.filter((p) => p !== undefined && p !== '').join('\n\n') + '\n';
  };
  const full = build(ordered);
  if (size(full) <= options.maxLength) return full;

  // Each check costs its table row and its note; drop the cheapest-to-lose rows until the rest fit.
  const budget = options.maxLength - size(build([])) - OMITTED_NOTE_ROOM;
  const cost = ordered.map((c) => size(row(c, bars)) + size(note(c)) + 2);
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
  return cut(build(ordered.filter((_, i) => keep[i])), options.maxLength, size);
}

/**
 * The verdict when the gate could not be evaluated: the one-sentence reason, so a sticky comment never keeps
 * showing an earlier run's pass after a run that failed to decide.
 */
export function renderErrorMarkdown(message: string, options: MarkdownOptions): string {
  const parts = [
    options.header,
    `### ${ICON.error} model-gate: **error**`,
    `The gate could not be evaluated: ${escapeMarkdown(message)}`,
    options.runUrl ? `Run: ${options.runUrl}` : undefined
  ];
  return cut(parts.filter((p) => p !== undefined).join('\n\n') + '\n', options.maxLength, sizer(options.unit));
}
