/**
 * What may reach a user, and what never does (issue 7): an internal error is one sentence without a stack
 * unless the debug flag is set; the token appears only in its `::add-mask::` line; text from config and data
 * cannot start a workflow command in the log, nor break the markdown. Runs the bundles (`npm run package`).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { escapeMarkdown } from '../../src/render/escape.js';
import { fakeGitHub, OWNER, REPO } from '../helpers/fake-github.js';
import { startGitHubEmulator, type GitHubEmulator } from '../helpers/github-emulator.js';
import { ROOT, runAction } from '../helpers/run-action.js';
import { BASE_CONFIG, DEFAULT_FILES, predictionsCsv, withGates } from './corpus.js';
import { materialize, runCaseInAction, workflowCommands, type HostileCase } from './harness.js';

const DEFAULTS = { config: BASE_CONFIG, files: DEFAULT_FILES };
const STACK_FRAME = /(?:\n|%0A)\s+at \S.*?:\d+:\d+/;

let api: GitHubEmulator;
beforeAll(async () => {
  api = await startGitHubEmulator();
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => api.reset());

/**
 * A preload that makes opening any file named `boom.csv` throw a TypeError, standing in for a bug deep in
 * the readers. Its message carries a marker that must not reach a user without the debug flag.
 */
function bugPreload(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'mg-preload-')), 'bug.mjs');
  writeFileSync(
    file,
    `import fs from 'node:fs';
const original = fs.createReadStream;
fs.createReadStream = function (p, ...rest) {
  if (String(p).endsWith('boom.csv')) throw new TypeError('BUG-DETAIL: cannot read properties of undefined');
  return original.call(this, p, ...rest);
};
`
  );
  return `--import=${pathToFileURL(file).href}`;
}

const BUG_CASE: HostileCase = {
  name: 'an internal error',
  config: BASE_CONFIG.replace('preds/candidate.csv', 'preds/boom.csv'),
  files: { 'preds/boom.csv': predictionsCsv('candidate') },
  message: ''
};

const ACTION_SENTENCE =
  'model-gate failed unexpectedly (an internal TypeError): this is a bug in model-gate, not in your files; ' +
  'please report it with the details that re-running the job with debug logging enabled (RUNNER_DEBUG=1) shows.';
const CLI_SENTENCE =
  'model-gate failed unexpectedly (an internal TypeError): this is a bug in model-gate, not in your files; ' +
  'please report it with the details that MODEL_GATE_DEBUG=1 prints.';

describe('an internal error through the bundled action', () => {
  test('is one sentence and an annotation, with no stack and no detail, and gate_result=error', async () => {
    const m = materialize(BUG_CASE, DEFAULTS);
    const { run } = await runCaseInAction(BUG_CASE, m, api.url, { NODE_OPTIONS: bugPreload() });
    const errors = workflowCommands(run.stdout).filter((c) => c.command === 'error');
    expect(errors.map((e) => e.message)).toEqual([ACTION_SENTENCE]);
    expect(run.outputs.gate_result).toBe('error');
    expect(run.outputs.summary).toBe(`error: ${ACTION_SENTENCE}`);
    expect(run.code).toBe(1);
    for (const text of [run.stdout, run.stderr, run.summary, readFileSync(run.outputs.report!, 'utf8')]) {
      expect(text).not.toContain('BUG-DETAIL');
      expect(text).not.toMatch(STACK_FRAME);
    }
  });

  test('with RUNNER_DEBUG=1 the stack goes to the debug log; the sentence stays the same', async () => {
    const m = materialize(BUG_CASE, DEFAULTS);
    const { run } = await runCaseInAction(BUG_CASE, m, api.url, { NODE_OPTIONS: bugPreload(), RUNNER_DEBUG: '1' });
    const commands = workflowCommands(run.stdout);
    expect(commands.filter((c) => c.command === 'error').map((e) => e.message)).toEqual([ACTION_SENTENCE]);
    const debug = commands.filter((c) => c.command === 'debug').map((c) => c.message).join('\n');
    expect(debug).toContain('TypeError: BUG-DETAIL: cannot read properties of undefined');
    expect(debug).toMatch(/\n\s+at \S.*:\d+:\d+/);
    // Only the debug log has it: not the annotation, the outputs, the summary or the report.
    expect(run.outputs.summary).not.toContain('BUG-DETAIL');
    expect(run.summary).not.toContain('BUG-DETAIL');
  });

  test("with RUNNER_DEBUG=1 a user error's details (where it points) go to the debug log too", async () => {
    const c: HostileCase = { name: 'x', config: BASE_CONFIG.replace('primary_metric: f1', 'primary_metrc: f1'), message: '' };
    const { run } = await runCaseInAction(c, materialize(c, DEFAULTS), api.url, { RUNNER_DEBUG: '1' });
    const debug = workflowCommands(run.stdout).filter((x) => x.command === 'debug').map((x) => x.message).join('\n');
    expect(debug).toContain('location: {"file":".github/model-gate.yml","line":8,"column":5,"key":"gates.performance.primary_metrc"}');
    expect(debug).toMatch(/GateError: .*unknown key "primary_metrc"/);
  });
});

/** Runs the bundled CLI (`node dist/cli/index.js`) in `cwd`. */
function runCli(args: string[], cwd: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/cli/index.js'), ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? cwd, ...env }
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('an internal error through the bundled CLI', () => {
  test('exit 3 and one sentence on stderr, without a stack', async () => {
    const m = materialize(BUG_CASE, DEFAULTS);
    const r = await runCli(['--workspace', m.ws], m.ws, { NODE_OPTIONS: bugPreload() });
    expect(r).toEqual({ code: 3, stdout: '', stderr: `model-gate: error: ${CLI_SENTENCE}\n` });
  });

  test('MODEL_GATE_DEBUG=1 prints the stack before the sentence', async () => {
    const m = materialize(BUG_CASE, DEFAULTS);
    const r = await runCli(['--workspace', m.ws], m.ws, { NODE_OPTIONS: bugPreload(), MODEL_GATE_DEBUG: '1' });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^TypeError: BUG-DETAIL: cannot read properties of undefined\n\s+at /);
    expect(r.stderr.endsWith(`model-gate: error: ${CLI_SENTENCE}\n`)).toBe(true);
  });

  test('MODEL_GATE_DEBUG=0 is off', async () => {
    const m = materialize(BUG_CASE, DEFAULTS);
    const r = await runCli(['--workspace', m.ws], m.ws, { NODE_OPTIONS: bugPreload(), MODEL_GATE_DEBUG: '0' });
    expect(r.stderr).toBe(`model-gate: error: ${CLI_SENTENCE}\n`);
  });
});

describe('the token', () => {
  const TOKEN = 'ghs_hostileT0ken9f8e7d';
  const prEvent = {
    name: 'pull_request',
    payload: {
      action: 'synchronize',
      number: 7,
      pull_request: { number: 7, labels: [], head: { sha: 'c0ffee', ref: 'feature' } },
      repository: { id: 1, name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER }, default_branch: 'main' }
    }
  };

  test.each([
    ['a config error', { ...BUG_CASE, config: `${BASE_CONFIG}token: ${TOKEN}\n`, files: {} }, {}],
    ['a containment error', { ...BUG_CASE, config: BASE_CONFIG.replace('preds/candidate.csv', '/etc/passwd'), files: {} }, {}],
    ['an internal error with debug logging', BUG_CASE, { NODE_OPTIONS: bugPreload(), RUNNER_DEBUG: '1' }]
  ] as const)('appears only in the ::add-mask:: line on %s, and nowhere in what is written', async (_, c, env) => {
    const gh = fakeGitHub(api);
    const m = materialize(c, DEFAULTS);
    const run = await runAction({ workspace: m.ws, inputs: { 'github-token': TOKEN }, apiUrl: api.url, event: prEvent, env });
    expect(run.outputs.gate_result).toBe('error');
    expect(run.stdout.split('\n').filter((l) => l.includes(TOKEN))).toEqual([`::add-mask::${TOKEN}`]);
    expect(run.stderr).not.toContain(TOKEN);
    // The runner masks registered secrets in the log, but files and the API get what is written: the token
    // is only ever the Authorization header.
    for (const text of [run.summary, readFileSync(run.outputs.report!, 'utf8'), JSON.stringify(run.outputs)]) {
      expect(text).not.toContain(TOKEN);
    }
    expect(api.requests.length).toBeGreaterThan(0);
    expect(api.requests.map((r) => r.body).join('\n')).not.toContain(TOKEN);
    expect(api.requests.every((r) => String(r.headers.authorization).endsWith(` ${TOKEN}`))).toBe(true);
    // The error replaced the verdict in the sticky comment.
    const comments = gh.comments.get(7) ?? [];
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('model-gate: Could not be evaluated');
  });
});

describe('check messages quote data values shortened', () => {
  test('a long text in a number column of the data table', async () => {
    const { runGate } = await import('../../src/gate/run.js');
    const c: HostileCase = {
      name: 'data',
      config: withGates(
        '  data:\n    schema: { columns: { age: { type: number } } }\n'
      ).replace('  champion: preds/champion.csv\n', '  champion: preds/champion.csv\n  data: { current: data/cur.csv }\n'),
      files: { 'data/cur.csv': `age,note\n31,a\n"unknown; ${'x'.repeat(300)} hunter2",b\n` },
      message: ''
    };
    const m = materialize(c, DEFAULTS);
    const { report } = await runGate({
      workspace: m.ws,
      tempDir: m.temp,
      config: '.github/model-gate.yml',
      origins: { candidate: '--candidate', champion: '--champion', config: '--config' },
      generatedAt: 'T'
    });
    const check = report.checks.find((x) => x.name === 'schema:age')!;
    expect(check.status).toBe('fail');
    expect(check.message).toBe(`1 value is not a number (e.g. "unknown; ${'x'.repeat(30)}…" on line 3)`);
    expect(JSON.stringify(report)).not.toContain('hunter2');
  });
});

describe('text from config and data cannot start a workflow command or break the markdown', () => {
  test('a segment name with a line break and "::" stays on its line in the log', async () => {
    const c: HostileCase = {
      name: 'injection',
      config: withGates(
        '  performance: { primary_metric: f1, min_value: 0.99 }\n' +
          '  segments:\n    - { name: "x\\n::warning title=pwned::injected\\n::add-mask::r1", metric: recall, min_value: 0.99 }\n'
      ),
      files: { 'preds/candidate.csv': predictionsCsv('candidate').replace('id,label,score', 'id,label,score,segment').replace(/\n(r\d+,[^\n]+)/g, '\n$1,"x\n::warning title=pwned::injected\n::add-mask::r1"') },
      message: ''
    };
    const { run } = await runCaseInAction(c, materialize(c, DEFAULTS), api.url);
    expect(run.outputs.gate_result).toBe('fail');
    const commands = workflowCommands(run.stdout);
    expect(commands.filter((x) => x.message.includes('injected') && x.command !== 'error' && x.command !== 'warning')).toEqual([]);
    expect(commands.filter((x) => x.properties.title === 'pwned')).toEqual([]);
    expect(commands.filter((x) => x.command === 'add-mask')).toEqual([]);
    expect(run.stdout).not.toMatch(/^::warning title=pwned/m);
    expect(run.stdout).not.toMatch(/^::add-mask::r1/m);
  });

  test('escapeMarkdown shows control and bidirectional characters instead of passing them through', () => {
    expect(escapeMarkdown('a\u202egnp.exe\tb\u0000c\u2066d\u2069')).toBe('a\ufffdgnp.exe b\ufffdc\ufffdd\ufffd');
    expect(escapeMarkdown('x\u2028y\u2029z')).toBe('x y z');
  });
});
