/**
 * Failed checks as run annotations: an error for a hard check, a warning for a soft one (or for any check
 * when the failures were waived). GitHub shows at most 10 of each kind per step, so the rest are counted in
 * one last annotation instead of being silently dropped.
 */
import { fmtSigned } from '../core/format.js';
import { isFailing, type CheckResult, type Report } from '../core/report.js';
import { checkId } from '../core/summary.js';
import { inertPlain } from '../render/inert.js';
import { logLine } from '../render/log-line.js';

export interface Annotation {
  level: 'error' | 'warning';
  title: string;
  message: string;
}

/** Per kind, as GitHub displays them. */
export const ANNOTATIONS_PER_KIND = 10;

function message(c: CheckResult): string {
  const delta = c.delta !== null && c.ci_low !== null && c.ci_high !== null
    ? ` (Δ ${fmtSigned(c.delta)} [${fmtSigned(c.ci_low)}, ${fmtSigned(c.ci_high)}])`
    : '';
  // GitHub may link mentions and references in annotation text too: data in it is broken up.
  return logLine(inertPlain(`${checkId(c)} ${c.status}${delta}: ${c.message}`));
}

export function checkAnnotations(report: Pick<Report, 'checks' | 'waived'>): Annotation[] {
  const all = report.checks.filter(isFailing).map(
    (c): Annotation => ({
      level: c.severity === 'hard' && !report.waived ? 'error' : 'warning',
      title: `model-gate ${c.severity} check ${c.status}${report.waived && c.severity === 'soft' ? ' (waived)' : ''}`,
      message: message(c)
    })
  );
  const out: Annotation[] = [];
  for (const level of ['error', 'warning'] as const) {
    const mine = all.filter((a) => a.level === level);
    if (mine.length <= ANNOTATIONS_PER_KIND) {
      out.push(...mine);
    } else {
      out.push(...mine.slice(0, ANNOTATIONS_PER_KIND - 1), {
        level,
        title: 'model-gate',
        message: `${mine.length - (ANNOTATIONS_PER_KIND - 1)} more failed checks; the job summary and the report list them all`
      });
    }
  }
  return out;
}
