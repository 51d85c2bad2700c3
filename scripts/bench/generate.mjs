// Synthetic paired predictions for the benchmark: a binary task with a segment column, candidate and
// champion on the same ids (rows shuffled differently in the two files, as real exports often are).
// Deterministic (seeded), streamed to disk so 10M rows never sit in memory.
import { createWriteStream } from 'node:fs';
import { createGzip } from 'node:zlib';
import { once } from 'node:events';

function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEGMENTS = ['new_users', 'returning', 'mobile', 'web'];

/** Writes `<prefix>candidate.<ext>` and `<prefix>champion.<ext>` with n rows each. */
export async function generate(n, prefix, { gzip = false } = {}) {
  const rand = mulberry32(12345);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const ext = gzip ? 'csv.gz' : 'csv';
  const open = (name) => {
    const file = createWriteStream(`${prefix}${name}.${ext}`);
    if (!gzip) return { out: file, done: file };
    const z = createGzip({ level: 1 });
    z.pipe(file);
    return { out: z, done: file };
  };
  const cand = open('candidate');
  const champ = open('champion');
  const header = 'id,label,score,segment\n';
  cand.out.write(header);
  champ.out.write(header);
  // The champion file lists rows in a different order (blocks reversed), so the join has real work to do.
  const block = 100000;
  let bufC = '';
  let rowsChamp = [];
  const flush = async (stream, text) => {
    if (!stream.write(text)) await once(stream, 'drain');
  };
  for (let i = 0; i < n; i++) {
    const label = rand() < 0.2 ? 1 : 0;
    const signal = (label ? 1.1 : -1.1) + normal();
    const shared = normal() * 0.5;
    const c = 1 / (1 + Math.exp(-(signal + shared - 1 + normal() * 0.5)));
    const p = 1 / (1 + Math.exp(-(signal * 0.95 + shared - 1 + normal() * 0.55)));
    const seg = SEGMENTS[(rand() * 4) | 0];
    bufC += `u${i},${label},${c.toFixed(6)},${seg}\n`;
    rowsChamp.push(`u${i},${label},${p.toFixed(6)},${seg}\n`);
    if (rowsChamp.length === block || i === n - 1) {
      await flush(cand.out, bufC);
      await flush(champ.out, rowsChamp.reverse().join(''));
      bufC = '';
      rowsChamp = [];
    }
  }
  cand.out.end();
  champ.out.end();
  await Promise.all([once(cand.done, 'close'), once(champ.done, 'close')]);
  return { candidate: `${prefix}candidate.${ext}`, champion: `${prefix}champion.${ext}` };
}
