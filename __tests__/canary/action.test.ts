/**
 * The bundled action's canary stage (`node dist/index.js` with INPUT_STAGE=canary) against the GitHub emulator on
 * 127.0.0.1: outputs, report and release card, job summary and the sticky PR comment; MODEL_GATE_NOW fixes the
 * clock for the synthetic observations.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fakeGitHub, OWNER, REPO } from '../helpers/fake-github.js';
import { startGitHubEmulator, type GitHubEmulator } from '../helpers/github-emulator.js';
import { runAction } from '../helpers/run-action.js';
import { HEALTHY_CDF, observationLines, simulate } from './traffic.js';

let api: GitHubEmulator;
beforeAll(async () => {
  api = await startGitHubEmulator();
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => api.reset());

const START = Date.parse('2026-11-30T10:00:00Z') / 1000;

function workspace(canaryError: number): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'mg-canary-ws-'));
  const samples = simulate(
    [{ from: 0, to: 3600, weight: 25, errorRate: { baseline: 0.01, canary: canaryError }, cdf: { baseline: HEALTHY_CDF, canary: HEALTHY_CDF } }],
    START,
    60,
    200,
    9
  );
  mkdirSync(path.join(ws, 'obs'));
  mkdirSync(path.join(ws, '.github'));
  writeFileSync(path.join(ws, 'obs/baseline.jsonl'), observationLines(samples, 'baseline'));
  writeFileSync(path.join(ws, 'obs/canary.jsonl'), observationLines(samples, 'canary'));
  // No `task`, no `gates`: the canary stage reads only the canary section.
  writeFileSync(
    path.join(ws, '.github/model-gate.yml'),
    `version: 1
canary:
  source: { files: { baseline: obs/baseline.jsonl, canary: obs/canary.jsonl } }
  since: 2026-11-30T10:00:00Z
  rollout: { steps: [5, 25, 50, 100], current_weight: 5 }
  min_requests: 5000
  min_duration_minutes: 30
  compare: { error_rate: { relative_increase_allowed: 0.25 } }
  auto_rollback_on: ["error_rate > 5%"]
`
  );
  return ws;
}

const prEvent = {
  name: 'pull_request',
  payload: {
    action: 'synchronize',
    number: 3,
    pull_request: { number: 3, labels: [], head: { sha: 'c0ffee', ref: 'feature' } },
    repository: { id: 1, name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER }, default_branch: 'main' }
  }
};

test('a healthy canary: promote, next_weight from the steps, gate_result pass, summary and sticky comment', async () => {
  const gh = fakeGitHub(api);
  const run = await runAction({
    workspace: workspace(0.01),
    inputs: { stage: 'canary', 'canary-weight': '25', 'github-token': 'ghs_test' },
    apiUrl: api.url,
    event: prEvent,
    env: { MODEL_GATE_NOW: '2026-11-30T11:00:00Z' }
  });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.outputs.canary_result).toBe('promote');
  expect(run.outputs.gate_result).toBe('pass');
  expect(run.outputs.next_weight).toBe('50');
  const report = JSON.parse(readFileSync(run.outputs.report, 'utf8'));
  expect(report.stage).toBe('canary');
  expect(report.canary.rollout.current_weight).toBe(25);
  const card = JSON.parse(readFileSync(path.join(path.dirname(run.outputs.report), 'release-card.json'), 'utf8'));
  expect(card.rollout.decision).toBe('promote');
  expect(run.summary).toContain('model-gate canary: ✅ promote (25 % → 50 %)');
  const comments = gh.comments.get(3) ?? [];
  expect(comments).toHaveLength(1);
  expect(comments[0]!.body.startsWith('<!-- model-gate:default -->\n')).toBe(true);
  expect(comments[0]!.body).toContain('| error_rate |');
});

test('a canary with five times the errors: rollback, next_weight 0, gate_result fail (a lost gate is not a failed step)', async () => {
  const run = await runAction({
    workspace: workspace(0.05),
    inputs: { stage: 'canary' },
    apiUrl: api.url,
    env: { MODEL_GATE_NOW: '2026-11-30T10:20:00Z' }
  });
  expect(run.code).toBe(0);
  expect(run.outputs.canary_result).toBe('rollback');
  expect(run.outputs.gate_result).toBe('fail');
  expect(run.outputs.next_weight).toBe('0');
  expect(run.stdout).toMatch(/::warning title=model-gate canary rollback::model-gate canary: rollback: /);
  // fail-on: fail makes a rollback fail the step; continue never does.
  const strict = await runAction({
    workspace: workspace(0.05),
    inputs: { stage: 'canary', 'fail-on': 'fail' },
    apiUrl: api.url,
    env: { MODEL_GATE_NOW: '2026-11-30T10:20:00Z' }
  });
  expect(strict.code).toBe(1);
  expect(strict.outputs.canary_result).toBe('rollback');
  const early = await runAction({
    workspace: workspace(0.01),
    inputs: { stage: 'canary', 'fail-on': 'fail' },
    apiUrl: api.url,
    env: { MODEL_GATE_NOW: '2026-11-30T10:10:00Z' }
  });
  expect(early.code).toBe(0);
  expect(early.outputs.canary_result).toBe('continue');
  expect(early.outputs.gate_result).toBe('pending');
  expect(early.outputs.next_weight).toBe('5');
});

test('a bad stage input and a config without canary are errors that fail the step', async () => {
  const bad = await runAction({ workspace: workspace(0.01), inputs: { stage: 'shadow' }, apiUrl: api.url });
  expect(bad.code).not.toBe(0);
  expect(bad.outputs.gate_result).toBe('error');
  expect(bad.stdout).toContain('input stage must be offline or canary, not "shadow"');
  const ws = workspace(0.01);
  writeFileSync(path.join(ws, '.github/model-gate.yml'), 'version: 1\ntask: binary\ngates: { performance: { primary_metric: f1 } }\n');
  const none = await runAction({ workspace: ws, inputs: { stage: 'canary' }, apiUrl: api.url });
  expect(none.code).not.toBe(0);
  expect(none.outputs.canary_result).toBe('error');
  expect(none.outputs.gate_result).toBe('error');
  expect(none.stdout).toMatch(/model-gate\.yml:1:1: .*canary/);
});
