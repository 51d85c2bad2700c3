// What score bins cost roc_auc, measured (docs/counts.md): the benchmark's synthetic rows (scripts/bench/generate.mjs,
// 20 % positives, two correlated models) are turned into counts files by the DuckDB recipe (docs/sql/counts.duckdb.sql)
// at several bin counts, and the gate runs on the rows and on each counts file with the same roc_auc check. Prints,
// per input: counts rows, the AUCs, |AUC_counts − AUC_rows|, the bound the report gives (½ · tied-pair share), Δ with
// its interval, and the gate's wall time, CPU time and peak RSS (GNU time).
// Usage: node scripts/counts/binning.mjs [--rows 1000000] [--bins 100,1000,10000]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { generate } from '../bench/generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIR = path.join(ROOT, '.bench');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const n = Number(opt('rows', '1000000'));
const binCounts = opt('bins', '100,1000,10000').split(',').map(Number);

const config = (input) => `version: 1
task: binary
artifacts:
${input}
gates:
  performance:
    primary_metric: roc_auc
    absolute_drop_allowed: 0.005
`;

function gate(name, input) {
  const file = path.join(DIR, name);
  writeFileSync(file, config(input));
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, 'dist/cli/index.js', '--config', path.relative(ROOT, file), '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`gate on ${name} failed (${r.status}):\n${r.stderr}`);
  const [wall, user, sys, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  const check = JSON.parse(r.stdout).checks.find((c) => c.metric === 'roc_auc');
  return { check, wall, cpu: user + sys, mib: kb / 1024 };
}

mkdirSync(DIR, { recursive: true });
const prefix = path.join(DIR, `n${n}-`);
if (!existsSync(`${prefix}champion.csv`)) await generate(n, prefix);
const recipe = readFileSync(path.join(ROOT, 'docs/sql/counts.duckdb.sql'), 'utf8');
const [guard, query] = recipe.split(/;\s*\n/).map((s) => s.replace(/^\s*--.*$/gm, '').trim()).filter(Boolean);
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
for (const which of ['candidate', 'champion']) {
  await con.run(
    `CREATE VIEW ${which} AS SELECT * FROM read_csv('${prefix}${which}.csv', header = true, columns = {'id': 'VARCHAR', 'label': 'INTEGER', 'score': 'DOUBLE', 'segment': 'VARCHAR'})`
  );
}
await con.run(guard);
for (const bins of binCounts) {
  const out = `${prefix}counts-${bins}.csv`;
  if (!existsSync(out)) await con.run(`COPY (${query.replace('1000 AS bins', `${bins} AS bins`)}) TO '${out}' (HEADER, DELIMITER ',')`);
}
con.closeSync();

const rel = (f) => path.relative(ROOT, f);
const rows = gate('binning-rows.yml', `  candidate: ${rel(`${prefix}candidate.csv`)}\n  champion: ${rel(`${prefix}champion.csv`)}`);
const e = (x) => x.toExponential(2);
const f = (x) => x.toFixed(6);
console.log(`${n} rows (scripts/bench/generate.mjs), node ${process.version}`);
console.log('input          counts rows  MiB   AUC cand   AUC champ  |Δ cand|  |Δ champ|  bound cand  bound champ  Δ [95% CI]                       wall s  CPU s  peak MiB');
const line = (name, r, countsRows, mib, diffs, bound) =>
  console.log(
    `${name.padEnd(14)} ${String(countsRows).padStart(11)} ${mib.padStart(5)}  ${f(r.check.candidate)}  ${f(r.check.champion)}  ${diffs[0].padStart(8)}  ${diffs[1].padStart(9)}  ${bound[0].padStart(10)}  ${bound[1].padStart(11)}  ` +
      `${f(r.check.delta)} [${f(r.check.ci_low)}, ${f(r.check.ci_high)}]  ${r.wall.toFixed(2).padStart(6)} ${r.cpu.toFixed(2).padStart(6)} ${r.mib.toFixed(0).padStart(9)}`
  );
line('rows', rows, '–', (statSync(`${prefix}candidate.csv`).size / 2 ** 20 * 2).toFixed(0), ['–', '–'], ['–', '–']);
for (const bins of binCounts) {
  const file = `${prefix}counts-${bins}.csv`;
  const r = gate(`binning-${bins}.yml`, `  counts: ${rel(file)}`);
  const d = r.check.details.max_binning_error;
  const countsRows = readFileSync(file, 'utf8').split('\n').length - 2;
  line(
    `${bins} bins`,
    r,
    countsRows,
    (statSync(file).size / 2 ** 20).toFixed(1),
    [e(Math.abs(r.check.candidate - rows.check.candidate)), e(Math.abs(r.check.champion - rows.check.champion))],
    [e(d.candidate), e(d.champion)]
  );
}
