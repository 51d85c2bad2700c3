/**
 * The decision-error, planning and test-set reuse lines of the comment and job summary: how often the gate's
 * comparisons would fail an equal candidate, how superiority checks share their error rate, and the ledger's
 * warning. Kept apart from the table so the markdown renderer needs one call.
 */
import type { Report } from '../core/report.js';
import { inert } from './inert.js';

/** Percent with at most one decimal, never rounding a non-zero chance to "0 %" or a non-certain one to "100 %". */
function percent(p: number): string {
  if (p > 0 && p < 0.001) return '< 0.1 %';
  if (p < 1 && p > 0.999) return '> 99.9 %';
  return `${Number((p * 100).toFixed(1))} %`;
}

/** The lines in plain words, or '' when the report has nothing to say about them. */
export function renderDecisionLines(report: Report): string {
  const lines: string[] = [];
  const e = report.decision_errors;
  if (e && e.non_inferiority.checks > 0) {
    const k = e.non_inferiority.checks;
    const which = k === 1 ? 'this margin check' : `at least one of these ${k} margin checks`;
    const short = (report.plan ?? []).filter((p) => p.required_n !== null && p.required_n > report.test_set.n).length;
    lines.push(
      `**Decision errors:** a candidate exactly as good as the champion would fail ${which} ${percent(e.non_inferiority.p_equal_fails_any)} of the time` +
        (short ? ` (${short} of them need more rows than this test set for 80 % power; see \`plan\` in the report)` : '') +
        '.'
    );
  }
  const superior = report.checks.filter((c) => c.rule === 'superior' && c.status !== 'skipped').length;
  if (e && superior > 1) {
    const a = percent(e.superiority.family_alpha);
    lines.push(
      e.superiority.method === 'holm'
        ? `The ${superior} superiority checks are Holm-adjusted: the chance that any of them shows an improvement that is not there is at most ${a}.`
        : `The ${superior} superiority checks are not adjusted (policy.superiority: none): each shows a false improvement ${a} of the time, so at least one may well.`
    );
  }
  const l = report.ledger;
  if (l?.warning) lines.push(`⚠️ **Test-set reuse:** ${inert(l.warning)}.`);
  else if (l) lines.push(`Test-set ledger: run ${l.runs}${l.max_runs_per_test_set !== null ? ` of at most ${l.max_runs_per_test_set}` : ''} on this test set.`);
  return lines.join('\n\n');
}
