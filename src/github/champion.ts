/**
 * `champion-artifact` / `champion-run-id` / `champion-workflow`: the champion's predictions as an Actions
 * artifact of another run. The run is the one given, or the newest successful run of the champion workflow that
 * only trusted code could start (this repository, push/schedule/workflow_dispatch, the default branch) and that
 * still holds the artifact; it is downloaded through the REST API (@actions/artifact with `findBy`, which needs
 * `actions: read`). Which file of the artifact is the champion:
 * the one named like `champion` / `artifacts.champion` (by file name, anywhere in the artifact), or, when
 * neither is set, the only predictions file in it.
 */
import * as core from '@actions/core';
import type { ArtifactClient } from '@actions/artifact';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { GateConfig } from '../config/types.js';
import { GateError } from '../base/errors.js';
import { listFiles } from '../readers/files/files.js';
import type { PredictionsFile } from '../gate/run.js';
import { logLine } from '../render/log-line.js';
import { field, type Repo, type RunContext } from './context.js';
import { apiReason, httpStatus, waitBudget, type Octokit, type WaitBudget } from './octokit.js';

export interface ChampionSource {
  artifact: string;
  /** As given in `champion-run-id`; undefined: the newest trusted run that holds the artifact. */
  runId?: string;
  /** As given in `champion-workflow`; undefined: the triggering workflow (workflow_run) or this run's. */
  workflow?: string;
  /** `champion` input, if any: names the file within the artifact. */
  file?: string;
  token: string;
  /** Empty directory to download into. */
  directory: string;
}

const PREDICTIONS = /\.(csv|tsv|jsonl|ndjson)(\.gz)?$/i;
const KEY = { key: 'champion-artifact' };

function forbidden(repo: Repo, e: unknown): GateError {
  return new GateError(
    `the token cannot read the Actions runs and artifacts of ${repo.owner}/${repo.repo} (${apiReason(e)}): ` +
      'give the job `permissions: actions: read`, or pass a github-token that can',
    KEY
  );
}

/** Events whose runs only code already on the default branch can start: a pull_request run never counts. */
export const TRUSTED_EVENTS: readonly string[] = ['push', 'schedule', 'workflow_dispatch'];
/** How many runs the lookup walks back through before it gives up. */
export const MAX_RUNS = 100;

/** The champion artifact that was used, for the log and for later checks (rollback needs it to still exist). */
export interface ChampionArtifact {
  run_id: number;
  artifact_id: number;
  artifact: string;
  /** When GitHub deletes the artifact (ISO 8601), as the API reports it; null when it did not say. */
  expires_at: string | null;
  /** Runs passed over before this one (untrusted, or without an unexpired artifact); 0 for champion-run-id. */
  skipped: number;
}

interface ApiRun {
  id: number;
  event?: string;
  head_branch?: string | null;
  head_repository?: { full_name?: string; id?: number } | null;
}

interface ApiArtifact {
  id: number;
  name: string;
  expired?: boolean;
  expires_at?: string | null;
  digest?: string | null;
}

/**
 * Why a listed run cannot hold the champion, or undefined when it can: it must come from this repository (a
 * fork's pull_request run from its own `main` has head_branch `main` too), from a trusted event, on the default
 * branch. The `branch` query parameter alone filters on head_branch only, so every field is checked here.
 */
export function untrustedReason(run: ApiRun, repo: Repo, branch: string): string | undefined {
  const full = `${repo.owner}/${repo.repo}`.toLowerCase();
  if (run.head_repository?.full_name?.toLowerCase() !== full) return `its head repository is ${run.head_repository?.full_name ?? 'unknown'}`;
  if (!TRUSTED_EVENTS.includes(run.event ?? '')) return `it ran on a ${run.event ?? 'unknown'} event`;
  if (run.head_branch !== branch) return `it ran on ${run.head_branch ?? 'no branch'}`;
  return undefined;
}

/** The named, unexpired artifact among a run's artifacts (several uploads of one name: the newest id). */
export function usableArtifact(artifacts: readonly ApiArtifact[], name: string): ApiArtifact | undefined {
  return artifacts.filter((a) => a.name === name && !a.expired).sort((a, b) => b.id - a.id)[0];
}

/** `champion-workflow`: digits are a workflow id; otherwise a workflow file name (a path is reduced to its name). */
export function workflowInput(given: string): number | string {
  if (/^\d+$/.test(given)) return Number(given);
  const name = given.replace(/\\/g, '/').split('/').pop() ?? '';
  if (!/^[^\s]+\.ya?ml$/.test(name)) {
    throw new GateError(`input champion-workflow must be a workflow file name such as train.yml, or a workflow id (digits), not "${given}"`, {
      key: 'champion-workflow'
    });
  }
  return name;
}

/** The workflow whose runs hold the champion: the input, the triggering workflow of a workflow_run event, or this run's. */
async function championWorkflow(ctx: RunContext, octokit: Octokit, repo: Repo, given: string | undefined): Promise<number | string> {
  if (given !== undefined) return workflowInput(given);
  if (ctx.eventName === 'workflow_run') {
    // The gate workflow of the fork pattern never uploads the champion; the workflow that triggered it does.
    const id = field(ctx.payload, 'workflow_run', 'workflow_id');
    if (typeof id === 'number') return id;
  }
  if (ctx.runId === undefined) {
    throw new GateError('GITHUB_RUN_ID is not set, so the latest champion run cannot be found: set champion-workflow or champion-run-id', KEY);
  }
  const { data: run } = await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: ctx.runId });
  return run.workflow_id;
}

async function runArtifacts(octokit: Octokit, repo: Repo, runId: number, name: string): Promise<ApiArtifact[]> {
  const { data } = await octokit.rest.actions.listWorkflowRunArtifacts({ ...repo, run_id: runId, name, per_page: 100 });
  return data.artifacts;
}

/**
 * The champion artifact: from the run given, or from the newest successful trusted run of the champion workflow
 * on the default branch that still holds it (walking back past runs without it or with it expired, at most
 * MAX_RUNS runs).
 */
export async function findChampionArtifact(
  ctx: RunContext,
  octokit: Octokit,
  source: Pick<ChampionSource, 'artifact' | 'runId' | 'workflow'>
): Promise<ChampionArtifact & { digest?: string | null }> {
  const repo = ctx.repo;
  if (!repo) throw new GateError('GITHUB_REPOSITORY is not set, so champion-artifact has no repository to look in', KEY);
  const name = source.artifact;
  try {
    if (source.runId !== undefined) {
      if (!/^\d+$/.test(source.runId)) {
        throw new GateError(`input champion-run-id must be a workflow run id (digits), not "${source.runId}"`, { key: 'champion-run-id' });
      }
      const runId = Number(source.runId);
      const where = `run ${runId} of ${repo.owner}/${repo.repo}`;
      const all = await runArtifacts(octokit, repo, runId, name);
      const found = usableArtifact(all, name);
      if (!found) {
        const expired = all.find((a) => a.name === name && a.expired);
        throw new GateError(
          expired
            ? `artifact "${name}" of ${where} expired on ${expired.expires_at ?? 'an unknown date'}: re-upload the champion (docs/github.md, "When the champion artifact expired")`
            : `${where} has no artifact named "${name}" (artifacts expire, 90 days by default): check champion-artifact and the run that uploads it`,
          KEY
        );
      }
      core.info(logLine(`model-gate: champion from artifact "${name}" (id ${found.id}) of ${where}, given by champion-run-id`));
      return { run_id: runId, artifact_id: found.id, artifact: name, expires_at: found.expires_at ?? null, skipped: 0, digest: found.digest };
    }
    const workflow = await championWorkflow(ctx, octokit, repo, source.workflow);
    const branch = await defaultBranch(ctx, repo, octokit);
    const skipped: string[] = [];
    let seen = 0;
    const pages = octokit.paginate.iterator(octokit.rest.actions.listWorkflowRuns, {
      ...repo,
      workflow_id: workflow,
      branch,
      status: 'success',
      per_page: 50
    });
    for await (const page of pages) {
      for (const run of page.data as ApiRun[]) {
        if (seen++ >= MAX_RUNS) break;
        if (run.id === ctx.runId) continue;
        const why = untrustedReason(run, repo, branch) ?? (await artifactMissing(octokit, repo, run.id, name));
        if (typeof why === 'string') {
          skipped.push(`run ${run.id}: ${why}`);
          core.debug(`model-gate: champion lookup skips run ${run.id} (${why})`);
          continue;
        }
        const found = why;
        core.info(
          logLine(
            `model-gate: champion from artifact "${name}" (id ${found.id}, expires ${found.expires_at ?? 'unknown'}) of run ${run.id}, ` +
              `the newest successful ${TRUSTED_EVENTS.join('/')} run of workflow ${workflow} on ${branch} that holds it` +
              (skipped.length ? `; skipped ${skipped.length} newer run(s) (${skipped.slice(0, 5).join('; ')}${skipped.length > 5 ? '; …' : ''})` : '')
          )
        );
        return { run_id: run.id, artifact_id: found.id, artifact: name, expires_at: found.expires_at ?? null, skipped: skipped.length, digest: found.digest };
      }
      if (seen > MAX_RUNS) break;
    }
    throw new GateError(
      `none of the latest ${Math.min(seen, MAX_RUNS)} successful runs of workflow ${workflow} on ${branch} is a ${TRUSTED_EVENTS.join('/')} run of ` +
        `${repo.owner}/${repo.repo} with an unexpired artifact "${name}", so there is no champion to download: run that workflow on ${branch} ` +
        '(workflow_dispatch) to upload one, or set champion-run-id (docs/github.md, "First run" and "When the champion artifact expired")',
      KEY
    );
  } catch (e) {
    if (e instanceof GateError) throw e;
    if (httpStatus(e) === 403 || httpStatus(e) === 401) throw forbidden(repo, e);
    if (httpStatus(e) === 404 && source.runId !== undefined) {
      throw new GateError(`run ${source.runId} of ${repo.owner}/${repo.repo} does not exist, or the token cannot see it (${apiReason(e)}): check champion-run-id`, {
        key: 'champion-run-id'
      });
    }
    if (httpStatus(e) === 404 && source.workflow !== undefined) {
      throw new GateError(`workflow "${source.workflow}" was not found in ${repo.owner}/${repo.repo} (${apiReason(e)}): check champion-workflow`, {
        key: 'champion-workflow'
      });
    }
    throw new GateError(`could not find the champion run (${apiReason(e)}); set champion-run-id, or re-run`, KEY);
  }
}

/** The run's usable artifact, or why it has none. */
async function artifactMissing(octokit: Octokit, repo: Repo, runId: number, name: string): Promise<ApiArtifact | string> {
  const all = await runArtifacts(octokit, repo, runId, name);
  const found = usableArtifact(all, name);
  if (found) return found;
  return all.some((a) => a.name === name) ? `its artifact "${name}" expired` : `it has no artifact "${name}"`;
}

async function defaultBranch(ctx: RunContext, repo: Repo, octokit: Octokit): Promise<string> {
  const fromEvent = field(ctx.payload, 'repository', 'default_branch');
  if (typeof fromEvent === 'string' && fromEvent) return fromEvent;
  const { data } = await octokit.rest.repos.get({ ...repo });
  return data.default_branch;
}

/** Attempts at the artifact download: a 5xx or a dropped connection is tried again, within the run's wait budget. */
const DOWNLOAD_ATTEMPTS = 3;

/** Downloads the artifact and returns the champion file in it, with the artifact it came from. */
export async function downloadChampion(
  ctx: RunContext,
  octokit: Octokit,
  client: Pick<ArtifactClient, 'downloadArtifact'>,
  source: ChampionSource,
  config: GateConfig,
  budget: WaitBudget = waitBudget()
): Promise<PredictionsFile & { champion: ChampionArtifact }> {
  const found = await findChampionArtifact(ctx, octokit, source); // also checks that there is a repository
  const repo = ctx.repo!;
  const runId = found.run_id;
  const where = `run ${runId} of ${repo.owner}/${repo.repo}`;
  const findBy = { token: source.token, workflowRunId: runId, repositoryOwner: repo.owner, repositoryName: repo.repo };
  let last: unknown;
  for (let attempt = 1; ; attempt++) {
    await fs.rm(source.directory, { recursive: true, force: true });
    await fs.mkdir(source.directory, { recursive: true });
    try {
      const { digestMismatch } = await client.downloadArtifact(found.artifact_id, {
        path: source.directory,
        findBy,
        ...(found.digest ? { expectedHash: found.digest } : {})
      });
      if (digestMismatch) {
        throw new GateError(`artifact "${source.artifact}" from ${where} did not match its recorded digest: download it again`, KEY);
      }
      last = undefined;
      break;
    } catch (e) {
      if (e instanceof GateError) throw e;
      if (httpStatus(e) === 403 || httpStatus(e) === 401) throw forbidden(repo, e);
      last = e;
      // The blob itself is retried inside @actions/artifact; only the /zip request's 5xx are worth another round.
      const retry = httpStatus(e) !== undefined && httpStatus(e)! >= 500 && attempt < DOWNLOAD_ATTEMPTS && (await budget.wait(2 ** (attempt - 1)));
      if (!retry) break;
      core.info(`model-gate: downloading artifact "${source.artifact}" from ${where} failed (${apiReason(e)}); trying again`);
    }
  }
  if (last !== undefined) {
    throw new GateError(
      `could not download artifact "${source.artifact}" (id ${found.artifact_id}) from ${where}: ${downloadReason(last)}. ` +
        'Re-run the job; if it keeps failing, the artifact may have been deleted or expired (docs/github.md, "When the champion artifact expired")',
      KEY
    );
  }
  const files = (await listFiles(source.directory, `artifact "${source.artifact}"`)).map((f) =>
    path.relative(source.directory, f).split(path.sep).join('/')
  );
  const rel = pickChampionFile(files, source.file ?? config.artifacts.champion, `artifact "${source.artifact}" from ${where}`);
  const { digest: _digest, ...champion } = found;
  return {
    file: path.join(source.directory, rel),
    shown: `${source.artifact}/${rel}`,
    origin: `champion-artifact "${source.artifact}" from ${where}`,
    champion,
    // The rollback gate needs the previous release to outlive the drill window; the lookup chose an unexpired one.
    artifact: { name: champion.artifact, expires_at: champion.expires_at, expired: false }
  };
}

/** The failure in words: the API's status, or what the blob storage did. */
function downloadReason(e: unknown): string {
  const status = httpStatus(e);
  if (status !== undefined) return `GitHub answered ${apiReason(e)} ${DOWNLOAD_ATTEMPTS} times`;
  const text = e instanceof Error ? e.message.split('\n')[0] : String(e);
  return /failed after \d+ retries/.test(text) ? `the artifact storage did not deliver it (${text})` : text;
}

/**
 * The champion among the artifact's files (paths relative to its root, `/`-separated): the one whose file name
 * is the configured champion's, or without a configured name the only predictions file. Pure; throws a
 * GateError that lists what the artifact holds.
 */
export function pickChampionFile(files: readonly string[], configured: string | undefined, what: string): string {
  const holds = () => {
    const shown = files.slice(0, 10).join(', ') + (files.length > 10 ? `, and ${files.length - 10} more` : '');
    return files.length ? `it holds ${shown}` : 'it is empty';
  };
  if (configured) {
    const name = path.basename(configured.replace(/\\/g, '/'));
    const matches = files.filter((f) => path.posix.basename(f) === name);
    if (matches.length === 1) return matches[0];
    if (matches.length > 1) {
      throw new GateError(`${what} has ${matches.length} files named ${name} (${matches.join(', ')}): upload only one`, KEY);
    }
    throw new GateError(`${what} has no file named ${name} (the champion's file name, from ${configured}); ${holds()}`, KEY);
  }
  const predictions = files.filter((f) => PREDICTIONS.test(f));
  if (predictions.length === 1) return predictions[0];
  throw new GateError(
    `${what} has ${predictions.length ? 'several' : 'no'} predictions files (.csv, .tsv, .jsonl, .ndjson, optionally .gz), ` +
      `so which one is the champion is unclear: name it with the champion input or artifacts.champion; ${holds()}`,
    KEY
  );
}
