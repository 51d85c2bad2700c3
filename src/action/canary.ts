/**
 * The action's canary stage: one decision from live traffic → outputs (canary_result, next_weight,
 * gate_result mirrored, report, summary), the report file, the job summary and (through `share`) the sticky
 * PR comment. Errors go back to main.ts's error path, which sets gate_result=error.
 */
import { sourceFromEnv } from '../gate/release-card.js';
import * as core from '@actions/core';
import * as path from 'node:path';
import { writeFileAtomic } from '../readers/files/files.js';
import { canaryShouldFail, runCanary, writeCanaryReleaseCard } from '../gate/canary-run.js';
import { renderCanaryMarkdown } from '../render/canary.js';
import { logLine } from '../render/log-line.js';
import type { ActionSettings } from './settings.js';

export interface CanaryShell {
  file: string;
  generatedAt: string;
  runUrl?: string;
  commentHeader: string;
  /** Posts the comment and uploads the report artifact (main.ts's `share`); failures there are warnings. */
  share: (commentBody: string) => Promise<void>;
}

export async function runCanaryStage(s: ActionSettings, shell: CanaryShell): Promise<void> {
  // The canary-stage error output: a bad canary stage is canary_result=error as well as gate_result=error.
  core.setOutput('canary_result', 'error');
  const { report, releaseCard } = await runCanary({
    source: sourceFromEnv(process.env),
    workspace: s.workspace,
    config: s.config,
    since: s.canarySince,
    weight: s.canaryWeight,
    origins: { config: 'the config input', since: 'the canary-since input', weight: 'the canary-weight input' },
    now: Date.parse(shell.generatedAt),
    generatedAt: shell.generatedAt,
    tempDir: s.tempDir
  });
  await writeFileAtomic(shell.file, `${JSON.stringify(report, null, 2)}\n`);
  await writeCanaryReleaseCard(releaseCard, shell.file);
  const summary = renderCanaryMarkdown(report, { runUrl: shell.runUrl });
  await writeFileAtomic(path.join(path.dirname(shell.file), 'summary.md'), summary);
  core.setOutput('canary_result', report.canary_result);
  core.setOutput('next_weight', String(report.next_weight));
  core.setOutput('gate_result', report.gate_result);
  core.setOutput('auto_merge', 'false');
  core.setOutput('report', shell.file);
  core.setOutput('summary', report.summary);
  await core.summary.addRaw(summary, true).write();
  core.info(logLine(report.summary));
  if (report.canary_result === 'rollback') core.warning(`model-gate canary: ${report.summary}`, { title: 'model-gate canary rollback' });
  await shell.share(renderCanaryMarkdown(report, { runUrl: shell.runUrl, header: shell.commentHeader, maxLength: 65536 }));
  if (canaryShouldFail(report, s.failOn)) core.setFailed(`model-gate: ${report.summary} (fail-on: ${s.failOn})`);
}
