#!/usr/bin/env node
/** Entry point of the bundled CLI (dist/cli/index.js, the `model-gate` bin). */
import { isReadWorker, readThreads, serveReadWorker } from '../gate/read-worker.js';

// The same file runs in the worker thread that reads the champion's predictions (gate/read-worker.ts): the rest
// of the gate is imported only here, so the worker does not load it.
if (isReadWorker()) serveReadWorker();
else {
  const { main } = await import('./main.js');
  const { terminalProgress } = await import('./progress.js');
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    now: () => new Date(),
    // Not a terminal (a pipe, a CI log): the default width, and no progress line.
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    ...terminalProgress(process.stderr),
    readWorker: readThreads(process.env) > 1 ? import.meta.url : undefined
  });
}
