/**
 * Every Prometheus rule file the docs ship — the example files under examples/ and every YAML block of the
 * docs that holds `groups:` — passes the real `promtool check rules` (Debian package `prometheus`), so what
 * the observability gate accepts is what Prometheus loads. The gate's own reader must accept them too.
 *
 * Without promtool the test is skipped with a warning, but only outside CI: CI installs it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseRuleFile } from '../../src/readers/artifacts/alert-rules.js';
import { ROOT } from '../helpers/run-action.js';

const PROMTOOL = ['/usr/bin/promtool', ...(process.env.PATH ?? '').split(':').map((d) => path.join(d, 'promtool'))].find((p) => existsSync(p));

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]
  );
}

/** Rule files under examples/, and YAML blocks with `groups:` in docs/*.md written to temporary files. */
function shippedRuleFiles(): { shown: string; file: string }[] {
  const files = walk(path.join(ROOT, 'examples'))
    .filter((f) => /\.rules\.ya?ml$/.test(f))
    .map((f) => ({ shown: path.relative(ROOT, f), file: f }));
  const tmp = mkdtempSync(path.join(tmpdir(), 'mg-promtool-'));
  for (const doc of readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md'))) {
    const text = readFileSync(path.join(ROOT, 'docs', doc), 'utf8');
    let k = 0;
    for (const m of text.matchAll(/```ya?ml\n([\s\S]*?)```/g)) {
      if (!/^groups:/m.test(m[1])) continue;
      const file = path.join(tmp, `${doc}.${++k}.rules.yml`);
      writeFileSync(file, m[1]);
      files.push({ shown: `docs/${doc} (rule block ${k})`, file });
    }
  }
  return files;
}

const files = shippedRuleFiles();

test('the docs ship rule files: the two examples at least', () => {
  expect(files.map((f) => f.shown)).toEqual(
    expect.arrayContaining(['examples/release-gates/observability/slo.rules.yml', 'examples/release-gates/observability/model.rules.yml'])
  );
});

if (!PROMTOOL && !process.env.CI) {
  test.skip('promtool check rules (promtool is not installed: apt-get install prometheus)', () => undefined);
  console.warn('SKIPPED: promtool is not installed, so the shipped rule files were not checked with `promtool check rules`.');
} else {
  test.each(files)('promtool check rules $shown', ({ file }) => {
    if (!PROMTOOL) throw new Error('promtool is not installed, and CI must check the rule files with it (apt-get install prometheus)');
    const r = spawnSync(PROMTOOL, ['check', 'rules', file], { encoding: 'utf8' });
    expect({ status: r.status, out: `${r.stdout}${r.stderr}` }).toEqual({ status: 0, out: expect.stringContaining('SUCCESS') });
  });
}

test.each(files)("the gate's reader accepts $shown", ({ file, shown }) => {
  const facts = parseRuleFile(readFileSync(file, 'utf8'), shown);
  expect(facts.alerts.length + facts.records).toBeGreaterThan(0);
});

test('promtool rejects what the gate rejects: a rule file that is not YAML', () => {
  if (!PROMTOOL) return;
  const tmp = mkdtempSync(path.join(tmpdir(), 'mg-promtool-bad-'));
  const bad = path.join(tmp, 'bad.rules.yml');
  writeFileSync(bad, 'groups:\n  - name: x\n    rules: [\n');
  expect(spawnSync(PROMTOOL, ['check', 'rules', bad], { encoding: 'utf8' }).status).not.toBe(0);
  expect(() => parseRuleFile('groups:\n  - name: x\n    rules: [\n', 'bad.rules.yml')).toThrow(/^bad\.rules\.yml:\d+: not valid YAML/);
});
