// The byte-level floor: what a careful JavaScript reader needs for the same work as the gate's reading and join.
// Both files are scanned as bytes (gunzip for `.gz`): the header names the id, label and score columns; ids are
// copied into one byte arena with offsets, labels and scores parsed from bytes. The candidate's ids go into an
// open-addressing hash table (FNV-1a over the bytes); the champion's rows are joined through it. The same checks
// as the gate: unique ids in each file, the same id set, labels agree. No statistics. Prints JSON timings; exits 1
// when a check fails.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

const COMMA = 44;
const NL = 10;
const CR = 13;

/** Exact decimal parse of bytes [s, e): digits with at most one point and ≤ 15 significant digits; else Number(). */
function parseNumber(b, s, e) {
  let i = s;
  let neg = false;
  if (b[i] === 45) {
    neg = true;
    i++;
  }
  let mant = 0;
  let digits = 0;
  let any = false;
  let frac = -1;
  for (; i < e; i++) {
    const c = b[i];
    if (c >= 48 && c <= 57) {
      mant = mant * 10 + (c - 48);
      any = true;
      if (mant !== 0) digits++;
      if (frac >= 0) frac++;
    } else if (c === 46 && frac < 0) frac = 0;
    else return Number(b.toString('latin1', s, e));
  }
  if (digits > 15 || frac > 22 || !any) return Number(b.toString('latin1', s, e));
  const v = frac > 0 ? mant / POW10[frac] : mant;
  return neg ? -v : v;
}
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

async function readRows(path) {
  let stream = createReadStream(path, { highWaterMark: 1 << 20 });
  if (path.endsWith('.gz')) stream = stream.pipe(createGunzip({ chunkSize: 1 << 20 }));
  let arena = new Uint8Array(1 << 24);
  let used = 0;
  let offsets = new Uint32Array(1 << 20);
  let labels = new Uint8Array(1 << 20);
  let scores = new Float64Array(1 << 20);
  let n = 0;
  let cols = null;
  let rest = null;
  const row = (b, s, e) => {
    if (e > s && b[e - 1] === CR) e--;
    if (cols === null) {
      const names = b.toString('utf8', s, e).replace(/^\uFEFF/, '').split(',');
      cols = { id: names.indexOf('id'), label: names.indexOf('label'), score: names.indexOf('score') };
      return;
    }
    if (n + 1 >= offsets.length) {
      const grow = (a) => {
        const out = new a.constructor(a.length * 2);
        out.set(a);
        return out;
      };
      offsets = grow(offsets);
      labels = grow(labels);
      scores = grow(scores);
    }
    let col = 0;
    let fs = s;
    for (let i = s; i <= e; i++) {
      if (i < e && b[i] !== COMMA) continue;
      if (col === cols.id) {
        const len = i - fs;
        if (used + len > arena.length) {
          const out = new Uint8Array(arena.length * 2);
          out.set(arena.subarray(0, used));
          arena = out;
        }
        arena.set(b.subarray(fs, i), used);
        used += len;
        offsets[n + 1] = used;
      } else if (col === cols.label) labels[n] = b[fs] === 49 ? 1 : 0;
      else if (col === cols.score) scores[n] = parseNumber(b, fs, i);
      col++;
      fs = i + 1;
    }
    n++;
  };
  for await (const chunk of stream) {
    let b = chunk;
    if (rest !== null) b = Buffer.concat([rest, chunk]);
    let s = 0;
    for (let i = b.indexOf(NL, 0); i >= 0; i = b.indexOf(NL, s)) {
      row(b, s, i);
      s = i + 1;
    }
    rest = s < b.length ? b.subarray(s) : null;
  }
  if (rest !== null && rest.length > 0) row(rest, 0, rest.length);
  return { n, arena, offsets, labels, scores };
}

function hash(a, s, e) {
  let h = 0x811c9dc5;
  for (let i = s; i < e; i++) h = Math.imul(h ^ a[i], 0x01000193);
  return h >>> 0;
}

function same(a, as, ae, b, bs, be) {
  if (ae - as !== be - bs) return false;
  for (let i = 0; i < ae - as; i++) if (a[as + i] !== b[bs + i]) return false;
  return true;
}

const [candPath, champPath] = process.argv.slice(2);
const t0 = performance.now();
const cand = await readRows(candPath);
const champ = await readRows(champPath);
let size = 1;
while (size < cand.n * 2) size *= 2;
const table = new Int32Array(size).fill(-1);
const mask = size - 1;
const fail = (why) => {
  process.stderr.write(`${why}\n`);
  process.exit(1);
};
for (let i = 0; i < cand.n; i++) {
  const s = cand.offsets[i];
  const e = cand.offsets[i + 1];
  for (let h = hash(cand.arena, s, e) & mask; ; h = (h + 1) & mask) {
    const at = table[h];
    if (at < 0) {
      table[h] = i;
      break;
    }
    if (same(cand.arena, cand.offsets[at], cand.offsets[at + 1], cand.arena, s, e)) fail(`duplicate candidate id at row ${i + 1}`);
  }
}
if (champ.n !== cand.n) fail('the files have different numbers of rows');
const matched = new Uint8Array(cand.n);
const joined = new Float64Array(cand.n);
for (let j = 0; j < champ.n; j++) {
  const s = champ.offsets[j];
  const e = champ.offsets[j + 1];
  let h = hash(champ.arena, s, e) & mask;
  for (; ; h = (h + 1) & mask) {
    const at = table[h];
    if (at < 0) fail(`champion id at row ${j + 1} is not in the candidate file`);
    if (same(cand.arena, cand.offsets[at], cand.offsets[at + 1], champ.arena, s, e)) {
      if (matched[at]) fail(`duplicate champion id at row ${j + 1}`);
      matched[at] = 1;
      if (cand.labels[at] !== champ.labels[j]) fail(`labels disagree at champion row ${j + 1}`);
      joined[at] = champ.scores[j];
      break;
    }
  }
}
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ rows: cand.n, ms }) + '\n');
