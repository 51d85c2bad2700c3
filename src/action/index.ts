/** Entry point of the bundled action (dist/index.js). */
import { isReadWorker, readThreads, serveReadWorker } from '../gate/read-worker.js';

// The same file runs in the worker thread that reads the champion's predictions (gate/read-worker.ts): the rest
// of the action is imported only here, so the worker does not load it.
if (isReadWorker()) serveReadWorker();
else {
  const { run } = await import('./main.js');
  await run({ readWorker: readThreads(process.env) > 1 ? import.meta.url : undefined });
}
