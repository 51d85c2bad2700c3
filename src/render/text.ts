/**
 * The verdict as plain text for a terminal: the verdict in words, then one line per check (failures first) that
 * fits the terminal's width, with hard/soft and, under each failed or inconclusive check, why. Cells too wide for
 * their column are cut with `…`; the reason lines wrap.
 */
import { fmtLevel } from '../core/format.js';
import { isFailing, type CheckResult, type Report } from '../core/report.js';
import { formatDelta, formatValue, testSetSize } from './units.js';
import { deltaWords, distinctLabels, isWaived, orderChecks, reasonWords, verdictWords } from './wording.js';

export interface TextOptions {
  /** Terminal width in columns; default 100. */
  width?: number;
}

export const DEFAULT_WIDTH = 100;
/** Narrower terminals still get this many columns (lines may wrap there, but nothing is cut to nothing). */
const MIN_WIDTH = 60;

/** Strips control characters so data cannot move the cursor or recolour the terminal. */
function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '?');
}

const len = (s: string) => [...s].length;

function fit(s: string, w: number): string {
  const chars = [...s];
  return chars.length <= w ? s + ' '.repeat(w - chars.length) : `${chars.slice(0, Math.max(0, w - 1)).join('')}…`;
}

/** Greedy word wrap to `width`, continuation lines indented like the first. */
function wrap(text: string, width: number, indent: string): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = len(word) > width - len(indent) ? fit(word, width - len(indent)).trimEnd() : word;
    if (line && len(indent) + len(line) + 1 + len(w) > width) {
      out.push(indent + line);
      line = w;
    } else {
      line = line ? `${line} ${w}` : w;
    }
  }
  if (line) out.push(indent + line);
  return out;
}

function resultWord(report: Report, c: CheckResult): string {
  if (isWaived(report, c)) return 'WAIVED';
  return { fail: 'FAIL', inconclusive: 'INCONC', pass: 'PASS', skipped: 'SKIP' }[c.status] ?? String(c.status).toUpperCase();
}

function values(c: CheckResult): string {
  return c.champion === null ? formatValue(c, c.candidate) : `${formatValue(c, c.champion)} → ${formatValue(c, c.candidate)}`;
}

function delta(c: CheckResult): string {
  if (c.delta === null) return '–';
  const ci = c.ci_low !== null && c.ci_high !== null ? ` [${formatDelta(c, c.ci_low).replace(/ (pts|ms|MB|MiB)$/, '')}, ${formatDelta(c, c.ci_high)}]` : '';
  return `${deltaWords(c)}${ci}`;
}

export function renderText(report: Report, options: TextOptions = {}): string {
  const width = Math.max(MIN_WIDTH, Math.floor(options.width ?? DEFAULT_WIDTH));
  const ordered = orderChecks(report.checks);
  const labels = distinctLabels(ordered).map(printable);
  const head = ['result', 'sev', 'check', 'champion → candidate', `Δ (${fmtLevel(report.settings.confidence_level)} CI)`];
  const rows = ordered.map((c, i) => [resultWord(report, c), c.severity, labels[i], printable(values(c)), printable(delta(c))]);
  const natural = head.map((h, j) => Math.max(len(h), ...rows.map((r) => len(r[j]))));
  // Result, severity, values and Δ keep their width up to a cap; the check name takes what is left.
  const cap = [6, 4, natural[2], 22, 38];
  const w = natural.map((n, j) => Math.min(n, cap[j]));
  const gaps = 2 * (head.length - 1);
  const avail = width - gaps - w[0] - w[1];
  // A narrow terminal: the Δ and value columns give up room (down to a floor) before the name goes below 12.
  for (const [j, floor] of [[4, 16], [3, 12]] as const) {
    const short = 12 - (avail - w[3] - w[4]);
    if (short > 0) w[j] = Math.max(Math.min(floor, w[j]), w[j] - short);
  }
  w[2] = Math.max(12, Math.min(natural[2], avail - w[3] - w[4]));
  const line = (r: string[]) => r.map((x, j) => fit(x, w[j])).join('  ').trimEnd();
  const indent = ' '.repeat(w[0] + w[1] + 4);
  const body: string[] = [];
  ordered.forEach((c, i) => {
    body.push(line(rows[i]));
    if (isFailing(c)) body.push(...wrap(`why: ${printable(reasonWords(c))}`, width, indent));
  });
  const s = report.settings;
  const next =
    report.gate_result === 'soft_fail'
      ? s.waiver_label
        ? `Only soft checks failed: someone with write access can accept them by adding the label "${printable(s.waiver_label)}" to the pull request.`
        : 'Only soft checks failed; no waiver label is configured (policy.waiver_label).'
      : report.gate_result === 'fail'
        ? 'A hard check failed: the candidate cannot be promoted as it is.'
        : '';
  return [
    ...wrap(`model-gate: ${verdictWords(report)}${report.auto_merge ? ' (auto-merge)' : ''}. ${printable(report.summary.replace(/^[a-z_]+( \(waived\))?: /, ''))}`, width, ''),
    ...(next ? wrap(next, width, '') : []),
    '',
    line(head),
    line(w.map((n) => '-'.repeat(n))),
    ...body,
    '',
    ...wrap(
      `n = ${report.test_set.rows === undefined ? report.test_set.n : testSetSize(report.test_set, s.task)}, ${printable(report.test_set.fingerprint)}; ${fmtLevel(s.confidence_level)} CI of candidate − champion, ` +
        `ci.method ${printable(s.ci_method)}, ${s.resamples} resamples, seed ${s.seed}`,
      width,
      ''
    ),
    ''
  ].join('\n');
}
