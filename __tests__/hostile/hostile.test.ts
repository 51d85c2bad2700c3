/**
 * Issue 7: every broken or hostile input gets one clear sentence and gate_result=error, nothing outside the
 * workspace is read, and awkward but valid files work. Each corpus case (corpus.ts) runs through the bundled
 * action (`node dist/index.js`, as a runner starts it: needs `npm run package`) and in-process through the
 * CLI's main().
 */
import { oneLine } from '../../src/render/log-line.js';
import { inertPlain } from '../../src/render/inert.js';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { startGitHubEmulator, type GitHubEmulator } from '../helpers/github-emulator.js';
import { AWKWARD, BASE_CONFIG, CORPUS, DEFAULT_FILES } from './corpus.js';
import {
  expectedMessage,
  materialize,
  pool,
  runCaseInAction,
  runCaseInCli,
  SECRET_MARKER,
  workflowCommands,
  type ActionResult,
  type HostileCase
} from './harness.js';

// No case asserts a time: a busy machine makes timings lie. Inputs that attack resources (bombs, huge lines,
// deep nesting) are bounded by the limits their messages name, which the cases assert;
// `npm run bench` measures speed.
const DEFAULTS = { config: BASE_CONFIG, files: DEFAULT_FILES };
/** Cases run side by side, one node process each: a core is left for Jest itself. */
const WIDTH = Math.max(1, Math.min(4, availableParallelism() - 1));
/** A stack frame, as V8 prints them (also inside a `::debug::` command, whose line breaks are %0A). */
const STACK_FRAME = /(?:\n|%0A)\s+at \S.*?:\d+:\d+/;

let api: GitHubEmulator;
beforeAll(async () => {
  api = await startGitHubEmulator();
});
afterAll(async () => {
  await api.close();
});

test('the corpus has unique names and no placeholder messages', () => {
  const names = CORPUS.map((c) => c.name);
  expect(new Set(names).size).toBe(names.length);
  for (const c of CORPUS) expect(c.message).not.toMatch(/^TODO$|^$/);
});

describe('every broken input through the bundled action: one sentence, gate_result=error, a failed step', () => {
  const results = new Map<string, ActionResult>();
  beforeAll(async () => {
    const runs = await pool(CORPUS, WIDTH, (c) => runCaseInAction(c, materialize(c, DEFAULTS), api.url));
    CORPUS.forEach((c, i) => results.set(c.name, runs[i]!));
  }, 180_000);

  test.each(CORPUS.map((c) => [c.name, c] as const))('%s', (_, c: HostileCase) => {
    const { run, m } = results.get(c.name)!;
    const message = expectedMessage(c, 'action', m);
    const errors = workflowCommands(run.stdout).filter((x) => x.command === 'error');
    // Mentions, references and links in the data are broken up (inertPlain); the rest is the sentence as is.
    expect(errors.map((e) => e.message)).toEqual([inertPlain(message)]);
    // The annotation points at the file, line and column the message names.
    const at = /^([^\s:]+):(\d+)(?::(\d+))?: /.exec(message);
    const expected = c.annotation ?? (at ? { file: at[1], line: Number(at[2]), col: at[3] ? Number(at[3]) : undefined } : undefined);
    if (expected) {
      const p = errors[0]!.properties;
      expect({ file: p.file, line: p.line && Number(p.line), col: p.col && Number(p.col) }).toEqual({
        file: expected.file,
        line: expected.line,
        col: expected.col
      });
    }
    expect(run.outputs.gate_result).toBe('error');
    expect(run.outputs.auto_merge).toBe('false');
    expect(run.outputs.summary).toBe(`error: ${oneLine(message)}`);
    expect(run.outputs.summary).not.toMatch(/\n/);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toBe('');
    const report = JSON.parse(readFileSync(run.outputs.report!, 'utf8'));
    expect(report).toMatchObject({ gate_result: 'error', error: message });
    // Nothing from outside the workspace, and no stack trace, reaches any output.
    for (const text of [run.stdout, run.summary]) {
      expect(text).not.toContain(SECRET_MARKER);
      expect(text).not.toContain('hunter2'); // file content around an offending value
      expect(text).not.toMatch(STACK_FRAME);
    }
  });
});

describe('every broken input through the CLI: exit 2 and the same sentence on stderr', () => {
  const cliCases = CORPUS.filter((c) => !c.actionOnly);
  test.each(cliCases.map((c) => [c.name, c] as const))('%s', async (_, c: HostileCase) => {
    const m = materialize(c, DEFAULTS);
    const r = await runCaseInCli(c, m);
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr: `model-gate: error: ${expectedMessage(c, 'cli', m)}\n`
    });
  });

  test('--json also prints the error report on stdout', async () => {
    const c = CORPUS.find((x) => x.name === 'a non-numeric score')!;
    const m = materialize(c, DEFAULTS);
    let stdout = '';
    const { main } = await import('../../src/cli/main.js');
    const code = await main(['--workspace', m.ws, '--json'], {
      stdout: (s) => (stdout += s),
      stderr: () => undefined,
      cwd: m.ws,
      now: () => new Date('2026-01-01T00:00:00Z'),
      tempDir: m.temp,
      env: {}
    });
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toEqual({
      gate_result: 'error',
      auto_merge: false,
      waived: false,
      generated_at: '2026-01-01T00:00:00.000Z',
      summary: `error: ${c.message}`,
      error: c.message
    });
  });
});

describe('awkward but valid files give exactly the verdict of plain ones (bundled action)', () => {
  type Verdict = { gate_result: string; test_set: unknown; checks: unknown[] };
  let plain: Verdict;
  const runs = new Map<string, { verdict: Verdict }>();
  const verdictOf = (reportFile: string): Verdict => {
    const r = JSON.parse(readFileSync(reportFile, 'utf8'));
    return { gate_result: r.gate_result, test_set: r.test_set, checks: r.checks };
  };
  beforeAll(async () => {
    const cases: HostileCase[] = [{ name: 'plain', message: '' }, ...AWKWARD.map((a) => ({ ...a, message: '' }))];
    const results = await pool(cases, WIDTH, (c) => runCaseInAction(c, materialize(c, DEFAULTS), api.url));
    cases.forEach((c, i) => {
      const { run } = results[i]!;
      expect(run.outputs.report).toBeDefined();
      runs.set(c.name, { verdict: verdictOf(run.outputs.report!) });
    });
    plain = runs.get('plain')!.verdict;
  }, 120_000);

  test('the plain files are evaluated', () => {
    expect(['pass', 'soft_fail', 'fail']).toContain(plain.gate_result);
    expect(plain.checks).toHaveLength(3);
    expect(plain.test_set).toMatchObject({ n: 24 });
  });

  test.each(AWKWARD.map((a) => [a.name] as const))('%s', (name) => {
    const r = runs.get(name)!;
    expect(r.verdict).toEqual(plain);
  });
});
