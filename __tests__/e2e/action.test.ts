/**
 * The bundle as a runner runs it: `node dist/index.js` with INPUT_* variables, GITHUB_OUTPUT, the job summary
 * and a GitHub REST emulator on 127.0.0.1 (nothing here may reach the real GitHub).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startGitHubEmulator, type GitHubEmulator } from '../helpers/github-emulator.js';
import { ROOT, runAction } from '../helpers/run-action.js';

let api: GitHubEmulator;
beforeAll(async () => {
  api = await startGitHubEmulator();
});
afterAll(async () => {
  await api.close();
});

/** A workspace holding the shipped example under its usual paths. */
function exampleWorkspace(): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'mg-ws-'));
  cpSync(path.join(ROOT, 'examples/binary'), path.join(ws, 'examples/binary'), { recursive: true });
  mkdirSync(path.join(ws, '.github'));
  cpSync(path.join(ROOT, 'examples/binary/model-gate.yml'), path.join(ws, '.github/model-gate.yml'));
  return ws;
}

/** Predictions whose hard predictions are right on `accuracy` of the rows (deterministic pattern). */
function predictionsCsv(n: number, rightEvery: number): string {
  let s = 'id,label,score\n';
  for (let i = 0; i < n; i++) {
    const label = i % 3 === 0 ? 1 : 0;
    const right = i % rightEvery !== 0;
    const p = right ? (label ? 0.8 : 0.2) : label ? 0.3 : 0.7;
    s += `r${i},${label},${p}\n`;
  }
  return s;
}

describe('the bundled action on a runner', () => {
  test('the shipped example: outputs, report and job summary agree, and nothing is sent to GitHub', async () => {
    const ws = exampleWorkspace();
    const run = await runAction({ workspace: ws, inputs: { 'github-token': 'ghs_secret123' }, apiUrl: api.url });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(run.outputs.report, 'utf8'));
    expect(path.isAbsolute(run.outputs.report)).toBe(true);
    expect(run.outputs.report.startsWith(run.runnerTemp)).toBe(true);
    expect(['pass', 'soft_fail', 'fail']).toContain(run.outputs.gate_result);
    expect(report.gate_result).toBe(run.outputs.gate_result);
    expect(run.outputs.auto_merge).toBe(String(report.auto_merge));
    expect(run.outputs.summary).toBe(report.summary);
    expect(report.test_set.n).toBe(4000);
    expect(report.test_set.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(report.checks.map((c: { name: string; rule: string }) => `${c.name}:${c.rule}`)).toEqual([
      'f1:non_inferior', 'f1:min_value', 'roc_auc:non_inferior', 'log_loss:non_inferior', 'recall:non_inferior', 'precision:non_inferior'
    ]);
    expect(report.checks.map((c: { ci_method: string | null }) => c.ci_method)).toEqual([
      'score-cells', null, 'delong', 'tilted-score', 'tango', 'score-cells'
    ]);
    expect(run.summary).toMatch(/^### \S+ model-gate: (Passed|Failed|Soft fail)/m);
    expect(run.summary).toContain('**roc_auc**<br><sub>performance</sub>');
    // The token is registered as a secret (the runner masks it) and appears nowhere else.
    expect(run.stdout.split('\n')).toContain('::add-mask::ghs_secret123');
    expect(run.stdout.replace('::add-mask::ghs_secret123', '')).not.toContain('ghs_secret123');
    expect(run.summary).not.toContain('ghs_secret123');
    expect(api.requests).toEqual([]);
  });

  test('the same inputs give byte-identical reports apart from generated_at', async () => {
    const ws = exampleWorkspace();
    const a = await runAction({ workspace: ws, inputs: {}, apiUrl: api.url });
    const b = await runAction({ workspace: ws, inputs: {}, apiUrl: api.url });
    const strip = (f: string) => readFileSync(f, 'utf8').replace(/"generated_at": "[^"]*"/, '');
    expect(strip(a.outputs.report)).toBe(strip(b.outputs.report));
    expect(readFileSync(a.outputs.report, 'utf8')).toMatch(/"generated_at": "\d{4}-\d\d-\d\dT/);
  });

  test('a clearly worse candidate loses: gate_result=fail, but the step succeeds unless fail-on says so', async () => {
    const ws = mkdtempSync(path.join(tmpdir(), 'mg-ws-'));
    writeFileSync(path.join(ws, 'cand.csv'), predictionsCsv(3000, 4)); // 75 % right
    writeFileSync(path.join(ws, 'champ.csv'), predictionsCsv(3000, 10)); // 90 % right
    writeFileSync(
      path.join(ws, 'gate.yml'),
      'version: 1\ntask: binary\ngates:\n  performance:\n    primary_metric: accuracy\n    absolute_drop_allowed: 0.01\n'
    );
    const inputs = { config: 'gate.yml', candidate: 'cand.csv', champion: 'champ.csv' };
    const lost = await runAction({ workspace: ws, inputs, apiUrl: api.url });
    expect(lost.code).toBe(0);
    expect(lost.outputs.gate_result).toBe('fail');
    expect(lost.outputs.auto_merge).toBe('false');
    expect(lost.outputs.summary).toBe('fail: 1 of 1 checks failed (performance/accuracy)');
    const report = JSON.parse(readFileSync(lost.outputs.report, 'utf8'));
    expect(report.checks[0].candidate).toBeCloseTo(0.75, 12);
    expect(report.checks[0].champion).toBeCloseTo(0.9, 12);
    expect(report.checks[0].ci_high).toBeLessThan(-0.1);

    const strict = await runAction({ workspace: ws, inputs: { ...inputs, 'fail-on': 'fail' }, apiUrl: api.url });
    expect(strict.code).toBe(1);
    expect(strict.outputs.gate_result).toBe('fail');
    expect(strict.stdout).toContain('::error::model-gate: fail: 1 of 1 checks failed (performance/accuracy) (fail-on: fail)');
  });

  test('a config error fails the step with the file, line and column, and gate_result=error', async () => {
    const ws = exampleWorkspace();
    writeFileSync(
      path.join(ws, '.github/model-gate.yml'),
      'version: 1\ntask: binary\ngates:\n  performance:\n    primary_metrc: f1\n    absolute_drop_allowed: 0.01\n'
    );
    const run = await runAction({ workspace: ws, inputs: {}, apiUrl: api.url });
    expect(run.code).toBe(1);
    expect(run.outputs.gate_result).toBe('error');
    expect(run.outputs.summary).toMatch(/^error: /);
    expect(run.stdout).toMatch(/::error title=model-gate,file=\.github\/model-gate\.yml,line=5,col=5::/);
    expect(run.stdout).toContain('did you mean "primary_metric"');
    expect(run.stdout).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace
    expect(JSON.parse(readFileSync(run.outputs.report, 'utf8')).gate_result).toBe('error');
  });

  test('a configured champion that does not exist is an error naming the file and where it came from', async () => {
    const ws = exampleWorkspace();
    const run = await runAction({ workspace: ws, inputs: { champion: 'missing/champion.csv' }, apiUrl: api.url });
    expect(run.code).toBe(1);
    expect(run.outputs.gate_result).toBe('error');
    expect(run.stdout).toContain('missing/champion.csv does not exist (from the champion input)');
  });

  test('an invalid fail-on value is an error naming the input', async () => {
    const run = await runAction({ workspace: exampleWorkspace(), inputs: { 'fail-on': 'always' }, apiUrl: api.url });
    expect(run.code).toBe(1);
    expect(run.outputs.gate_result).toBe('error');
    expect(run.stdout).toContain('input fail-on must be one of never, fail, soft_fail, not "always"');
  });
});
