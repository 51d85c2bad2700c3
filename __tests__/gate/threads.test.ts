/**
 * The bundled CLI reads the champion's predictions in a worker thread while it reads the candidate's
 * (gate/read-worker.ts); MODEL_GATE_THREADS=1 reads both on one thread. Every output — the report, the release
 * card's digests of the bytes read, every error message with its line numbers — must be the same either way.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../helpers/run-action.js';

const CONFIG = `version: 1
task: binary
artifacts: { candidate: candidate.csv, champion: champion.csv }
positive_label: "yes"
gates:
  performance:
    primary_metric: f1
    absolute_drop_allowed: 0.05
    metrics:
      - { metric: roc_auc, absolute_drop_allowed: 0.05 }
      - { metric: log_loss, relative_drop_allowed: 0.1 }
  segments:
    - { name: mobile, metric: recall, absolute_drop_allowed: 0.1 }
  ci: { resamples: 2000, seed: 7, min_eval_samples: 10 }
`;

/** Ids with quotes, commas, line breaks, non-ASCII (é, U+E000, an astral emoji) and plain ones. */
function ids(n: number): string[] {
  const odd = ['a,b', 'say "hi"', 'two\nlines', 'é', '\uE000x', '😀x', ' padded '];
  return Array.from({ length: n }, (_, i) => (i < odd.length ? odd[i]! : `u${(i * 7919) % 100003}`));
}

const csvField = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

interface Row {
  id: string;
  label: string;
  score: number;
  segment: string;
}

function rows(n: number, shift: number): Row[] {
  return ids(n).map((id, i) => ({
    id,
    label: i % 3 === 0 ? 'yes' : 'no',
    score: Number((((i * 37 + shift) % 100) / 100 + (i % 3 === 0 ? 0.2 : 0)).toFixed(2)) / 1.2,
    segment: i % 4 === 0 ? 'mobile' : 'web'
  }));
}

function csv(list: Row[], eol = '\n', bom = false): string {
  const body = list.map((r) => [r.id, r.label, String(r.score), r.segment].map(csvField).join(',')).join(eol);
  return `${bom ? '\uFEFF' : ''}id,label,score,segment${eol}${body}${eol}`;
}

const jsonl = (list: Row[]) => list.map((r) => JSON.stringify(r)).join('\n') + '\n';

/** Runs the bundled CLI on `files` in a fresh directory with MODEL_GATE_THREADS=threads. */
function run(files: Record<string, string | Buffer>, args: string[], threads: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'model-gate-threads-'));
  try {
    writeFileSync(path.join(dir, 'model-gate.yml'), CONFIG);
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), content);
    }
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli/index.js'), '--config', 'model-gate.yml', '--json', '--report', 'out/report.json', ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: dir, MODEL_GATE_THREADS: String(threads) }
    });
    const read = (f: string) => {
      try {
        return readFileSync(path.join(dir, f), 'utf8');
      } catch {
        return null;
      }
    };
    // The run's clock is the only thing allowed to differ.
    const clock = (s: string | null) => s?.replace(/"generated_at": "[^"]*"/g, '"generated_at": "…"');
    return { status: r.status, stdout: clock(r.stdout), stderr: r.stderr, report: clock(read('out/report.json')), card: clock(read('out/release-card.json')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function same(files: Record<string, string | Buffer>, args: string[] = []) {
  const one = run(files, args, 1);
  const two = run(files, args, 2);
  expect(two).toEqual(one);
  return one;
}

const N = 400;
const cand = rows(N, 0);
const champ = rows(N, 13);
const reversed = [...champ].reverse();

describe('reading on two threads gives what one thread gives', () => {
  test('a passing run: CSV with quoted fields, the champion as CRLF with a BOM in another row order', () => {
    const r = same({ 'candidate.csv': csv(cand), 'champion.csv': csv(reversed, '\r\n', true) });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout!);
    expect(report.test_set.n).toBe(N);
    expect(JSON.parse(r.card!).artifacts.some((a: { role: string; sha256: string }) => a.role === 'candidate' && /^[0-9a-f]{64}$/.test(a.sha256))).toBe(true);
  });

  test('gzip and JSON Lines', () => {
    const r = same(
      { 'c.csv.gz': gzipSync(Buffer.from(csv(cand))), 'h.jsonl': jsonl(reversed) },
      ['--candidate', 'c.csv.gz', '--champion', 'h.jsonl']
    );
    expect(r.status).toBe(0);
  });

  test('duplicate ids in the candidate, with their line numbers', () => {
    const dup = [...cand.slice(0, 50), { ...cand[20]! }, ...cand.slice(50)];
    const r = same({ 'candidate.csv': csv(dup), 'champion.csv': csv(champ) });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('candidate candidate.csv has 1 duplicate id');
    expect(r.stderr).toMatch(/is on lines 23 and 53/);
  });

  test('labels that disagree: lines found again in both files', () => {
    const relabelled = champ.map((r, i) => (i === 123 ? { ...r, label: r.label === 'yes' ? 'no' : 'yes' } : r));
    const r = same({ 'candidate.csv': csv(cand), 'champion.csv': csv([...relabelled].reverse()) });
    expect(r.stderr).toContain('disagree on the label of 1 id');
    expect(r.stderr).toMatch(/at candidate\.csv line \d+ but \w+ at champion\.csv line \d+/);
  });

  test('ids in one file only', () => {
    const r = same({ 'candidate.csv': csv(cand.slice(1)), 'champion.csv': csv(champ.slice(0, N - 1)) });
    expect(r.stderr).toContain('do not cover the same test set');
  });

  test('a bad candidate and a missing champion: the candidate error comes first', () => {
    const bad = csv(cand).replace('\nu', '\nu-x,yes,oops,web\nu');
    const r = same({ 'candidate.csv': bad }, []);
    expect(r.stderr).toContain('is not a number');
    expect(r.stderr).not.toContain('champion');
  });

  test('a good candidate and a bad champion (read by the worker)', () => {
    const bad = csv(champ).replace('\nu', '\nu-x,yes,0.5,web,extra\nu');
    const r = same({ 'candidate.csv': csv(cand), 'champion.csv': bad });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('champion.csv line');
    expect(r.stderr).toContain('has 5 fields but the header has 4');
  });

  test('a good candidate and a missing champion', () => {
    const r = same({ 'candidate.csv': csv(cand) });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('champion.csv');
  });

  test('a candidate that is not gzip', () => {
    const r = same({ 'c.csv.gz': csv(cand), 'champion.csv': csv(champ) }, ['--candidate', 'c.csv.gz']);
    expect(r.stderr).toContain('is not a valid gzip file');
  });
});
