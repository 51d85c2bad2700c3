/**
 * The small GitHub helpers on their own: which comment is ours, what a failure says, which PR a run belongs
 * to, who added the waiver label, which file of an artifact is the champion, annotations, the run context.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ANNOTATIONS_PER_KIND, checkAnnotations } from '../../src/action/annotations.js';
import type { GateConfig } from '../../src/config/types.js';
import type { CheckResult } from '../../src/core/report.js';
import { pickChampionFile } from '../../src/github/champion.js';
import { ACTIONS_BOT, commentFailure, commentMarker, findOwnComment, ownLogin } from '../../src/github/comment.js';
import { readRunContext } from '../../src/github/context.js';
import type { Octokit } from '../../src/github/octokit.js';
import { pullRequestFromPayload, pullRequestFromWorkflowRun } from '../../src/github/pull-request.js';
import { latestLabeled, pullRequestFacts } from '../../src/github/waiver.js';

const MARKER = commentMarker('default');

describe('which comment is ours', () => {
  const c = (id: number, login: string, body: string) => ({ id, user: { login }, body });

  test('marker and author must both match; the oldest match wins; logins compare case-insensitively', () => {
    const comments = [
      c(1, 'mallory', `${MARKER}\nquoted`),
      c(2, 'github-actions[bot]', 'no marker'),
      c(3, 'GitHub-Actions[bot]', `${MARKER}\nours`),
      c(4, 'github-actions[bot]', `${MARKER}\nours, later`)
    ];
    expect(findOwnComment(comments, MARKER, ACTIONS_BOT)?.id).toBe(3);
    expect(findOwnComment(comments, MARKER, 'someone-else')).toBeUndefined();
  });

  test('comment ids do not match each other by prefix', () => {
    const comments = [c(1, ACTIONS_BOT, `${commentMarker('default-2')}\nother gate`)];
    expect(findOwnComment(comments, MARKER, ACTIONS_BOT)).toBeUndefined();
    expect(commentMarker('fairness')).toBe('<!-- model-gate:fairness -->');
  });

  test('missing users and bodies (deleted accounts) are skipped, not crashed on', () => {
    expect(findOwnComment([{ id: 1, user: null, body: null }], MARKER, ACTIONS_BOT)).toBeUndefined();
  });
});

describe("the token's own account", () => {
  const fake = (user: () => Promise<unknown>, graphql: () => Promise<unknown>) =>
    ({ rest: { users: { getAuthenticated: user } }, graphql }) as unknown as Octokit;
  const denied = () => Promise.reject(Object.assign(new Error('Resource not accessible by integration'), { status: 403 }));

  test('GET /user when it answers (personal tokens)', async () => {
    expect(await ownLogin(fake(() => Promise.resolve({ data: { login: 'release-bot' } }), denied))).toBe('release-bot');
  });
  test("GraphQL's viewer for installation tokens (GITHUB_TOKEN, GitHub Apps)", async () => {
    expect(await ownLogin(fake(denied, () => Promise.resolve({ viewer: { login: 'my-app[bot]' } })))).toBe('my-app[bot]');
  });
  test('github-actions[bot] when neither answers', async () => {
    expect(await ownLogin(fake(denied, denied))).toBe('github-actions[bot]');
  });
});

describe('what a comment failure says', () => {
  const err = (status: number | undefined, message: string) =>
    Object.assign(new Error(message), status === undefined ? {} : { status, response: { data: { message } } });

  test('403: the permission to add, and the fork pattern', () => {
    const s = commentFailure(err(403, 'Resource not accessible by integration'), 7);
    expect(s).toBe(
      'model-gate could not write its comment on PR #7 (403 Resource not accessible by integration); the gate result is unaffected. ' +
        'The token may not write to pull requests: give the job `permissions: pull-requests: write`. ' +
        'On PRs from forks the token is read-only whatever the workflow asks for: use the two-workflow workflow_run pattern (README, "Pull requests from forks").'
    );
  });
  test('404 and network errors', () => {
    expect(commentFailure(err(404, 'Not Found'), 7)).toContain('(404 Not Found)');
    expect(commentFailure(err(404, 'Not Found'), 7)).toContain('`permissions: pull-requests: write`');
    // @octokit/request reports a failed fetch as status 500 without a response.
    const network = Object.assign(new Error('fetch failed'), { status: 500 });
    expect(commentFailure(network, 7)).toBe(
      'model-gate could not write its comment on PR #7 (fetch failed); the gate result is unaffected. GitHub could not be reached; the verdict is in the job summary.'
    );
  });
  test('one line, no stack', () => {
    expect(commentFailure(err(500, 'Server Error'), 7)).not.toMatch(/\n|\bat .*\.js/);
  });
});

describe('the PR of a run', () => {
  test('pull_request and pull_request_target: number and label names from the payload', () => {
    const payload = { number: 7, pull_request: { number: 7, labels: [{ name: 'a' }, { name: 'model-gate/waive' }] } };
    expect(pullRequestFromPayload({ eventName: 'pull_request', payload })).toEqual({
      number: 7,
      labels: ['a', 'model-gate/waive'],
      source: 'the pull_request event'
    });
    expect(pullRequestFromPayload({ eventName: 'pull_request_target', payload })?.number).toBe(7);
  });

  test('other events have no PR, even when the payload looks like one', () => {
    expect(pullRequestFromPayload({ eventName: 'push', payload: { number: 7, pull_request: { number: 7 } } })).toBeUndefined();
    expect(pullRequestFromPayload({ eventName: 'issue_comment', payload: { issue: { number: 7 } } })).toBeUndefined();
    expect(pullRequestFromPayload({ eventName: 'pull_request', payload: { pull_request: { number: -1 } } })).toBeUndefined();
  });

  test('workflow_run: the listed PR into this repository; none for fork PRs, pushes, or PRs into other repositories', () => {
    const ctx = (workflowRun: unknown) => ({ eventName: 'workflow_run', payload: { workflow_run: workflowRun, repository: { id: 1 } }, repo: { owner: 'acme', repo: 'x' } });
    expect(pullRequestFromWorkflowRun(ctx({ event: 'pull_request', pull_requests: [{ number: 3, base: { repo: { id: 2 } } }, { number: 5, base: { repo: { id: 1 } } }] }))).toBe(5);
    expect(pullRequestFromWorkflowRun(ctx({ event: 'pull_request', pull_requests: [] }))).toBeUndefined();
    expect(pullRequestFromWorkflowRun(ctx({ event: 'push', pull_requests: [{ number: 5 }] }))).toBeUndefined();
    expect(pullRequestFromWorkflowRun(ctx({ event: 'pull_request', pull_requests: [{ number: 3, base: { repo: { id: 2 } } }] }))).toBeUndefined();
  });
});

describe('the waiver label', () => {
  const ev = (event: string, label: string, login: string, at: string) => ({ event, label: { name: label }, actor: { login }, created_at: at });

  test("the latest 'labeled' event of that label", () => {
    const events = [
      ev('labeled', 'waive', 'bob', '2026-01-01T00:00:00Z'),
      ev('labeled', 'waive', 'alice', '2026-01-03T00:00:00Z'),
      ev('labeled', 'other', 'eve', '2026-01-04T00:00:00Z'),
      ev('unlabeled', 'waive', 'eve', '2026-01-05T00:00:00Z')
    ];
    expect(latestLabeled(events, 'waive')).toEqual({ label: 'waive', by: 'alice', at: '2026-01-03T00:00:00Z' });
    expect(latestLabeled(events, 'none')).toBeUndefined();
    expect(latestLabeled([{ event: 'labeled', label: { name: 'waive' }, actor: null }], 'waive')).toBeUndefined(); // a deleted account
  });

  test('no API call without a waiver label; with one, the labels are read fresh and events only when it is there', async () => {
    const noCall = () => {
      throw new Error('must not call the API');
    };
    const config = (label?: string) => ({ policy: { waiver_label: label } }) as unknown as GateConfig;
    const repo = { owner: 'acme', repo: 'x' };
    // The event still lists the waiver label, but it has been removed since: the fresh labels decide.
    const pr = { number: 7, labels: ['bug', 'waive'], source: 'test', headSha: 'c0ffee' };
    expect(await pullRequestFacts(config(undefined), pr, repo, noCall)).toEqual({ number: 7, labels: ['bug', 'waive'] });
    const calls: string[] = [];
    const fake = {
      rest: { pulls: { get: async () => (calls.push('pulls.get'), { data: { labels: [{ name: 'bug' }], head: { sha: 'c0ffee' } } }) } },
      paginate: () => {
        throw new Error('no events without the label');
      }
    } as unknown as Octokit;
    expect(await pullRequestFacts(config('waive'), pr, repo, () => fake)).toEqual({
      number: 7,
      labels: ['bug'],
      head_sha: 'c0ffee',
      current_head_sha: 'c0ffee'
    });
    expect(calls).toEqual(['pulls.get']);
  });
});

describe('which file of the artifact is the champion', () => {
  const what = 'artifact "champ" from run 8 of acme/x';
  test('the configured file name, anywhere in the artifact', () => {
    expect(pickChampionFile(['a/predictions.csv', 'README.md'], 'artifacts/champion/predictions.csv', what)).toBe('a/predictions.csv');
  });
  test('without a configured name, the only predictions file', () => {
    expect(pickChampionFile(['preds.jsonl.gz', 'notes.txt', 'model.onnx'], undefined, what)).toBe('preds.jsonl.gz');
  });
  test('ambiguity and absence are errors that list what the artifact holds', () => {
    expect(() => pickChampionFile(['x/p.csv', 'y/p.csv'], 'p.csv', what)).toThrow(`${what} has 2 files named p.csv (x/p.csv, y/p.csv): upload only one`);
    expect(() => pickChampionFile(['a.csv', 'b.csv'], undefined, what)).toThrow(/has several predictions files .* it holds a\.csv, b\.csv$/);
    expect(() => pickChampionFile([], undefined, what)).toThrow(/has no predictions files .*; it is empty$/);
    expect(() => pickChampionFile(['other.csv'], 'champion.csv', what)).toThrow(
      `${what} has no file named champion.csv (the champion's file name, from champion.csv); it holds other.csv`
    );
  });
});

describe('annotations', () => {
  const check = (over: Partial<CheckResult>): CheckResult => ({
    gate: 'performance', name: 'f1', metric: 'f1', segment: null, group: null, status: 'fail', severity: 'hard', n: 10,
    candidate: 0.5, champion: 0.6, delta: -0.1, ci_low: -0.2, ci_high: -0.05, ci_method: 'bootstrap-cells',
    threshold: -0.01, rule: 'non_inferior', message: 'a drop\nbeyond the margin', direction: 1, ...over
  });

  test('hard failures are errors, soft ones warnings, passes nothing; one line each', () => {
    const a = checkAnnotations({ waived: false, checks: [check({}), check({ severity: 'soft', status: 'inconclusive', delta: null }), check({ status: 'pass' })] });
    expect(a).toEqual([
      { level: 'error', title: 'model-gate hard check fail', message: 'performance/f1 fail (Δ -0.1000 [-0.2000, -0.0500]): a drop beyond the margin' },
      { level: 'warning', title: 'model-gate soft check inconclusive', message: 'performance/f1 inconclusive: a drop beyond the margin' }
    ]);
  });

  test('at most ten of each kind, the rest counted', () => {
    const a = checkAnnotations({ waived: false, checks: Array.from({ length: 25 }, (_, i) => check({ name: `m${i}` })) });
    expect(a).toHaveLength(ANNOTATIONS_PER_KIND);
    expect(a.at(-1)!.message).toBe('16 more failed checks; the job summary and the report list them all');
  });
});

test('the run context: repository, run URL and payload from the runner environment', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mg-ctx-'));
  writeFileSync(path.join(dir, 'event.json'), '{"number": 7}');
  const ctx = readRunContext({
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: path.join(dir, 'event.json'),
    GITHUB_REPOSITORY: 'acme/churn-model',
    GITHUB_RUN_ID: '1234',
    GITHUB_SERVER_URL: 'https://ghe.example.com/',
    GITHUB_API_URL: 'https://ghe.example.com/api/v3'
  });
  expect(ctx).toEqual({
    eventName: 'pull_request',
    payload: { number: 7 },
    repo: { owner: 'acme', repo: 'churn-model' },
    runId: 1234,
    serverUrl: 'https://ghe.example.com',
    apiUrl: 'https://ghe.example.com/api/v3',
    runUrl: 'https://ghe.example.com/acme/churn-model/actions/runs/1234'
  });
  expect(readRunContext({ GITHUB_EVENT_PATH: path.join(dir, 'missing.json') }).payload).toEqual({});
});
