/**
 * The REST client's plugins against the emulator: server errors are retried, answers (4xx) are not, rate
 * limits are waited out, and a failed request reduces to a short reason.
 */
import { jest } from '@jest/globals';
import { apiReason, createOctokit, httpStatus } from '../../src/github/octokit.js';
import { startGitHubEmulator, type GitHubEmulator } from '../helpers/github-emulator.js';

let api: GitHubEmulator;
beforeAll(async () => {
  api = await startGitHubEmulator();
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => api.reset());

// Retry and rate-limit waits are in seconds × this base; 1 ms keeps the test fast.
const client = () => createOctokit('ghs_test', { baseUrl: api.url, retryAfterBaseValue: 1 });

test('a 502 is retried until it succeeds', async () => {
  let calls = 0;
  api.route('GET', /^\/repos\/acme\/x$/, () => (++calls < 3 ? { status: 502, body: { message: 'Bad Gateway' } } : { status: 200, body: { default_branch: 'main' } }));
  const { data } = await client().rest.repos.get({ owner: 'acme', repo: 'x' });
  expect(data.default_branch).toBe('main');
  expect(calls).toBe(3);
});

test('a 403 is an answer: not retried, and its reason is short', async () => {
  api.route('POST', /comments$/, () => ({ status: 403, body: { message: 'Resource not accessible by integration' } }));
  const e = await client()
    .rest.issues.createComment({ owner: 'acme', repo: 'x', issue_number: 1, body: 'x' })
    .catch((x: unknown) => x);
  expect(api.requests).toHaveLength(1);
  expect(httpStatus(e)).toBe(403);
  expect(apiReason(e)).toBe('403 Resource not accessible by integration');
});

test('a secondary rate limit is waited out, then the request goes through', async () => {
  let calls = 0;
  api.route('GET', /^\/repos\/acme\/x$/, () =>
    ++calls === 1
      ? { status: 403, body: { message: 'You have exceeded a secondary rate limit' }, headers: { 'retry-after': '1' } }
      : { status: 200, body: { default_branch: 'main' } }
  );
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    await client().rest.repos.get({ owner: 'acme', repo: 'x' });
  } finally {
    stdout.mockRestore();
  }
  expect(calls).toBe(2);
});

test('an unreachable API is a network error: no HTTP status, the reason in words', async () => {
  const offline = createOctokit('ghs_test', { baseUrl: 'http://127.0.0.1:9', retryAfterBaseValue: 1 });
  const e = await offline.rest.repos.get({ owner: 'acme', repo: 'x' }).catch((x: unknown) => x);
  expect(httpStatus(e)).toBeUndefined();
  expect(apiReason(e)).not.toMatch(/^\d/);
  expect(apiReason(e)).not.toContain('\n    at ');
});
