/** The whole CLI on multiclass and regression predictions files (issue 3): config → readers → engine → report. */
import { cli, workspace as workspaceOf } from '../helpers/cli.js';
import { EXIT } from '../../src/cli/main.js';

const workspace = (files: Record<string, string | Buffer>) => workspaceOf(files, 'mg-tasks-');

const CLASSES = ['cat', 'dog', 'eel'];

function multiclassRows(n: number, wrongEvery: number, shift: number): string {
  const lines = [`id,label,prediction,${CLASSES.map((c) => `proba_${c}`).join(',')}`];
  for (let i = 0; i < n; i++) {
    const y = i % 3;
    const p = (i + shift) % wrongEvery === 0 ? (y + 1) % 3 : y;
    const proba = CLASSES.map((_, j) => (j === p ? 0.6 : 0.2));
    lines.push(`r${i},${CLASSES[y]},${CLASSES[p]},${proba.join(',')}`);
  }
  return lines.join('\n') + '\n';
}

test('multiclass: macro_f1 with the cells bootstrap and log_loss with the tilted score interval', async () => {
  const dir = workspace({
    'c.csv': multiclassRows(1200, 6, 0),
    'h.csv': multiclassRows(1200, 5, 1),
    'g.yml':
      'version: 1\ntask: multiclass\nartifacts: { candidate: c.csv, champion: h.csv }\n' +
      'gates:\n  performance:\n    primary_metric: macro_f1\n    absolute_drop_allowed: 0.02\n' +
      '    metrics:\n      - { metric: log_loss, relative_drop_allowed: 0.05 }\n      - { metric: accuracy, absolute_drop_allowed: 0.02 }\n' +
      '  ci: { resamples: 2000 }\n'
  });
  const r = await cli(['-c', 'g.yml', '--json'], dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(EXIT.ok);
  const report = JSON.parse(r.stdout);
  expect(report.checks.map((c: { metric: string; ci_method: string; status: string }) => [c.metric, c.ci_method, c.status])).toEqual([
    ['macro_f1', 'bootstrap-cells', 'pass'],
    ['log_loss', 'tilted-score', 'pass'],
    ['accuracy', 'tango', 'pass']
  ]);
  expect(report.checks[2].candidate).toBeCloseTo(750 / 900, 12);
  for (const c of report.checks) expect(c.mde).toBeGreaterThan(0);
  expect(report.test_set.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
});

test('multiclass: a label without a probability column stops the gate with file, line and column', async () => {
  const dir = workspace({
    'c.csv': 'id,label,proba_cat,proba_dog\n1,cat,0.6,0.4\n2,eel,0.5,0.5\n',
    'g.yml': 'version: 1\ntask: multiclass\nartifacts: { candidate: c.csv }\ngates: { performance: { primary_metric: log_loss, max_value: 1 } }\n'
  });
  const r = await cli(['-c', 'g.yml'], dir);
  expect(r.code).toBe(EXIT.error);
  expect(r.stderr).toContain('c.csv line 3, column "label": the label "eel" has no probability column "proba_eel"');
});

test('regression: rmse by the tilted delta-method influence, mape counting the zero labels it leaves out', async () => {
  const rows = (noise: number) =>
    'id,label,prediction\n' +
    Array.from({ length: 600 }, (_, i) => {
      const y = i % 20 === 0 ? 0 : 5 + (i % 7);
      return `${i},${y},${y + noise * (((i * 37) % 11) - 5) / 5}`;
    }).join('\n');
  const dir = workspace({
    'c.csv': rows(0.5),
    'h.csv': rows(0.6),
    'g.yml':
      'version: 1\ntask: regression\nartifacts: { candidate: c.csv, champion: h.csv }\n' +
      'gates:\n  performance:\n    primary_metric: rmse\n    relative_drop_allowed: 0.05\n    metrics:\n      - { metric: mape, absolute_drop_allowed: 0.01, max_value: 0.2 }\n      - { metric: r2, absolute_drop_allowed: 0.01 }\n'
  });
  const r = await cli(['-c', 'g.yml', '--json'], dir);
  expect(r.stderr).toBe('');
  const report = JSON.parse(r.stdout);
  const byMetric = (m: string) => report.checks.filter((c: { metric: string }) => c.metric === m);
  expect(byMetric('rmse')[0].ci_method).toBe('tilted-score');
  expect(byMetric('r2')[0].ci_method).toBe('tilted-score');
  for (const c of byMetric('mape')) expect(c.message).toContain('mape leaves out the 30 of 600 rows whose label is 0');
  expect(report.gate_result).toBe('pass');
});

test('multiclass: the report does not depend on the order of the rows (nor of the classes they first show)', async () => {
  const rows = (wrongEvery: number) =>
    Array.from({ length: 600 }, (_, i) => {
      const y = CLASSES[(i * 7) % 3]!;
      const p = i % wrongEvery === 0 ? CLASSES[(i + 1) % 3]! : y;
      return `r${i},${y},${p}`;
    });
  const file = (lines: string[]) => 'id,label,prediction\n' + lines.join('\n') + '\n';
  const config =
    'version: 1\ntask: multiclass\nartifacts: { candidate: c.csv, champion: h.csv }\n' +
    'gates:\n  performance:\n    primary_metric: macro_f1\n    absolute_drop_allowed: 0.02\n  ci: { resamples: 500 }\n';
  const c = rows(7);
  const h = rows(5);
  const asWritten = workspace({ 'c.csv': file(c), 'h.csv': file(h), 'g.yml': config });
  // Reversed, the files meet the classes in another order.
  const reversed = workspace({ 'c.csv': file([...c].reverse()), 'h.csv': file([...h].reverse()), 'g.yml': config });
  const a = await cli(['-c', 'g.yml', '--json'], asWritten);
  const b = await cli(['-c', 'g.yml', '--json'], reversed);
  expect(a.code).toBe(EXIT.ok);
  expect(JSON.parse(a.stdout).checks[0].ci_method).toBe('bootstrap-cells');
  // release_id hashes the files' bytes, which differ; everything computed from them must not.
  const { release_id: _a, ...ra } = JSON.parse(a.stdout);
  const { release_id: _b, ...rb } = JSON.parse(b.stdout);
  expect(rb).toEqual(ra);
});
