/**
 * Every shipped workflow (.github/workflows, examples/workflows) parses without errors with GitHub's own
 * workflow parser, uses only model-gate inputs and outputs that action.yml declares, and the deploy job's
 * `if:` (evaluated with GitHub's expression engine) lets the deploy run only for gate_result == 'pass'.
 */
import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import { truthy } from '@actions/expressions/result';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow, type WorkflowTemplate } from '@actions/workflow-parser';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { shouldFail, type FailOn } from '../../src/gate/fail-on.js';
import type { GateResult } from '../../src/core/report.js';
import { ROOT } from '../helpers/run-action.js';

const DIRS = ['.github/workflows', 'examples/workflows'];
const FILES = DIRS.flatMap((d) =>
  readdirSync(path.join(ROOT, d))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => `${d}/${f}`)
);

async function load(file: string): Promise<{ errors: string[]; template: WorkflowTemplate }> {
  const parsed = parseWorkflow({ name: file, content: readFileSync(path.join(ROOT, file), 'utf8') }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
  return { errors: [...errors, ...(template.errors ?? []).map((e) => e.Message)], template };
}

const action = parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
};

/** A JS value as expression data (objects become dictionaries). */
function toData(v: unknown): data.ExpressionData {
  if (v === null || v === undefined) return new data.Null();
  if (typeof v === 'string') return new data.StringData(v);
  if (typeof v === 'number') return new data.NumberData(v);
  if (typeof v === 'boolean') return new data.BooleanData(v);
  const d = new data.Dictionary();
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) d.add(k, toData(x));
  return d;
}

/**
 * Evaluates an `if:` (or any expression) as the runner would. Job conditions come out of the parser wrapped in
 * `success() && (…)` when they name no status function; `success()` here means every needed job succeeded.
 */
function evaluate(expression: string, context: Record<string, unknown>, needsSucceeded = true): boolean {
  const status = (name: string, value: boolean) => ({ name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(value) });
  const functions = [status('success', needsSucceeded), status('failure', !needsSucceeded), status('always', true), status('cancelled', false)];
  const lexed = new Lexer(expression).lex();
  const expr = new Parser(lexed.tokens, Object.keys(context), functions).parse();
  return truthy(new Evaluator(expr, toData(context) as data.Dictionary, new Map(functions.map((f) => [f.name, f]))).evaluate());
}

/** A `with:` value as the runner sees it: a literal, or `${{ … }}` evaluated in `context`. */
function withValue(raw: unknown, context: Record<string, unknown>): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  const m = /^\$\{\{([\s\S]*)\}\}$/.exec(String(raw).trim());
  if (!m) return String(raw);
  const expr = new Parser(new Lexer(m[1]).lex().tokens, Object.keys(context), []).parse();
  return new Evaluator(expr, toData(context) as data.Dictionary).evaluate().coerceString();
}

interface RawStep {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface RawWorkflow {
  jobs: Record<string, { steps?: RawStep[] }>;
}
const raw = (file: string) => parseYaml(readFileSync(path.join(ROOT, file), 'utf8')) as RawWorkflow;

test('the shipped workflows are the ones this test knows about', () => {
  expect(FILES.sort()).toEqual([
    '.github/workflows/ci.yml',
    'examples/workflows/canary-kserve.yml',
    'examples/workflows/fork-pr-gate.yml',
    'examples/workflows/fork-pr-predict.yml',
    'examples/workflows/train-gate-deploy.yml'
  ]);
});

test('the parser does report mistakes (so "no errors" below means something)', async () => {
  const parsed = parseWorkflow(
    { name: 'bad.yml', content: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "gate: ${{ needs.x }}"\n' },
    new NoOperationTraceWriter()
  );
  expect(parsed.context.errors.getErrors().map((e) => e.message).join('\n')).toMatch(/Nested mappings are not allowed/);
});

describe.each(FILES)('%s', (file) => {
  test('parses without errors', async () => {
    const { errors } = await load(file);
    expect(errors).toEqual([]);
  });

  test('uses only inputs that action.yml declares', () => {
    const gateSteps = Object.values(raw(file).jobs)
      .flatMap((j) => j.steps ?? [])
      .filter((st) => st.uses === './' || st.uses?.startsWith('model-gate/model-gate@'));
    expect(gateSteps.length > 0).toBe(file !== 'examples/workflows/fork-pr-predict.yml');
    for (const step of gateSteps) {
      for (const key of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(key);
    }
    // And every `steps.gate.outputs.X` it reads is an output of the action.
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    for (const m of text.matchAll(/steps\.gate\.outputs\.([\w-]+)/g)) expect(Object.keys(action.outputs)).toContain(m[1]);
  });
});

describe('the deploy job of the train → gate → deploy pipeline', () => {
  const results: GateResult[] = ['pass', 'soft_fail', 'fail', 'error'];
  const FILE = 'examples/workflows/train-gate-deploy.yml';
  const gateStep = () => raw(FILE).jobs.gate.steps!.find((st) => st.id === 'gate')!.with!;

  /** Whether the deploy job runs: the gate step's fail-on decides the gate job's result, then deploy's `if:`. */
  async function deploys(event: string, result: GateResult): Promise<boolean> {
    const { template } = await load(FILE);
    const github = { event_name: event };
    const failOn = (withValue(gateStep()['fail-on'], { github }) ?? 'never') as FailOn;
    const gateSucceeded = !shouldFail(result, failOn);
    const deploy = template.jobs.find((j) => j.id.value === 'deploy')!;
    expect(deploy.needs?.map((n) => n.value)).toEqual(['gate']);
    const context = { needs: { gate: { result: gateSucceeded ? 'success' : 'failure', outputs: { gate_result: result } } }, github };
    return evaluate(deploy.if.expression, context, gateSucceeded);
  }

  test.each(results)('gate_result=%s on a push to main: deploys only for pass', async (result) => {
    expect(await deploys('push', result)).toBe(result === 'pass');
  });

  test.each(results)('gate_result=%s on a pull request: never deploys', async (result) => {
    expect(await deploys('pull_request', result)).toBe(false);
  });

  test("the deploy condition alone (whatever the gate job's status) admits only pass", async () => {
    const { template } = await load(FILE);
    const deploy = template.jobs.find((j) => j.id.value === 'deploy')!;
    for (const result of results) {
      const context = { needs: { gate: { result: 'success', outputs: { gate_result: result } } }, github: { event_name: 'push' } };
      expect(evaluate(deploy.if.expression, context, true)).toBe(result === 'pass');
    }
  });

  test('on main, a run that does not deploy fails (so the latest successful run holds the champion); on PRs it does not', () => {
    expect(withValue(gateStep()['fail-on'], { github: { event_name: 'push' } })).toBe('soft_fail');
    expect(withValue(gateStep()['fail-on'], { github: { event_name: 'pull_request' } })).toBe('never');
    expect(gateStep()['champion-artifact']).toBe('champion-predictions');
    // The deploy job uploads what the next run's champion-artifact downloads.
    const upload = raw(FILE).jobs.deploy.steps!.find((st) => st.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.with?.name).toBe('champion-predictions');
  });

  test('the gate job passes gate_result on as a job output, from the gate step', () => {
    const text = readFileSync(path.join(ROOT, FILE), 'utf8');
    expect(text).toContain('gate_result: ${{ steps.gate.outputs.gate_result }}');
  });
});

describe('the example pipelines (examples/workflows)', () => {
  const EXAMPLES = FILES.filter((f) => f.startsWith('examples/'));
  interface FullStep extends RawStep {
    run?: string;
    env?: Record<string, string>;
  }
  interface FullJob {
    if?: string;
    needs?: string | string[];
    steps?: FullStep[];
    permissions?: Record<string, string>;
  }
  const jobs = (file: string) => (parseYaml(readFileSync(path.join(ROOT, file), 'utf8')) as { jobs: Record<string, FullJob> }).jobs;
  const steps = (file: string) => Object.values(jobs(file)).flatMap((j) => j.steps ?? []);

  /** The first major that runs on Node 24 by default, per action. */
  const NODE24: Record<string, number> = {
    'actions/checkout': 5,
    'actions/upload-artifact': 6,
    'actions/download-artifact': 7,
    'actions/create-github-app-token': 3
  };

  test.each(EXAMPLES)('%s: actions at their Node 24 majors; checkouts keep no credentials', (file) => {
    const used = steps(file).filter((st) => st.uses?.startsWith('actions/'));
    expect(used.length).toBeGreaterThan(0);
    for (const st of used) {
      const [name, ref] = st.uses!.split('@');
      expect(Object.keys(NODE24)).toContain(name);
      expect({ uses: st.uses, major: Number(/^v(\d+)/.exec(ref!)?.[1]) >= NODE24[name!]! }).toEqual({ uses: st.uses, major: true });
      if (name === 'actions/checkout') expect({ uses: st.uses, with: st.with?.['persist-credentials'] }).toEqual({ uses: st.uses, with: false });
      if (name === 'actions/upload-artifact') expect(Number(st.with?.['retention-days'])).toBeGreaterThan(0);
    }
  });

  test('fork-pr-gate: the champion comes from the deploying workflow through the trusted lookup, not a bare branch filter', () => {
    const file = 'examples/workflows/fork-pr-gate.yml';
    const gate = steps(file).find((st) => st.id === 'gate')!;
    expect(gate.with?.['champion-workflow']).toBe('train-gate-deploy.yml');
    expect(gate.with?.['champion-run-id']).toBeUndefined();
    // Any run lookup a user copies from the file filters the event and the head repository too.
    for (const st of steps(file)) expect(st.run ?? '').not.toMatch(/gh run list/);
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    for (const line of text.split('\n').filter((l) => /actions\/workflows\/.*\/runs/.test(l))) expect(line).toMatch(/event=push/);
    expect(text).toContain('select(.head_repository.full_name == ');
  });

  test('train-gate-deploy: auto-merge uses an App token (a GITHUB_TOKEN merge starts no push run, so nothing would deploy)', () => {
    const file = 'examples/workflows/train-gate-deploy.yml';
    const merge = jobs(file)['auto-merge']!;
    const app = merge.steps!.find((st) => st.uses?.startsWith('actions/create-github-app-token@'))!;
    expect(app.id).toBe('app-token');
    const run = merge.steps!.find((st) => st.run?.includes('gh pr merge'))!;
    expect(run.env?.GH_TOKEN).toBe('${{ steps.app-token.outputs.token }}');
    expect(readFileSync(path.join(ROOT, file), 'utf8')).not.toMatch(/GH_TOKEN: \$\{\{ github\.token \}\}/);
    // The push run can read the merged PR and its label events, so a waived PR's merge deploys.
    expect(jobs(file).gate!.permissions).toMatchObject({ actions: 'read', 'pull-requests': 'write', issues: 'read' });
  });

  test('train-gate-deploy: a manual seed-champion run uploads the champion (first run, expired artifact) and gates nothing', async () => {
    const file = 'examples/workflows/train-gate-deploy.yml';
    const { template } = await load(file);
    const job = (id: string) => template.jobs.find((j) => j.id.value === id)!;
    const runs = (id: string, github: Record<string, unknown>, inputs: Record<string, unknown>) => evaluate(job(id).if.expression, { github, inputs });
    const dispatch = { event_name: 'workflow_dispatch' };
    expect(runs('seed-champion', dispatch, { 'seed-champion': true })).toBe(true);
    expect(runs('train', dispatch, { 'seed-champion': true })).toBe(false);
    expect(runs('seed-champion', dispatch, { 'seed-champion': false })).toBe(false);
    expect(runs('train', dispatch, { 'seed-champion': false })).toBe(true);
    expect(runs('seed-champion', { event_name: 'push' }, {})).toBe(false);
    expect(runs('train', { event_name: 'push' }, {})).toBe(true);
    const upload = jobs(file)['seed-champion']!.steps!.find((st) => st.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.with?.name).toBe('champion-predictions');
  });
});

describe('the canary rollout workflow (KServe)', () => {
  const FILE = 'examples/workflows/canary-kserve.yml';
  const results = ['promote', 'continue', 'rollback', 'error'];

  test('runs on a schedule and asks the action for the canary stage with the weight and start read from the cluster', () => {
    const wf = parseYaml(readFileSync(path.join(ROOT, FILE), 'utf8')) as { on: { schedule: Array<{ cron: string }> } };
    expect(wf.on.schedule[0]!.cron).toBe('*/10 * * * *');
    const gate = raw(FILE).jobs.decide.steps!.find((st) => st.id === 'gate')!.with!;
    const state = { steps: { state: { outputs: { weight: '25', since: '2026-11-30T10:00:00Z' } } } };
    expect(withValue(gate.stage, state)).toBe('canary');
    expect(withValue(gate['canary-weight'], state)).toBe('25');
    expect(withValue(gate['canary-since'], state)).toBe('2026-11-30T10:00:00Z');
  });

  test('the decision step runs only while a rollout is in progress', async () => {
    const { template } = await load(FILE);
    const job = template.jobs.find((j) => j.id.value === 'decide') as unknown as { steps: Array<{ id: string; if: { expression: string } }> };
    const steps = job.steps;
    const gate = steps.find((st) => st.id === 'gate')!;
    for (const [weight, runs] of [['', false], ['0', false], ['5', true], ['50', true], ['100', false]] as const) {
      expect(evaluate(gate.if.expression, { steps: { state: { outputs: { weight } } } })).toBe(runs);
    }
  });

  test.each(results)('canary_result=%s: kubectl applies the decision only for promote and rollback', async (result) => {
    const { template } = await load(FILE);
    const apply = template.jobs.find((j) => j.id.value === 'apply')!;
    expect(apply.needs?.map((n) => n.value)).toEqual(['decide']);
    const context = { needs: { decide: { result: 'success', outputs: { canary_result: result, next_weight: '50' } } } };
    expect(evaluate(apply.if.expression, context)).toBe(result === 'promote' || result === 'rollback');
  });

  test('the patch sets canaryTrafficPercent to next_weight and restarts the step clock', () => {
    const step = raw(FILE).jobs.apply.steps!.find((st) => (st as { name?: string }).name?.startsWith('Set canaryTrafficPercent'))! as RawStep & {
      env: Record<string, string>;
      run: string;
    };
    const needs = { needs: { decide: { outputs: { canary_result: 'rollback', next_weight: '0' } } } };
    expect(withValue(step.env.WEIGHT, needs)).toBe('0');
    expect(step.run).toContain('kubectl patch inferenceservice');
    expect(step.run).toContain('canaryTrafficPercent\\":$WEIGHT');
    expect(step.run).toContain('model-gate-canary-since=');
    const text = readFileSync(path.join(ROOT, FILE), 'utf8');
    expect(text).toContain('{.metadata.annotations.model-gate-canary-since}');
  });
});
