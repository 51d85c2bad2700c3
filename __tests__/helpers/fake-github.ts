/**
 * A small, stateful GitHub behind the emulator: one repository with issue comments (paginated with Link
 * headers, like the real API), label events, pull requests, workflow runs and artifacts whose zips the
 * emulator serves itself. Tests arrange the state, run the bundled action, then inspect state and requests.
 */
import { createHash } from 'node:crypto';
import type { GitHubEmulator, RecordedRequest, Reply } from './github-emulator.js';
import { shape, shaped } from './openapi.js';
import { zip } from './zip.js';

export const OWNER = 'acme';
export const REPO = 'churn-model';
const R = `/repos/${OWNER}/${REPO}`;

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: string };
  html_url: string;
}

export interface FakeArtifact {
  id: number;
  name: string;
  files: Record<string, string>;
  /** GitHub keeps the record of an expired artifact (expired: true) but no longer serves its zip. */
  expired?: boolean;
  expires_at?: string;
}

export interface FakeRun {
  id: number;
  workflow_id: number;
  name: string;
  head_branch: string;
  conclusion: 'success' | 'failure';
  /** Default push. */
  event?: string;
  /** `owner/name` of the head repository; default this repository. */
  head_repository?: string;
  head_sha?: string;
  created_at?: string;
}

export interface FakePull {
  number: number;
  head: { sha: string; ref: string; label: string };
  labels: { name: string }[];
  merged_at?: string | null;
  merge_commit_sha?: string | null;
}

export type Failable =
  | 'getUser'
  | 'graphql'
  | 'listComments'
  | 'createComment'
  | 'updateComment'
  | 'listEvents'
  | 'listArtifacts'
  | 'getRun'
  | 'listWorkflowRuns'
  | 'getPull'
  | 'listPulls'
  | 'permission'
  | 'zip';

export interface FakeGitHub {
  comments: Map<number, FakeComment[]>;
  labelEvents: Map<number, unknown[]>;
  pulls: FakePull[];
  runs: FakeRun[];
  /** Repository permission (role name) per login; unknown logins read. */
  permissions: Map<string, string>;
  /** Commits' committer dates, for commits without any workflow run. */
  commitDates: Map<string, string>;
  /** The next N comment POSTs create the comment and then answer 502 (the reply lost on the way back). */
  createThenFail: number;
  /** The next N artifact /zip requests answer 502. */
  zipFailures: number;
  artifacts: Map<number, FakeArtifact[]>;
  defaultBranch: string;
  /** Replies that replace the normal answer of an endpoint (403s, 404s, 500s). */
  fail: Partial<Record<Failable, Reply>>;
  /** Adds a comment as `login` (another account, or ours from an earlier run). */
  addComment(issue: number, login: string, body: string): FakeComment;
  /** Requests of one kind, e.g. `requestsTo('POST', /\/comments$/)`. */
  requestsTo(method: string, pattern: RegExp): RecordedRequest[];
}

/** How the test's token identifies itself: a personal token answers GET /user; installation tokens do not. */
export interface Identity {
  /** Login GET /user returns; null: 403 as for installation tokens (GITHUB_TOKEN). */
  user: string | null;
  /** Login GraphQL's viewer returns; null: GraphQL fails too. */
  viewer: string | null;
  /** The account the comments we write are authored by. */
  writesAs: string;
}

export const GITHUB_TOKEN_IDENTITY: Identity = { user: null, viewer: 'github-actions[bot]', writesAs: 'github-actions[bot]' };

export function fakeGitHub(api: GitHubEmulator, options: { identity?: Identity; pageSize?: number } = {}): FakeGitHub {
  const identity = options.identity ?? GITHUB_TOKEN_IDENTITY;
  const pageSize = options.pageSize ?? 30;
  let nextId = 1000;
  const gh: FakeGitHub = {
    comments: new Map(),
    labelEvents: new Map(),
    pulls: [],
    runs: [],
    permissions: new Map(),
    commitDates: new Map(),
    createThenFail: 0,
    zipFailures: 0,
    artifacts: new Map(),
    defaultBranch: 'main',
    fail: {},
    addComment(issue, login, body) {
      const id = nextId++;
      const c = {
        id,
        body,
        user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' },
        html_url: `https://github.com/${OWNER}/${REPO}/pull/${issue}#issuecomment-${id}`
      };
      gh.comments.set(issue, [...(gh.comments.get(issue) ?? []), c]);
      return c;
    },
    requestsTo: (method, pattern) => api.requests.filter((r) => r.method === method && pattern.test(r.url))
  };

  const query = (req: RecordedRequest) => new URL(req.url, api.url).searchParams;
  /** A page of `items` with a Link header to the next page, as octokit.paginate expects. */
  const paged = (req: RecordedRequest, items: unknown[]): Reply => {
    const page = Number(query(req).get('page') ?? '1');
    const size = Math.min(pageSize, Number(query(req).get('per_page') ?? '30'));
    const slice = items.slice((page - 1) * size, page * size);
    const headers: Record<string, string> = {};
    if (page * size < items.length) {
      const next = new URL(req.url, api.url);
      next.searchParams.set('page', String(page + 1));
      headers.link = `<${next.toString()}>; rel="next"`;
    }
    return { status: 200, body: slice, headers };
  };
  const route = (method: string, pattern: RegExp, kind: Failable | null, handler: (req: RecordedRequest, m: RegExpExecArray) => Reply) =>
    api.route(method, pattern, (req, m) => (kind && gh.fail[kind]) || handler(req, m));

  const repository = (full = `${OWNER}/${REPO}`) => ({
    id: full === `${OWNER}/${REPO}` ? 1 : 2,
    name: full.split('/')[1],
    full_name: full,
    owner: { login: full.split('/')[0] }
  });
  const comment = (c: FakeComment) => shaped('issue-comment', c as unknown as Record<string, unknown>);
  const pull = (p: FakePull) =>
    shaped('pull-request', {
      number: p.number,
      state: p.merged_at ? 'closed' : 'open',
      labels: p.labels,
      head: { sha: p.head.sha, ref: p.head.ref, label: p.head.label },
      merged_at: p.merged_at ?? null,
      merge_commit_sha: p.merge_commit_sha ?? null
    });
  const pullSimple = (p: FakePull) =>
    shaped('pull-request-simple', {
      number: p.number,
      state: p.merged_at ? 'closed' : 'open',
      labels: p.labels,
      head: { sha: p.head.sha, ref: p.head.ref, label: p.head.label },
      merged_at: p.merged_at ?? null,
      merge_commit_sha: p.merge_commit_sha ?? null
    });
  const workflowRun = (r: FakeRun) =>
    shaped('workflow-run', {
      id: r.id,
      workflow_id: r.workflow_id,
      name: r.name,
      head_branch: r.head_branch,
      head_sha: r.head_sha ?? `${String(r.id).padStart(40, '0')}`,
      event: r.event ?? 'push',
      status: 'completed',
      conclusion: r.conclusion,
      created_at: r.created_at ?? '2026-11-01T00:00:00Z',
      head_repository: repository(r.head_repository),
      repository: repository()
    });

  route('GET', /^\/user(\?|$)/, 'getUser', () =>
    identity.user
      ? { status: 200, body: shaped('private-user', { login: identity.user, type: 'User' }) }
      : { status: 403, body: { message: 'Resource not accessible by integration' } }
  );
  route('POST', /^\/graphql$/, 'graphql', () =>
    identity.viewer ? { status: 200, body: { data: { viewer: { login: identity.viewer } } } } : { status: 403, body: { message: 'Forbidden' } }
  );
  route('GET', new RegExp(`^${R}/issues/(\\d+)/comments(\\?|$)`), 'listComments', (req, m) =>
    paged(req, (gh.comments.get(Number(m[1])) ?? []).map(comment))
  );
  route('POST', new RegExp(`^${R}/issues/(\\d+)/comments$`), 'createComment', (req, m) => {
    const c = gh.addComment(Number(m[1]), identity.writesAs, JSON.parse(req.body).body);
    if (gh.createThenFail > 0) {
      gh.createThenFail--;
      return { status: 502, body: { message: 'Server Error' } };
    }
    return { status: 201, body: comment(c) };
  });
  route('PATCH', new RegExp(`^${R}/issues/comments/(\\d+)$`), 'updateComment', (req, m) => {
    for (const list of gh.comments.values()) {
      const c = list.find((x) => x.id === Number(m[1]));
      if (c) {
        c.body = JSON.parse(req.body).body;
        return { status: 200, body: comment(c) };
      }
    }
    return { status: 404, body: { message: 'Not Found' } };
  });
  route('GET', new RegExp(`^${R}/issues/(\\d+)/events(\\?|$)`), 'listEvents', (req, m) =>
    paged(
      req,
      (gh.labelEvents.get(Number(m[1])) ?? []).map((e) => {
        const ev = e as { actor?: { login: string; type?: string } };
        const actor = ev.actor ? { ...ev.actor, type: ev.actor.type ?? (ev.actor.login.endsWith('[bot]') ? 'Bot' : 'User') } : undefined;
        return shape({ $ref: '#/components/schemas/issue-event-for-issue' }, { ...(e as object), ...(actor ? { actor } : {}) }, 'issue-event');
      })
    )
  );
  route('GET', new RegExp(`^${R}/collaborators/([^/]+)/permission$`), 'permission', (_req, m) => {
    const login = decodeURIComponent(m[1]);
    const role = gh.permissions.get(login) ?? 'read';
    const permission = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role;
    return { status: 200, body: shaped('repository-collaborator-permission', { permission, role_name: role, user: { login } }) };
  });
  route('GET', new RegExp(`^${R}/commits/([0-9a-f]+)/pulls(\\?|$)`), null, (req, m) =>
    paged(req, gh.pulls.filter((p) => p.merge_commit_sha === m[1] || p.head.sha === m[1]).map(pullSimple))
  );
  route('GET', new RegExp(`^${R}/commits/([0-9a-f]+)$`), null, (_req, m) => {
    const date = gh.commitDates.get(m[1]);
    return date
      ? { status: 200, body: shaped('commit', { sha: m[1], commit: { committer: { name: 'dev', email: 'dev@example.com', date } } }) }
      : { status: 404, body: { message: 'No commit found for SHA' } };
  });
  route('GET', new RegExp(`^${R}/pulls/(\\d+)$`), 'getPull', (_req, m) => {
    const pr = gh.pulls.find((p) => p.number === Number(m[1]));
    return pr ? { status: 200, body: pull(pr) } : { status: 404, body: { message: 'Not Found' } };
  });
  route('GET', new RegExp(`^${R}/pulls(\\?|$)`), 'listPulls', (req) => {
    const head = query(req).get('head');
    return paged(req, gh.pulls.filter((p) => !p.merged_at && (!head || p.head.label === head)).map(pullSimple));
  });
  route('GET', new RegExp(`^${R}/actions/runs/(\\d+)/artifacts(\\?|$)`), 'listArtifacts', (req, m) => {
    const run = Number(m[1]);
    if (!gh.runs.some((r) => r.id === run)) return { status: 404, body: { message: 'Not Found' } };
    const name = query(req).get('name');
    const list = (gh.artifacts.get(run) ?? []).filter((a) => !name || a.name === name);
    const artifacts = list.map((a) =>
      shaped('artifact', {
        id: a.id,
        name: a.name,
        size_in_bytes: zip(a.files).length,
        digest: `sha256:${createHash('sha256').update(zip(a.files)).digest('hex')}`,
        expired: a.expired ?? false,
        created_at: '2026-11-01T00:00:00Z',
        expires_at: a.expires_at ?? '2027-01-30T00:00:00Z',
        archive_download_url: `${api.url}${R}/actions/artifacts/${a.id}/zip`,
        workflow_run: { id: run, head_branch: gh.runs.find((r) => r.id === run)!.head_branch }
      })
    );
    return { status: 200, body: { total_count: artifacts.length, artifacts } };
  });
  route('GET', new RegExp(`^${R}/actions/runs/(\\d+)$`), 'getRun', (_req, m) => {
    const run = gh.runs.find((r) => r.id === Number(m[1]));
    return run ? { status: 200, body: workflowRun(run) } : { status: 404, body: { message: 'Not Found' } };
  });
  /** Runs newest first, filtered the way GitHub filters (`branch` is the head branch, whoever's fork it is). */
  const listRuns = (req: RecordedRequest, runs: FakeRun[]): Reply => {
    const q = query(req);
    const selected = runs
      .filter((r) => !q.get('branch') || r.head_branch === q.get('branch'))
      .filter((r) => !q.get('event') || (r.event ?? 'push') === q.get('event'))
      .filter((r) => !q.get('head_sha') || r.head_sha === q.get('head_sha'))
      .filter((r) => q.get('status') !== 'success' || r.conclusion === 'success')
      .sort((a, b) => b.id - a.id);
    const page = paged(req, selected.map(workflowRun));
    return { ...page, body: { total_count: selected.length, workflow_runs: page.body } };
  };
  route('GET', new RegExp(`^${R}/actions/workflows/([^/]+)/runs(\\?|$)`), 'listWorkflowRuns', (req, m) => {
    const id = m[1];
    const file = (r: FakeRun) => `${r.name}.yml`;
    return listRuns(req, gh.runs.filter((r) => String(r.workflow_id) === id || file(r) === id));
  });
  route('GET', new RegExp(`^${R}/actions/runs(\\?|$)`), null, (req) => listRuns(req, gh.runs));
  route('GET', new RegExp(`^${R}/actions/artifacts/(\\d+)/zip$`), 'zip', (_req, m) => {
    if (gh.zipFailures > 0) {
      gh.zipFailures--;
      return { status: 502, body: { message: 'Server Error' } };
    }
    return { status: 302, headers: { location: `${api.url}/blobs/artifact-${m[1]}.zip?sig=secret` } };
  });
  route('GET', /^\/blobs\/artifact-(\d+)\.zip/, null, (_req, m) => {
    for (const list of gh.artifacts.values()) {
      const a = list.find((x) => x.id === Number(m[1]));
      if (a && !a.expired) return { status: 200, raw: zip(a.files), headers: { 'content-type': 'application/zip' } };
    }
    return { status: 404, raw: 'BlobNotFound' };
  });
  route('GET', new RegExp(`^${R}(\\?|$)`), null, () => ({
    status: 200,
    body: shaped('full-repository', { ...repository(), default_branch: gh.defaultBranch })
  }));
  return gh;
}
