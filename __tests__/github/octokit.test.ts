/**
 * The REST client's retry hook against the emulator: server errors are retried, answers (4xx) are not, rate
 * limits are waited out as GitHub asks (Retry-After, reset time) but never past the run's wait budget, and a
 * failed request reduces to a short reason. Waits go through an injected sleep: no test takes real seconds.
 */
import { jest } from '@jest/globals';
import { apiReason, createOctokit, httpStatus, rateLimitWait, waitBudget, type WaitBudget } from '../../src/github/octokit.js';
import { startGitHubEmulator, type GitHubEmulator } from '../helpers/github-emulator.js';
import { shaped } from '../helpers/openapi.js';

/** GET /repos/{owner}/{repo} as GitHub answers it. */
const REPOSITORY = shaped('full-repository', { name: 'x', full_name: 'acme/x', default_branch: 'main' });

let api: GitHubEmulator;
beforeAll(async () => {
  api = await startGitHubEmulator();
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => api.reset());
afterEach(() => expect(api.violations).toEqual([]));

/** A budget whose sleeps are recorded, not slept. */
function fakeBudget(total = 60, nowMs = 1_800_000_000_000): { budget: WaitBudget; slept: number[] } {
  const slept: number[] = [];
  return { budget: waitBudget(total, async (ms) => void slept.push(ms), () => nowMs), slept };
}
const quiet = () => jest.spyOn(process.stdout, 'write').mockImplementation(() => true);

test('a 502 is retried until it succeeds, after 1 and 2 s', async () => {
  const { budget, slept } = fakeBudget();
  let calls = 0;
  api.route('GET', /^\/repos\/acme\/x$/, () => (++calls < 3 ? { status: 502, body: { message: 'Bad Gateway' } } : { status: 200, body: REPOSITORY }));
  const out = quiet();
  try {
    const { data } = await createOctokit('ghs_test', { baseUrl: api.url, budget }).rest.repos.get({ owner: 'acme', repo: 'x' });
    expect(data.default_branch).toBe('main');
  } finally {
    out.mockRestore();
  }
  expect(calls).toBe(3);
  expect(slept).toEqual([1000, 2000]);
});

test('a failed comment POST is not retried by the client (the comment code re-lists first)', async () => {
  const { budget, slept } = fakeBudget();
  api.route('POST', /comments$/, () => ({ status: 502, body: { message: 'Bad Gateway' } }));
  const e = await createOctokit('ghs_test', { baseUrl: api.url, budget })
    .rest.issues.createComment({ owner: 'acme', repo: 'x', issue_number: 1, body: 'x' })
    .catch((x: unknown) => x);
  expect(httpStatus(e)).toBe(502);
  expect(api.requests).toHaveLength(1);
  expect(slept).toEqual([]);
});

test('a 403 is an answer: not retried, and its reason is short', async () => {
  const { budget } = fakeBudget();
  api.route('POST', /comments$/, () => ({ status: 403, body: { message: 'Resource not accessible by integration' } }));
  const e = await createOctokit('ghs_test', { baseUrl: api.url, budget })
    .rest.issues.createComment({ owner: 'acme', repo: 'x', issue_number: 1, body: 'x' })
    .catch((x: unknown) => x);
  expect(api.requests).toHaveLength(1);
  expect(httpStatus(e)).toBe(403);
  expect(apiReason(e)).toBe('403 Resource not accessible by integration');
});

test.each([
  ['a 429 with Retry-After', 429, { 'retry-after': '7' }, 'Too many requests', 7],
  ['a secondary rate limit (403) with Retry-After', 403, { 'retry-after': '3' }, 'You have exceeded a secondary rate limit', 3]
])('%s waits exactly what GitHub asks, then the request goes through', async (_n, status, headers, message, seconds) => {
  const { budget, slept } = fakeBudget();
  let calls = 0;
  api.route('GET', /^\/repos\/acme\/x$/, () =>
    ++calls === 1 ? { status, body: { message }, headers } : { status: 200, body: REPOSITORY }
  );
  const out = quiet();
  try {
    await createOctokit('ghs_test', { baseUrl: api.url, budget }).rest.repos.get({ owner: 'acme', repo: 'x' });
  } finally {
    out.mockRestore();
  }
  expect(calls).toBe(2);
  expect(slept).toEqual([seconds * 1000]);
});

test('a primary rate limit that resets in an hour is not waited for: one request, a warning, the error', async () => {
  const now = 1_800_000_000_000;
  const { budget, slept } = fakeBudget(60, now);
  api.route('GET', /^\/repos\/acme\/x$/, () => ({
    status: 403,
    body: { message: 'API rate limit exceeded for installation ID 1.' },
    headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 3600) }
  }));
  const out = quiet();
  let e: unknown;
  try {
    e = await createOctokit('ghs_test', { baseUrl: api.url, budget }).rest.repos.get({ owner: 'acme', repo: 'x' }).catch((x: unknown) => x);
    expect(out.mock.calls.map((c) => String(c[0])).join('')).toMatch(/::warning::GitHub asked model-gate to wait 3601 s on GET \/repos\/\{owner\}\/\{repo\}, past the 60 s/);
  } finally {
    out.mockRestore();
  }
  expect(httpStatus(e)).toBe(403);
  expect(api.requests).toHaveLength(1);
  expect(slept).toEqual([]);
});

test('the budget is shared: once 60 s are spent, later limits are not waited for', async () => {
  const { budget, slept } = fakeBudget(60);
  api.route('GET', /^\/repos\/acme\/x$/, () => ({ status: 429, body: { message: 'slow down' }, headers: { 'retry-after': '40' } }));
  const client = createOctokit('ghs_test', { baseUrl: api.url, budget });
  const out = quiet();
  try {
    await client.rest.repos.get({ owner: 'acme', repo: 'x' }).catch(() => undefined);
    await client.rest.repos.get({ owner: 'acme', repo: 'x' }).catch(() => undefined);
  } finally {
    out.mockRestore();
  }
  expect(slept).toEqual([40000]); // the second 40 s wait would pass 60 s in total
  expect(budget.spent).toBe(40);
  expect(api.requests).toHaveLength(3);
});

test('rateLimitWait: what counts as a limit and how long it asks for', () => {
  const err = (status: number, headers: Record<string, string>, message = '') => ({ status, message, response: { headers, data: { message } } });
  expect(rateLimitWait(err(404, {}), 0)).toBeUndefined();
  expect(rateLimitWait(err(403, {}, 'Resource not accessible by integration'), 0)).toBeUndefined();
  expect(rateLimitWait(err(429, { 'retry-after': '2' }), 0)).toBe(2);
  expect(rateLimitWait(err(429, {}), 0)).toBe(60);
  expect(rateLimitWait(err(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '100' }), 90_000)).toBe(11);
});

test('an unreachable API is a network error: no HTTP status, the reason in words', async () => {
  const { budget, slept } = fakeBudget();
  const out = quiet();
  let e: unknown;
  try {
    e = await createOctokit('ghs_test', { baseUrl: 'http://127.0.0.1:9', budget }).rest.repos.get({ owner: 'acme', repo: 'x' }).catch((x: unknown) => x);
  } finally {
    out.mockRestore();
  }
  expect(httpStatus(e)).toBeUndefined();
  expect(apiReason(e)).not.toMatch(/^\d/);
  expect(apiReason(e)).not.toContain('\n    at ');
  expect(slept).toEqual([1000, 2000, 4000]);
});
