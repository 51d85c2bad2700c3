// Writes the shipped example (examples/binary): a churn model's candidate and champion predictions on the
// same 4,000-row test set. Deterministic (seeded), so re-running it reproduces the committed files.
import { writeFileSync } from 'node:fs';

function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(20261122);
const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
const sigmoid = (x) => 1 / (1 + Math.exp(-x));

const n = 4000;
const header = 'id,label,score,segment\n';
let cand = header;
let champ = header;
for (let i = 0; i < n; i++) {
  const id = `cust-${String(100000 + i)}`;
  const segment = rand() < 0.3 ? 'new_users' : 'returning';
  const label = rand() < 0.22 ? 1 : 0;
  const signal = (label ? 1.2 : -1.2) + normal() * 1.1;
  const shared = normal() * 0.6;
  const champScore = sigmoid(signal * 0.9 + shared - 0.9 + normal() * 0.7);
  const candScore = sigmoid(signal * 1.0 + shared - 0.9 + normal() * 0.6);
  cand += `${id},${label},${candScore.toFixed(6)},${segment}\n`;
  champ += `${id},${label},${champScore.toFixed(6)},${segment}\n`;
}
writeFileSync('examples/binary/candidate.csv', cand);
writeFileSync('examples/binary/champion.csv', champ);
