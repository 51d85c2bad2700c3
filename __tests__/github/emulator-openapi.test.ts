/**
 * The emulator's fidelity check: an answer that GitHub's OpenAPI description does not allow (a required field
 * missing, a wrong type) is recorded and turned into a 500, and `shaped` refuses fields GitHub never sends.
 */
import { fakeGitHub } from '../helpers/fake-github.js';
import { startGitHubEmulator, type GitHubEmulator } from '../helpers/github-emulator.js';
import { shaped, validateResponse } from '../helpers/openapi.js';

let api: GitHubEmulator;
beforeAll(async () => {
  api = await startGitHubEmulator();
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => api.reset());

test('a workflow run without `event` or `head_repository` fails validation', () => {
  const run = shaped('workflow-run', { id: 1, event: 'push', head_branch: 'main' });
  const path = '/repos/acme/x/actions/workflows/9/runs';
  expect(validateResponse('GET', path, 200, { total_count: 1, workflow_runs: [run] })).toEqual([]);
  const { event: _e, head_repository: _h, ...partial } = run;
  const problems = validateResponse('GET', path, 200, { total_count: 1, workflow_runs: [partial] });
  expect(problems.join('\n')).toContain("must have required property 'event'");
  expect(problems.join('\n')).toContain("must have required property 'head_repository'");
});

test('an artifact without `expired` fails; a wrong type fails', () => {
  const artifact = shaped('artifact', { id: 5, name: 'champion', expired: false });
  const path = '/repos/acme/x/actions/runs/88/artifacts';
  expect(validateResponse('GET', path, 200, { total_count: 1, artifacts: [artifact] })).toEqual([]);
  const { expired: _x, ...missing } = artifact;
  expect(validateResponse('GET', path, 200, { total_count: 1, artifacts: [missing] }).join()).toContain("required property 'expired'");
  expect(validateResponse('GET', path, 200, { total_count: 1, artifacts: [{ ...artifact, id: 'five' }] }).join()).toContain('must be integer');
});

test('the emulator answers 500 and records the violation when a route returns what GitHub would not', async () => {
  fakeGitHub(api);
  api.reset(); // drop the fake's routes: a hand-written, incomplete answer
  api.route('GET', /^\/repos\/acme\/x\/actions\/runs\/1$/, () => ({ status: 200, body: { id: 1, head_branch: 'main' } }));
  const res = await fetch(`${api.url}/repos/acme/x/actions/runs/1`);
  expect(res.status).toBe(500);
  expect(((await res.json()) as { message: string }).message).toContain("does not match GitHub's REST description");
  expect(api.violations.join('\n')).toContain("must have required property 'event'");
});

test('shaped refuses a field GitHub never sends', () => {
  expect(() => shaped('workflow-run', { id: 1, branch: 'main' })).toThrow('workflow-run has no field "branch"');
  expect(shaped('workflow-run', { id: 1 })).toHaveProperty('head_repository');
});
