/**
 * Push parser for JSON Lines (`.jsonl` / `.ndjson`): one JSON object per line, blank lines skipped.
 *
 * The columns are the keys of the first object; a later object without a requested key, or with `null`,
 * gives an empty value (the caller decides whether that is allowed). Values become text the obvious way:
 * strings as they are, numbers with String(), booleans as `true`/`false`, null as empty. JSON cannot hold
 * a raw line break inside a string, so splitting on LF is exact.
 */
import { GateError } from '../base/errors.js';
import { MAX_VALUE_CHARS, type RowSink } from './csv-parser.js';
import { jsonSyntaxReason } from './json-reason.js';

const NON_BLANK = /\S/;

export class JsonlParser {
  private carry = ''; // an incomplete last line from earlier chunks
  private line = 1; // line number of `carry`'s start
  private started = false;
  private names: readonly string[] | null = null;
  private values: string[] = [];
  /** Objects seen so far. */
  rows = 0;

  constructor(
    private readonly file: string,
    private readonly sink: RowSink
  ) {}

  /** True once the first object has fixed the column names. */
  get sawHeader(): boolean {
    return this.names !== null;
  }

  push(s: string): void {
    let start = 0;
    if (!this.started && s.length > 0) {
      this.started = true;
      if (s.charCodeAt(0) === 0xfeff) start = 1;
    }
    // Search only the new text for the line end, so a line spanning many chunks is scanned once.
    let nl = s.indexOf('\n', start);
    if (nl < 0) {
      this.carry += s.slice(start);
      if (this.carry.length > MAX_VALUE_CHARS) {
        throw new GateError(
          `${this.file} line ${this.line}: a line longer than ${MAX_VALUE_CHARS.toLocaleString('en-US')} characters; ` +
            `this does not look like JSON Lines of predictions (one object per line).`,
          { file: this.file, line: this.line }
        );
      }
      return;
    }
    this.parseLine(this.carry + s.slice(start, nl));
    this.carry = '';
    start = nl + 1;
    while ((nl = s.indexOf('\n', start)) >= 0) {
      this.parseLine(s.slice(start, nl));
      start = nl + 1;
    }
    this.carry = s.slice(start);
  }

  end(): void {
    const last = this.carry;
    this.carry = '';
    if (last !== '') this.parseLine(last);
  }

  private parseLine(text: string): void {
    const line = this.line++;
    if (!NON_BLANK.test(text)) return;
    let obj: unknown;
    try {
      obj = JSON.parse(text);
    } catch (e) {
      if (line === 1 && /[\u0000\ufffd]/.test(text)) {
        throw new GateError(
          `${this.file} is not UTF-8 text (its first line holds NUL characters or bytes that are not UTF-8; it may be UTF-16, ` +
            `compressed or binary); save it as UTF-8 JSON Lines.`,
          { file: this.file, line }
        );
      }
      // The reason without V8's excerpt of the line: a message may not quote the file's content.
      const { reason, position } = jsonSyntaxReason(e instanceof Error ? e.message : String(e));
      const column = position === undefined ? undefined : position + 1;
      throw new GateError(
        `${this.file} line ${line} is not valid JSON (${reason}${column === undefined ? '' : ` at column ${column}`}); ` +
          `write one JSON object per line.`,
        { file: this.file, line, column }
      );
    }
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
      const what = obj === null ? 'null' : Array.isArray(obj) ? 'an array' : `a ${typeof obj}`;
      throw new GateError(
        `${this.file} line ${line} is ${what}, not a JSON object; write one object per line, like {"id": "17", "label": 1}.`,
        { file: this.file, line }
      );
    }
    const record = obj as Record<string, unknown>;
    if (this.names === null) {
      this.names = this.sink.header(Object.keys(record));
      this.values = this.names.map(() => '');
    }
    const names = this.names;
    for (let k = 0; k < names.length; k++) this.values[k] = this.toText(record, names[k], line);
    this.rows++;
    this.sink.row(this.values, line);
  }

  private toText(record: Record<string, unknown>, name: string, line: number): string {
    const v = record[name];
    switch (typeof v) {
      case 'string':
        return v;
      case 'number':
        return String(v);
      case 'boolean':
        return v ? 'true' : 'false';
      case 'undefined':
        return '';
    }
    // JSON holds no functions, and a key like "constructor" may only be inherited: both mean "absent".
    if (v === null || typeof v === 'function' || !Object.hasOwn(record, name)) return '';
    throw new GateError(
      `${this.file} line ${line}, column "${name}": the value is ${Array.isArray(v) ? 'an array' : 'an object'}; ` +
        `use a number, string, boolean or null.`,
      { file: this.file, line, key: name }
    );
  }
}
