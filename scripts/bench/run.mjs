// `npm run bench`: the gate against the bare floor of reading the same files, at 1M rows (.csv) and
// 10M rows (.csv.gz), with f1, roc_auc, log_loss, accuracy, recall and two segment checks at B = 10,000.
// Each measurement is a fresh process timed by /usr/bin/time (wall seconds and peak RSS). Targets (issue 6):
// 1M rows ≤ 2× the floor's time and ≤ 512 MiB; 10M rows .csv.gz ≤ 60 s and ≤ 2 GiB.
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

/** Runs a command in a fresh process; returns wall seconds and peak RSS in MiB (from GNU time). */
function measure(cmd, cmdArgs) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...cmdArgs], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  const last = r.stderr.trim().split('\n').pop();
  const [secs, kb] = last.split(' ').map(Number);
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${cmdArgs.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return { seconds: secs, mib: kb / 1024, stdout: r.stdout };
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
  const gate = [];
  for (let r = 0; r < runs; r++) {
    floor.push(measure(process.execPath, ['--max-old-space-size=8192', 'scripts/bench/floor.mjs', ...files]));
    gate.push(
      measure(process.execPath, [
        'dist/cli/index.js', '--config', path.join(DIR, 'gate.yml'), '--candidate', files[0], '--champion', files[1]
      ])
    );
  }
  const f = best(floor, 'seconds');
  const g = best(gate, 'seconds');
  const peak = Math.max(...gate.map((x) => x.mib));
  rows.push({ n, ext, floor: f, gate: g, peak, verdict: g.stdout.split('\n')[0] });
}

const pad = (s, w) => String(s).padStart(w);
console.log(`\nmodel-gate benchmark (best of ${runs}; node ${process.version}; ${process.arch})`);
console.log('rows        file     floor s  floor MiB  gate s  gate MiB  ratio  target');
for (const r of rows) {
  const ratio = r.gate.seconds / r.floor.seconds;
  const target =
    r.n >= 10_000_000
      ? `${r.gate.seconds <= 60 && r.peak <= 2048 ? 'ok' : 'MISSED'} (≤ 60 s, ≤ 2048 MiB)`
      : `${ratio <= 2 && r.peak <= 512 ? 'ok' : 'MISSED'} (≤ 2×, ≤ 512 MiB)`;
  console.log(
    `${pad(r.n, 10)}  ${r.ext.padEnd(7)}${pad(r.floor.seconds.toFixed(2), 8)}${pad(r.floor.mib.toFixed(0), 11)}` +
      `${pad(r.gate.seconds.toFixed(2), 8)}${pad(r.peak.toFixed(0), 10)}${pad(ratio.toFixed(2), 7)}  ${target}`
  );
}
for (const r of rows) console.log(`  ${r.n}: ${r.verdict}`);
