/**
 * The release card's shell side: digests of the artifacts a run used, the CI's facts, and writing the card
 * next to the report (`release-card.json` in the report's directory). The action and the CLI call
 * `writeReleaseCard` after writing their report.
 */
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { GateConfig } from '../config/types.js';
import type { ArtifactDigest, ReleaseCard, ReleaseSource } from '../core/release-card.js';
import { listFiles, unreadable, writeFileAtomic } from '../readers/files/files.js';

/** File name of the card, in the report's directory. */
export const RELEASE_CARD_FILE = 'release-card.json';

/** A file the run read: its role, where it is, and how the user named it. */
export interface InputFile {
  role: string;
  file: string;
  shown: string;
  /** The digest of the bytes a reader parsed, taken while it read them; otherwise digest() reads the file. */
  read?: { sha256: string; bytes: number };
}

/** A sink for a reader's raw bytes that fills `input.read` once the reader is done (call `done`). */
export function hashWhileReading(input: InputFile): { onBytes: (chunk: Buffer) => void; done: () => void } {
  const hash = createHash('sha256');
  let bytes = 0;
  return {
    onBytes(chunk) {
      hash.update(chunk);
      bytes += chunk.length;
    },
    done() {
      input.read = { sha256: hash.digest('hex'), bytes };
    }
  };
}

async function sha256File(file: string, shown: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  } catch (e) {
    throw unreadable(e, shown);
  }
  return hash.digest('hex');
}

/** Digest of one input: a file's SHA-256, or a directory's over its files' relative paths and digests. */
export async function digest(input: InputFile): Promise<ArtifactDigest> {
  const base = { role: input.role, path: input.shown };
  if (input.read) return { ...base, ...input.read };
  const st = await fs.stat(input.file).catch(() => undefined);
  if (!st) return { ...base, sha256: null, bytes: null };
  if (st.isFile()) return { ...base, sha256: await sha256File(input.file, input.shown), bytes: st.size };
  const files = await listFiles(input.file, input.shown);
  const lines: string[] = [];
  let bytes = 0;
  for (const f of files) {
    const rel = path.relative(input.file, f).split(path.sep).join('/');
    bytes += (await fs.stat(f).catch((e) => Promise.reject(unreadable(e, `${input.shown}/${rel}`)))).size;
    lines.push(`${rel}\t${await sha256File(f, `${input.shown}/${rel}`)}\n`);
  }
  lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { ...base, sha256: createHash('sha256').update(lines.join(''), 'utf8').digest('hex'), bytes, files: files.length };
}

/** The configured artifacts besides the predictions and the config (which the run names itself). */
export function configuredInputs(config: GateConfig, resolve: (p: string) => string): InputFile[] {
  const a = config.artifacts;
  const pairs: [string, string | undefined][] = [
    ['operations', a.operations],
    ['champion_operations', a.champion_operations],
    ['model', a.model],
    ['data.reference', a.data?.reference],
    ['data.current', a.data?.current],
    ['cost', a.cost],
    ['champion_cost', a.champion_cost]
  ];
  return pairs.filter((p): p is [string, string] => p[1] !== undefined).map(([role, shown]) => ({ role, file: resolve(shown), shown }));
}

/** The CI's facts about this run, from GITHUB_* variables (null outside GitHub Actions). */
export function sourceFromEnv(env: NodeJS.ProcessEnv): ReleaseSource {
  const v = (k: string) => (env[k] && env[k] !== '' ? env[k]! : null);
  return {
    repository: v('GITHUB_REPOSITORY'),
    commit: v('GITHUB_SHA'),
    ref: v('GITHUB_REF'),
    run_id: v('GITHUB_RUN_ID'),
    run_attempt: v('GITHUB_RUN_ATTEMPT')
  };
}

/** Writes the card as `release-card.json` next to `reportFile`; returns the card's path. */
export async function writeReleaseCard(card: ReleaseCard, reportFile: string): Promise<string> {
  const file = path.join(path.dirname(reportFile), RELEASE_CARD_FILE);
  await writeFileAtomic(file, `${JSON.stringify({ ...card, report: path.basename(reportFile) }, null, 2)}\n`);
  return file;
}
