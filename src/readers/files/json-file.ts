/** Reading a JSON artifact (load test, cost) with errors that name the file and, for bad JSON, the line. */
import { GateError } from '../../base/errors.js';
import { jsonSyntaxReason } from '../json-reason.js';
import { readTextFile, type TextFileWords } from './text-file.js';

/** Large enough for a load test's raw samples (millions of latencies), small enough to stay in memory. */
export const MAX_JSON_BYTES = 256 * 1024 * 1024;

const JSON_WORDS: TextFileWords = {
  kind: 'a JSON file',
  tooBig: (shown, size, maxBytes, what) => `${shown} is ${size} bytes, more than the ${maxBytes} a JSON artifact may have; summarise ${what}.`
};

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
  const text = await readTextFile(file, shown, what, maxBytes, JSON_WORDS);
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
