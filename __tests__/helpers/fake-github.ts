/**
 * A small, stateful GitHub behind the emulator: one repository with issue comments (paginated with Link
 * headers, like the real API), label events, pull requests, workflow runs and artifacts whose zips the
 * emulator serves itself. Tests arrange the state, run the bundled action, then inspect state and requests.
 */
import { createHash } from 'node:crypto';
import type { GitHubEmulator, RecordedRequest, Reply } from './github-emulator.js';
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
  /** Default: 2027-01-30T00:00:00Z, not expired. */
  expires_at?: string | null;
  expired?: boolean;
}

export interface FakeRun {
  id: number;
  workflow_id: number;
  name: string;
  head_branch: string;
  conclusion: 'success' | 'failure';
}

export type Failable = 'getUser' | 'graphql' | 'listComments' | 'createComment' | 'updateComment' | 'listEvents' | 'listArtifacts' | 'getRun' | 'listWorkflowRuns' | 'getPull' | 'listPulls';

export interface FakeGitHub {
  comments: Map<number, FakeComment[]>;
  labelEvents: Map<number, unknown[]>;
  pulls: { number: number; head: { sha: string; ref: string; label: string }; labels: { name: string }[] }[];
  runs: FakeRun[];
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
    artifacts: new Map(),
    defaultBranch: 'main',
    fail: {},
    addComment(issue, login, body) {
      const id = nextId++;
      const c = { id, body, user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' }, html_url: `https://github.com/${OWNER}/${REPO}/pull/${issue}#issuecomment-${id}` };
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

  route('GET', /^\/user(\?|$)/, 'getUser', () =>
    identity.user ? { status: 200, body: { login: identity.user, type: 'User' } } : { status: 403, body: { message: 'Resource not accessible by integration' } }
  );
  route('POST', /^\/graphql$/, 'graphql', () =>
    identity.viewer ? { status: 200, body: { data: { viewer: { login: identity.viewer } } } } : { status: 403, body: { message: 'Forbidden' } }
  );
  route('GET', new RegExp(`^${R}/issues/(\\d+)/comments(\\?|$)`), 'listComments', (req, m) => paged(req, gh.comments.get(Number(m[1])) ?? []));
  route('POST', new RegExp(`^${R}/issues/(\\d+)/comments$`), 'createComment', (req, m) => {
    const c = gh.addComment(Number(m[1]), identity.writesAs, JSON.parse(req.body).body);
    return { status: 201, body: c };
  });
  route('PATCH', new RegExp(`^${R}/issues/comments/(\\d+)$`), 'updateComment', (req, m) => {
    for (const list of gh.comments.values()) {
      const c = list.find((x) => x.id === Number(m[1]));
      if (c) {
        c.body = JSON.parse(req.body).body;
        return { status: 200, body: c };
      }
    }
    return { status: 404, body: { message: 'Not Found' } };
  });
  route('GET', new RegExp(`^${R}/issues/(\\d+)/events(\\?|$)`), 'listEvents', (req, m) => paged(req, gh.labelEvents.get(Number(m[1])) ?? []));
  route('GET', new RegExp(`^${R}/pulls/(\\d+)$`), 'getPull', (_req, m) => {
    const pr = gh.pulls.find((p) => p.number === Number(m[1]));
    return pr ? { status: 200, body: pr } : { status: 404, body: { message: 'Not Found' } };
  });
  route('GET', new RegExp(`^${R}/pulls(\\?|$)`), 'listPulls', (req) => {
    const head = query(req).get('head');
    return paged(req, gh.pulls.filter((p) => !head || p.head.label === head));
  });
  route('GET', new RegExp(`^${R}/actions/runs/(\\d+)/artifacts(\\?|$)`), 'listArtifacts', (req, m) => {
    const run = Number(m[1]);
    if (!gh.runs.some((r) => r.id === run)) return { status: 404, body: { message: 'Not Found' } };
    const name = query(req).get('name');
    const list = (gh.artifacts.get(run) ?? []).filter((a) => !name || a.name === name);
    const artifacts = list.map((a) => ({
      id: a.id,
      name: a.name,
      size_in_bytes: zip(a.files).length,
      digest: `sha256:${createHash('sha256').update(zip(a.files)).digest('hex')}`,
      created_at: '2026-11-01T00:00:00Z',
      expires_at: a.expires_at ?? '2027-01-30T00:00:00Z',
      expired: a.expired ?? false
    }));
    return { status: 200, body: { total_count: artifacts.length, artifacts } };
  });
  route('GET', new RegExp(`^${R}/actions/runs/(\\d+)$`), 'getRun', (_req, m) => {
    const run = gh.runs.find((r) => r.id === Number(m[1]));
    return run ? { status: 200, body: run } : { status: 404, body: { message: 'Not Found' } };
  });
  route('GET', new RegExp(`^${R}/actions/workflows/(\\d+)/runs(\\?|$)`), 'listWorkflowRuns', (req, m) => {
    const q = query(req);
    const runs = gh.runs
      .filter((r) => r.workflow_id === Number(m[1]))
      .filter((r) => !q.get('branch') || r.head_branch === q.get('branch'))
      .filter((r) => q.get('status') !== 'success' || r.conclusion === 'success')
      .sort((a, b) => b.id - a.id);
    const size = Number(q.get('per_page') ?? '30');
    return { status: 200, body: { total_count: runs.length, workflow_runs: runs.slice(0, size) } };
  });
  route('GET', new RegExp(`^${R}/actions/artifacts/(\\d+)/zip$`), null, (_req, m) => ({
    status: 302,
    headers: { location: `${api.url}/blobs/artifact-${m[1]}.zip?sig=secret` }
  }));
  route('GET', /^\/blobs\/artifact-(\d+)\.zip/, null, (_req, m) => {
    for (const list of gh.artifacts.values()) {
      const a = list.find((x) => x.id === Number(m[1]));
      if (a) return { status: 200, raw: zip(a.files), headers: { 'content-type': 'application/zip' } };
    }
    return { status: 404, raw: 'BlobNotFound' };
  });
  route('GET', new RegExp(`^${R}(\\?|$)`), null, () => ({ status: 200, body: { name: REPO, full_name: `${OWNER}/${REPO}`, default_branch: gh.defaultBranch } }));
  return gh;
}
