/** Reading a JSON artifact (load test, cost) with errors that name the file and, for bad JSON, the line. */
import { promises as fs } from 'node:fs';
import { GateError } from '../../base/errors.js';
import { jsonSyntaxReason } from '../json-reason.js';

/** Large enough for a load test's raw samples (millions of latencies), small enough to stay in memory. */
export const MAX_JSON_BYTES = 256 * 1024 * 1024;

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/**
 * The parsed content of `file`; `shown` is how messages name it and `what` says what it should be
 * (`the load test`). Missing, unreadable, oversized or invalid files are GateErrors.
 */
export async function readJsonFile(file: string, shown: string, what: string, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  let text: string;
  try {
    const st = await fs.stat(file);
    if (st.isDirectory()) throw new GateError(`${shown} is a directory, but ${what} is a JSON file; point to the file.`, { file: shown });
    if (st.size > maxBytes) {
      throw new GateError(`${shown} is ${st.size} bytes, more than the ${maxBytes} a JSON artifact may have; summarise ${what}.`, { file: shown });
    }
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if (e instanceof GateError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new GateError(`${shown} does not exist; check the path of ${what} (it is relative to the workspace).`, { file: shown });
    }
    throw new GateError(`${shown} cannot be read (${code ?? String(e)}); make it readable by the runner.`, { file: shown });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // The reason without V8's excerpt of the text: a message may not quote the file's content.
    const why = jsonSyntaxReason(message).reason;
    // Node ≥ 21 says "(line L column C)", earlier versions "at position P" or nothing.
    const lc = /\(line (\d+) column (\d+)\)/.exec(message);
    const at = / at position (\d+)/.exec(message);
    if (lc || at) {
      const { line, column } = lc ? { line: Number(lc[1]), column: Number(lc[2]) } : lineColumn(text, Number(at![1]));
      throw new GateError(`${shown}:${line}:${column}: ${what} is not valid JSON (${why}).`, {
        file: shown,
        line,
        column
      });
    }
    throw new GateError(`${shown}: ${what} is not valid JSON (${why}).`, { file: shown });
  }
}
