/**
 * The facts a waiver is judged on (core/waiver.ts decides): the PR's labels read fresh on every run (a label
 * removed since the event no longer waives on a re-run), who applied the waiver label last (issue events) and
 * their permission on the repository, the commit that was gated, the PR's head now, and when that commit
 * reached GitHub: the earliest workflow run GitHub created for it (a server-side time), or, when no run is
 * listed, the commit's committer date. On a push, the PR merged as the pushed commit carries its waiver to the
 * run that deploys it. Anything that cannot be read is left out, and the waiver then does not count.
 */
import * as core from '@actions/core';
import type { GateConfig } from '../config/types.js';
import type { PullRequestFacts } from '../core/evaluate.js';
import { field, type Repo, type RunContext } from './context.js';
import { apiReason, type Octokit } from './octokit.js';
import type { PullRequestRef } from './pull-request.js';

export interface LabelEvent {
  event: string;
  label?: { name?: string } | null;
  actor?: { login?: string; type?: string } | null;
  created_at?: string;
}

/** The latest `labeled` event for `label` in an issue's events (they come oldest first). */
export function latestLabeled(
  events: readonly LabelEvent[],
  label: string
): { label: string; by: string; at: string; by_type?: string } | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.event === 'labeled' && e.label?.name === label && e.actor?.login && e.created_at) {
      return { label, by: e.actor.login, at: e.created_at, ...(e.actor.type ? { by_type: e.actor.type } : {}) };
    }
  }
  return undefined;
}

/** The user's permission as GitHub names the role (`role_name`: admin, maintain, write, triage, read), or null. */
async function permissionOf(octokit: Octokit, repo: Repo, username: string): Promise<string | null> {
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username });
    return data.role_name || data.permission || null;
  } catch (e) {
    core.info(`model-gate: could not read the permission of ${username} (${apiReason(e)}); their waiver label does not count`);
    return null;
  }
}

/** When `sha` reached GitHub: its earliest workflow run, else its committer date; undefined when neither can be read. */
async function pushedAt(octokit: Octokit, repo: Repo, sha: string): Promise<string | undefined> {
  try {
    const { data } = await octokit.rest.actions.listWorkflowRunsForRepo({ ...repo, head_sha: sha, per_page: 100 });
    const times = data.workflow_runs.map((r) => r.created_at).filter(Boolean).sort();
    if (times.length) return times[0];
  } catch (e) {
    core.debug(`runs of ${sha}: ${apiReason(e)}`);
  }
  try {
    const { data } = await octokit.rest.repos.getCommit({ ...repo, ref: sha });
    return data.commit.committer?.date ?? undefined;
  } catch (e) {
    core.debug(`commit ${sha}: ${apiReason(e)}`);
    return undefined;
  }
}

const labelName = (l: string | { name?: string }) => (typeof l === 'string' ? l : l.name);

/**
 * The facts the engine needs about the PR. Asks the API only when the policy names a waiver label, so an
 * ordinary PR run costs no request.
 */
export async function pullRequestFacts(
  config: GateConfig,
  pr: PullRequestRef,
  repo: Repo | undefined,
  octokit: () => Octokit
): Promise<PullRequestFacts> {
  const label = config.policy.waiver_label;
  const stale = { number: pr.number, labels: pr.labels ?? [] };
  if (!label || !repo) return stale;
  let fresh: { labels: string[]; head: string };
  try {
    const { data } = await octokit().rest.pulls.get({ ...repo, pull_number: pr.number });
    fresh = { labels: data.labels.map(labelName).filter((n): n is string => typeof n === 'string'), head: data.head.sha };
  } catch (e) {
    core.warning(`model-gate could not read PR #${pr.number} (${apiReason(e)}), so its waiver label cannot count this time.`);
    return { number: pr.number, labels: [] };
  }
  return labelFacts(octokit(), repo, pr.number, label, fresh.labels, pr.headSha ?? fresh.head, fresh.head);
}

async function labelFacts(
  octokit: Octokit,
  repo: Repo,
  number: number,
  label: string,
  labels: string[],
  gated: string,
  current: string
): Promise<PullRequestFacts> {
  const facts: PullRequestFacts = { number, labels, head_sha: gated, current_head_sha: current };
  if (!labels.includes(label)) return facts;
  try {
    const events = (await octokit.paginate(octokit.rest.issues.listEvents, { ...repo, issue_number: number, per_page: 100 })) as LabelEvent[];
    const last = latestLabeled(events, label);
    if (last) facts.labeled = [{ ...last, permission: await permissionOf(octokit, repo, last.by) }];
  } catch (e) {
    core.info(`model-gate: could not read the label events of #${number} (${apiReason(e)}): who added ${label} is unknown`);
  }
  const at = await pushedAt(octokit, repo, gated);
  if (at) facts.head_pushed_at = at;
  return facts;
}

/** The commit a push run gates: GITHUB_SHA on a push, or the triggering push run's head on workflow_run. */
function pushedCommit(ctx: RunContext): string | undefined {
  const sha =
    ctx.eventName === 'push'
      ? (ctx.sha ?? field(ctx.payload, 'after'))
      : ctx.eventName === 'workflow_run' && field(ctx.payload, 'workflow_run', 'event') === 'push'
        ? field(ctx.payload, 'workflow_run', 'head_sha')
        : undefined;
  return typeof sha === 'string' ? sha : undefined;
}

/**
 * On a push (or a workflow_run after one): the PR merged as the pushed commit, with its waiver facts judged for the PR's last head (the commit
 * the waiver was given for). Undefined when the commit is no merged PR's.
 */
export async function mergedPullRequestFacts(config: GateConfig, ctx: RunContext, octokit: () => Octokit): Promise<PullRequestFacts | undefined> {
  const label = config.policy.waiver_label;
  const sha = pushedCommit(ctx);
  if (!label || !ctx.repo || sha === undefined) return undefined;
  try {
    const { data } = await octokit().rest.repos.listPullRequestsAssociatedWithCommit({ ...ctx.repo, commit_sha: sha, per_page: 100 });
    const pr = data.find((p) => p.merged_at && p.merge_commit_sha === sha);
    if (!pr) return undefined;
    const labels = pr.labels.map(labelName).filter((n): n is string => typeof n === 'string');
    core.info(`model-gate: ${sha.slice(0, 12)} is the merge of PR #${pr.number}; its waiver label, if any, is judged for ${pr.head.sha.slice(0, 12)}`);
    return await labelFacts(octokit(), ctx.repo, pr.number, label, labels, pr.head.sha, pr.head.sha);
  } catch (e) {
    core.warning(`model-gate could not find the pull request merged as ${sha.slice(0, 12)} (${apiReason(e)}), so no waiver carries over to this push.`);
    return undefined;
  }
}
