/**
 * Reading the candidate's predictions in a worker thread while this thread reads the champion's: the two files
 * are parsed (and their ids sorted) on two cores. The worker runs the bundle's own entry file (the shells pass
 * its URL as `readWorker`; `isReadWorker()` tells the entry it is the worker), so nothing else needs bundling.
 *
 * What comes back is the same data the reader returns on this thread — typed arrays moved, not copied, and the
 * segment columns as codes into their distinct values — so the report does not depend on the thread count.
 * MODEL_GATE_THREADS=1 reads both files on this thread, one after the other.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { GateError, isGateError, type ErrorLocation } from '../base/errors.js';
import { IdColumn } from '../readers/id-column.js';
import { sortedIdOrder } from '../readers/id-order.js';
import { readPredictions, type Predictions, type ReadPredictionsOptions } from '../readers/predictions.js';
import { keepLines, withRowLines } from '../readers/table.js';
import { hashWhileReading, type InputFile } from './release-card.js';

const FLAG = 'modelGateReadWorker';

/** What the worker is asked: the file, and the binary reader's options (plain data: no onBytes). */
interface ReadRequest {
  path: string;
  options: Omit<ReadPredictionsOptions, 'onBytes'>;
  role: string;
}

/** A text column as codes into its distinct values (10M rows of "mobile" are one string each side). */
interface WireText {
  codes: Uint32Array;
  values: string[];
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
  extra: Record<string, WireText | string[]>;
}

type Reply =
  | { ok: true; predictions: WirePredictions; read: { sha256: string; bytes: number } }
  | { ok: false; gate: true; message: string; location: ErrorLocation }
  | { ok: false; gate: false; message: string; stack?: string };

/** Threads for reading: MODEL_GATE_THREADS when it is a whole number ≥ 1, else up to 2 (the two files). */
export function readThreads(env: NodeJS.ProcessEnv): number {
  const set = Number(env.MODEL_GATE_THREADS);
  if (Number.isInteger(set) && set >= 1) return set;
  return Math.min(2, availableParallelism());
}

/** True in a worker started by readInWorker: the entry file serves the request instead of running the gate. */
export function isReadWorker(): boolean {
  return !isMainThread && (workerData as Record<string, unknown> | null)?.[FLAG] !== undefined;
}

/** The worker's side: read the file, sort its ids, hash its bytes, send everything back. */
export async function serveReadWorker(): Promise<void> {
  const req = (workerData as Record<string, ReadRequest>)[FLAG]!;
  let reply: Reply;
  const moved: ArrayBuffer[] = [];
  try {
    const input: InputFile = { role: req.role, file: req.path, shown: req.options.displayPath };
    const tap = hashWhileReading(input);
    const p = await readPredictions(req.path, { ...req.options, onBytes: tap.onBytes });
    tap.done();
    const predictions = toWire(p, keepLines(req.path), sortedIdOrder(p.ids));
    reply = { ok: true, predictions, read: input.read! };
    for (const a of [predictions.ids.bytes, predictions.ids.start, predictions.idOrder, predictions.label, predictions.prediction, predictions.score, predictions.lines]) {
      // Only arrays that own their whole buffer move: a small Buffer may share Node's pool.
      if (a && a.byteOffset === 0 && a.byteLength === a.buffer.byteLength && !moved.includes(a.buffer as ArrayBuffer)) moved.push(a.buffer as ArrayBuffer);
    }
    for (const t of Object.values(predictions.extra)) if (!Array.isArray(t)) moved.push(t.codes.buffer as ArrayBuffer);
  } catch (e) {
    reply = isGateError(e)
      ? { ok: false, gate: true, message: e.message, location: e.location }
      : { ok: false, gate: false, message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined };
  }
  parentPort!.postMessage(reply, moved);
}

/**
 * Reads the binary predictions file `path` in a worker running `script` (the bundle's entry). Resolves to what
 * readPredictions returns (ids already sorted, in idOrder) and the digest of the bytes read; rejects with the
 * same GateError it would have thrown.
 */
export function readInWorker(
  script: string,
  path: string,
  options: Omit<ReadPredictionsOptions, 'onBytes'>,
  role: string
): Promise<{ predictions: Predictions; read: { sha256: string; bytes: number } }> {
  const request: ReadRequest = { path, options, role };
  const worker = new Worker(new URL(script), { workerData: { [FLAG]: request } });
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.once('message', (reply: Reply) => {
      settled = true;
      void worker.terminate();
      if (reply.ok) resolve({ predictions: fromWire(reply.predictions, path), read: reply.read });
      else if (reply.gate) reject(new GateError(reply.message, reply.location));
      else reject(Object.assign(new Error(reply.message), { stack: reply.stack }));
    });
    worker.once('error', (e) => {
      if (!settled) reject(e);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the worker reading ${options.displayPath} stopped (exit code ${code}) without a result`));
      settled = true;
    });
  });
}

function toWire(p: Predictions, kept: boolean, idOrder: Uint32Array): WirePredictions {
  const extra: Record<string, WireText | string[]> = {};
  for (const [name, column] of Object.entries(p.extra)) extra[name] = encodeText(column);
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
  const extra: Record<string, string[]> = {};
  for (const [name, column] of Object.entries(w.extra)) extra[name] = Array.isArray(column) ? column : decodeText(column);
  const bytes = Buffer.from(w.ids.bytes.buffer, w.ids.bytes.byteOffset, w.ids.bytes.byteLength);
  const ids = IdColumn.fromParts(w.n, bytes, w.ids.start, w.ids.strings);
  const p = { file: w.file, n: w.n, ids, label: w.label, prediction: w.prediction, score: w.score, extra, idOrder: w.idOrder };
  return withRowLines(p, path, w.file, w.lines);
}

/** Codes into the distinct values, unless there are too many of them to be worth it (the column then goes as it is). */
function encodeText(column: string[]): WireText | string[] {
  const index = new Map<string, number>();
  const values: string[] = [];
  const codes = new Uint32Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    let c = index.get(v);
    if (c === undefined) {
      if (values.length >= 1 << 16) return column;
      c = values.length;
      index.set(v, c);
      values.push(v);
    }
    codes[i] = c;
  }
  return { codes, values };
}

function decodeText({ codes, values }: WireText): string[] {
  const out: string[] = [];
  for (let i = 0; i < codes.length; i++) out.push(values[codes[i]!]!);
  return out;
}
