/**
 * The release card's digest of a predictions file is taken from the bytes the reader parsed, while it read them:
 * a file that changes after it was read (a second writer, a racing job) cannot give the card a hash of bytes that
 * were never evaluated. Gzipped files are hashed as stored (compressed).
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { runGate } from '../../src/gate/run.js';
import { ROOT } from '../helpers/run-action.js';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function workspace(): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'mg-read-once-'));
  cpSync(path.join(ROOT, 'examples/binary'), path.join(ws, 'examples/binary'), { recursive: true });
  return ws;
}

async function gate(ws: string, candidate: string, rewrite: () => void) {
  return runGate({
    workspace: ws,
    config: 'examples/binary/model-gate.yml',
    candidate,
    origins: { candidate: '--candidate', champion: '--champion', config: '--config' },
    generatedAt: '2026-12-01T00:00:00.000Z',
    // Runs after both files were read and before evaluation: the files change on disk in between.
    transform: (data) => {
      rewrite();
      return data;
    }
  });
}

test('a predictions file rewritten after it was read keeps the digest of the bytes that were read', async () => {
  const ws = workspace();
  const file = path.join(ws, 'examples/binary/candidate.csv');
  const champion = path.join(ws, 'examples/binary/champion.csv');
  const original = readFileSync(file);
  const originalChampion = readFileSync(champion);
  const { releaseCard } = await gate(ws, 'examples/binary/candidate.csv', () => {
    writeFileSync(file, 'id,label,score\n1,0,0.5\n');
    writeFileSync(champion, 'id,label,score\n1,1,0.5\n');
  });
  const byRole = Object.fromEntries(releaseCard.artifacts.map((a) => [a.role, a]));
  expect(byRole.candidate).toMatchObject({ path: 'examples/binary/candidate.csv', sha256: sha256(original), bytes: original.length });
  expect(byRole.champion).toMatchObject({ sha256: sha256(originalChampion), bytes: originalChampion.length });
  // The config is not re-read by a reader; it is hashed from the file as before.
  expect(byRole.config.sha256).toBe(sha256(readFileSync(path.join(ws, 'examples/binary/model-gate.yml'))));
});

test('a gzipped predictions file is hashed as stored, compressed', async () => {
  const ws = workspace();
  const gz = gzipSync(readFileSync(path.join(ws, 'examples/binary/candidate.csv')));
  writeFileSync(path.join(ws, 'candidate.csv.gz'), gz);
  const { releaseCard } = await gate(ws, 'candidate.csv.gz', () => writeFileSync(path.join(ws, 'candidate.csv.gz'), gzipSync('id,label,score\n')));
  expect(releaseCard.artifacts.find((a) => a.role === 'candidate')).toMatchObject({ sha256: sha256(gz), bytes: gz.length });
});
