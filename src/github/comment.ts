/**
 * The sticky PR comment (docs/comment.md): one comment per PR and `comment-id`, found by its hidden marker among the
 * comments written by the token's own account, updated in place, created only when there is none. A comment
 * by anyone else is never touched, even if it quotes the marker.
 */
import * as core from '@actions/core';
import type { Repo } from './context.js';
import { apiReason, httpStatus, transient, type Octokit } from './octokit.js';

/** The account GITHUB_TOKEN writes as. */
export const ACTIONS_BOT = 'github-actions[bot]';

export function commentMarker(commentId: string): string {
  return `<!-- model-gate:${commentId} -->`;
}

export interface IssueComment {
  id: number;
  body?: string | null;
  user?: { login?: string | null } | null;
  html_url?: string;
}

/** The first (oldest) comment by `login` carrying `marker`; logins compare case-insensitively, as GitHub's do. */
export function findOwnComment<C extends IssueComment>(comments: Iterable<C>, marker: string, login: string): C | undefined {
  const me = login.toLowerCase();
  for (const c of comments) {
    if (c.user?.login?.toLowerCase() === me && (c.body ?? '').includes(marker)) return c;
  }
  return undefined;
}

/**
 * The login the token writes as. `GET /user` answers for personal tokens; installation tokens (GITHUB_TOKEN, a
 * GitHub App's) get 403 there but GraphQL's `viewer` answers for them (`github-actions[bot]`, `my-app[bot]`).
 * When neither answers, the token is most likely the default GITHUB_TOKEN, which writes as github-actions[bot].
 */
export async function ownLogin(octokit: Octokit): Promise<string> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    if (data.login) return data.login;
  } catch (e) {
    core.debug(`GET /user: ${apiReason(e)}; asking GraphQL for the viewer`);
  }
  try {
    const data = await octokit.graphql<{ viewer?: { login?: string } }>('query { viewer { login } }');
    if (data.viewer?.login) return data.viewer.login;
  } catch (e) {
    core.debug(`GraphQL viewer: ${apiReason(e)}`);
  }
  core.debug(`could not learn the token's account; assuming ${ACTIONS_BOT} (the GITHUB_TOKEN's)`);
  return ACTIONS_BOT;
}

export interface CommentResult {
  url: string;
  action: 'created' | 'updated';
}

/** Updates the own marked comment on the PR, or creates it. Throws the API's error; the caller warns. */
export async function upsertComment(
  octokit: Octokit,
  target: { repo: Repo; number: number; marker: string; body: string }
): Promise<CommentResult> {
  const { repo, number, marker, body } = target;
  const login = await ownLogin(octokit);
  const find = async () => {
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, { ...repo, issue_number: number, per_page: 100 });
    for await (const page of pages) {
      const own = findOwnComment(page.data, marker, login);
      if (own) return own;
    }
    return undefined;
  };
  const update = async (existing: IssueComment): Promise<CommentResult> => {
    const { data } = await octokit.rest.issues.updateComment({ ...repo, comment_id: existing.id, body });
    return { url: data.html_url, action: 'updated' };
  };
  const existing = await find();
  if (existing) return update(existing);
  try {
    const { data } = await octokit.rest.issues.createComment({ ...repo, issue_number: number, body });
    return { url: data.html_url, action: 'created' };
  } catch (e) {
    // A POST that failed on the way back may still have created the comment: look again before a second POST.
    if (!transient(e)) throw e;
    const created = await find();
    if (created) return update(created);
    const { data } = await octokit.rest.issues.createComment({ ...repo, issue_number: number, body });
    return { url: data.html_url, action: 'created' };
  }
}

/** The warning for a comment that could not be written: why, and what to change. */
export function commentFailure(e: unknown, number: number): string {
  const status = httpStatus(e);
  const head = `model-gate could not write its comment on PR #${number} (${apiReason(e)}); the gate result is unaffected.`;
  if (status === 403 || status === 401) {
    return (
      `${head} The token may not write to pull requests: give the job \`permissions: pull-requests: write\`. ` +
      'On PRs from forks the token is read-only whatever the workflow asks for: use the two-workflow workflow_run pattern (README, "Pull requests from forks").'
    );
  }
  if (status === 404) {
    return `${head} The PR or the comment was not found, or the token cannot see this repository: check github-token and \`permissions: pull-requests: write\`.`;
  }
  if (status === undefined) return `${head} GitHub could not be reached; the verdict is in the job summary.`;
  return `${head} The verdict is in the job summary.`;
}
