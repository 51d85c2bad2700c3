// `npm run bench`: the gate against two floors of reading the same files, at 1M rows (.csv) and 10M rows
// (.csv.gz), with f1, roc_auc, log_loss, accuracy, recall and two segment checks at B = 10,000. The floors:
// floor.mjs (naive: strings and a Map) and floor-bytes.mjs (bytes, an id arena and a hash join, with the gate's
// checks). Each measurement is a fresh process timed by /usr/bin/time (wall and CPU seconds, peak RSS). Targets
// (issue 14): 1M rows ≤ 2× the byte floor's wall time and ≤ 512 MiB; 10M rows .csv.gz ≤ 2× and ≤ 1 GiB.
// Usage: node scripts/bench/run.mjs [--sizes 1000000,10000000] [--runs 3]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIR = path.join(ROOT, '.bench');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const sizes = opt('sizes', '1000000,10000000').split(',').map(Number);
const runs = Number(opt('runs', '3'));

const CONFIG = `version: 1
task: binary
gates:
  performance:
    primary_metric: f1
    absolute_drop_allowed: 0.01
    metrics:
      - { metric: roc_auc, absolute_drop_allowed: 0.005 }
      - { metric: log_loss, relative_drop_allowed: 0.02 }
      - { metric: accuracy, absolute_drop_allowed: 0.01 }
      - { metric: recall, absolute_drop_allowed: 0.02 }
  segments:
    - { name: new_users, metric: recall, absolute_drop_allowed: 0.02 }
    - { name: mobile, metric: f1, absolute_drop_allowed: 0.02 }
  ci:
    resamples: 10000
    seed: 42
`;

/** Runs a command in a fresh process; returns wall and CPU (user + system) seconds and peak RSS in MiB (GNU time). */
function measure(cmd, cmdArgs, okStatus = [0, 1]) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', cmd, ...cmdArgs], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  const last = r.stderr.trim().split('\n').pop();
  const [secs, user, sys, kb] = last.split(' ').map(Number);
  if (!okStatus.includes(r.status)) throw new Error(`${cmd} ${cmdArgs.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return { seconds: secs, cpu: user + sys, mib: kb / 1024, stdout: r.stdout };
}

function best(xs, key) {
  return xs.reduce((a, b) => (b[key] < a[key] ? b : a));
}

mkdirSync(DIR, { recursive: true });
writeFileSync(path.join(DIR, 'gate.yml'), CONFIG);
if (!existsSync(path.join(ROOT, 'dist/cli/index.js'))) execFileSync('npm', ['run', 'package'], { cwd: ROOT, stdio: 'inherit' });

const rows = [];
for (const n of sizes) {
  const gzip = n >= 10_000_000;
  const prefix = path.join(DIR, `n${n}-`);
  const ext = gzip ? 'csv.gz' : 'csv';
  if (!existsSync(`${prefix}champion.${ext}`)) {
    process.stderr.write(`generating ${n} rows (${ext})…\n`);
    await generate(n, prefix, { gzip });
  }
  const files = [`${prefix}candidate.${ext}`, `${prefix}champion.${ext}`];
  const floor = [];
  const bytes = [];
  const gate = [];
  for (let r = 0; r < runs; r++) {
    floor.push(measure(process.execPath, ['--max-old-space-size=8192', 'scripts/bench/floor.mjs', ...files]));
    bytes.push(measure(process.execPath, ['scripts/bench/floor-bytes.mjs', ...files], [0]));
    gate.push(
      measure(process.execPath, [
        'dist/cli/index.js', '--config', path.join(DIR, 'gate.yml'), '--candidate', files[0], '--champion', files[1]
      ])
    );
  }
  const summary = (xs) => ({
    seconds: Math.min(...xs.map((x) => x.seconds)),
    cpu: Math.min(...xs.map((x) => x.cpu)),
    mib: Math.max(...xs.map((x) => x.mib))
  });
  const g = best(gate, 'seconds');
  rows.push({ n, ext, floor: summary(floor), bytes: summary(bytes), gate: summary(gate), verdict: g.stdout.split('\n')[0] });
}

const pad = (s, w) => String(s).padStart(w);
const f2 = (x) => x.toFixed(2);
console.log(`\nmodel-gate benchmark (best of ${runs} for wall and CPU seconds, largest peak RSS; node ${process.version}; ${process.arch})`);
console.log('rows        file    program        wall s   CPU s   peak MiB');
for (const r of rows) {
  for (const [name, m] of [['floor', r.floor], ['byte floor', r.bytes], ['gate', r.gate]]) {
    console.log(`${pad(r.n, 10)}  ${r.ext.padEnd(7)} ${name.padEnd(12)}${pad(f2(m.seconds), 9)}${pad(f2(m.cpu), 8)}${pad(m.mib.toFixed(0), 11)}`);
  }
}
console.log('\nrows        file    gate/floor wall  CPU   gate/byte floor wall  CPU   target (issue 14: ≤ 2× byte floor wall)');
for (const r of rows) {
  const wf = r.gate.seconds / r.floor.seconds;
  const cf = r.gate.cpu / r.floor.cpu;
  const wb = r.gate.seconds / r.bytes.seconds;
  const cb = r.gate.cpu / r.bytes.cpu;
  const cap = r.n >= 10_000_000 ? 1024 : 512;
  const target = `${wb <= 2 && r.gate.mib <= cap ? 'ok' : 'MISSED'} (≤ 2×, ≤ ${cap} MiB)`;
  console.log(`${pad(r.n, 10)}  ${r.ext.padEnd(7)}${pad(f2(wf), 16)}${pad(f2(cf), 6)}${pad(f2(wb), 26)}${pad(f2(cb), 6)}   ${target}`);
}
for (const r of rows) console.log(`  ${r.n}: ${r.verdict}`);
