/** Entry point of the bundled action (dist/index.js). */
import { isReadWorker, readThreads, serveReadWorker } from '../gate/read-worker.js';
import { run } from './main.js';

// The same file runs in the worker thread that reads the candidate's predictions (gate/read-worker.ts).
if (isReadWorker()) serveReadWorker();
else await run({ readWorker: readThreads(process.env) > 1 ? import.meta.url : undefined });
