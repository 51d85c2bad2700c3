/**
 * The words a reviewer reads for each check, shared by the markdown and the terminal renderers: the verdict
 * in words, the difference with "better"/"worse", the limit in plain language and why a check failed. Driven by
 * the check's fields only (rule, direction, values), so a new check family reads sensibly without a change here.
 */
import { fmtLevel } from '../core/format.js';
import { isFailing, type CheckResult, type GateResult, type Report } from '../core/report.js';
import { clears } from './interval.js';
import { formatDelta, formatValue } from './units.js';

type C = CheckResult;

export const VERDICT: Record<GateResult, string> = {
  pass: 'Passed',
  soft_fail: 'Soft fail: needs a waiver or a fix',
  fail: 'Failed',
  error: 'Could not be evaluated'
};

/** The verdict in words, with the waiver when there is one. */
export function verdictWords(report: Pick<Report, 'gate_result' | 'waived'>): string {
  return report.waived && report.gate_result === 'pass' ? 'Passed with a waiver' : VERDICT[report.gate_result];
}

/** Failures first (fail, then inconclusive), then passes and skips; config order within each. */
const STATUS_ORDER: Record<string, number> = { fail: 0, inconclusive: 1, pass: 2, skipped: 3 };

export function orderChecks(checks: readonly C[]): C[] {
  return checks
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (STATUS_ORDER[a.c.status] ?? 4) - (STATUS_ORDER[b.c.status] ?? 4) || a.i - b.i)
    .map((x) => x.c);
}

/** A failing soft check that the PR's waiver label accepted. */
export function isWaived(report: Pick<Report, 'waived'>, c: C): boolean {
  return report.waived && c.severity === 'soft' && isFailing(c);
}

/** Where the check comes from besides its name: gate, segment, group. */
export function origin(c: C): string[] {
  return [c.gate, c.segment, c.group].filter((x): x is string => x !== null && x !== '');
}

/**
 * Where each check comes from, in words that tell apart checks with the same name: `segments · new_users`,
 * plus the rule when two rows share name and origin (a fairness gap and its widening), plus an ordinal when even
 * that is the same. Returned in the order of `checks`.
 */
export function distinctOrigins(checks: readonly C[], join = ' · '): string[] {
  const key = (c: C, o: string) => `${c.name}\u0000${o}`;
  const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const plain = checks.map((c) => origin(c).join(join));
  const plainCount = count(checks.map((c, i) => key(c, plain[i])));
  const rules = new Map<string, Set<string>>();
  checks.forEach((c, i) => rules.set(key(c, plain[i]), (rules.get(key(c, plain[i])) ?? new Set()).add(String(c.rule))));
  const withRule = checks.map((c, i) => {
    const k = key(c, plain[i]);
    return plainCount.get(k)! > 1 && rules.get(k)!.size > 1 ? [plain[i], String(c.rule).replace(/_/g, ' ')].join(join) : plain[i];
  });
  const ruleCount = count(checks.map((c, i) => key(c, withRule[i])));
  const seen = new Map<string, number>();
  return checks.map((c, i) => {
    const k = key(c, withRule[i]);
    if (ruleCount.get(k)! === 1) return withRule[i];
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return `${withRule[i]}${join}no. ${n}`;
  });
}

/** `name (origin)`, e.g. `f1 (segments · new_users)`, for plain-text listings. */
export function distinctLabels(checks: readonly C[], join = ' · '): string[] {
  const origins = distinctOrigins(checks, join);
  return checks.map((c, i) => `${c.name} (${origins[i]})`);
}

/** +1 when larger Δ is better for this check, −1 when smaller is, 0 when neither. */
function orientation(c: C): number {
  if (c.rule === 'max_gap_increase') return -1;
  return c.direction ?? 0;
}

/** `better` / `worse` / `no change` for a difference, when the check has a direction. */
export function betterWorse(c: C, x: number): string {
  const d = orientation(c);
  if (d === 0 || !Number.isFinite(x)) return '';
  if (/^[0.,]+( |$)/.test(formatDelta(c, x)) || x === 0) return 'no change';
  return x * d > 0 ? 'better' : 'worse';
}

/** `+0.90 pts better` or `−12.0 ms better`; `–` without a difference. */
export function deltaWords(c: C): string {
  if (c.delta === null) return '–';
  const word = betterWorse(c, c.delta);
  return `${formatDelta(c, c.delta)}${word ? ` ${word}` : ''}`;
}

/** `95% CI −0.40 to +2.10 pts`, or undefined without an interval. */
export function intervalWords(c: C, level: number): string | undefined {
  if (c.ci_low === null || c.ci_high === null) return undefined;
  const lo = formatDelta(c, c.ci_low);
  const hi = formatDelta(c, c.ci_high);
  const unit = / (pts|ms|MB|MiB)$/.exec(hi)?.[1];
  return `${fmtLevel(level)} CI ${unit ? lo.replace(new RegExp(` ${unit}$`), '') : lo} to ${hi}`;
}

/** The worst case of the interval for the reader: the end that is worse for the candidate. */
function worstCase(c: C): number | null {
  const d = orientation(c);
  if (c.ci_low === null || c.ci_high === null || d === 0) return null;
  return d === 1 ? c.ci_low : c.ci_high;
}

/** The limit in plain words, e.g. `worst case −0.40 pts must stay above −0.76 pts`. */
export function limitWords(c: C): string {
  if (c.threshold === null && c.rule !== 'schema' && c.rule !== 'superior' && c.rule !== 'strictly_better') return c.message;
  const worst = worstCase(c);
  const wc = worst === null ? 'the worst case' : `worst case ${formatDelta(c, worst)}`;
  const t = c.threshold;
  switch (c.rule) {
    case 'non_inferior':
    case 'superior': {
      const bound = c.rule === 'superior' ? 0 : (t ?? 0);
      return `${wc} must stay ${orientation(c) === -1 ? 'below' : 'above'} ${c.rule === 'superior' ? '0 (must improve)' : formatDelta(c, bound)}`;
    }
    case 'strictly_better':
      return `the estimate must be ${orientation(c) === -1 ? 'lower' : 'higher'} than the champion's`;
    case 'equivalent':
      return `the whole interval must lie within ±${formatValue(c, t)} of the champion`;
    case 'min_value':
      return `must be at least ${formatValue(c, t)}`;
    case 'max_value':
      return `must be at most ${formatValue(c, t)}`;
    case 'max_relative_increase':
      return `must be at most ${formatValue(c, t)} (the champion's plus the allowed increase)`;
    case 'max_group_gap':
      return `the gap between groups must be at most ${formatValue(c, t)}`;
    case 'max_gap_increase':
      return `${worst === null ? 'the widest case' : `widest case ${formatDelta(c, worst)}`} must stay below ${formatDelta(c, t)}`;
    case 'schema':
      return 'the columns must match the schema';
    default:
      return t === null ? String(c.rule) : `${String(c.rule).replace(/_/g, ' ')} ${formatValue(c, t)}`;
  }
}

/** Why a failed or inconclusive check did not pass, in words; the check's own message for the rest. */
export function reasonWords(c: C): string {
  if (c.status === 'fail') {
    const worst = worstCase(c);
    // Worded from the numbers only when they agree with the status; otherwise the engine's own message says why.
    if ((c.rule === 'non_inferior' || c.rule === 'superior') && worst !== null && c.threshold !== null && clears(c) === false) {
      const above = orientation(c) !== -1;
      return `worst case ${formatDelta(c, worst)} is ${above ? 'not above' : 'not below'} ${
        c.rule === 'superior' ? '0' : formatDelta(c, c.threshold)
      }: ${c.rule === 'superior' ? 'an improvement is not shown' : `a ${above ? 'drop' : 'rise'} larger than the margin is not ruled out`}`;
    }
    if (c.rule === 'strictly_better' && c.delta !== null) {
      return `the estimate ${formatDelta(c, c.delta)} is not better than the champion's (a tie goes to the champion)`;
    }
    if (c.rule === 'equivalent' && c.ci_low !== null && c.ci_high !== null && c.threshold !== null) {
      return `the interval ${formatDelta(c, c.ci_low)} to ${formatDelta(c, c.ci_high)} reaches beyond ±${formatValue(c, c.threshold)}: equivalence is not shown`;
    }
    if (c.rule === 'max_gap_increase' && worst !== null && c.threshold !== null && clears(c) === false) {
      return `widest case ${formatDelta(c, worst)} is not below ${formatDelta(c, c.threshold)}: a wider gap than allowed is not ruled out`;
    }
    if (c.candidate !== null && c.threshold !== null) {
      const v = formatValue(c, c.candidate);
      const t = formatValue(c, c.threshold);
      if (c.rule === 'min_value') return `${v} is below the floor ${t}`;
      if (c.rule === 'max_value' || c.rule === 'max_relative_increase') return `${v} is above the limit ${t}`;
      if (c.rule === 'max_group_gap') return `the gap between groups, ${v}, is above the limit ${t}`;
    }
  }
  return c.message;
}
