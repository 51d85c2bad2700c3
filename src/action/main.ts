/**
 * The action's shell: inputs → one gate run → outputs, job summary, report file, annotations, the sticky PR
 * comment and the report artifact. Everything that decides lives in the pure core; this file only talks to
 * the runner and, through src/github, to GitHub. Nothing GitHub-side (comment, artifact upload) can change
 * the gate result: those failures are warnings.
 */
import * as core from '@actions/core';
import * as path from 'node:path';
import type { GateConfig } from '../config/types.js';
import type { ReleaseCard } from '../core/release-card.js';
import type { Report } from '../core/report.js';
import { GateError, isGateError, userMessage } from '../base/errors.js';
import { ACTION_DEBUG_HINT, errorDetails, errorReport, internalErrorMessage } from '../gate/error-report.js';
import { shouldFail } from '../gate/fail-on.js';
import { writeFileAtomic } from '../readers/files/files.js';
import { actionRunKey } from '../gate/ledger.js';
import { sourceFromEnv, writeReleaseCard } from '../gate/release-card.js';
import { runGate, type GateRequest } from '../gate/run.js';
import { downloadChampion, type ChampionArtifact } from '../github/champion.js';
import { commentFailure, commentMarker, upsertComment } from '../github/comment.js';
import { readRunContext, type RunContext } from '../github/context.js';
import { createOctokit, waitBudget, type Octokit, type WaitBudget } from '../github/octokit.js';
import { findPullRequest, type PullRequestRef } from '../github/pull-request.js';
import { uploadReport } from '../github/report-artifact.js';
import { mergedPullRequestFacts, pullRequestFacts } from '../github/waiver.js';
import { judgeWaiver } from '../core/waiver.js';
import { COMMENT_LIMIT, jobSummaryOptions, renderErrorMarkdown, renderMarkdown } from '../render/markdown.js';
import { checkAnnotations } from './annotations.js';
import { inertPlain } from '../render/inert.js';
import { logLine, oneLine } from '../render/log-line.js';
import { every30s, logProgress } from './progress.js';
import { runCanaryStage } from './canary.js';
import { readSettings, runClock, type ActionSettings } from './settings.js';

/**
 * The Actions artifact client, loaded on first use: it is half the bundle, and a run that neither downloads a
 * champion nor uploads a report (most runs, and every early error) should not pay ~200 ms to load it.
 */
async function artifactClient() {
  return (await import('@actions/artifact')).default;
}

function reportDir(settings: Pick<ActionSettings, 'tempDir' | 'commentId'>): string {
  return path.join(settings.tempDir, 'model-gate', settings.commentId);
}

/** Computes once, on first use: the client and the PR lookup cost nothing unless something needs them. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** What one run knows about GitHub, created lazily so a plain push run makes no API call at all. */
interface GitHubSide {
  ctx: RunContext;
  octokit: () => Octokit;
  pullRequest: () => Promise<PullRequestRef | undefined>;
  /** Every wait on GitHub in this run draws on this one budget (about a minute in all). */
  budget: WaitBudget;
  /** The champion artifact used, once downloaded; its `expires_at` is when rollback to it stops being possible. */
  championArtifact?: ChampionArtifact;
}

function gitHubSide(settings: ActionSettings, ctx: RunContext): GitHubSide {
  const budget = waitBudget();
  const octokit = once(() => {
    if (!settings.token) {
      throw new GateError('input github-token is empty: leave it out (the default is the job token) or pass a token', {
        key: 'github-token'
      });
    }
    return createOctokit(settings.token, { baseUrl: ctx.apiUrl, budget });
  });
  return { ctx, octokit, budget, pullRequest: once(() => findPullRequest(ctx, octokit)) };
}

/** The inputs that only make sense together. */
function checkCombinations(settings: ActionSettings): void {
  if (settings.championWorkflow !== undefined && settings.championArtifact === undefined) {
    throw new GateError('input champion-workflow needs champion-artifact, the name of the artifact its runs upload', {
      key: 'champion-workflow'
    });
  }
  if (settings.championRunId !== undefined && settings.championArtifact === undefined) {
    throw new GateError('input champion-run-id needs champion-artifact, the name of the artifact to download from that run', {
      key: 'champion-run-id'
    });
  }
}

function markdownOptions(settings: ActionSettings, ctx: RunContext, releaseCard?: string) {
  const common = { runUrl: ctx.runUrl };
  // A runner's temp path means nothing to a PR reader; the artifact that carries the card does.
  const cardForComment =
    releaseCard && settings.reportArtifact ? `${path.basename(releaseCard)} in artifact ${settings.reportArtifact}` : releaseCard;
  return {
    comment: {
      ...common,
      maxLength: COMMENT_LIMIT,
      header: commentMarker(settings.commentId),
      releaseCard: cardForComment,
      // Where a reader finds the rows a long comment leaves out.
      fullListAt: `the job summary of this run${settings.reportArtifact ? ` and the report in artifact ${settings.reportArtifact}` : ''}`
    },
    summary: jobSummaryOptions({ runUrl: ctx.runUrl, releaseCard })
  };
}

/** The report, then its release card next to it; returns the card's path for the markdown's details. */
async function writeReport(report: Report, card: ReleaseCard, file: string): Promise<string> {
  await writeFileAtomic(file, `${JSON.stringify(report, null, 2)}\n`);
  return writeReleaseCard(card, file);
}

async function writeOutputs(report: Report, file: string, summary: string): Promise<void> {
  await writeFileAtomic(path.join(path.dirname(file), 'summary.md'), summary);
  core.setOutput('gate_result', report.gate_result);
  core.setOutput('auto_merge', String(report.auto_merge));
  core.setOutput('report', file);
  core.setOutput('summary', oneLine(report.summary));
  await core.summary.addRaw(summary, true).write();
}

function annotate(report: Report): void {
  for (const a of checkAnnotations(report)) {
    if (a.level === 'error') core.error(a.message, { title: a.title });
    else core.warning(a.message, { title: a.title });
  }
  if (report.ledger?.warning) core.warning(logLine(report.ledger.warning), { title: 'model-gate: test-set reuse' });
}

/** Posts or updates the sticky comment; any failure is a warning that says why and what to change. */
async function comment(settings: ActionSettings, side: GitHubSide, body: string): Promise<void> {
  if (!settings.comment) return;
  const pr = await side.pullRequest();
  if (!pr || !side.ctx.repo) {
    core.debug(`no pull request for this ${side.ctx.eventName || 'unknown'} event: no PR comment`);
    return;
  }
  try {
    const result = await upsertComment(side.octokit(), {
      repo: side.ctx.repo,
      number: pr.number,
      marker: commentMarker(settings.commentId),
      body
    });
    core.setOutput('comment-url', result.url);
    core.info(`model-gate: ${result.action} the comment on PR #${pr.number} (${pr.source}): ${result.url}`);
  } catch (e) {
    core.warning(isGateError(e) ? `model-gate could not write its PR comment: ${e.message}` : commentFailure(e, pr.number));
  }
}

/** Comment and report artifact: what is shared beyond the step, after the outputs are safely written. */
async function share(settings: ActionSettings, side: GitHubSide, commentBody: string, dir: string): Promise<void> {
  await comment(settings, side, commentBody);
  if (settings.reportArtifact) await uploadReport(await artifactClient(), settings.reportArtifact, dir);
}

/** `champion-artifact`: the champion comes from another run once the config (which names the file) is known. */
function championFetcher(s: ActionSettings, side: GitHubSide): GateRequest['fetchChampion'] {
  const artifact = s.championArtifact;
  if (artifact === undefined) return undefined;
  const source = {
    artifact,
    runId: s.championRunId,
    workflow: s.championWorkflow,
    file: s.champion,
    token: s.token,
    directory: path.join(s.tempDir, 'model-gate-champion', s.commentId)
  };
  return async (config: GateConfig) => {
    const { champion, ...file } = await downloadChampion(side.ctx, side.octokit(), await artifactClient(), source, config, side.budget);
    side.championArtifact = champion;
    return file;
  };
}

/**
 * The PR's facts matter to the verdict only through a waiver label; without one, nothing is looked up. On a
 * push, the PR merged as the pushed commit brings its waiver along, so a waived model deploys.
 */
function pullRequestFetcher(side: GitHubSide, generatedAt: string): GateRequest['fetchPullRequest'] {
  return async (config: GateConfig) => {
    if (!config.policy.waiver_label) return undefined;
    const pr = await side.pullRequest();
    const facts = pr
      ? await pullRequestFacts(config, pr, side.ctx.repo, side.octokit)
      : await mergedPullRequestFacts(config, side.ctx, side.octokit);
    const { refused } = judgeWaiver(config, facts, generatedAt);
    if (refused) core.warning(`model-gate: ${refused}`);
    return facts;
  };
}

/** Runs the action; never throws. */
/** `readWorker`: the entry file a worker thread may run to read the champion's predictions (gate/read-worker.ts). */
export async function run(opts: { readWorker?: string } = {}): Promise<void> {
  // The run's time; MODEL_GATE_NOW replaces it once the settings are read (tests of fixed dates).
  let generatedAt = new Date().toISOString();
  let file = path.join(reportDir({ tempDir: process.env.RUNNER_TEMP || '/tmp', commentId: 'default' }), 'report.json');
  let settings: ActionSettings | undefined;
  let side: GitHubSide | undefined;
  try {
    const s = (settings = readSettings());
    generatedAt = new Date(runClock(s)).toISOString();
    const github = (side = gitHubSide(s, readRunContext()));
    file = path.join(reportDir(s), 'report.json');
    checkCombinations(s);
    if (s.stage === 'canary') {
      await runCanaryStage(s, {
        file,
        generatedAt,
        runUrl: github.ctx.runUrl,
        commentHeader: commentMarker(s.commentId),
        share: (body) => share(s, github, body, reportDir(s))
      });
      return;
    }
    const progress = logProgress((line) => core.info(line), () => Date.now(), every30s);
    const { report, releaseCard, config } = await runGate({
      source: sourceFromEnv(process.env),
      workspace: s.workspace,
      config: s.config,
      candidate: s.candidate,
      champion: s.champion,
      origins: { candidate: 'the candidate input', champion: 'the champion input', config: 'the config input' },
      tempDir: s.tempDir,
      generatedAt,
      progress: progress.progress,
      fetchChampion: championFetcher(s, github),
      fetchPullRequest: pullRequestFetcher(github, generatedAt),
      runKey: actionRunKey(process.env, generatedAt),
      readWorker: opts.readWorker
    }).finally(progress.stop);
    for (const w of config.warnings ?? []) core.warning(inertPlain(w), { title: 'model-gate config' });
    const card = await writeReport(report, releaseCard, file);
    const md = markdownOptions(s, github.ctx, card);
    await writeOutputs(report, file, renderMarkdown(report, md.summary));
    core.info(logLine(report.summary));
    annotate(report);
    await share(s, github, renderMarkdown(report, md.comment), reportDir(s));
    if (shouldFail(report.gate_result, s.failOn)) {
      core.setFailed(`model-gate: ${report.summary} (fail-on: ${s.failOn})`);
    }
  } catch (e) {
    await reportError(e, file, generatedAt, settings, side);
  }
}

async function reportError(
  e: unknown,
  file: string,
  generatedAt: string,
  settings: ActionSettings | undefined,
  side: GitHubSide | undefined
): Promise<void> {
  const message = isGateError(e) ? userMessage(e) : internalErrorMessage(e, ACTION_DEBUG_HINT);
  // The details (stack, location) only with step debug logging (RUNNER_DEBUG=1): never in a normal log.
  if (core.isDebug()) core.debug(errorDetails(e));
  try {
    await writeFileAtomic(file, `${JSON.stringify(errorReport(message, generatedAt), null, 2)}\n`);
    core.setOutput('report', file);
  } catch {
    // The error itself is what matters; a report we cannot write must not hide it.
  }
  core.setOutput('gate_result', 'error');
  if (settings?.stage === 'canary') core.setOutput('canary_result', 'error');
  core.setOutput('auto_merge', 'false');
  // One line, whatever the message: a multi-problem config error lists its problems on further lines.
  core.setOutput('summary', `error: ${oneLine(message)}`);
  if (isGateError(e) && e.location.file) {
    // An annotation on the offending file and line; the exit code fails the step, as setFailed would.
    core.error(inertPlain(message), {
      title: 'model-gate',
      file: e.location.file,
      startLine: e.location.line,
      startColumn: e.location.column
    });
    process.exitCode = core.ExitCode.Failure;
  } else {
    core.setFailed(inertPlain(message));
  }
  if (!settings || !side) return; // the inputs themselves were invalid: nothing to say where
  try {
    const md = markdownOptions(settings, side.ctx);
    const summary = renderErrorMarkdown(message, md.summary);
    await writeFileAtomic(path.join(path.dirname(file), 'summary.md'), summary);
    await core.summary.addRaw(summary, true).write();
    // The sticky comment says "error" too, so it never keeps showing an earlier run's verdict.
    await share(settings, side, renderErrorMarkdown(message, md.comment), path.dirname(file));
  } catch (err) {
    core.warning(`model-gate could not write the job summary or the PR comment: ${err instanceof Error ? err.message : String(err)}`);
  }
}
