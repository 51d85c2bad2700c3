/** Running the CLI in-process for the tests, at a fixed time, and a workspace of files for it to read. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main.js';

/** `model-gate <argv>` in `cwd` with its output captured; the clock reads 2026-11-22T00:00:00Z unless `now` is given. */
export async function cli(argv: string[], cwd: string, now: () => Date = () => new Date('2026-11-22T00:00:00Z')) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, now });
  return { code, stdout, stderr };
}

/** A fresh temporary directory holding `files` (name → content). */
export function workspace(files: Record<string, string | Buffer>, prefix = 'mg-cli-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}
