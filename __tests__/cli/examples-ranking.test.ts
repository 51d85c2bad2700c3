/**
 * The ranking and LLM-eval examples (examples/ranking, examples/llm-eval) through the bundled CLI, as a user runs
 * them after `npm run package` (like the binary example's demo test in cli.test.ts).
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from '../helpers/run-action.js';

function bundled(config: string) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli/index.js'), '--config', config, '--json'], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

test('examples/ranking: per-query metrics on 1000 users × 20 items, the cold-start segment, n = queries', () => {
  const report = bundled('examples/ranking/model-gate.yml');
  expect(report.settings.task).toBe('ranking');
  expect(report.test_set).toMatchObject({ n: 1000, rows: 20000 });
  expect(report.gate_result).toBe('pass');
  const checks = report.checks.map((c: Record<string, unknown>) => [c.gate, c.metric, c.segment, c.ci_method, c.status]);
  expect(checks).toEqual([
    ['performance', 'ndcg@10', null, 'paired-normal', 'pass'],
    ['performance', 'recall@10', null, 'paired-normal', 'pass'],
    ['performance', 'mrr@10', null, 'paired-normal', 'pass'],
    ['performance', 'map@10', null, 'paired-normal', 'pass'],
    ['performance', 'precision@5', null, 'paired-normal', 'pass'],
    ['segments', 'ndcg@10', 'cold_users', 'paired-normal', 'pass']
  ]);
  // The cold users are a quarter of the queries, selected by the query-level column `cold`.
  const cold = report.checks[5];
  expect(cold.n).toBeGreaterThan(200);
  expect(cold.n).toBeLessThan(300);
  for (const c of report.checks) expect(c.n).toBeLessThanOrEqual(1000);
});

test('examples/llm-eval: repeated samples averaged per prompt, n = prompts, rows per model', () => {
  const report = bundled('examples/llm-eval/model-gate.yml');
  expect(report.settings.task).toBe('score');
  expect(report.test_set).toMatchObject({ n: 600, rows: { candidate: 1800, champion: 1200 } });
  expect(report.checks.map((c: Record<string, unknown>) => [c.metric, c.segment, c.n, c.ci_method])).toEqual([
    ['mean_score', null, 600, 'paired-normal'],
    ['pass_rate', null, 600, 'paired-normal'],
    ['pass_rate', 'math', 200, 'paired-normal']
  ]);
  expect(report.checks[0].delta).toBeGreaterThan(0);
});
