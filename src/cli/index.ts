#!/usr/bin/env node
/** Entry point of the bundled CLI (dist/cli/index.js, the `model-gate` bin). */
import { main } from './main.js';
import { terminalProgress } from './progress.js';

process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  now: () => new Date(),
  // Not a terminal (a pipe, a CI log): the default width, and no progress line.
  columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  ...terminalProgress(process.stderr)
});
