/**
 * Whether a waiver label counts (pure): the shell gathers who applied the label, their permission, the commit
 * that was gated and when it reached GitHub; this decides. A label counts only when
 * - the latest `labeled` event for it was by a person (not a bot) with write, maintain or admin permission,
 * - it was applied after the gated commit reached GitHub (a later push voids it: the new commits were not
 *   seen by whoever waived), and that commit is still the PR's head,
 * - and, with `policy.waiver_max_age_days`, it is no older than that at `generated_at`.
 */
import type { GateConfig } from '../config/types.js';
import type { Waiver } from './report.js';

/** Permissions that may waive (GitHub's role names; `permission` reports maintain as write). */
export const WAIVING_PERMISSIONS: readonly string[] = ['admin', 'maintain', 'write'];

export interface WaiverJudgement {
  waiver: Waiver | null;
  /** Why a label present on the PR does not count; undefined when there is no label or it counts. */
  refused?: string;
}

const short = (sha: string) => sha.slice(0, 12);

export function judgeWaiver(config: GateConfig, pr: PullRequestFacts | undefined, generatedAt: string): WaiverJudgement {
  const label = config.policy.waiver_label;
  if (!label || !pr || !pr.labels.includes(label)) return { waiver: null };
  const refuse = (why: string): WaiverJudgement => ({ waiver: null, refused: `the label ${label} on PR #${pr.number} does not waive: ${why}` });
  const events = (pr.labeled ?? []).filter((e) => e.label === label);
  const last = events[events.length - 1];
  if (!last) return refuse('who added it could not be read (the token needs issues or pull-requests: read)');
  if (last.by_type === 'Bot' || /\[bot\]$/i.test(last.by)) return refuse(`it was added by the bot ${last.by}; only people with write access waive`);
  if (!last.permission) return refuse(`the permission of ${last.by} could not be read`);
  if (!WAIVING_PERMISSIONS.includes(last.permission)) {
    return refuse(`${last.by} has ${last.permission} permission; only write, maintain or admin waive`);
  }
  const commit = pr.head_sha;
  if (!commit) return refuse('the commit it would apply to is unknown');
  if (pr.current_head_sha && pr.current_head_sha !== commit) {
    return refuse(`the PR's head is now ${short(pr.current_head_sha)}, not the gated ${short(commit)}`);
  }
  if (!pr.head_pushed_at) return refuse(`when ${short(commit)} reached GitHub could not be read`);
  if (Date.parse(last.at) < Date.parse(pr.head_pushed_at)) {
    return refuse(`it was added at ${last.at}, before ${short(commit)} was pushed (${pr.head_pushed_at}); add it again to waive the new commits`);
  }
  const maxAge = config.policy.waiver_max_age_days;
  if (maxAge !== undefined && Date.parse(generatedAt) - Date.parse(last.at) > maxAge * 86_400_000) {
    return refuse(`it was added at ${last.at}, more than waiver_max_age_days (${maxAge}) ago; add it again`);
  }
  return { waiver: { label, pull_request: pr.number, by: last.by, at: last.at, commit } };
}

/** What the shell learnt about the pull request, if the run belongs to one (core/waiver.ts judges the waiver). */
export interface PullRequestFacts {
  number: number;
  /** The PR's labels as read on this run. */
  labels: string[];
  /** Who added which label and when, when the API could tell (latest event per label wins), with their permission. */
  labeled?: { label: string; by: string; at: string; by_type?: string; permission?: string | null }[];
  /** The commit the gate evaluated (the PR's head it ran for; on a push, the head the PR was merged from). */
  head_sha?: string;
  /** The PR's head now, when it was read. */
  current_head_sha?: string;
  /** When head_sha reached GitHub (ISO 8601). */
  head_pushed_at?: string;
}
