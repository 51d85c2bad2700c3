/** The one-line `summary` output of docs/github.md, e.g. `fail: 2 of 14 checks failed (performance/f1, segments/new_users/recall)`. */
import { isFailing, type CheckResult, type GateResult } from './report.js';

const LISTED = 5;

/** `gate/segment/name`, the id users see in the summary and the annotations. */
export function checkId(c: Pick<CheckResult, 'gate' | 'segment' | 'group' | 'name'>): string {
  return [c.gate, c.segment, c.group, c.name].filter((x) => x !== null && x !== '').join('/');
}

export function summaryLine(result: GateResult, waived: boolean, checks: readonly CheckResult[]): string {
  const failing = checks.filter(isFailing);
  const skipped = checks.filter((c) => c.status === 'skipped').length;
  const decided = checks.length - skipped;
  const skippedNote = skipped ? `, ${skipped} skipped` : '';
  const head = waived ? `${result} (waived)` : result;
  if (failing.length === 0) return `${head}: ${decided} of ${decided} checks passed${skippedNote}`;
  const ids = [...new Set(failing.map((c) => checkId(c) + (c.status === 'inconclusive' ? ' inconclusive' : '')))];
  const listed = ids.slice(0, LISTED).join(', ') + (ids.length > LISTED ? `, and ${ids.length - LISTED} more` : '');
  return `${head}: ${failing.length} of ${decided} checks failed (${listed})${skippedNote}`;
}
