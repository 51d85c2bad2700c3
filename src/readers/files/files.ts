/** Small file helpers of the shells: resolving user paths and writing outputs without half-written files. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { GateError } from '../../base/errors.js';

/**
 * Writes through a temporary file and a rename, so a reader never sees half a report. A file that cannot be
 * written (no space, no permission, a file where a directory should be) is a GateError naming it.
 */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(tmp, content, 'utf8');
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') throw e;
    throw new GateError(`cannot write ${file} (${code}); check that its directory exists or can be created and is writable`);
  }
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
    const what = stat.isDirectory() ? 'a directory' : 'not a regular file';
    throw new GateError(`${shown} is ${what}, not a file (from ${origin}); point it at the file itself`, { file: shown });
  }
}

/** An fs failure while reading under a user-named path, as a sentence naming it (never a raw errno). */
export function unreadable(e: unknown, shown: string, what = 'read'): GateError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') throw e;
  return new GateError(`cannot ${what} ${shown} (${code}); check that it exists and is readable`, { file: shown });
}

/**
 * Every regular file under `dir` (links to files included, links to directories not followed: they could
 * loop), sorted. A directory that cannot be listed is a GateError naming `shown`, the path as the user wrote it.
 */
export async function listFiles(dir: string, shown: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await fs.readdir(d, { withFileTypes: true });
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) out.push(p);
      else if (e.isSymbolicLink()) {
        const target = await fs.stat(p).catch(() => undefined);
        if (target?.isFile()) out.push(p);
      }
    }
  };
  try {
    await walk(dir);
  } catch (e) {
    throw unreadable(e, shown, 'list the files under');
  }
  return out.sort();
}
