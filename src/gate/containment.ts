/**
 * Containment: model-gate reads only files inside the workspace or the runner's temporary directory.
 *
 * Every path a user can name — the `config`, `candidate` and `champion` inputs (or CLI flags) and every path
 * under `artifacts:` in the config — goes through `resolveInside` before anything opens it. The path is resolved
 * against the workspace, then through every symbolic link (fs.realpath); if either the path as written or the
 * place it really leads to is outside both roots, it is refused with one sentence naming the path and where it
 * came from, and the file is never opened (not even stat-ed, for a path that is outside as written). Callers
 * then open the returned real path, so what is read is what was checked.
 *
 * Why: a gate config or a predictions path comes from the repository, which on a pull request is the PR
 * author's. Without this a PR could point `artifacts.candidate` at `/home/runner/.ssh/id_rsa` or at a symlink
 * to it and have pieces of it echoed into an error message, an annotation or the PR comment.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { GateError, type ErrorLocation } from '../base/errors.js';
import { quote } from '../base/text.js';

/** The two directories paths may lead into. */
export interface Roots {
  /** GITHUB_WORKSPACE in the action; --workspace (default: the current directory) in the CLI. */
  workspace: string;
  /** RUNNER_TEMP in the action (the champion artifact is downloaded there); os.tmpdir() in the CLI. */
  tempDir: string;
}

/** Options of resolveInside. */
export interface ResolveOptions {
  /** How messages name the path; default: `userPath` as given. */
  shown?: string;
  /** Where an error points (the config file and key a path came from); default: `{ key: origin }`-less. */
  location?: ErrorLocation;
}

const OUTSIDE =
  'model-gate reads only files inside the workspace or the temporary directory, so it did not open it; ' +
  'put the file inside the workspace';

/** True when `p` is `root` or below it (both absolute and normalised). */
export function isWithin(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || !(rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel));
}

/** A path for a message: as written when it is plain and short, else quoted and shortened. */
export function showPath(p: string): string {
  return p.length <= 200 && !/[\u0000-\u001f\u007f]/.test(p) && p.trim() === p && p !== '' ? p : quote(p, 200);
}

/** The real path of a root, or the root as given if it cannot be resolved (it then contains nothing real). */
async function realRoot(dir: string): Promise<string> {
  try {
    return await fs.realpath(dir);
  } catch {
    return path.resolve(dir);
  }
}

/**
 * The real path `absolute` leads to. When it does not exist, the real path of its deepest existing ancestor
 * with the rest appended, so a missing file is reported as missing (by whoever opens it) rather than refused.
 */
async function realPathOf(absolute: string, refuse: (why: string) => GateError): Promise<string> {
  const rest: string[] = [];
  let p = absolute;
  for (;;) {
    try {
      const real = await fs.realpath(p);
      return rest.length ? path.join(real, ...rest.reverse()) : real;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') throw refuse('is a loop of symbolic links; fix or remove the links');
      if (code === 'ENAMETOOLONG') throw refuse('is longer than the file system allows; shorten it');
      if (code === 'EACCES' || code === 'EPERM') {
        throw refuse('cannot be resolved (permission denied on a directory on the way); make it readable by the runner');
      }
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw refuse(`cannot be resolved (${code ?? 'unknown error'})`);
      const parent = path.dirname(p);
      if (parent === p) return absolute;
      rest.push(path.basename(p));
      p = parent;
    }
  }
}

/**
 * The checked, real absolute path of `userPath` (relative to `workspace`, or absolute), which `origin` names
 * (`artifacts.candidate in .github/model-gate.yml`, `the candidate input`, `--candidate`). Throws a GateError
 * when the path is outside `workspace` and `tempDir`, as written or through a symbolic link, or cannot be
 * resolved. A path that does not exist is returned (under its real parent): opening it gives the usual
 * "does not exist" error.
 */
export async function resolveInside(
  workspace: string,
  tempDir: string,
  userPath: string,
  origin: string,
  options: ResolveOptions = {}
): Promise<string> {
  const shown = showPath(options.shown ?? userPath);
  const location = options.location ?? {};
  const refuse = (why: string) => new GateError(`${shown} (from ${origin}) ${why}.`, location);
  if (userPath.includes('\0')) throw refuse('contains a NUL character, which no file name can hold; fix the path');
  if (userPath.trim() === '') throw refuse('is empty; give the path of a file');

  const absolute = path.resolve(workspace, userPath);
  const lexicalRoots = [path.resolve(workspace), path.resolve(tempDir)];
  const realRoots = [await realRoot(workspace), await realRoot(tempDir)];
  // As written: either form of a root counts (an absolute path may use the real or the linked spelling).
  if (![...lexicalRoots, ...realRoots].some((root) => isWithin(root, absolute))) {
    throw refuse(`is outside the workspace; ${OUTSIDE}`);
  }
  const real = await realPathOf(absolute, refuse);
  if (!realRoots.some((root) => isWithin(root, real))) {
    throw refuse(`leads through a symbolic link to outside the workspace; ${OUTSIDE} instead of linking to it`);
  }
  return real;
}

/**
 * Checks every symbolic link under the directory `dir` (a real path from resolveInside) leads inside the
 * roots, so that whoever walks the directory (the model's size, the release card's digest) reads nothing
 * outside. Links that lead nowhere are left alone: nothing reads them.
 */
export async function checkTreeInside(roots: Roots, dir: string, shown: string, origin: string, location: ErrorLocation = {}): Promise<void> {
  const realRoots = [await realRoot(roots.workspace), await realRoot(roots.tempDir)];
  const pending = [dir];
  while (pending.length > 0) {
    const d = pending.pop()!;
    let entries;
    try {
      entries = await fs.readdir(d, { withFileTypes: true });
    } catch {
      continue; // unreadable directories are reported by whoever reads them
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        pending.push(p);
      } else if (e.isSymbolicLink()) {
        const target = await fs.realpath(p).catch(() => undefined);
        if (target !== undefined && !realRoots.some((root) => isWithin(root, target))) {
          const inner = path.relative(dir, p).split(path.sep).join('/');
          throw new GateError(
            `${showPath(`${shown.replace(/\/+$/, '')}/${inner}`)} (inside ${showPath(shown)}, from ${origin}) leads through a symbolic link ` +
              `to outside the workspace; ${OUTSIDE} instead of linking to it.`,
            location
          );
        }
      }
    }
  }
}

/** Every path under `artifacts:` in the config, with its key path (`data.reference`), in a fixed order. */
export function artifactPaths(artifacts: object): { key: string; path: string }[] {
  const out: { key: string; path: string }[] = [];
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'string') out.push({ key, path: value });
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, key ? `${key}.${k}` : k);
    }
  };
  walk(artifacts, '');
  return out;
}

/** Maps each path as written in the config to its checked real path. */
export type ResolvePath = (shown: string) => string;

/**
 * Checks every path under `artifacts:` (whatever keys the config has, so a new artifact kind is covered the
 * day it is added) and every directory's links, before anything is read. Returns the resolver the readers
 * use; asking it for a path that was not checked is a bug, and throws.
 */
export async function containArtifacts(
  roots: Roots,
  artifacts: object,
  configSource: string
): Promise<ResolvePath> {
  const checked = new Map<string, string>();
  for (const { key, path: p } of artifactPaths(artifacts)) {
    if (checked.has(p)) continue;
    const origin = `artifacts.${key} in ${configSource}`;
    const location = { file: configSource, key: `artifacts.${key}` };
    const real = await resolveInside(roots.workspace, roots.tempDir, p, origin, { location });
    const st = await fs.stat(real).catch(() => undefined);
    if (st?.isDirectory()) await checkTreeInside(roots, real, p, origin, location);
    checked.set(p, real);
  }
  return (shown: string) => {
    const real = checked.get(shown);
    if (real === undefined) throw new Error(`containment: the path ${JSON.stringify(shown)} was not checked; resolve it with resolveInside`);
    return real;
  };
}
