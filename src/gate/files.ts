/** Small file helpers of the shells: resolving user paths and writing outputs without half-written files. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { GateError } from '../errors.js';

/** Writes through a temporary file and a rename, so a reader never sees half a report. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, content, 'utf8');
  await fs.rename(tmp, file);
}

/**
 * Checks that an input file exists before any reader opens it, so the message can say where the path came
 * from (`artifacts.champion in .github/model-gate.yml`, the `candidate` input, …) and what to do.
 */
export async function requireFile(absolute: string, shown: string, origin: string): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(absolute);
  } catch {
    throw new GateError(`${shown} does not exist (from ${origin}); check the path, which is relative to the workspace`, {
      file: shown
    });
  }
  if (!stat.isFile()) {
    throw new GateError(`${shown} is not a file (from ${origin})`, { file: shown });
  }
}
