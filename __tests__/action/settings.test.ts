/**
 * readSettings: the action's inputs as a runner passes them (INPUT_<NAME>, upper-cased, hyphens kept) become one
 * typed settings object with defaults; a bad value is one GateError naming the input.
 */
import { jest } from '@jest/globals';
import { readSettings, runClock } from '../../src/action/settings.js';
import { GateError } from '../../src/base/errors.js';

const saved = { ...process.env };
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
});

/** Sets the inputs as the runner does and reads them with the given environment. */
function read(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
  for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_')) delete process.env[k];
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
  return readSettings(env);
}

function errorOf(inputs: Record<string, string>): { message: string; key: string | undefined } {
  try {
    read(inputs);
  } catch (e) {
    expect(e).toBeInstanceOf(GateError);
    return { message: (e as GateError).message, key: (e as GateError).location?.key };
  }
  throw new Error('expected a GateError');
}

test('defaults: the offline stage, the usual config path, a comment, fail-on never', () => {
  const s = read({}, { GITHUB_WORKSPACE: '/ws', RUNNER_TEMP: '/rt' });
  expect(s).toEqual({
    stage: 'offline', canaryWeight: undefined, canarySince: undefined, now: undefined, workspace: '/ws', tempDir: '/rt',
    config: '.github/model-gate.yml', candidate: undefined, champion: undefined, championArtifact: undefined,
    championRunId: undefined, championWorkflow: undefined, token: '', comment: true, commentId: 'default',
    failOn: 'never', reportArtifact: undefined
  });
});

test('every input is read by its hyphenated name and trimmed; blank is unset', () => {
  const s = read(
    {
      config: ' gate.yml ', candidate: 'c.csv', champion: '  ', 'champion-artifact': 'champ', 'champion-run-id': '88',
      'champion-workflow': 'train.yml', comment: 'no', 'comment-id': 'nightly.v2', 'fail-on': 'soft_fail',
      'report-artifact': 'gate-report', stage: 'canary', 'canary-weight': '25', 'canary-since': '2026-11-30T10:00:00Z'
    },
    { GITHUB_WORKSPACE: '/ws', TMPDIR: '/tmpdir', MODEL_GATE_NOW: ' 2026-11-30T10:20:00Z ' }
  );
  expect(s).toMatchObject({
    config: 'gate.yml', candidate: 'c.csv', champion: undefined, championArtifact: 'champ', championRunId: '88',
    championWorkflow: 'train.yml', comment: false, commentId: 'nightly.v2', failOn: 'soft_fail', reportArtifact: 'gate-report',
    stage: 'canary', canaryWeight: '25', canarySince: '2026-11-30T10:00:00Z', now: '2026-11-30T10:20:00Z', tempDir: '/tmpdir'
  });
});

test('the token is masked in the log as soon as it is read', () => {
  const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    expect(read({ 'github-token': 'ghs_secret123' }).token).toBe('ghs_secret123');
    expect(write.mock.calls.map((c) => String(c[0]))).toContainEqual(expect.stringContaining('::add-mask::ghs_secret123'));
  } finally {
    write.mockRestore();
  }
});

test.each([
  [{ comment: 'maybe' }, 'input comment must be true or false, not "maybe"', 'comment'],
  [{ 'fail-on': 'error' }, 'input fail-on must be one of never, fail, soft_fail, not "error"', 'fail-on'],
  [{ 'comment-id': 'my id' }, 'input comment-id may use letters, digits, ".", "_" and "-" (at most 64), not "my id"', 'comment-id'],
  [{ stage: 'shadow' }, 'input stage must be offline or canary, not "shadow"', 'stage']
])('%j is one error naming the input', (inputs, message, key) => {
  expect(errorOf(inputs)).toEqual({ message, key });
});

test('runClock: MODEL_GATE_NOW fixes the run time; a bad one is one error; without it the current time', () => {
  expect(runClock({ now: '2026-11-30T10:20:00Z' })).toBe(Date.parse('2026-11-30T10:20:00Z'));
  expect(runClock({ now: undefined }, () => 42)).toBe(42);
  expect(() => runClock({ now: 'yesterday' })).toThrow('MODEL_GATE_NOW must be an ISO 8601 time with a zone, not "yesterday"');
});
