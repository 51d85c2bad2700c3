/**
 * Which pull request this run belongs to, and its labels. On `pull_request` / `pull_request_target` the event
 * payload says. On `workflow_run` (the fork pattern's privileged second workflow) the triggering run's
 * `pull_requests` array says, except for PRs from forks, where GitHub leaves it empty: then the PR is looked up
 * by the triggering run's head (`owner:branch`) and accepted only if its head commit is the one that run built.
 * Nothing here trusts data a fork controls (such as a PR number carried in an artifact).
 */
import * as core from '@actions/core';
import { field, type Repo, type RunContext } from './context.js';
import { apiReason, type Octokit } from './octokit.js';

export interface PullRequestRef {
  number: number;
  /** Label names; undefined when they could not be learnt (the waiver then cannot apply). */
  labels?: string[];
  /** Where the number came from, for the log. */
  source: string;
  /** The PR head commit this run gated, when the event says. */
  headSha?: string;
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);

function labelNames(labels: unknown): string[] {
  if (!Array.isArray(labels)) return [];
  return labels
    .map((l) => (typeof l === 'string' ? l : field(l, 'name')))
    .filter((n): n is string => typeof n === 'string');
}

function prNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

/** The PR of a `pull_request(_target)` event, straight from the payload (no API call). */
export function pullRequestFromPayload(ctx: Pick<RunContext, 'eventName' | 'payload'>): PullRequestRef | undefined {
  if (!PR_EVENTS.has(ctx.eventName)) return undefined;
  const number = prNumber(field(ctx.payload, 'pull_request', 'number')) ?? prNumber(field(ctx.payload, 'number'));
  if (number === undefined) return undefined;
  const sha = field(ctx.payload, 'pull_request', 'head', 'sha');
  return {
    number,
    labels: labelNames(field(ctx.payload, 'pull_request', 'labels')),
    source: `the ${ctx.eventName} event`,
    ...(typeof sha === 'string' ? { headSha: sha } : {})
  };
}

/**
 * A `workflow_run` event triggered by a PR run: the PR number from `workflow_run.pull_requests` when it lists a
 * PR into this repository (it can also list PRs into other repositories that share the branch).
 */
export function pullRequestFromWorkflowRun(ctx: Pick<RunContext, 'eventName' | 'payload' | 'repo'>): number | undefined {
  if (ctx.eventName !== 'workflow_run' || !PR_EVENTS.has(String(field(ctx.payload, 'workflow_run', 'event')))) return undefined;
  const prs = field(ctx.payload, 'workflow_run', 'pull_requests');
  if (!Array.isArray(prs)) return undefined;
  const repoId = field(ctx.payload, 'repository', 'id');
  const ours = prs.find((pr) => {
    const baseId = field(pr, 'base', 'repo', 'id');
    return repoId === undefined || baseId === undefined || baseId === repoId;
  });
  return prNumber(field(ours, 'number'));
}

/**
 * Finds the PR of this run, or undefined when the run is not about a PR. API failures are logged and give
 * undefined: without a PR there is simply no comment and no waiver.
 */
export async function findPullRequest(ctx: RunContext, octokit: () => Octokit): Promise<PullRequestRef | undefined> {
  const direct = pullRequestFromPayload(ctx);
  if (direct || ctx.eventName !== 'workflow_run' || !ctx.repo) return direct;
  if (!PR_EVENTS.has(String(field(ctx.payload, 'workflow_run', 'event')))) return undefined;
  const repo = ctx.repo;
  try {
    const number = pullRequestFromWorkflowRun(ctx);
    if (number !== undefined) {
      // The workflow_run payload lists the PR without its labels; the PR itself has them. A PR that has moved
      // on since the triggering run is not this verdict's PR any more.
      const { data } = await octokit().rest.pulls.get({ ...repo, pull_number: number });
      const sha = field(ctx.payload, 'workflow_run', 'head_sha');
      if (typeof sha === 'string' && data.head.sha !== sha) {
        core.info(`model-gate: PR #${number}'s head is now ${data.head.sha.slice(0, 12)}, not the gated ${sha.slice(0, 12)}; no PR comment`);
        return undefined;
      }
      return { number, labels: labelNames(data.labels), source: 'workflow_run.pull_requests', headSha: data.head.sha };
    }
    return await findByHead(ctx, repo, octokit());
  } catch (e) {
    core.warning(
      `model-gate could not find the pull request of the triggering run (${apiReason(e)}); no PR comment and no waiver this time. ` +
        'Give the workflow `permissions: pull-requests: read` (or write, to comment).'
    );
    return undefined;
  }
}

/** A PR from a fork: the open PR whose head is the triggering run's `owner:branch` at the same commit. */
async function findByHead(ctx: RunContext, repo: Repo, octokit: Octokit): Promise<PullRequestRef | undefined> {
  const owner = field(ctx.payload, 'workflow_run', 'head_repository', 'owner', 'login');
  const branch = field(ctx.payload, 'workflow_run', 'head_branch');
  const sha = field(ctx.payload, 'workflow_run', 'head_sha');
  if (typeof owner !== 'string' || typeof branch !== 'string' || typeof sha !== 'string') return undefined;
  const prs = await octokit.paginate(octokit.rest.pulls.list, { ...repo, state: 'open', head: `${owner}:${branch}`, per_page: 100 });
  const pr = prs.find((p) => p.head.sha === sha);
  if (!pr) {
    core.info(`model-gate: no open pull request has ${owner}:${branch} at ${sha.slice(0, 12)} as its head; no PR comment`);
    return undefined;
  }
  return { number: pr.number, labels: labelNames(pr.labels), source: `the open PR with head ${owner}:${branch}`, headSha: sha };
}
