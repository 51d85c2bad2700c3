// The bare floor of any implementation: read both files once, split lines and fields, parse the numbers,
// and join the champion to the candidate by id. No validation, no statistics. Prints JSON timings.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

async function readRows(path) {
  let stream = createReadStream(path, { highWaterMark: 1 << 20 });
  if (path.endsWith('.gz')) stream = stream.pipe(createGunzip());
  const ids = [];
  const labels = [];
  const scores = [];
  let rest = '';
  let header = true;
  for await (const chunk of stream) {
    const text = rest + chunk.toString('utf8');
    const lines = text.split('\n');
    rest = lines.pop();
    for (const line of lines) {
      if (header) {
        header = false;
        continue;
      }
      const f = line.split(',');
      ids.push(f[0]);
      labels.push(Number(f[1]));
      scores.push(Number(f[2]));
    }
  }
  return { ids, labels: Float64Array.from(labels), scores: Float64Array.from(scores) };
}

const [candPath, champPath] = process.argv.slice(2);
const t0 = performance.now();
const cand = await readRows(candPath);
const champ = await readRows(champPath);
const index = new Map();
for (let i = 0; i < champ.ids.length; i++) index.set(champ.ids[i], i);
const joined = new Float64Array(cand.ids.length);
for (let i = 0; i < cand.ids.length; i++) joined[i] = champ.scores[index.get(cand.ids[i])];
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ rows: cand.ids.length, ms }) + '\n');
