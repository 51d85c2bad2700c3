/**
 * The test-set reuse ledger across runs of the bundle (`node dist/index.js`): each run counts itself, a re-run of
 * the same run id and attempt adds nothing, the run that takes the count past max_runs_per_test_set and every
 * later one warn (annotation and summary line) without changing the verdict, and the ledger survives the artifact
 * round trip between runs: uploaded as an artifact of one run, downloaded from the GitHub emulator's artifact
 * endpoints (list, zip redirect, blob) into the next run's fresh workspace.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fakeGitHub, OWNER, REPO, type FakeGitHub } from '../helpers/fake-github.js';
import { startGitHubEmulator, type GitHubEmulator } from '../helpers/github-emulator.js';
import { ROOT, runAction, type ActionRun } from '../helpers/run-action.js';

let api: GitHubEmulator;
let gh: FakeGitHub;
beforeAll(async () => {
  api = await startGitHubEmulator();
  gh = fakeGitHub(api);
});
afterAll(async () => {
  await api.close();
});

const LEDGER = '.model-gate/ledger.json';
const ARTIFACT = 'model-gate-ledger';

/** A fresh workspace (as every job has) with the shipped example and a config that keeps a ledger. */
function workspace(): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'mg-ledger-'));
  cpSync(path.join(ROOT, 'examples/binary'), path.join(ws, 'examples/binary'), { recursive: true });
  mkdirSync(path.join(ws, '.github'));
  const config = readFileSync(path.join(ROOT, 'examples/binary/model-gate.yml'), 'utf8');
  writeFileSync(path.join(ws, '.github/model-gate.yml'), `${config}ledger: ${LEDGER}\nmax_runs_per_test_set: 2\n`);
  return ws;
}

/** actions/upload-artifact's part: the ledger becomes an artifact of the run. */
function upload(ws: string, runId: number): void {
  gh.runs.push({ id: runId, workflow_id: 7, name: 'gate', head_branch: 'main', conclusion: 'success' });
  gh.artifacts.set(runId, [{ id: runId * 10, name: ARTIFACT, files: { 'ledger.json': readFileSync(path.join(ws, LEDGER), 'utf8') } }]);
}

/** actions/download-artifact's part: list the run's artifacts, follow the zip redirect, unpack the stored entry. */
async function download(ws: string, runId: number): Promise<void> {
  const list = (await (await fetch(`${api.url}/repos/${OWNER}/${REPO}/actions/runs/${runId}/artifacts?name=${ARTIFACT}`)).json()) as {
    artifacts: { id: number }[];
  };
  const zip = Buffer.from(await (await fetch(`${api.url}/repos/${OWNER}/${REPO}/actions/artifacts/${list.artifacts[0].id}/zip`)).arrayBuffer());
  // One stored (uncompressed) entry: a 30-byte local header, the name, then the data.
  expect(zip.readUInt32LE(0)).toBe(0x04034b50);
  expect(zip.readUInt16LE(8)).toBe(0);
  const size = zip.readUInt32LE(18);
  const start = 30 + zip.readUInt16LE(26) + zip.readUInt16LE(28);
  mkdirSync(path.join(ws, '.model-gate'), { recursive: true });
  writeFileSync(path.join(ws, LEDGER), zip.subarray(start, start + size));
}

async function gate(ws: string, runId: number, attempt = 1): Promise<{ run: ActionRun; report: Record<string, unknown> & { ledger: Record<string, unknown> } }> {
  const run = await runAction({
    workspace: ws,
    inputs: { 'github-token': 'ghs_secret123' },
    apiUrl: api.url,
    env: { GITHUB_RUN_ID: String(runId), GITHUB_RUN_ATTEMPT: String(attempt) }
  });
  expect(run.code).toBe(0);
  return { run, report: JSON.parse(readFileSync(run.outputs.report, 'utf8')) };
}

const reuseWarnings = (r: ActionRun) => r.stdout.split('\n').filter((l) => l.startsWith('::warning title=model-gate%3A test-set reuse::'));

test('counts runs per test set across artifact round trips and warns past the maximum without changing the verdict', async () => {
  const ws1 = workspace();
  const first = await gate(ws1, 501);
  expect(first.report.ledger).toEqual({ file: LEDGER, runs: 1, max_runs_per_test_set: 2, counted: true, warning: null });
  expect(reuseWarnings(first.run)).toEqual([]);
  expect(first.run.summary).toContain('Test-set ledger: run 1 of at most 2 on this test set.');
  upload(ws1, 501);

  // The next workflow run: a fresh workspace that gets the ledger from the previous run's artifact.
  const ws2 = workspace();
  await download(ws2, 501);
  const second = await gate(ws2, 502);
  expect(second.report.ledger).toMatchObject({ runs: 2, counted: true, warning: null });
  // A re-run of the same attempt adds nothing; a new attempt is a new run.
  const again = await gate(ws2, 502);
  expect(again.report.ledger).toMatchObject({ runs: 2, counted: false, warning: null });
  expect(reuseWarnings(again.run)).toEqual([]);
  upload(ws2, 502);

  const ws3 = workspace();
  await download(ws3, 502);
  const third = await gate(ws3, 503);
  expect(third.report.ledger).toMatchObject({ runs: 3, counted: true });
  expect(third.report.ledger.warning).toMatch(/has now been gated on 3 times, more than max_runs_per_test_set \(2\)/);
  expect(reuseWarnings(third.run)).toHaveLength(1);
  expect(third.run.summary).toContain('⚠️ **Test-set reuse:** this test set (sha256:');
  const fourth = await gate(ws3, 503, 2);
  expect(fourth.report.ledger).toMatchObject({ runs: 4, counted: true });
  expect(reuseWarnings(fourth.run)).toHaveLength(1);

  // The verdict never depends on the ledger.
  for (const r of [second, again, third, fourth]) {
    expect(r.report.gate_result).toBe(first.report.gate_result);
    expect(r.report.checks).toEqual(first.report.checks);
  }
  const ledger = JSON.parse(readFileSync(path.join(ws3, LEDGER), 'utf8'));
  const fingerprint = first.report.test_set as { fingerprint: string };
  expect(ledger.test_sets[fingerprint.fingerprint].map((e: { run: string; attempt: number }) => `${e.run}/${e.attempt}`)).toEqual([
    '501/1', '502/1', '503/1', '503/2'
  ]);
}, 120_000);

test('a corrupt ledger is one warning; the file is left as it was and the verdict stands', async () => {
  const ws = workspace();
  mkdirSync(path.join(ws, '.model-gate'));
  writeFileSync(path.join(ws, LEDGER), '{"version": 1, "test_sets": [');
  const r = await gate(ws, 601);
  expect(r.report.gate_result).not.toBe('error');
  expect(r.report.ledger).toMatchObject({ runs: 0, counted: false });
  expect(reuseWarnings(r.run)).toEqual([
    `::warning title=model-gate%3A test-set reuse::the ledger ${LEDGER} (from ledger in .github/model-gate.yml) is not a model-gate ledger (it is not valid JSON); fix it or delete it to start counting afresh. It was left as it is, so this run was not counted; the verdict is unchanged`
  ]);
  expect(readFileSync(path.join(ws, LEDGER), 'utf8')).toBe('{"version": 1, "test_sets": [');
}, 60_000);
