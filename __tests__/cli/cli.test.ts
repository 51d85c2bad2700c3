import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { EXIT, main } from '../../src/cli/main.js';
import { terminalProgress } from '../../src/cli/progress.js';
import { jobSummaryOptions, renderMarkdown } from '../../src/render/markdown.js';
import { VERSION } from '../../src/base/version.js';
import { ROOT } from '../helpers/run-action.js';

async function cli(argv: string[], cwd = ROOT) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd,
    now: () => new Date('2026-11-22T00:00:00Z')
  });
  return { code, stdout, stderr };
}

const EXAMPLE = ['--config', 'examples/binary/model-gate.yml'];

test('prints the verdict table for the shipped example', async () => {
  const r = await cli(EXAMPLE);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(EXIT.ok);
  expect(r.stdout).toMatch(/^model-gate: (Passed|Soft fail: needs a waiver or a fix|Failed)/);
  expect(r.stdout).toMatch(/\n(PASS|FAIL) +hard +roc_auc \(performance\) +0\.\d{4} → 0\.\d{4} +[+−]\d\.\d\d pts (better|worse) \[[+−]\d\.\d\d, [+−]\d\.\d\d pts\]\n/);
  expect(r.stdout).toContain('n = 4000, sha256:');
});

test('--json prints the report; --report writes the same report', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mg-cli-'));
  const file = path.join(dir, 'out/report.json');
  const r = await cli([...EXAMPLE, '--json', '--report', file]);
  expect(r.code).toBe(EXIT.ok);
  const report = JSON.parse(r.stdout);
  expect(report.generated_at).toBe('2026-11-22T00:00:00.000Z');
  expect(readFileSync(file, 'utf8')).toBe(r.stdout);
});

let narrowOut = '';

test('--fail-on turns a lost gate into exit 1', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mg-cli-'));
  const rows = (wrongEvery: number) =>
    'id,label,prediction\n' + Array.from({ length: 2000 }, (_, i) => `${i},${i % 2},${i % wrongEvery === 0 ? 1 - (i % 2) : i % 2}`).join('\n');
  writeFileSync(path.join(dir, 'c.csv'), rows(3));
  writeFileSync(path.join(dir, 'p.csv'), rows(10));
  writeFileSync(path.join(dir, 'g.yml'), 'version: 1\ntask: binary\ngates:\n  performance:\n    primary_metric: accuracy\n    rule: strictly_better\n');
  const args = ['-c', 'g.yml', '--candidate', 'c.csv', '--champion', 'p.csv'];
  expect((await cli(args, dir)).code).toBe(EXIT.ok);
  const lost = await cli([...args, '--fail-on', 'fail'], dir);
  expect(lost.code).toBe(EXIT.gateFailed);
  expect(lost.stdout).toMatch(/^model-gate: Failed\. 1 of 1 checks failed \(performance\/accuracy\)/);
  expect(lost.stdout).toMatch(/\nFAIL +hard +accuracy \(performance\) .*\n +why: the estimate −23\.35 pts is not better than the champion's/);
  // A failing gate fits a 100-column terminal (the default when stdout is not one) and a narrower one.
  for (const l of lost.stdout.split('\n')) expect([...l].length).toBeLessThanOrEqual(100);
  const narrow = await main([...args], { stdout: (s) => void (narrowOut += s), stderr: () => undefined, cwd: dir, now: () => new Date(0), columns: 72 });
  expect(narrow).toBe(EXIT.ok);
  for (const l of narrowOut.split('\n')) expect([...l].length).toBeLessThanOrEqual(72);
  expect((await cli([...args, '--fail-on', 'soft_fail'], dir)).code).toBe(EXIT.gateFailed);
});

test('bad arguments and bad input exit 2 with one sentence on stderr', async () => {
  const unknown = await cli(['--confg', 'x']);
  expect(unknown.code).toBe(EXIT.error);
  expect(unknown.stderr).toMatch(/^model-gate: Unknown option '--confg'/);
  const failOn = await cli([...EXAMPLE, '--fail-on', 'sometimes']);
  expect(failOn.stderr).toBe('model-gate: --fail-on must be one of never, fail, soft_fail, not "sometimes"\n');
  const missing = await cli(['--config', 'nope.yml']);
  expect(missing.code).toBe(EXIT.error);
  expect(missing.stderr).toBe('model-gate: error: nope.yml does not exist (from --config); check the path, which is relative to the workspace\n');
});

test('--markdown writes exactly the job summary; progress goes to a terminal only, and is cleared', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mg-cli-'));
  const stages: string[] = [];
  let done = 0;
  const code = await main([...EXAMPLE, '--report', path.join(dir, 'r.json'), '--markdown', path.join(dir, 's.md')], {
    stdout: () => undefined,
    stderr: () => undefined,
    cwd: ROOT,
    now: () => new Date('2026-11-22T00:00:00Z'),
    progress: (s) => stages.push(s),
    progressDone: () => void done++
  });
  expect(code).toBe(EXIT.ok);
  const report = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'));
  const card = path.join(dir, 'release-card.json');
  expect(readFileSync(path.join(dir, 's.md'), 'utf8')).toBe(renderMarkdown(report, jobSummaryOptions({ releaseCard: card })));
  expect(stages.map((s) => s.split(' ').slice(0, 3).join(' '))).toEqual([
    'reading the config', 'reading the candidate', 'reading the champion', 'reading the other', 'evaluating (10000 resamples'
  ]);
  expect(done).toBe(1);

  const writes: string[] = [];
  const tty = terminalProgress({ isTTY: true, columns: 40, write: (s) => writes.push(s) });
  tty.progress!('reading the candidate predictions artifacts/a-very-long-path/predictions.csv.gz');
  tty.progressDone!();
  expect(writes).toEqual(['\r\x1b[2Kmodel-gate: reading the candidate pred…', '\r\x1b[2K']);
  expect(terminalProgress({ isTTY: false, write: () => writes.push('x') })).toEqual({});
});

test('--version matches package.json and --help documents the exit codes', async () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  expect(VERSION).toBe(pkg.version);
  expect((await cli(['--version'])).stdout).toBe(`${pkg.version}\n`);
  expect((await cli(['--help'])).stdout).toContain('2  the gate could not be evaluated');
});

test('the bundled CLI runs the README demo command as written', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const [cmd, ...args] = pkg.scripts.demo.split(' ');
  expect(cmd).toBe('node');
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^model-gate: (Passed|Failed|Soft fail: needs a waiver or a fix)[^.]*\. \d+ of 6 checks/);
  // The README quotes the start of this output (up to its "..."): it must be what the demo prints today.
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const quoted = /`npm run demo` needs no install[\s\S]*?```\n([\s\S]*?)\n\.\.\.\n```/.exec(readme);
  expect(quoted).not.toBeNull();
  const lines = quoted![1]!.split('\n');
  expect(lines.length).toBeGreaterThanOrEqual(5);
  expect(r.stdout.split('\n').slice(0, lines.length)).toEqual(lines);
});

test('percentages as scores with the default threshold: exit 2 naming the line, not a silent "every row positive"', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mg-cli-'));
  const rows = (f: (i: number) => number) => 'id,label,score\n' + Array.from({ length: 400 }, (_, i) => `${i},${i % 2},${f(i)}`).join('\n');
  writeFileSync(path.join(dir, 'c.csv'), rows((i) => (i % 2 ? 60 : 40) + (i % 7)));
  writeFileSync(path.join(dir, 'p.csv'), rows((i) => ((i % 2 ? 60 : 40) + (i % 5)) / 100));
  const config = (threshold: string) =>
    `version: 1\ntask: binary\n${threshold}gates:\n  performance:\n    primary_metric: f1\n    absolute_drop_allowed: 0.01\n`;
  writeFileSync(path.join(dir, 'g.yml'), config(''));
  const r = await cli(['-c', 'g.yml', '--candidate', 'c.csv', '--champion', 'p.csv'], dir);
  expect(r.code).toBe(EXIT.error);
  expect(r.stderr).toContain('c.csv line 2, column "score": 40 is outside [0, 1], and with no prediction column the hard predictions are score >= threshold');
  // A threshold the user sets is applied as given (here it suits the candidate's percentages and not the champion's).
  writeFileSync(path.join(dir, 'g.yml'), config('threshold: 50\n'));
  expect((await cli(['-c', 'g.yml', '--candidate', 'c.csv', '--champion', 'p.csv'], dir)).code).not.toBe(EXIT.error);
});

test('the same predictions as candidate and champion: exit 2 with "comparing a model with itself"', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mg-cli-'));
  const rows = 'id,label,prediction\n' + Array.from({ length: 500 }, (_, i) => `${i},${i % 2},${i % 7 === 0 ? 1 - (i % 2) : i % 2}`).join('\n');
  writeFileSync(path.join(dir, 'c.csv'), rows);
  writeFileSync(path.join(dir, 'p.csv'), rows);
  writeFileSync(path.join(dir, 'g.yml'), 'version: 1\ntask: binary\ngates:\n  performance:\n    primary_metric: accuracy\n    absolute_drop_allowed: 0.001\n');
  const r = await cli(['-c', 'g.yml', '--candidate', 'c.csv', '--champion', 'p.csv'], dir);
  expect(r.code).toBe(EXIT.error);
  expect(r.stderr).toContain('comparing a model with itself: candidate and champion predictions are identical on all 500 rows');
  const json = await cli(['-c', 'g.yml', '--candidate', 'c.csv', '--champion', 'p.csv', '--json'], dir);
  expect(JSON.parse(json.stdout).gate_result).toBe('error');
});
