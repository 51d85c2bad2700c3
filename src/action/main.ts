/**
 * The action's shell: inputs → one gate run → outputs, job summary and report file. Everything that decides
 * lives in the pure core; this file only talks to the runner.
 */
import * as core from '@actions/core';
import * as path from 'node:path';
import type { Report } from '../core/report.js';
import { GateError, isGateError, userMessage } from '../errors.js';
import { errorReport, internalErrorMessage } from '../gate/error-report.js';
import { shouldFail } from '../gate/fail-on.js';
import { writeFileAtomic } from '../gate/files.js';
import { runGate } from '../gate/run.js';
import { renderMarkdown, SUMMARY_LIMIT } from '../render/markdown.js';
import { readSettings, type ActionSettings } from './settings.js';

function reportPath(settings: Pick<ActionSettings, 'tempDir' | 'commentId'>): string {
  return path.join(settings.tempDir, 'model-gate', settings.commentId, 'report.json');
}

/** Inputs of SPEC §1 that a later version implements: refuse them rather than silently ignore them. */
function refuseUnsupported(settings: ActionSettings): void {
  const unsupported: [string, string | undefined][] = [
    ['champion-artifact', settings.championArtifact],
    ['champion-run-id', settings.championRunId],
    ['report-artifact', settings.reportArtifact]
  ];
  for (const [name, value] of unsupported) {
    if (value !== undefined) {
      throw new GateError(`input ${name} is not supported yet in this version of model-gate; remove it from the step's with:`, {
        key: name
      });
    }
  }
}

async function publish(report: Report, file: string): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(report, null, 2)}\n`);
  core.setOutput('gate_result', report.gate_result);
  core.setOutput('auto_merge', String(report.auto_merge));
  core.setOutput('report', file);
  core.setOutput('summary', report.summary);
  await core.summary.addRaw(renderMarkdown(report, { maxLength: SUMMARY_LIMIT }), true).write();
}

/** Runs the action; never throws. */
export async function run(): Promise<void> {
  const generatedAt = new Date().toISOString();
  let file = reportPath({ tempDir: process.env.RUNNER_TEMP || '/tmp', commentId: 'default' });
  try {
    const settings = readSettings();
    file = reportPath(settings);
    refuseUnsupported(settings);
    const { report } = await runGate({
      workspace: settings.workspace,
      config: settings.config,
      candidate: settings.candidate,
      champion: settings.champion,
      origins: { candidate: 'the candidate input', champion: 'the champion input', config: 'the config input' },
      generatedAt
    });
    await publish(report, file);
    core.info(report.summary);
    if (shouldFail(report.gate_result, settings.failOn)) {
      core.setFailed(`model-gate: ${report.summary} (fail-on: ${settings.failOn})`);
    }
  } catch (e) {
    await reportError(e, file, generatedAt);
  }
}

async function reportError(e: unknown, file: string, generatedAt: string): Promise<void> {
  const message = isGateError(e) ? userMessage(e) : internalErrorMessage(e);
  if (!isGateError(e) && e instanceof Error && e.stack) core.debug(e.stack);
  try {
    await writeFileAtomic(file, `${JSON.stringify(errorReport(message, generatedAt), null, 2)}\n`);
    core.setOutput('report', file);
  } catch {
    // The error itself is what matters; a report we cannot write must not hide it.
  }
  core.setOutput('gate_result', 'error');
  core.setOutput('auto_merge', 'false');
  core.setOutput('summary', `error: ${message}`);
  if (isGateError(e) && e.location.file) {
    // An annotation on the offending file and line; it also fails the step, like setFailed would.
    core.error(message, {
      title: 'model-gate',
      file: e.location.file,
      startLine: e.location.line,
      startColumn: e.location.column
    });
    process.exitCode = core.ExitCode.Failure;
  } else {
    core.setFailed(message);
  }
}
