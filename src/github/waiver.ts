/**
 * The waiver's provenance: who added the waiver label to the PR, and when. The label on the PR is what waives
 * (the engine decides that); the issue's events only add who/when, so when they cannot be read the waiver
 * still applies, with `by`/`at` left null.
 */
import * as core from '@actions/core';
import type { GateConfig } from '../config/types.js';
import type { PullRequestFacts } from '../core/evaluate.js';
import type { Repo } from './context.js';
import { apiReason, type Octokit } from './octokit.js';
import type { PullRequestRef } from './pull-request.js';

export interface LabelEvent {
  event: string;
  label?: { name?: string } | null;
  actor?: { login?: string } | null;
  created_at?: string;
}

/** The latest `labeled` event for `label` in an issue's timeline (events come oldest first). */
export function latestLabeled(events: readonly LabelEvent[], label: string): { label: string; by: string; at: string } | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.event === 'labeled' && e.label?.name === label && e.actor?.login && e.created_at) {
      return { label, by: e.actor.login, at: e.created_at };
    }
  }
  return undefined;
}

/**
 * The facts the engine needs about the PR. Asks the API only when the policy names a waiver label and the PR
 * carries it, so an ordinary PR run costs no request.
 */
export async function pullRequestFacts(
  config: GateConfig,
  pr: PullRequestRef,
  repo: Repo | undefined,
  octokit: () => Octokit
): Promise<PullRequestFacts> {
  const labels = pr.labels ?? [];
  const label = config.policy.waiver_label;
  if (!label || !labels.includes(label) || !repo) return { number: pr.number, labels };
  try {
    const events = (await octokit().paginate(octokit().rest.issues.listEvents, {
      ...repo,
      issue_number: pr.number,
      per_page: 100
    })) as LabelEvent[];
    const last = latestLabeled(events, label);
    if (!last) core.debug(`no "labeled" event for ${label} on #${pr.number}: the waiver is recorded without who/when`);
    return { number: pr.number, labels, labeled: last ? [last] : [] };
  } catch (e) {
    core.debug(`could not read the label events of #${pr.number} (${apiReason(e)}): the waiver is recorded without who/when`);
    return { number: pr.number, labels };
  }
}
