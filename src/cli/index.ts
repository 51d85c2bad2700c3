#!/usr/bin/env node
/** Entry point of the bundled CLI (dist/cli/index.js, the `model-gate` bin). */
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  now: () => new Date()
});
