/** The CLI's canary stage: `model-gate --stage canary [--canary-since T] [--canary-weight W] [--now T]`. */
import type { ReleaseSource } from '../core/release-card.js';
import * as path from 'node:path';
import type { CanaryReport } from '../core/canary/report.js';
import { parseInstant } from '../config/canary-semantics.js';
import { GateError } from '../base/errors.js';
import type { FailOn } from '../gate/fail-on.js';
import { writeFileAtomic } from '../readers/files/files.js';
import { runCanary, writeCanaryReleaseCard } from '../gate/canary-run.js';
export { canaryShouldFail } from '../gate/canary-run.js';
import { renderCanaryMarkdown, renderCanaryText } from '../render/canary.js';

export interface CanaryCliArgs {
  workspace: string;
  config: string;
  since?: string;
  weight?: string;
  now?: string;
  json?: boolean;
  report?: string;
  markdown?: string;
  failOn: FailOn;
  cwd: string;
  tempDir: string;
  clock: () => Date;
  /** Where the run comes from, for the release card. */
  source: ReleaseSource;
}

export async function runCanaryCli(a: CanaryCliArgs): Promise<{ report: CanaryReport; out: string }> {
  let now = a.clock().getTime();
  if (a.now !== undefined) {
    now = parseInstant(a.now);
    if (Number.isNaN(now)) throw new GateError(`--now must be an ISO 8601 time with a zone like 2026-11-30T12:00:00Z, not "${a.now}"`, { key: '--now' });
  }
  const { report, releaseCard } = await runCanary({
    source: a.source,
    workspace: a.workspace,
    config: a.config,
    since: a.since,
    weight: a.weight,
    origins: { config: '--config', since: '--canary-since', weight: '--canary-weight' },
    now,
    generatedAt: a.clock().toISOString(),
    tempDir: a.tempDir
  });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  if (a.report) {
    const file = path.resolve(a.cwd, a.report);
    await writeFileAtomic(file, json);
    await writeCanaryReleaseCard(releaseCard, file);
  }
  if (a.markdown) await writeFileAtomic(path.resolve(a.cwd, a.markdown), renderCanaryMarkdown(report));
  return { report, out: a.json ? json : renderCanaryText(report) };
}
