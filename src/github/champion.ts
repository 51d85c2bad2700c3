/**
 * `champion-artifact` / `champion-run-id` (SPEC §1): the champion's predictions as an Actions artifact of
 * another run. The run is the one given, or the latest successful run of this run's workflow on the default
 * branch; the artifact is looked up by name in that run and downloaded through the REST API
 * (@actions/artifact with `findBy`, which needs `actions: read`). Which file of the artifact is the champion:
 * the one named like `champion` / `artifacts.champion` (by file name, anywhere in the artifact), or, when
 * neither is set, the only predictions file in it.
 */
import * as core from '@actions/core';
import type { ArtifactClient } from '@actions/artifact';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { GateConfig } from '../config/types.js';
import { GateError } from '../errors.js';
import { listFiles } from '../gate/files.js';
import type { PredictionsFile } from '../gate/run.js';
import { logLine } from '../action/log.js';
import type { ChampionArtifactFact } from '../rollback/drill.js';
import { field, type Repo, type RunContext } from './context.js';
import { apiReason, httpStatus, type Octokit } from './octokit.js';

export interface ChampionSource {
  artifact: string;
  /** As given in `champion-run-id`; undefined: the latest successful run. */
  runId?: string;
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

/** The run to take the artifact from: the one given, or the latest successful run of this workflow on the default branch. */
export async function championRunId(ctx: RunContext, octokit: Octokit, given: string | undefined): Promise<number> {
  const repo = ctx.repo;
  if (!repo) throw new GateError('GITHUB_REPOSITORY is not set, so champion-artifact has no repository to look in', KEY);
  if (given !== undefined) {
    if (!/^\d+$/.test(given)) {
      throw new GateError(`input champion-run-id must be a workflow run id (digits), not "${given}"`, { key: 'champion-run-id' });
    }
    return Number(given);
  }
  if (ctx.runId === undefined) {
    throw new GateError('GITHUB_RUN_ID is not set, so the latest successful run cannot be found: set champion-run-id', KEY);
  }
  try {
    const { data: run } = await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: ctx.runId });
    const branch = await defaultBranch(ctx, repo, octokit);
    const { data } = await octokit.rest.actions.listWorkflowRuns({
      ...repo,
      workflow_id: run.workflow_id,
      branch,
      status: 'success',
      per_page: 1
    });
    const latest = data.workflow_runs[0];
    if (!latest) {
      throw new GateError(
        `no successful run of workflow "${run.name ?? run.workflow_id}" on ${branch} yet, so there is no champion-artifact to download: ` +
          'run it once on the default branch, or set champion-run-id',
        KEY
      );
    }
    core.info(logLine(`model-gate: champion from run ${latest.id} (latest successful run of "${run.name ?? run.workflow_id}" on ${branch})`));
    return latest.id;
  } catch (e) {
    if (e instanceof GateError) throw e;
    if (httpStatus(e) === 403 || httpStatus(e) === 401) throw forbidden(repo, e);
    throw new GateError(`could not find the latest successful run of this workflow (${apiReason(e)}); set champion-run-id, or re-run`, KEY);
  }
}

async function defaultBranch(ctx: RunContext, repo: Repo, octokit: Octokit): Promise<string> {
  const fromEvent = field(ctx.payload, 'repository', 'default_branch');
  if (typeof fromEvent === 'string' && fromEvent) return fromEvent;
  const { data } = await octokit.rest.repos.get({ ...repo });
  return data.default_branch;
}

/** Downloads the artifact and returns the champion file in it. */
export async function downloadChampion(
  ctx: RunContext,
  octokit: Octokit,
  client: Pick<ArtifactClient, 'getArtifact' | 'downloadArtifact'>,
  source: ChampionSource,
  config: GateConfig
): Promise<PredictionsFile> {
  const runId = await championRunId(ctx, octokit, source.runId); // also checks that there is a repository
  const repo = ctx.repo!;
  const where = `run ${runId} of ${repo.owner}/${repo.repo}`;
  const findBy = { token: source.token, workflowRunId: runId, repositoryOwner: repo.owner, repositoryName: repo.repo };
  let found;
  try {
    found = (await client.getArtifact(source.artifact, { findBy })).artifact;
  } catch (e) {
    if ((e as Error)?.name === 'ArtifactNotFoundError') {
      throw new GateError(
        `${where} has no artifact named "${source.artifact}" (artifacts expire, 90 days by default): check champion-artifact and the run that uploads it`,
        KEY
      );
    }
    if (httpStatus(e) === 404) {
      throw new GateError(`${where} does not exist, or the token cannot see it (${apiReason(e)}): check champion-run-id`, {
        key: 'champion-run-id'
      });
    }
    if (httpStatus(e) === 403 || httpStatus(e) === 401) throw forbidden(repo, e);
    throw new GateError(`could not look up artifact "${source.artifact}" in ${where} (${apiReason(e)})`, KEY);
  }
  await fs.rm(source.directory, { recursive: true, force: true });
  await fs.mkdir(source.directory, { recursive: true });
  try {
    const { digestMismatch } = await client.downloadArtifact(found.id, {
      path: source.directory,
      findBy,
      ...(found.digest ? { expectedHash: found.digest } : {})
    });
    if (digestMismatch) {
      throw new GateError(`artifact "${source.artifact}" from ${where} did not match its recorded digest: download it again`, KEY);
    }
  } catch (e) {
    if (e instanceof GateError) throw e;
    if (httpStatus(e) === 403 || httpStatus(e) === 401) throw forbidden(repo, e);
    throw new GateError(`could not download artifact "${source.artifact}" from ${where} (${apiReason(e)})`, KEY);
  }
  const files = (await listFiles(source.directory, `artifact "${source.artifact}"`)).map((f) =>
    path.relative(source.directory, f).split(path.sep).join('/')
  );
  const rel = pickChampionFile(files, source.file ?? config.artifacts.champion, `artifact "${source.artifact}" from ${where}`);
  return {
    file: path.join(source.directory, rel),
    shown: `${source.artifact}/${rel}`,
    origin: `champion-artifact "${source.artifact}" from ${where}`,
    ...(config.gates.rollback ? { artifact: await championExpiry(octokit, repo, runId, found.id, source.artifact) } : {})
  };
}

/**
 * The artifact's expiry, from the run's artifact listing (the artifact client does not report it): the
 * rollback gate needs the previous release to outlive the drill window.
 */
async function championExpiry(octokit: Octokit, repo: Repo, runId: number, id: number, name: string): Promise<ChampionArtifactFact> {
  try {
    const { data } = await octokit.rest.actions.listWorkflowRunArtifacts({ ...repo, run_id: runId, name, per_page: 100 });
    const a = data.artifacts.find((x) => x.id === id) ?? data.artifacts[0];
    return { name, expires_at: a?.expires_at ?? null, expired: a?.expired ?? false };
  } catch (e) {
    if (httpStatus(e) === 403 || httpStatus(e) === 401) throw forbidden(repo, e);
    throw new GateError(`could not read the expiry of artifact "${name}" in run ${runId} (${apiReason(e)}), which gates.rollback checks; re-run`, KEY);
  }
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
