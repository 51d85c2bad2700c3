/**
 * The bundled action against a stateful GitHub emulator on 127.0.0.1 (nothing here reaches the real GitHub):
 * the sticky PR comment, the waiver's who/when, the champion artifact of another run, the fork pattern's
 * workflow_run event, annotations and the report artifact.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fakeGitHub, OWNER, REPO, type FakeGitHub } from '../helpers/fake-github.js';
import { startGitHubEmulator, type GitHubEmulator } from '../helpers/github-emulator.js';
import { ROOT, runAction, type ActionRun } from '../helpers/run-action.js';

let api: GitHubEmulator;
beforeAll(async () => {
  api = await startGitHubEmulator();
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => api.reset());
// Every answer the emulator gave must be one GitHub's REST description allows.
afterEach(() => expect(api.violations).toEqual([]));

const MARKER = '<!-- model-gate:default -->';
const REPOSITORY = { id: 1, name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER }, default_branch: 'main' };

function prEvent(number: number, labels: string[] = [], name = 'pull_request') {
  return {
    name,
    payload: {
      action: 'synchronize',
      number,
      pull_request: { number, labels: labels.map((l) => ({ name: l })), head: { sha: 'c0ffee', ref: 'feature' } },
      repository: REPOSITORY
    }
  };
}

/** The shipped example (a passing candidate), with the config at the default path. */
function exampleWorkspace(): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'mg-ws-'));
  cpSync(path.join(ROOT, 'examples/binary'), path.join(ws, 'examples/binary'), { recursive: true });
  mkdirSync(path.join(ws, '.github'));
  cpSync(path.join(ROOT, 'examples/binary/model-gate.yml'), path.join(ws, '.github/model-gate.yml'));
  return ws;
}

/** Predictions whose hard predictions are wrong on every `wrongEvery`-th row (deterministic pattern). */
function predictionsCsv(n: number, wrongEvery: number): string {
  let s = 'id,label,score\n';
  for (let i = 0; i < n; i++) {
    const label = i % 3 === 0 ? 1 : 0;
    const right = i % wrongEvery !== 0;
    const p = right ? (label ? 0.8 : 0.2) : label ? 0.3 : 0.7;
    s += `r${i},${label},${p}\n`;
  }
  return s;
}

/** A clearly worse candidate (75 % vs 90 % accuracy) under the given policy. */
function losingWorkspace(policy: string): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'mg-ws-'));
  writeFileSync(path.join(ws, 'cand.csv'), predictionsCsv(3000, 4));
  writeFileSync(path.join(ws, 'champ.csv'), predictionsCsv(3000, 10));
  writeFileSync(
    path.join(ws, 'gate.yml'),
    'version: 1\ntask: binary\nartifacts: { candidate: cand.csv, champion: champ.csv }\n' +
      'gates:\n  performance:\n    primary_metric: accuracy\n    absolute_drop_allowed: 0.01\n' +
      policy
  );
  return ws;
}

const run = (ws: string, inputs: Record<string, string>, event?: { name: string; payload: unknown }, env?: Record<string, string>) =>
  runAction({ workspace: ws, inputs: { 'github-token': 'ghs_test', ...inputs }, apiUrl: api.url, event, env });

const report = (r: ActionRun) => JSON.parse(readFileSync(r.outputs.report, 'utf8'));
const ours = (gh: FakeGitHub, pr: number) => (gh.comments.get(pr) ?? []).filter((c) => c.user.login === 'github-actions[bot]');
const warnings = (r: ActionRun) => r.stdout.split('\n').filter((l) => l.startsWith('::warning'));

describe('the sticky PR comment', () => {
  test('the first run creates one comment; the second updates it in place (PATCH, no second POST)', async () => {
    const gh = fakeGitHub(api);
    const ws = exampleWorkspace();
    const first = await run(ws, {}, prEvent(7));
    expect(first.code).toBe(0);
    expect(first.outputs.gate_result).toBe('pass');
    expect(gh.requestsTo('POST', /\/issues\/7\/comments$/)).toHaveLength(1);
    expect(gh.requestsTo('PATCH', /comments/)).toHaveLength(0);
    const [comment] = ours(gh, 7);
    expect(gh.comments.get(7)).toHaveLength(1);
    expect(first.outputs['comment-url']).toBe(comment.html_url);
    // Marker first, verdict headline, the table with its interval column, and the run link in the details.
    expect(comment.body.startsWith(`${MARKER}\n`)).toBe(true);
    expect(comment.body).toContain('### ✅ model-gate: Passed');
    expect(comment.body).toContain('| Result | Check | Champion → candidate | Δ (95% CI) vs limit | Severity |');
    expect(comment.body).toMatch(
      /\| ✅ pass \| \*\*roc_auc\*\*<br><sub>performance<\/sub> \| 0\.8768 → 0\.8903 \| \+1\.35 pts better<br><sub>95% CI \+0\.40 to \+2\.31 pts<\/sub><br>`[-=o\\|]{22}`<br>/
    );
    expect(comment.body).toContain(`- Run: [workflow run](https://github.com/${OWNER}/${REPO}/actions/runs/1234)`);
    expect(comment.body).toMatch(/<details><summary>How this was decided<\/summary>[\s\S]*n = 4,000, fingerprint `sha256:[0-9a-f]{64}`[\s\S]*seed 42/);
    // Who am I: GET /user is refused to installation tokens, GraphQL's viewer answers.
    expect(gh.requestsTo('GET', /^\/user$/)).toHaveLength(1);
    expect(gh.requestsTo('POST', /^\/graphql$/)).toHaveLength(1);
    // No waiver label configured: the PR's label events are never asked for.
    expect(gh.requestsTo('GET', /\/events/)).toHaveLength(0);
    // The token goes only in the Authorization header.
    expect(gh.requestsTo('POST', /comments$/)[0].headers.authorization).toBe('token ghs_test');

    const second = await run(ws, {}, prEvent(7));
    expect(second.code).toBe(0);
    expect(gh.requestsTo('POST', /\/issues\/7\/comments$/)).toHaveLength(1); // still the first run's only
    const patches = gh.requestsTo('PATCH', /\/issues\/comments\/\d+$/);
    expect(patches.map((p) => p.url)).toEqual([`/repos/${OWNER}/${REPO}/issues/comments/${comment.id}`]);
    expect(gh.comments.get(7)).toHaveLength(1);
    expect(second.outputs['comment-url']).toBe(comment.html_url);
  });

  test("another account's comment quoting the marker is never edited; our own is found on a later page", async () => {
    const gh = fakeGitHub(api, { pageSize: 2 });
    const mallory = gh.addComment(7, 'mallory', `${MARKER}\nI copied your marker`);
    gh.addComment(7, 'alice', 'LGTM');
    const ws = exampleWorkspace();

    // Only someone else's marked comment exists: ours is created, theirs is untouched.
    await run(ws, {}, prEvent(7));
    expect(gh.requestsTo('PATCH', /comments/)).toHaveLength(0);
    expect(gh.requestsTo('POST', /\/issues\/7\/comments$/)).toHaveLength(1);
    expect(mallory.body).toBe(`${MARKER}\nI copied your marker`);
    const mine = ours(gh, 7);
    expect(mine).toHaveLength(1);

    // Ours is now on page 2 (page size 2): the lookup pages on and updates it, not mallory's.
    api.requests.length = 0;
    await run(ws, {}, prEvent(7));
    expect(gh.requestsTo('GET', /\/issues\/7\/comments\?.*page=2/)).toHaveLength(1);
    expect(gh.requestsTo('PATCH', /comments/).map((p) => p.url)).toEqual([`/repos/${OWNER}/${REPO}/issues/comments/${mine[0].id}`]);
    expect(gh.requestsTo('POST', /comments$/)).toHaveLength(0);
    expect(mallory.body).toBe(`${MARKER}\nI copied your marker`);
  });

  test('a personal token: the login from GET /user decides which comment is ours; another comment-id is another comment', async () => {
    const gh = fakeGitHub(api, { identity: { user: 'release-bot', viewer: 'release-bot', writesAs: 'release-bot' } });
    const botsOld = gh.addComment(7, 'github-actions[bot]', `${MARKER}\nwritten with another token`);
    const own = gh.addComment(7, 'release-bot', `${MARKER}\nold verdict`);
    const ws = exampleWorkspace();
    await run(ws, {}, prEvent(7));
    expect(gh.requestsTo('POST', /^\/graphql$/)).toHaveLength(0);
    expect(gh.requestsTo('PATCH', /comments/).map((p) => p.url)).toEqual([`/repos/${OWNER}/${REPO}/issues/comments/${own.id}`]);
    expect(botsOld.body).toContain('written with another token');
    expect(own.body).toContain('model-gate: Passed');

    await run(ws, { 'comment-id': 'fairness' }, prEvent(7));
    expect(gh.requestsTo('POST', /comments$/)).toHaveLength(1);
    expect(gh.comments.get(7)!.at(-1)!.body.startsWith('<!-- model-gate:fairness -->\n')).toBe(true);
  });

  test('a 403 on write is a warning that says how to fix it; gate_result, outputs and exit code are unchanged', async () => {
    const gh = fakeGitHub(api);
    gh.fail.createComment = { status: 403, body: { message: 'Resource not accessible by integration' } };
    const ws = losingWorkspace('');
    const denied = await run(ws, { config: 'gate.yml' }, prEvent(7));
    expect(denied.code).toBe(0);
    expect(denied.outputs.gate_result).toBe('fail');
    expect(denied.outputs['comment-url']).toBeUndefined();
    const w = warnings(denied).join('\n');
    expect(w).toContain('could not write its comment on PR #7 (403 Resource not accessible by integration)');
    expect(w).toContain('`permissions: pull-requests: write`');
    expect(w).toContain('workflow_run pattern');
    expect(denied.stdout).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace
    // The same run without a PR gives the same outputs.
    const plain = await run(ws, { config: 'gate.yml' });
    expect(plain.outputs.gate_result).toBe(denied.outputs.gate_result);
    expect(plain.outputs.summary).toBe(denied.outputs.summary);
    // And with fail-on, the failure is the gate's, not the comment's.
    const strict = await run(ws, { config: 'gate.yml', 'fail-on': 'fail' }, prEvent(7));
    expect(strict.code).toBe(1);
  });

  test('a comment POST whose reply is lost (502 after creating it) is not posted twice: re-listed and updated', async () => {
    const gh = fakeGitHub(api);
    gh.createThenFail = 1;
    const r = await run(exampleWorkspace(), {}, prEvent(7));
    expect(r.code).toBe(0);
    expect(gh.comments.get(7)).toHaveLength(1);
    expect(gh.requestsTo('POST', /\/issues\/7\/comments$/)).toHaveLength(1);
    expect(gh.requestsTo('PATCH', /\/issues\/comments\/\d+$/)).toHaveLength(1);
    expect(gh.requestsTo('GET', /\/issues\/7\/comments/)).toHaveLength(2);
    expect(r.outputs['comment-url']).toBe(gh.comments.get(7)![0].html_url);
    expect(warnings(r)).toEqual([]);
  });

  test('a rate-limited comment past the wait budget is a warning; the verdict is unchanged', async () => {
    const gh = fakeGitHub(api);
    gh.fail.listComments = { status: 403, body: { message: 'API rate limit exceeded' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(2 ** 31 - 1) } };
    const r = await run(exampleWorkspace(), {}, prEvent(7));
    expect(r.code).toBe(0);
    expect(r.outputs.gate_result).toBe('pass');
    expect(gh.requestsTo('GET', /\/issues\/7\/comments/)).toHaveLength(1); // not waited for
    expect(warnings(r).join('\n')).toMatch(/past the 60 s it waits on GitHub per run/);
    expect(warnings(r).join('\n')).toContain('could not write its comment on PR #7 (403 API rate limit exceeded)');
  });

  test('a 404 is a warning too, with exit 0', async () => {
    const gh = fakeGitHub(api);
    gh.fail.listComments = { status: 404, body: { message: 'Not Found' } };
    const ws = exampleWorkspace();
    const missing = await run(ws, {}, prEvent(7));
    expect(missing.code).toBe(0);
    expect(missing.outputs.gate_result).toBe('pass');
    expect(warnings(missing).join('\n')).toContain('could not write its comment on PR #7 (404 Not Found)');
  });

  test('comment: false makes no request at all on a PR event; the job summary is still written', async () => {
    fakeGitHub(api);
    const r = await run(exampleWorkspace(), { comment: 'false' }, prEvent(7));
    expect(r.code).toBe(0);
    expect(api.requests).toEqual([]);
    expect(r.outputs['comment-url']).toBeUndefined();
    expect(r.summary).toContain('**roc_auc**<br><sub>performance</sub>');
  });

  test('pull_request_target comments like pull_request; push and other events never comment', async () => {
    const gh = fakeGitHub(api);
    const ws = exampleWorkspace();
    await run(ws, {}, prEvent(9, [], 'pull_request_target'));
    expect(ours(gh, 9)).toHaveLength(1);
    api.requests.length = 0;
    await run(ws, {}, { name: 'push', payload: { ref: 'refs/heads/main', repository: REPOSITORY } });
    expect(api.requests).toEqual([]);
  });

  test('a gate error on a PR replaces the old verdict in the comment with the error', async () => {
    const gh = fakeGitHub(api);
    const stale = gh.addComment(7, 'github-actions[bot]', `${MARKER}\n### ✅ model-gate: **pass**`);
    const r = await run(exampleWorkspace(), { champion: 'missing.csv' }, prEvent(7));
    expect(r.code).toBe(1);
    expect(r.outputs.gate_result).toBe('error');
    expect(stale.body).toContain('### 💥 model-gate: Could not be evaluated');
    expect(stale.body).toContain('missing.csv does not exist (from the champion input)');
    expect(r.summary).toContain('missing.csv does not exist');
  });
});

describe('waiver label', () => {
  const policy = 'policy:\n  soft_fail: [performance]\n  waiver_label: model-gate/waive\n';

  /** PR #7 at head c0ffee (pushed 2026-11-19), carrying `labels` now; alice may write, eve only read. */
  function waiverPr(gh: FakeGitHub, labels: string[], events: unknown[]): void {
    gh.pulls.push({ number: 7, head: { sha: 'c0ffee', ref: 'feature', label: `${OWNER}:feature` }, labels: labels.map((name) => ({ name })) });
    gh.runs.push({ id: 700, workflow_id: 9, name: 'train-gate-deploy', head_branch: 'feature', conclusion: 'success', event: 'pull_request', head_sha: 'c0ffee', created_at: '2026-11-19T08:00:00Z' });
    gh.permissions.set('alice', 'write');
    gh.permissions.set('eve', 'read');
    gh.labelEvents.set(7, events);
  }
  const labeled = (login: string, at: string, name = 'model-gate/waive') => ({ event: 'labeled', label: { name, color: 'ededed' }, actor: { login }, created_at: at });

  test("the label waives a soft fail; the latest 'labeled' event says who, when and for which commit, in the report and the comment", async () => {
    const gh = fakeGitHub(api, { pageSize: 2 });
    waiverPr(gh, ['bug', 'model-gate/waive'], [
      labeled('bob', '2026-11-01T09:00:00Z'),
      { event: 'unlabeled', label: { name: 'model-gate/waive', color: 'ededed' }, actor: { login: 'bob' }, created_at: '2026-11-02T09:00:00Z' },
      labeled('eve', '2026-11-19T09:00:00Z', 'bug'),
      labeled('alice', '2026-11-20T10:00:00Z'),
      { event: 'mentioned', actor: { login: 'eve' }, created_at: '2026-11-21T09:00:00Z' }
    ]);
    const ws = losingWorkspace(policy);
    const r = await run(ws, { config: 'gate.yml' }, prEvent(7, ['bug', 'model-gate/waive']));
    expect(r.code).toBe(0);
    expect(r.outputs.gate_result).toBe('pass');
    expect(r.outputs.auto_merge).toBe('false');
    const rep = report(r);
    expect(rep.waived).toBe(true);
    expect(rep.waiver).toEqual({ label: 'model-gate/waive', pull_request: 7, by: 'alice', at: '2026-11-20T10:00:00Z', commit: 'c0ffee' });
    const card = JSON.parse(readFileSync(path.join(path.dirname(r.outputs.report), 'release-card.json'), 'utf8'));
    expect(card.decision.waiver).toEqual(rep.waiver);
    expect(gh.requestsTo('GET', new RegExp(`^/repos/${OWNER}/${REPO}/issues/7/events`)).length).toBe(3); // 5 events, pages of 2
    expect(gh.requestsTo('GET', /\/collaborators\/alice\/permission$/)).toHaveLength(1);
    const body = ours(gh, 7)[0].body;
    expect(body).toContain('model-gate: Passed with a waiver');
    expect(body).toContain('**Waived:** soft failures are accepted because PR #7 carries the label **model-gate/waive** (added by alice on 2026-11-20 10:00 UTC for commit `c0ffee`)');
    // The waived soft failure is a warning annotation, not an error.
    expect(r.stdout).toMatch(/::warning title=model-gate soft check fail \(waived\)::performance\/accuracy fail/);
    expect(r.stdout).not.toMatch(/::error/);
  });

  const refusals: [string, (gh: FakeGitHub) => void, RegExp][] = [
    ['a user with read access', (gh) => waiverPr(gh, ['model-gate/waive'], [labeled('eve', '2026-11-20T10:00:00Z')]), /eve has read permission; only write, maintain or admin waive/],
    ['a triage user', (gh) => (waiverPr(gh, ['model-gate/waive'], [labeled('tom', '2026-11-20T10:00:00Z')]), gh.permissions.set('tom', 'triage')), /tom has triage permission/],
    ['a bot', (gh) => (waiverPr(gh, ['model-gate/waive'], [labeled('renovate[bot]', '2026-11-20T10:00:00Z')]), gh.permissions.set('renovate[bot]', 'write')), /added by the bot renovate\[bot\]/],
    ['a label added before the head commit was pushed', (gh) => waiverPr(gh, ['model-gate/waive'], [labeled('alice', '2026-11-18T10:00:00Z')]), /before c0ffee was pushed \(2026-11-19T08:00:00Z\); add it again/],
    ['a label removed since the event (labels are read fresh)', (gh) => waiverPr(gh, [], [labeled('alice', '2026-11-20T10:00:00Z')]), /^$/],
    ['label events that cannot be read', (gh) => (waiverPr(gh, ['model-gate/waive'], []), (gh.fail.listEvents = { status: 403, body: { message: 'Resource not accessible by integration' } })), /who added it could not be read/]
  ];
  test.each(refusals)('%s does not waive: soft_fail, and a warning says why', async (_name, arrange, why) => {
    const gh = fakeGitHub(api);
    arrange(gh);
    const r = await run(losingWorkspace(policy), { config: 'gate.yml', comment: 'false' }, prEvent(7, ['model-gate/waive']));
    expect(r.code).toBe(0);
    expect(r.outputs.gate_result).toBe('soft_fail');
    expect(report(r).waiver).toBeNull();
    if (why.source !== '^$') expect(warnings(r).join('\n')).toMatch(why);
    expect(gh.requestsTo('GET', /\/pulls\/7$/)).toHaveLength(1); // the labels were read, not taken from the event
  });

  test('waiver_max_age_days: an old label no longer waives', async () => {
    const gh = fakeGitHub(api);
    waiverPr(gh, ['model-gate/waive'], [labeled('alice', '2026-11-20T10:00:00Z')]);
    const r = await run(losingWorkspace(`${policy}  waiver_max_age_days: 0.5\n`), { config: 'gate.yml', comment: 'false' }, prEvent(7, ['model-gate/waive']));
    expect(r.outputs.gate_result).toBe('soft_fail');
    expect(warnings(r).join('\n')).toMatch(/more than waiver_max_age_days \(0\.5\) ago/);
  });

  test('the push that deploys the merged commit carries the waiver of its PR', async () => {
    const gh = fakeGitHub(api);
    waiverPr(gh, ['model-gate/waive'], [labeled('alice', '2026-11-20T10:00:00Z')]);
    const merge = 'a'.repeat(40);
    Object.assign(gh.pulls[0], { merged_at: '2026-11-20T11:00:00Z', merge_commit_sha: merge });
    const r = await run(losingWorkspace(policy), { config: 'gate.yml' }, { name: 'push', payload: { ref: 'refs/heads/main', after: merge, repository: REPOSITORY } }, { GITHUB_SHA: merge });
    expect(r.outputs.gate_result).toBe('pass');
    expect(report(r).waiver).toEqual({ label: 'model-gate/waive', pull_request: 7, by: 'alice', at: '2026-11-20T10:00:00Z', commit: 'c0ffee' });
    expect(gh.requestsTo('GET', new RegExp(`/commits/${merge}/pulls`))).toHaveLength(1);
    expect(gh.requestsTo('POST', /comments/)).toHaveLength(0); // a push never comments
    // A gate workflow triggered by that push run (workflow_run) judges the same merged commit.
    const after = await run(losingWorkspace(policy), { config: 'gate.yml' }, {
      name: 'workflow_run',
      payload: { workflow_run: { id: 4321, workflow_id: 9, event: 'push', head_sha: merge, pull_requests: [] }, repository: REPOSITORY }
    });
    expect(after.outputs.gate_result).toBe('pass');
    expect(report(after).waiver?.commit).toBe('c0ffee');
    // A push that is no PR's merge has no waiver.
    const other = await run(losingWorkspace(policy), { config: 'gate.yml' }, { name: 'push', payload: { repository: REPOSITORY } }, { GITHUB_SHA: 'b'.repeat(40) });
    expect(other.outputs.gate_result).toBe('soft_fail');
  });

  test('without the label the soft fail stands, and no events are asked for', async () => {
    const gh = fakeGitHub(api);
    waiverPr(gh, ['bug'], []);
    const r = await run(losingWorkspace(policy), { config: 'gate.yml' }, prEvent(7, ['bug']));
    expect(r.outputs.gate_result).toBe('soft_fail');
    expect(gh.requestsTo('GET', /\/events/)).toHaveLength(0);
    expect(r.stdout).toMatch(/::warning title=model-gate soft check fail::performance\/accuracy fail \(Δ -0\.1500 \[/);
  });
});

describe('annotations', () => {
  test('a failed hard check is an error annotation, yet the step succeeds', async () => {
    fakeGitHub(api);
    const r = await run(losingWorkspace(''), { config: 'gate.yml' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/::error title=model-gate hard check fail::performance\/accuracy fail \(Δ -0\.1500 \[-0\.1\d+, -0\.1\d+\]\): Δ -0\.1500/);
  });
});

describe('the fork pattern: workflow_run', () => {
  const workflowRun = (pullRequests: unknown[]) => ({
    name: 'workflow_run',
    payload: {
      action: 'completed',
      workflow_run: {
        id: 4321,
        event: 'pull_request',
        head_branch: 'feature-x',
        head_sha: 'abc123',
        head_repository: { owner: { login: 'forker' }, full_name: 'forker/churn-model' },
        pull_requests: pullRequests
      },
      repository: REPOSITORY
    }
  });

  test('a PR from a fork (empty pull_requests): found by the head owner:branch at the same commit', async () => {
    const gh = fakeGitHub(api);
    gh.pulls.push(
      { number: 11, head: { sha: 'old999', ref: 'feature-x', label: 'forker:feature-x' }, labels: [] },
      { number: 12, head: { sha: 'abc123', ref: 'feature-x', label: 'forker:feature-x' }, labels: [{ name: 'bug' }] }
    );
    const r = await run(exampleWorkspace(), {}, workflowRun([]));
    expect(r.code).toBe(0);
    expect(gh.requestsTo('GET', /\/pulls\?/)[0].url).toContain('head=forker%3Afeature-x');
    expect(ours(gh, 12)).toHaveLength(1);
    expect(gh.comments.get(11)).toBeUndefined();
    expect(r.outputs['comment-url']).toContain('/pull/12#issuecomment-');
  });

  test('a PR from the same repository: pull_requests[0], with labels fetched from the PR', async () => {
    const gh = fakeGitHub(api);
    gh.pulls.push({ number: 5, head: { sha: 'abc123', ref: 'feature-x', label: `${OWNER}:feature-x` }, labels: [] });
    await run(exampleWorkspace(), {}, workflowRun([{ number: 5, base: { repo: { id: 1 } } }]));
    expect(gh.requestsTo('GET', new RegExp(`/pulls/5$`))).toHaveLength(1);
    expect(ours(gh, 5)).toHaveLength(1);
  });

  test('no open PR matches: no comment, no error', async () => {
    const gh = fakeGitHub(api);
    const r = await run(exampleWorkspace(), {}, workflowRun([]));
    expect(r.code).toBe(0);
    expect(r.outputs.gate_result).toBe('pass');
    expect(gh.requestsTo('POST', /comments/)).toHaveLength(0);
    expect(warnings(r)).toEqual([]);
  });
});

describe('champion from another run (champion-artifact)', () => {
  /** A workspace without the champion file: it has to come from the artifact. */
  function artifactWorkspace(): string {
    const ws = exampleWorkspace();
    writeFileSync(
      path.join(ws, '.github/model-gate.yml'),
      readFileSync(path.join(ws, '.github/model-gate.yml'), 'utf8').replace('champion: examples/binary/champion.csv', 'champion: artifacts/champion/champion.csv')
    );
    return ws;
  }
  const championCsv = readFileSync(path.join(ROOT, 'examples/binary/champion.csv'), 'utf8');
  let baseline: { champion: number | null }[];
  beforeAll(async () => {
    baseline = report(await run(exampleWorkspace(), {})).checks;
  });
  const championValues = (r: ActionRun) => report(r).checks.map((c: { champion: number | null }) => c.champion);

  function withRuns(gh: FakeGitHub): void {
    gh.runs.push(
      { id: 1234, workflow_id: 9, name: 'train-gate-deploy', head_branch: 'feature', conclusion: 'failure' }, // this run
      { id: 86, workflow_id: 9, name: 'train-gate-deploy', head_branch: 'main', conclusion: 'success' },
      { id: 88, workflow_id: 9, name: 'train-gate-deploy', head_branch: 'main', conclusion: 'success' },
      { id: 90, workflow_id: 9, name: 'train-gate-deploy', head_branch: 'main', conclusion: 'failure' },
      { id: 95, workflow_id: 9, name: 'train-gate-deploy', head_branch: 'feature', conclusion: 'success' },
      { id: 99, workflow_id: 3, name: 'other', head_branch: 'main', conclusion: 'success' },
      { id: 77, workflow_id: 9, name: 'train-gate-deploy', head_branch: 'main', conclusion: 'success' }
    );
    const wrong = 'id,label,score\nx,1,0.5\n';
    gh.artifacts.set(86, [{ id: 501, name: 'champion-predictions', files: { 'champion.csv': wrong } }]);
    gh.artifacts.set(88, [
      { id: 502, name: 'champion-predictions', files: { 'champion.csv': championCsv, 'notes/README.txt': 'production model v41' } },
      { id: 503, name: 'other-artifact', files: { 'champion.csv': wrong } }
    ]);
    gh.artifacts.set(95, [{ id: 504, name: 'champion-predictions', files: { 'champion.csv': wrong } }]);
    gh.artifacts.set(99, [{ id: 505, name: 'champion-predictions', files: { 'champion.csv': wrong } }]);
  }

  test('by run id: the artifact is found by name in that run, downloaded, and its champion.csv used', async () => {
    const gh = fakeGitHub(api);
    withRuns(gh);
    const r = await run(artifactWorkspace(), { 'champion-artifact': 'champion-predictions', 'champion-run-id': '88' });
    // @actions/artifact's unzip library still calls new Buffer(); Node prints DEP0005 once. Nothing else.
    expect(r.stderr.replace(/.*DEP0005.*\n|\(Use `node --trace-deprecation.*\n/g, '')).toBe('');
    expect(r.code).toBe(0);
    expect(r.outputs.gate_result).toBe('pass');
    expect(championValues(r)).toEqual(baseline.map((c) => c.champion));
    expect(api.requests.map((q) => `${q.method} ${q.url.replace(/\?.*$/, '')}`)).toEqual([
      `GET /repos/${OWNER}/${REPO}/actions/runs/88/artifacts`,
      `GET /repos/${OWNER}/${REPO}/actions/artifacts/502/zip`,
      'GET /blobs/artifact-502.zip'
    ]);
    expect(api.requests[0].url).toContain('name=champion-predictions');
    expect(r.stdout).not.toContain('sig=secret'); // the blob URL's signature is not logged
  });

  test('without a run id: the latest successful run of this workflow on the default branch', async () => {
    const gh = fakeGitHub(api);
    withRuns(gh);
    const r = await run(artifactWorkspace(), { 'champion-artifact': 'champion-predictions' }, { name: 'push', payload: { repository: REPOSITORY } });
    expect(r.code).toBe(0);
    expect(championValues(r)).toEqual(baseline.map((c) => c.champion));
    const listed = gh.requestsTo('GET', /\/actions\/workflows\/9\/runs/)[0].url;
    expect(listed).toMatch(/branch=main/);
    expect(listed).toMatch(/status=success/);
    expect(gh.requestsTo('GET', /\/actions\/runs\/1234$/)).toHaveLength(1);
    expect(gh.requestsTo('GET', /\/actions\/runs\/88\/artifacts/)).toHaveLength(1);
    expect(r.stdout).toContain('champion from artifact "champion-predictions" (id 502, expires 2027-01-30T00:00:00Z) of run 88');
    expect(r.stdout).not.toContain('skipped');
    // The default branch came from the event; without it, the repository is asked.
    expect(gh.requestsTo('GET', new RegExp(`^/repos/${OWNER}/${REPO}$`))).toHaveLength(0);
    gh.defaultBranch = 'main';
    api.requests.length = 0;
    const noEvent = await run(artifactWorkspace(), { 'champion-artifact': 'champion-predictions' });
    expect(noEvent.outputs.gate_result).toBe('pass');
    expect(gh.requestsTo('GET', new RegExp(`^/repos/${OWNER}/${REPO}$`))).toHaveLength(1);
  });

  test("a fork's pull_request run from its own main and a newer push run without the artifact are skipped", async () => {
    const gh = fakeGitHub(api);
    withRuns(gh);
    const wrong = 'id,label,score\nx,1,0.5\n';
    gh.runs.push(
      // A fork's PR from its `main`: head_branch is main, so GitHub's ?branch=main lists it.
      { id: 96, workflow_id: 9, name: 'train-gate-deploy', head_branch: 'main', conclusion: 'success', event: 'pull_request', head_repository: 'forker/churn-model' },
      { id: 97, workflow_id: 9, name: 'train-gate-deploy', head_branch: 'main', conclusion: 'success', event: 'push' }, // no artifact
      { id: 98, workflow_id: 9, name: 'train-gate-deploy', head_branch: 'main', conclusion: 'success', event: 'schedule' }
    );
    gh.artifacts.set(96, [{ id: 596, name: 'champion-predictions', files: { 'champion.csv': wrong } }]);
    gh.artifacts.set(98, [{ id: 598, name: 'champion-predictions', files: { 'champion.csv': wrong }, expired: true, expires_at: '2026-10-01T00:00:00Z' }]);
    const r = await run(artifactWorkspace(), { 'champion-artifact': 'champion-predictions' }, { name: 'push', payload: { repository: REPOSITORY } });
    expect(r.code).toBe(0);
    expect(championValues(r)).toEqual(baseline.map((c) => c.champion));
    expect(r.stdout).toMatch(/of run 88, the newest successful push\/schedule\/workflow_dispatch run of workflow 9 on main that holds it; skipped 3 newer run\(s\)/);
    expect(r.stdout).toContain('run 98: its artifact "champion-predictions" expired');
    expect(r.stdout).toContain('run 97: it has no artifact "champion-predictions"');
    expect(r.stdout).toContain('run 96: its head repository is forker/churn-model');
    // The fork's run is never even asked for its artifacts, let alone downloaded.
    expect(gh.requestsTo('GET', /\/actions\/runs\/96\/artifacts/)).toHaveLength(0);
    expect(gh.requestsTo('GET', /\/artifacts\/(596|598)\/zip/)).toHaveLength(0);
  });

  test('a fork run alone is never the champion: no trusted run, a clear error', async () => {
    const gh = fakeGitHub(api);
    gh.runs.push(
      { id: 1234, workflow_id: 9, name: 'train-gate-deploy', head_branch: 'feature', conclusion: 'failure' },
      { id: 96, workflow_id: 9, name: 'train-gate-deploy', head_branch: 'main', conclusion: 'success', event: 'pull_request', head_repository: 'forker/churn-model' }
    );
    gh.artifacts.set(96, [{ id: 596, name: 'champion-predictions', files: { 'champion.csv': 'id,label,score\nx,1,0.5\n' } }]);
    const r = await run(artifactWorkspace(), { 'champion-artifact': 'champion-predictions' }, { name: 'push', payload: { repository: REPOSITORY } });
    expect(r.outputs.gate_result).toBe('error');
    expect(r.outputs.summary).toMatch(/none of the latest 1 successful runs of workflow 9 on main is a push\/schedule\/workflow_dispatch run of acme\/churn-model/);
    expect(gh.requestsTo('GET', /\/zip$/)).toHaveLength(0);
  });

  test('workflow_run events look in the triggering workflow; champion-workflow names another by file', async () => {
    const gh = fakeGitHub(api);
    withRuns(gh);
    const event = { name: 'workflow_run', payload: { workflow_run: { id: 4321, workflow_id: 9, event: 'push', head_sha: 'abc123', pull_requests: [] }, repository: REPOSITORY } };
    const r = await run(artifactWorkspace(), { 'champion-artifact': 'champion-predictions' }, event);
    expect(r.outputs.gate_result).toBe('pass');
    expect(gh.requestsTo('GET', /\/actions\/workflows\/9\/runs/)).toHaveLength(1);
    expect(gh.requestsTo('GET', /\/actions\/runs\/1234$/)).toHaveLength(0); // the gate's own run is not asked
    api.requests.length = 0;
    const named = await run(artifactWorkspace(), { 'champion-artifact': 'champion-predictions', 'champion-workflow': '.github/workflows/train-gate-deploy.yml' }, { name: 'push', payload: { repository: REPOSITORY } });
    expect(named.outputs.gate_result).toBe('pass');
    expect(gh.requestsTo('GET', /\/actions\/workflows\/train-gate-deploy\.yml\/runs/)).toHaveLength(1);
  });

  test('the /zip request is retried on 5xx; when it keeps failing the error names the artifact and the run', async () => {
    const gh = fakeGitHub(api);
    withRuns(gh);
    gh.zipFailures = 1;
    const ok = await run(artifactWorkspace(), { 'champion-artifact': 'champion-predictions', 'champion-run-id': '88' });
    expect(ok.outputs.gate_result).toBe('pass');
    expect(gh.requestsTo('GET', /\/artifacts\/502\/zip$/)).toHaveLength(2);
    gh.zipFailures = 10;
    const failed = await run(artifactWorkspace(), { 'champion-artifact': 'champion-predictions', 'champion-run-id': '88' });
    expect(failed.outputs.gate_result).toBe('error');
    expect(failed.outputs.summary).toMatch(
      /could not download artifact "champion-predictions" \(id 502\) from run 88 of acme\/churn-model: GitHub answered 502 Server Error 3 times/
    );
  });

  test('rollback: champion_available reads the artifact expiry from the run listing and fails when it ends inside the drill window', async () => {
    const day = 86_400_000;
    // The run's clock is fixed (MODEL_GATE_NOW): the drill's age and the artifact's expiry are measured from it.
    const NOW = Date.parse('2026-11-30T12:00:00Z');
    const ws = artifactWorkspace();
    writeFileSync(
      path.join(ws, 'drill.json'),
      JSON.stringify({ date: new Date(NOW - 5 * day).toISOString(), rto_seconds: 120, restored: ['model', 'preprocessing', 'thresholds', 'runtime_params'], runbook: 'https://r', owner: 'ml' })
    );
    const config = path.join(ws, '.github/model-gate.yml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('  ci:\n', '  rollback: { drill: drill.json, max_drill_age_days: 30 }\n  ci:\n'));
    const expiring = async (days: number, expired = false) => {
      api.reset(); // a fresh emulator state per run: the first-added routes answer
      const gh = fakeGitHub(api);
      withRuns(gh);
      const a = gh.artifacts.get(88)![0];
      a.expires_at = new Date(NOW + days * day).toISOString();
      a.expired = expired;
      const r = await run(ws, { 'champion-artifact': 'champion-predictions', 'champion-run-id': '88' }, undefined, { MODEL_GATE_NOW: new Date(NOW).toISOString() });
      if (expired) return r;
      return report(r).checks.find((c: { name: string }) => c.name === 'champion_available');
    };
    const later = await expiring(60);
    expect([later.status, Math.round(later.candidate)]).toEqual(['pass', 60]);
    const soon = await expiring(10);
    expect(soon.status).toBe('fail');
    expect(soon.message).toMatch(/^champion artifact "champion-predictions" expires .*, in 10 days; rollback needs it for 30 days: re-upload it with a longer retention-days/);
    // An expired artifact is no champion at all: the lookup stops with the re-upload advice.
    const gone = await expiring(-1, true);
    expect(gone.outputs.gate_result).toBe('error');
    expect(gone.outputs.summary).toMatch(/artifact "champion-predictions" of run 88 of acme\/churn-model expired on .*: re-upload the champion/);
  });

  test('the only predictions file is the champion when no file name is configured', async () => {
    const gh = fakeGitHub(api);
    withRuns(gh);
    const ws = exampleWorkspace();
    writeFileSync(
      path.join(ws, '.github/model-gate.yml'),
      readFileSync(path.join(ws, '.github/model-gate.yml'), 'utf8').replace(/\n {2}champion: .*\n/, '\n')
    );
    const r = await run(ws, { 'champion-artifact': 'champion-predictions', 'champion-run-id': '88' });
    expect(r.outputs.gate_result).toBe('pass');
    expect(championValues(r)).toEqual(baseline.map((c) => c.champion));
  });

  const errorCases: [string, Record<string, string>, (gh: FakeGitHub) => void, RegExp][] = [
    [
      'an artifact that the run does not have',
      { 'champion-artifact': 'champion-preds', 'champion-run-id': '88' },
      () => undefined,
      /run 88 of acme\/churn-model has no artifact named "champion-preds" \(artifacts expire, 90 days by default\)/
    ],
    [
      'a run that does not exist',
      { 'champion-artifact': 'champion-predictions', 'champion-run-id': '31337' },
      () => undefined,
      /run 31337 of acme\/churn-model does not exist, or the token cannot see it \(404 Not Found\): check champion-run-id/
    ],
    [
      'a token without actions: read',
      { 'champion-artifact': 'champion-predictions', 'champion-run-id': '88' },
      (gh) => (gh.fail.listArtifacts = { status: 403, body: { message: 'Resource not accessible by integration' } }),
      /the token cannot read the Actions runs and artifacts of acme\/churn-model \(403 Resource not accessible by integration\): give the job `permissions: actions: read`/
    ],
    [
      'no successful run on the default branch yet',
      { 'champion-artifact': 'champion-predictions' },
      (gh) => gh.runs.forEach((x) => (x.conclusion = 'failure')),
      /none of the latest 0 successful runs of workflow 9 on main is a push\/schedule\/workflow_dispatch run of acme\/churn-model with an unexpired artifact "champion-predictions", so there is no champion to download: run that workflow on main \(workflow_dispatch\) to upload one, or set champion-run-id/
    ],
    [
      'an expired artifact in the given run',
      { 'champion-artifact': 'champion-predictions', 'champion-run-id': '88' },
      (gh) => gh.artifacts.get(88)!.forEach((a) => Object.assign(a, { expired: true, expires_at: '2026-10-01T00:00:00Z' })),
      /artifact "champion-predictions" of run 88 of acme\/churn-model expired on 2026-10-01T00:00:00Z: re-upload the champion/
    ],
    [
      'a token without actions: read, looking for the latest run',
      { 'champion-artifact': 'champion-predictions' },
      (gh) => (gh.fail.getRun = { status: 403, body: { message: 'Resource not accessible by integration' } }),
      /give the job `permissions: actions: read`/
    ],
    [
      'an artifact without the configured file',
      { 'champion-artifact': 'other-artifact', 'champion-run-id': '88', champion: 'predictions.csv' },
      () => undefined,
      /artifact "other-artifact" from run 88 of acme\/churn-model has no file named predictions\.csv \(the champion's file name, from predictions\.csv\); it holds champion\.csv/
    ],
    [
      'a run id that is not a number',
      { 'champion-artifact': 'champion-predictions', 'champion-run-id': 'latest' },
      () => undefined,
      /input champion-run-id must be a workflow run id \(digits\), not "latest"/
    ],
    ['a run id without an artifact name', { 'champion-run-id': '88' }, () => undefined, /input champion-run-id needs champion-artifact/]
  ];
  test.each(errorCases)('%s is gate_result=error with one clear sentence', async (_name, inputs, arrange, message) => {
    const gh = fakeGitHub(api);
    withRuns(gh);
    arrange(gh);
    const r = await run(artifactWorkspace(), inputs, { name: 'push', payload: { repository: REPOSITORY } });
    expect(r.code).toBe(1);
    expect(r.outputs.gate_result).toBe('error');
    expect(r.outputs.summary).toMatch(message);
    expect(r.stdout).toMatch(new RegExp(`::error::.*${message.source}`));
    expect(report(r).gate_result).toBe('error');
    expect(r.stdout).not.toMatch(/\n\s+at .*\.js:\d+/);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::error'))).toHaveLength(1);
  });
});

describe('report-artifact', () => {
  test('outside a runner (no results service) the upload is a warning; the gate result stands', async () => {
    fakeGitHub(api);
    const r = await run(exampleWorkspace(), { 'report-artifact': 'gate-report' });
    expect(r.code).toBe(0);
    expect(r.outputs.gate_result).toBe('pass');
    expect(warnings(r).join('\n')).toContain(
      'model-gate could not upload report-artifact "gate-report" (Unable to get the ACTIONS_RUNTIME_TOKEN env variable); the gate result is unaffected.'
    );
  });

  test('on a runner: report.json, summary.md and the release card are uploaded through the results service (emulated twirp + blob)', async () => {
    fakeGitHub(api);
    const twirp = '/twirp/github.actions.results.api.v1.ArtifactService';
    api.route('POST', new RegExp(`^${twirp}/CreateArtifact$`), () => ({
      status: 200,
      body: { ok: true, signedUploadUrl: `${api.url}/upload/account/container/gate-report.zip?sig=uploadsecret` }
    }));
    api.route('PUT', /^\/upload\//, () => ({ status: 201, raw: '' }));
    api.route('POST', new RegExp(`^${twirp}/FinalizeArtifact$`), () => ({ status: 200, body: { ok: true, artifactId: '4242' } }));
    // An unsigned JWT carrying the Actions.Results scope, as the runner's ACTIONS_RUNTIME_TOKEN does.
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const jwt = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ scp: 'Actions.GenericRead Actions.Results:run-backend-1:job-backend-2' })}.sig`;
    const r = await run(exampleWorkspace(), { 'report-artifact': 'gate-report' }, undefined, {
      ACTIONS_RUNTIME_TOKEN: jwt,
      ACTIONS_RESULTS_URL: `${api.url}/`
    });
    expect(r.code).toBe(0);
    expect(warnings(r)).toEqual([]);
    expect(r.stdout).toContain('model-gate: uploaded release-card.json, report.json, summary.md as artifact "gate-report"');
    const create = JSON.parse(api.requests.find((q) => q.url.endsWith('/CreateArtifact'))!.body);
    expect(create).toMatchObject({ workflow_run_backend_id: 'run-backend-1', workflow_job_run_backend_id: 'job-backend-2', name: 'gate-report' });
    const uploaded = Buffer.concat(api.requests.filter((q) => q.method === 'PUT' && /comp=block(&|$)/.test(q.url)).map((q) => q.raw));
    expect(uploaded.subarray(0, 4).toString('hex')).toBe('504b0304'); // a zip
    expect(uploaded.includes(Buffer.from('report.json'))).toBe(true);
    expect(uploaded.includes(Buffer.from('summary.md'))).toBe(true);
    expect(uploaded.includes(Buffer.from('release-card.json'))).toBe(true);
    const finalize = JSON.parse(api.requests.find((q) => q.url.endsWith('/FinalizeArtifact'))!.body);
    expect(finalize.name).toBe('gate-report');
    expect(Number(finalize.size)).toBe(uploaded.length);
  });
});
