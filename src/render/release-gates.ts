/** Seed 002's seven release gates in one line, so a reviewer sees at a glance which are covered and how they did. */
import { RELEASE_GATES, releaseGates, type ReleaseGateKey, type ReleaseGateStatus } from '../core/release-gates.js';
import type { Report } from '../core/report.js';

const MARK: Record<ReleaseGateStatus, string> = {
  pass: '✅',
  soft_fail: '⚠️',
  fail: '❌',
  inconclusive: '❔',
  not_configured: '➖'
};

const WORD: Record<ReleaseGateStatus, string> = {
  pass: 'pass',
  soft_fail: 'soft fail',
  fail: 'fail',
  inconclusive: 'inconclusive',
  not_configured: 'not configured'
};

/** `**Release gates:** data ✅ pass · quality ❌ fail · robustness ➖ not configured · …` */
export function releaseGatesLine(report: Pick<Report, 'gates' | 'checks'>): string {
  const gates = releaseGates(report);
  const items = (Object.keys(RELEASE_GATES) as ReleaseGateKey[]).map((k) => {
    const s = gates[k];
    return `${k.replace(/_gate$/, '')} ${MARK[s]} ${WORD[s]}`;
  });
  return `**Release gates:** ${items.join(' · ')}`;
}
