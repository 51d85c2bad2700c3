/**
 * Reading the champion's binary predictions in a worker thread while this thread reads the candidate's: the two
 * files are parsed (and their ids sorted) on two cores. The worker runs the bundle's own entry file (the shells pass
 * its URL as `readWorker`; `isReadWorker()` tells the entry it is the worker), so nothing else needs bundling.
 *
 * What comes back is the same data the reader returns on this thread — typed arrays moved, not copied, and text
 * columns (a cluster column) as codes into their distinct values — so the report does not depend on the thread count.
 * MODEL_GATE_THREADS=1 reads both files on this thread, one after the other.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { GateError, isGateError, type ErrorLocation } from '../base/errors.js';
import { IdColumn } from '../readers/id-column.js';
import { sortedIdOrder } from '../readers/id-order.js';
import { readPredictions, type Predictions, type ReadPredictionsOptions } from '../readers/predictions.js';
import { keepLines, withRowLines } from '../readers/table.js';
import type { TextColumn } from '../readers/text-column.js';
import { hashWhileReading, type InputFile } from './release-card.js';

const FLAG = 'modelGateReadWorker';

/** What the worker is asked: the file, and the binary reader's options (plain data: no onBytes). */
interface ReadRequest {
  path: string;
  options: Omit<ReadPredictionsOptions, 'onBytes'>;
  role: string;
}

interface WirePredictions {
  file: string;
  n: number;
  ids: { bytes: Uint8Array; start: Uint32Array; strings: readonly string[] | undefined };
  idOrder: Uint32Array;
  label: Uint8Array;
  prediction?: Uint8Array;
  score?: Float64Array;
  /** Only when the reader kept them (a pipe); else found again in the file, as on this thread. */
  lines?: Uint32Array;
  /** The text columns as they are: codes (moved) and their distinct values (copied). */
  extra: Record<string, TextColumn>;
}

type Reply =
  | { ok: true; predictions: WirePredictions; read: { sha256: string; bytes: number } }
  | { ok: false; gate: true; message: string; location: ErrorLocation }
  | { ok: false; gate: false; name: string; message: string; stack?: string };

/** Threads for reading: MODEL_GATE_THREADS when it is a whole number ≥ 1, else up to 2 (the two files). */
export function readThreads(env: NodeJS.ProcessEnv): number {
  const set = Number(env.MODEL_GATE_THREADS);
  if (Number.isInteger(set) && set >= 1) return set;
  return Math.min(2, availableParallelism());
}

/** True in a worker started by ReadWorker: the entry file serves its request instead of running the gate. */
export function isReadWorker(): boolean {
  return !isMainThread && (workerData as Record<string, unknown> | null)?.[FLAG] !== undefined;
}

/** The worker's side: wait for the request, read the file, sort its ids, hash its bytes, send everything back. */
export function serveReadWorker(): void {
  parentPort!.once('message', (req: ReadRequest) => void serve(req));
}

async function serve(req: ReadRequest): Promise<void> {
  let reply: Reply;
  const moved: ArrayBuffer[] = [];
  try {
    const input: InputFile = { role: req.role, file: req.path, shown: req.options.displayPath };
    const tap = hashWhileReading(input);
    const p = await readPredictions(req.path, { ...req.options, onBytes: tap.onBytes });
    tap.done();
    const predictions = toWire(p, keepLines(req.path));
    reply = { ok: true, predictions, read: input.read! };
    for (const a of [predictions.ids.bytes, predictions.ids.start, predictions.idOrder, predictions.label, predictions.prediction, predictions.score, predictions.lines]) {
      // Buffers move with the views on them; a small Buffer may share Node's 8 KiB pool, which must stay.
      if (a && a.buffer.byteLength >= 1 << 16 && !moved.includes(a.buffer as ArrayBuffer)) moved.push(a.buffer as ArrayBuffer);
    }
    for (const t of Object.values(predictions.extra)) {
      if (t.codes.buffer.byteLength >= 1 << 16 && !moved.includes(t.codes.buffer as ArrayBuffer)) moved.push(t.codes.buffer as ArrayBuffer);
    }
  } catch (e) {
    reply = isGateError(e)
      ? { ok: false, gate: true, message: e.message, location: e.location }
      : { ok: false, gate: false, name: e instanceof Error ? e.name : 'Error', message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined };
  }
  parentPort!.postMessage(reply, moved);
}

/**
 * A worker thread running `script` (the bundle's entry), started before it is needed: loading the bundle
 * takes a few hundred milliseconds, spent while this thread reads the config. `read` hands it one file;
 * `close` ends it if it was never used.
 */
export class ReadWorker {
  private readonly worker: Worker;
  private used = false;
  private exited = false;

  constructor(script: string) {
    this.worker = new Worker(new URL(script), { workerData: { [FLAG]: true } });
    // Until read() listens, an error (say, the script cannot load) only means the files are read here.
    this.worker.on('error', () => undefined);
    this.worker.once('exit', () => (this.exited = true));
  }

  /** False once the worker has stopped (it could not load): then both files are read on this thread. */
  get usable(): boolean {
    return !this.exited && !this.used;
  }

  /**
   * Reads the binary predictions file `path` in the worker. Resolves to what readPredictions returns (ids
   * already sorted, in idOrder) and the digest of the bytes read; rejects with the same GateError it would
   * have thrown.
   */
  read(path: string, options: Omit<ReadPredictionsOptions, 'onBytes'>, role: string): Promise<{ predictions: Predictions; read: { sha256: string; bytes: number } }> {
    if (!this.usable) throw new Error('ReadWorker.read: the worker was used already or has stopped');
    this.used = true;
    const worker = this.worker;
    return new Promise((resolve, reject) => {
      let reply: Reply | undefined;
      let failed: unknown;
      worker.once('message', (r: Reply) => {
        reply = r;
        void worker.terminate();
      });
      worker.once('error', (e) => (failed ??= e));
      // The reply is unpacked once the worker is gone, so that its heap is not held alongside the result.
      worker.once('exit', (code) => {
        if (reply === undefined) reject(failed ?? new Error(`the worker reading ${options.displayPath} stopped (exit code ${code}) without a result`));
        else if (reply.ok) resolve({ predictions: fromWire(reply.predictions, path), read: reply.read });
        else if (reply.gate) reject(new GateError(reply.message, reply.location));
        // A bug stays what it was (its kind is in the user's sentence, its stack in the debug details).
        else reject(Object.assign(new Error(reply.message), { name: reply.name, stack: reply.stack }));
      });
      const request: ReadRequest = { path, options, role };
      worker.postMessage(request);
    });
  }

  /** Ends the worker: unused, or no longer wanted (a read under way then rejects, and nobody waits for it). */
  close(): void {
    void this.worker.terminate();
  }
}

function toWire(p: Predictions, kept: boolean): WirePredictions {
  const extra = p.extra;
  const idOrder = sortedIdOrder(p.ids);
  return {
    file: p.file,
    n: p.n,
    ids: { bytes: p.ids.bytes, start: p.ids.start, strings: p.ids.strings },
    idOrder,
    label: p.label,
    prediction: p.prediction,
    score: p.score,
    lines: kept ? p.lines : undefined,
    extra
  };
}

function fromWire(w: WirePredictions, path: string): Predictions {
  const extra = w.extra;
  const bytes = Buffer.from(w.ids.bytes.buffer, w.ids.bytes.byteOffset, w.ids.bytes.byteLength);
  const ids = IdColumn.fromParts(w.n, bytes, w.ids.start, w.ids.strings);
  const p = { file: w.file, n: w.n, ids, label: w.label, prediction: w.prediction, score: w.score, extra, idOrder: w.idOrder };
  return withRowLines(p, path, w.file, w.lines);
}
