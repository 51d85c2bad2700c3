/**
 * The verdict as markdown, for the job summary and the PR comment, written for the reviewer who decides from
 * it: the verdict in words first, the failed checks and the next step, then a narrow table (five columns, fits
 * GitHub's ~840 px comment column) with failures first and passing rows folded away when anything failed, then
 * the facts needed to trust it. Pure. Every piece of text from data, config or the API goes through `inert`
 * (escaped, mentions/references/links broken); the only raw markup is ours. A size limit drops passing rows first.
 */
import { fmtLevel } from '../core/format.js';
import { releaseGatesLine } from './release-gates.js';
import { isFailing, type CheckResult, type Report } from '../core/report.js';
import { inert, inertCell } from './inert.js';
import { intervalPicture } from './interval.js';
import { formatValue, testSetSize } from './units.js';
import {
  deltaWords,
  distinctOrigins,
  intervalWords,
  isWaived,
  limitWords,
  orderChecks,
  reasonWords,
  verdictWords
} from './wording.js';

export { orderChecks } from './wording.js';
import { renderDecisionLines } from './decisions.js';

export interface MarkdownOptions {
  /** Hard limit on the body's length in characters (65,536 for a comment, 1 MiB for a job summary). */
  maxLength: number;
  /** First line, e.g. the hidden marker of a sticky comment. */
  header?: string;
  /** Link to the workflow run, shown in the next step and the details. */
  runUrl?: string;
  /**
   * What `maxLength` counts: UTF-16 characters (a PR comment's limit) or UTF-8 bytes (the job summary's 1 MiB
   * limit is a file size). Default `characters`.
   */
  unit?: 'characters' | 'bytes';
  /** Path of the release card written next to the report, shown in the details. */
  releaseCard?: string;
  /**
   * Where a reader finds every check when rows had to be left out, in words they can act on
   * (e.g. "the job summary of this run"). Default: the job summary of the run.
   */
  fullListAt?: string;
}

export const COMMENT_LIMIT = 65536;
export const SUMMARY_LIMIT = 1024 * 1024;

const ICON: Record<string, string> = {
  pass: '✅',
  waived: '☑️',
  soft_fail: '⚠️',
  fail: '❌',
  error: '💥',
  inconclusive: '❔',
  skipped: '⏭️'
};

/** How many failed checks the headline names before "and N more". */
const LISTED = 5;

function resultCell(report: Report, c: CheckResult): string {
  if (isWaived(report, c)) return `${ICON.waived} waived`;
  return `${ICON[c.status] ?? ''} ${c.status}`.trim();
}

/** The name in bold; where it comes from (gate, segment, group) on a second, smaller line. */
function checkCell(c: CheckResult, where: string): string {
  return `**${inertCell(c.name)}**<br><sub>${inertCell(where)}</sub>`;
}

function valuesCell(c: CheckResult): string {
  if (c.champion === null) return formatValue(c, c.candidate);
  return `${formatValue(c, c.champion)} → ${formatValue(c, c.candidate)}`;
}

function deltaCell(c: CheckResult, level: number): string {
  const parts: string[] = [];
  if (c.delta !== null) parts.push(inertCell(deltaWords(c)));
  const ci = intervalWords(c, level);
  if (ci) parts.push(`<sub>${inertCell(ci)}</sub>`);
  const pic = intervalPicture(c);
  // A pipe inside a code span still ends a table cell unless backslash-escaped (GFM).
  if (pic) parts.push(`\`${pic.replace(/\|/g, '\\|')}\``);
  // A failed or inconclusive row says why; a passing one what it had to clear.
  parts.push(`<sub>${inertCell(isFailing(c) ? reasonWords(c) : limitWords(c))}</sub>`);
  return parts.join('<br>');
}

const TABLE_HEAD = (level: number) =>
  `| Result | Check | Champion → candidate | Δ (${fmtLevel(level)} CI) vs limit | Severity |\n|---|---|---|---|---|`;

function row(report: Report, c: CheckResult, label: string): string {
  const cells = [resultCell(report, c), checkCell(c, label), valuesCell(c), deltaCell(c, report.settings.confidence_level), c.severity];
  return `| ${cells.join(' | ')} |`;
}

function when(at: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)/.exec(at);
  return m ? `${m[1]} ${m[2]} UTC` : inert(at);
}

/** Who waived the soft failures, with which label, on which PR; logins are inert, so nobody is mentioned. */
function waiverLine(report: Report): string | undefined {
  const w = report.waiver;
  if (!report.waived || !w) return undefined;
  const who =
    (w.by && w.at ? `added by ${inert(w.by)} on ${when(w.at)}` : 'who added it and when could not be read') +
    (w.commit ? ` for commit \`${w.commit.slice(0, 12)}\`` : '');
  return `**Waived:** soft failures are accepted because PR #${w.pull_request} carries the label **${inert(w.label)}** (${who}).`;
}

/** `**f1** (performance), **recall** (segments · new_users) and 3 more`: the count always matches the names. */
function failedList(failing: readonly CheckResult[], labels: Map<CheckResult, string>): string {
  const named = failing.slice(0, LISTED).map((c) => {
    const label = labels.get(c)!;
    return `**${inert(c.name)}** (${inert(label)})${c.status === 'inconclusive' ? ' inconclusive' : ''}`;
  });
  const more = failing.length - named.length;
  if (more > 0) return `${named.join(', ')} and ${more} more`;
  return named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}` : named[0];
}

function nextStep(report: Report, runUrl?: string): string | undefined {
  const rerun = runUrl ? `re-run [the workflow run](${runUrl})` : 're-run the workflow';
  switch (report.gate_result) {
    case 'fail':
      return `**Next step:** a hard check failed, so this candidate cannot be promoted as it is. Improve the model, or change the gate config if its limits are wrong, and push; or ${rerun} if the inputs changed.`;
    case 'soft_fail': {
      const label = report.settings.waiver_label;
      return label
        ? `**Next step:** only soft checks failed. To accept them, someone with write access to this repository adds the label **${inert(label)}** to this pull request (the gate runs again on the label); otherwise improve the model and push.`
        : '**Next step:** only soft checks failed. No waiver label is configured (`policy.waiver_label`), so improve the model and push, or configure a waiver label to accept soft failures.';
    }
    default:
      return undefined;
  }
}

function headline(report: Report, failing: readonly CheckResult[], decided: number, labels: Map<CheckResult, string>): string {
  const icon = report.waived && report.gate_result === 'pass' ? ICON.waived : ICON[report.gate_result];
  const merge = report.auto_merge ? ' · auto-merge: yes' : '';
  // A pass with failures and no waiver: soft checks the policy does not let block (policy.hard_fail).
  const nonBlocking = report.gate_result === 'pass' && !report.waived && failing.length > 0 ? ' (soft checks that do not block the result)' : '';
  const counts = failing.length
    ? `${failing.length} of ${decided} checks did not pass${nonBlocking}`
    : `all ${decided} checks passed`;
  const lines = [`### ${icon} model-gate: ${verdictWords(report)}${merge}`, '', `${counts}${failing.length ? `: ${failedList(failing, labels)}.` : '.'}`];
  const waiver = waiverLine(report);
  if (waiver) lines.push('', waiver);
  return lines.join('\n');
}

function details(report: Report, options: MarkdownOptions): string {
  const s = report.settings;
  const methods = [...new Set(report.checks.map((c) => c.ci_method).filter((m): m is string => m !== null))];
  const lines = [
    `- Test set: n = ${testSetSize(report.test_set, s.task)}, fingerprint \`${report.test_set.fingerprint.replace(/`/g, '')}\``,
    `- Δ = candidate − champion on the same rows; ${fmtLevel(s.confidence_level)} two-sided intervals, ` +
      `method ${inert(s.ci_method)}${methods.length ? ` (${inert(methods.join(', '))})` : ''}, ` +
      `${s.resamples.toLocaleString('en-US')} resamples, seed ${s.seed}`,
    `- Minimum rows per check: ${s.min_eval_samples}${s.champion ? '' : ' · no champion configured: comparisons skipped'}`,
    '- Picture: `o` the estimate, `===` the interval, `|` the limit; turned so that right is better for every metric. ' +
      'A check passes only when its whole interval lies right of `|`. Score differences are in percentage points (pts).'
  ];
  if (options.runUrl) lines.push(`- Run: [workflow run](${options.runUrl})`);
  if (options.releaseCard) lines.push(`- Release card: ${inert(options.releaseCard)} (release id ${inert(report.release_id ?? '–')})`);
  return ['<details><summary>How this was decided</summary>', '', ...lines, '', '</details>'].join('\n');
}

/**
 * The job summary: the same body as the comment without the sticky marker, up to the summary's 1 MiB (a byte
 * count). The action and the CLI's --markdown both write exactly this.
 */
export function jobSummaryOptions(extra: Pick<MarkdownOptions, 'runUrl' | 'releaseCard'> = {}): MarkdownOptions {
  return { maxLength: SUMMARY_LIMIT, unit: 'bytes', ...extra };
}

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
const OMITTED_NOTE_ROOM = 300;

/**
 * Renders the report. When the body would exceed `maxLength`, passing and skipped rows are dropped first
 * (from the end), then failing ones, with a note saying how many were left out and where to see them all.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions): string {
  const ordered = orderChecks(report.checks);
  const labelList = distinctOrigins(ordered);
  const labels = new Map(ordered.map((c, i) => [c, labelList[i]]));
  const failing = ordered.filter(isFailing);
  const decided = ordered.filter((c) => c.status !== 'skipped').length;
  const level = report.settings.confidence_level;
  const size = sizer(options.unit);
  const where = options.fullListAt ?? 'the job summary of this run';

  const build = (shown: readonly CheckResult[]): string => {
    const omitted = ordered.length - shown.length;
    const shownFailing = shown.filter(isFailing);
    const rest = shown.filter((c) => !isFailing(c));
    const table = (rows: readonly CheckResult[]) =>
      `${TABLE_HEAD(level)}\n${rows.map((c) => row(report, c, labels.get(c)!)).join('\n')}`;
    let body = '';
    if (shownFailing.length) body = table(shownFailing);
    if (rest.length) {
      const passed = rest.filter((c) => c.status === 'pass').length;
      const skipped = rest.length - passed;
      const what = [passed ? `${passed} passed` : '', skipped ? `${skipped} skipped` : ''].filter(Boolean).join(', ');
      // With failures, the passing rows are folded away; without, they are the table.
      body = [body, failing.length ? `<details><summary>${what}</summary>\n\n${table(rest)}\n\n</details>` : table(rest)]
        .filter(Boolean)
        .join('\n\n');
    }
    const parts = [
      options.header,
      headline(report, failing, decided, labels),
      nextStep(report, options.runUrl),
      renderDecisionLines(report),
      releaseGatesLine(report),
      omitted
        ? `_${omitted} of ${ordered.length} checks (passing ones first) are not shown here, to stay under GitHub's size limit: see ${inert(where)} for every check._`
        : '',
      body,
      details(report, options)
    ];
    return parts.filter((p) => p !== undefined && p !== '').join('\n\n') + '\n';
  };
  const full = build(ordered);
  if (size(full) <= options.maxLength) return full;

  // Each check costs its table row; drop the cheapest-to-lose rows until the rest fit.
  const budget = options.maxLength - size(build([])) - OMITTED_NOTE_ROOM;
  const cost = ordered.map((c) => size(row(report, c, labels.get(c)!)) + 1);
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
 * The verdict when the gate could not be evaluated: the reason, each problem of a multi-problem config error
 * as a list item, so a sticky comment never keeps showing an earlier run's pass after a run that failed to decide.
 */
export function renderErrorMarkdown(message: string, options: MarkdownOptions): string {
  const [first, ...more] = message.split(/\r?\n/).filter((l) => l.trim() !== '');
  const items = more
    .map((l) => l.trim())
    .filter((l) => !/^and \d+ more problems?:$/.test(l))
    .map((l) => `- ${inert(l.replace(/^[-•] /, ''))}`);
  const parts = [
    options.header,
    `### ${ICON.error} model-gate: ${verdictWords({ gate_result: 'error', waived: false })}`,
    `The gate could not be evaluated: ${inert(first ?? '')}`,
    items.length ? `Also:\n\n${items.join('\n')}` : undefined,
    `**Next step:** fix ${more.length ? 'these problems' : 'this'} and push; the gate runs again.` +
      (options.runUrl ? ` Details: [workflow run](${options.runUrl}).` : '')
  ];
  return cut(parts.filter((p) => p !== undefined).join('\n\n') + '\n', options.maxLength, sizer(options.unit));
}
