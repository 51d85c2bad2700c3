/**
 * Streaming table reader for CSV, TSV and JSONL files, each optionally gzipped (docs/predictions.md).
 *
 * The file is streamed (read stream → gunzip → UTF-8 decoder → push parser), never held whole, and only the
 * columns the caller asks for are extracted. `scanTable` hands every row to a callback, for readers that
 * convert values as they go; `readTable` keeps the requested columns as text.
 */
import { closeSync, createReadStream, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { pipeline, Transform, type TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, gunzipSync } from 'node:zlib';
import { GateError, isGateError } from '../base/errors.js';
import { CsvParser, type RowSink } from './csv-parser.js';
import { detectFormat } from './format.js';
import { growUint32 } from '../base/growable.js';
import { JsonlParser } from './jsonl-parser.js';
import { detach, quote } from '../base/text.js';

/** A column the caller needs; `configKey` (`columns.score`) is what a missing-column message tells to set. */
export interface ColumnRequest {
  name: string;
  configKey?: string;
}

/**
 * The columns a reader asks scanTable for, built up as the header is planned: `slot(name)` adds a column once
 * and returns its index in the row's values.
 */
export function columnSlots(): { requests: ColumnRequest[]; slot: (name: string, configKey?: string) => number } {
  const requests: ColumnRequest[] = [];
  const slot = (name: string, configKey?: string): number => {
    const at = requests.findIndex((r) => r.name === name);
    if (at >= 0) return at;
    requests.push({ name, configKey });
    return requests.length - 1;
  };
  return { requests, slot };
}

export interface ScanTableOptions {
  /** The path as the user wrote it; every message names this. */
  displayPath: string;
  /** Given the file's column names, returns the columns to extract (no repeats), or throws a GateError. */
  select(header: readonly string[]): readonly (string | ColumnRequest)[];
  /** Called per row with the selected values, in `select`'s order; `values` is reused between calls. */
  onRow(values: string[], line: number): void;
  /** Bytes per read (tests use tiny ones to split records across chunks). */
  highWaterMark?: number;
  /** Every raw byte of the file (before gunzip) as it is read, once. */
  onBytes?: (chunk: Buffer) => void;
  /**
   * Told once, after the first chunk, about how many rows the file holds (its size, or a gzip file's stored
   * size, over the bytes per row so far), for readers to size their arrays; never for a pipe.
   */
  onEstimate?: (rows: number) => void;
}

export interface TableSummary {
  header: readonly string[];
  rows: number;
}

const READ_CHUNK = 1 << 20;

/** Streams `path` once, calling `onRow` for every data row. */
export async function scanTable(path: string, opts: ScanTableOptions): Promise<TableSummary> {
  const file = opts.displayPath;
  const { format, gzip } = detectFormat(path, file);
  let header: readonly string[] = [];
  const sink: RowSink = {
    header(names) {
      header = names;
      if (names.some((n) => n.includes('\u0000') || n.includes('\ufffd'))) throw notUtf8(file, format);
      return checkColumns(file, names, opts.select(names));
    },
    row: opts.onRow
  };
  const parser =
    format === 'jsonl' ? new JsonlParser(file, sink) : new CsvParser(file, format === 'csv' ? ',' : '\t', sink);

  const hwm = opts.highWaterMark ?? READ_CHUNK;
  const input = createReadStream(path, { highWaterMark: hwm });
  // The raw bytes pass a tap before any decoding, so onBytes sees exactly the bytes that were parsed.
  const onBytes = opts.onBytes;
  const tap = (chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) => {
    onBytes!(chunk);
    done(null, chunk);
  };
  const raw = onBytes ? pipeline(input, new Transform({ transform: tap }), () => {}) : input;
  // pipeline() forwards a read error (missing file) to the gunzip stream we iterate; pipe() would hang.
  const stream = gzip ? pipeline(raw, createGunzip({ chunkSize: Math.max(hwm, 64) }), () => {}) : raw;
  stream.setEncoding('utf8');
  let size = opts.onEstimate ? textSize(path, gzip) : 0;
  let chars = 0;
  try {
    for await (const chunk of stream) {
      parser.push(chunk as string);
      chars += (chunk as string).length;
      if (size > 0 && parser.rows > 0) {
        // A little over: an array a few rows short would be copied in chunks after all.
        opts.onEstimate!(Math.ceil((size / chars) * parser.rows * 1.01) + 1024);
        size = 0;
      }
    }
    parser.end();
  } catch (e) {
    throw isGateError(e) ? e : readFailure(e, file, gzip);
  } finally {
    input.destroy();
  }

  if (!parser.sawHeader) {
    const what = format === 'jsonl' ? 'one JSON object per line' : 'a header row and one row per test example';
    throw new GateError(`${file} is empty; it needs ${what}.`, { file });
  }
  if (parser.rows === 0) {
    throw new GateError(`${file} has a header but no rows; it needs one row per test example.`, { file });
  }
  return { header, rows: parser.rows };
}

/**
 * The bytes of text in `path`: a regular file's size, or what a gzip file says it holds (its last 4 bytes: the
 * size modulo 2^32, so only a hint). 0 when unknown (a pipe, an unreadable file: the read reports that).
 */
function textSize(path: string, gzip: boolean): number {
  try {
    const fd = openSync(path, 'r');
    try {
      const st = fstatSync(fd);
      if (!st.isFile()) return 0;
      if (!gzip) return st.size;
      if (st.size < 18) return 0;
      const tail = Buffer.alloc(4);
      readSync(fd, tail, 0, 4, st.size - 4);
      return tail.readUInt32LE(0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return 0;
  }
}

export interface ReadTableOptions {
  displayPath: string;
  columns: readonly (string | ColumnRequest)[];
  highWaterMark?: number;
}

export interface Table {
  file: string;
  header: readonly string[];
  n: number;
  /** Physical line where each row starts. */
  lines: Uint32Array;
  /** The requested columns as text, one entry per row. */
  columns: Record<string, string[]>;
}

/** Reads the requested columns of `path` as text (all must exist). */
export async function readTable(path: string, opts: ReadTableOptions): Promise<Table> {
  const requests = uniqueRequests(opts.columns);
  const columns: string[][] = requests.map(() => []);
  const lines = growUint32();
  const { header, rows } = await scanTable(path, {
    displayPath: opts.displayPath,
    highWaterMark: opts.highWaterMark,
    select: () => requests,
    onRow(values, line) {
      for (let k = 0; k < values.length; k++) columns[k].push(detach(values[k]));
      lines.push(line);
    }
  });
  const byName: Record<string, string[]> = {};
  requests.forEach((r, k) => (byName[r.name] = columns[k]));
  return { file: opts.displayPath, header, n: rows, lines: lines.toArray(), columns: byName };
}

/**
 * Where each row starts, without keeping a line number per row while reading (4 bytes a row, 40 MB at 10M rows,
 * held only for error messages): for a regular file, `lines` is computed when first read, by parsing the file once
 * more (synchronously, only on the error paths that quote a line). Anything else (a pipe, a process substitution)
 * cannot be read twice, so its readers keep the lines as they go: `keepLines(path)` says which.
 */
export function keepLines(path: string): boolean {
  try {
    return !statSync(path).isFile();
  } catch {
    return true;
  }
}

/** Gives `target` its `lines`: `kept` when the reader kept them, else found again in `path` when first asked for. */
export function withRowLines<T extends object>(target: T, path: string, displayPath: string, kept: Uint32Array | undefined): T & { lines: Uint32Array } {
  let lines = kept;
  Object.defineProperty(target, 'lines', {
    enumerable: true,
    configurable: true,
    get: () => (lines ??= rowLines(path, displayPath)),
    set: (v: Uint32Array) => (lines = v)
  });
  return target as T & { lines: Uint32Array };
}

/** The physical line where each data row of `path` starts, as scanTable reported it: the file parsed again. */
export function rowLines(path: string, displayPath: string): Uint32Array {
  const { format, gzip } = detectFormat(path, displayPath);
  const lines = growUint32();
  const sink: RowSink = { header: () => [], row: (_values, line) => lines.push(line) };
  const parser = format === 'jsonl' ? new JsonlParser(displayPath, sink) : new CsvParser(displayPath, format === 'csv' ? ',' : '\t', sink);
  let bytes: Buffer;
  try {
    const fd = openSync(path, 'r');
    try {
      bytes = readFileSync(fd);
      if (!fstatSync(fd).isFile()) throw new Error(`rowLines: ${displayPath} is not a regular file`);
    } finally {
      closeSync(fd);
    }
    if (gzip) bytes = gunzipSync(bytes);
  } catch (e) {
    // The file was read once already; failing now means it changed or vanished while the gate ran.
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new GateError(`${displayPath} changed or disappeared while model-gate read it (${code}); rerun on a copy that stays put.`, { file: displayPath });
  }
  const decoder = new StringDecoder('utf8');
  for (let at = 0; at < bytes.length; at += READ_CHUNK) parser.push(decoder.write(bytes.subarray(at, at + READ_CHUNK)));
  const rest = decoder.end();
  if (rest !== '') parser.push(rest);
  parser.end();
  return lines.toArray();
}

/**
 * The slots of the text columns segments, fairness and clusters read (`extraNames`): each must be in the header,
 * or the error names the config key that chose it (columns.segment, columns.cluster) when one did.
 */
export function extraColumnSlots(
  file: string,
  header: readonly string[],
  extraNames: readonly string[],
  cols: { segment: string; cluster?: string },
  slot: (name: string) => number
): number[] {
  return extraNames.map((name) => {
    if (!header.includes(name)) {
      throw missingColumnError(file, name, header, name === cols.segment ? 'columns.segment' : name === cols.cluster ? 'columns.cluster' : undefined);
    }
    return slot(name);
  });
}

/** The message for a column the file lacks: what it has, a near miss if any, and what to set. */
export function missingColumnError(
  file: string,
  column: string,
  header: readonly string[],
  configKey?: string,
  /** What the file should look like, for formats with fixed column names (counts files). */
  expected?: string
): GateError {
  const separator = wrongSeparator(header, column);
  if (separator !== undefined) {
    return new GateError(
      `${file} has one column, ${quote(header[0]!)}, which looks like columns separated by ${separator}; .csv files are read ` +
        `comma-separated and .tsv files tab-separated: save the file with commas as .csv (or with tabs as .tsv).`,
      { file, key: configKey ?? column }
    );
  }
  const near = header.find((h) => h.toLowerCase() === column.toLowerCase());
  const hint = near !== undefined ? ` (did you mean "${near}"?)` : '';
  const fix = configKey
    ? `set ${configKey} to the name of that column`
    : expected ?? 'add the column or change the config to name an existing one';
  return new GateError(
    `${file} has no column "${column}"${hint}; its columns are ${listColumns(header)}; ${fix}.`,
    { file, key: configKey ?? column }
  );
}

/**
 * The separator a one-column header was written with, when splitting on it yields the wanted column: a European
 * spreadsheet's ";", tabs in a .csv, commas in a .tsv. Named for the message; undefined otherwise.
 */
function wrongSeparator(header: readonly string[], column: string): string | undefined {
  if (header.length !== 1) return undefined;
  const names: Record<string, string> = { ';': 'semicolons', '\t': 'tabs', ',': 'commas', '|': 'vertical bars' };
  const found = Object.keys(names).find((sep) => header[0]!.split(sep).map((h) => h.trim()).includes(column));
  return found === undefined ? undefined : names[found];
}

/** A few column names for messages: `id, label, score, … (12 in all)`. */
export function listColumns(header: readonly string[], max = 8): string {
  if (header.length === 0) return '(none)';
  // Names come from the file: long ones (a headerless file's first row) are shortened, odd ones quoted.
  const shown = header.slice(0, max).map((h) => (h === '' || h.length > 40 || /[\u0000-\u001f\u007f,]/.test(h) ? quote(h) : h));
  return header.length > max ? `${shown.join(', ')}, … (${header.length} in all)` : shown.join(', ');
}

function uniqueRequests(columns: readonly (string | ColumnRequest)[]): ColumnRequest[] {
  const seen = new Map<string, ColumnRequest>();
  for (const c of columns) {
    const r = typeof c === 'string' ? { name: c } : c;
    if (!seen.has(r.name)) seen.set(r.name, r);
  }
  return [...seen.values()];
}

/** Every requested column must exist exactly once in the header; returns the names in request order. */
function checkColumns(
  file: string,
  header: readonly string[],
  requests: readonly (string | ColumnRequest)[]
): string[] {
  const names: string[] = [];
  for (const c of requests) {
    const r = typeof c === 'string' ? { name: c } : c;
    if (names.includes(r.name)) throw new Error(`scanTable: column ${r.name} requested twice`);
    const first = header.indexOf(r.name);
    if (first < 0) throw missingColumnError(file, r.name, header, r.configKey);
    const again = header.indexOf(r.name, first + 1);
    if (again >= 0) {
      throw new GateError(
        `${file} has two columns named "${r.name}" (columns ${first + 1} and ${again + 1}); rename or remove one.`,
        { file, key: r.configKey ?? r.name }
      );
    }
    names.push(r.name);
  }
  return names;
}

/**
 * A header with NUL characters or bytes that are not UTF-8: a UTF-16 export (Excel's "Unicode text"), a binary
 * file with a table's extension, or a compressed file without .gz. Says so rather than listing garbled names.
 */
function notUtf8(file: string, format: string): GateError {
  const what = format === 'jsonl' ? 'JSON Lines' : format.toUpperCase();
  return new GateError(
    `${file} is not UTF-8 text (its first line holds NUL characters or bytes that are not UTF-8; it may be UTF-16, ` +
      `compressed or binary); save it as UTF-8 ${what}.`,
    { file, line: 1 }
  );
}

/** A GateError for the usual I/O failures; anything else is returned as it is (a bug, reported as such). */
function readFailure(e: unknown, file: string, gzip: boolean): unknown {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const location = { file };
  switch (code) {
    case 'ENOENT':
      return new GateError(`${file} does not exist; check the path (it is relative to the workspace).`, location);
    case 'EISDIR':
      return new GateError(`${file} is a directory; point to a file inside it.`, location);
    case 'EACCES':
    case 'EPERM':
      return new GateError(`${file} cannot be read (permission denied); make it readable by the runner.`, location);
  }
  if (gzip && typeof code === 'string' && code.startsWith('Z_')) {
    // Not `instanceof Error`: errors from node's own modules may come from another realm (vm contexts).
    const message = (e as { message?: unknown }).message;
    const why = typeof message === 'string' && message !== '' ? message : code;
    return new GateError(`${file} is not a valid gzip file (${why}); recompress it or drop the .gz extension.`, location);
  }
  return e;
}
