/**
 * Push parser for CSV/TSV text (RFC 4180): fed decoded chunks of any size, it hands each record to a sink.
 *
 * Why hand-written: predictions files reach 10M rows, and the hot loop here only compares char codes and
 * slices the fields the caller asked for; every other field is skipped without allocating. The state lives
 * in fields so a quoted field, a `""` or a CRLF may be split across chunks anywhere.
 *
 * Accepted: optional UTF-8 BOM, LF or CRLF (or a lone CR) line ends, a missing final line end, blank lines
 * (skipped), quoted fields with the delimiter, `""` and line breaks inside. A quote inside an unquoted field
 * is kept as text (`5" screen`), as most writers and readers do. Line numbers are physical lines (1-based),
 * counting line breaks inside quoted fields, so messages point at what an editor shows.
 */
import { GateError } from '../base/errors.js';

/** Receives the header and then every record of a table. Shared by the CSV and JSONL parsers. */
export interface RowSink {
  /** Called once with the column names (trimmed); returns the names to extract, each present and listed once. */
  header(names: readonly string[]): readonly string[];
  /** Called per record with the requested values in `header()`'s order; `values` is reused between calls. */
  row(values: string[], line: number): void;
}

/**
 * The longest value (CSV/TSV) or line (JSONL) a reader keeps: 16 Mi characters. A real row is a few hundred
 * characters (tens of thousands with 1000 class probabilities); past this a file is not a predictions table,
 * and without a limit a gzip bomb of one endless line would end in V8's string-length error.
 */
export const MAX_VALUE_CHARS = 1 << 24;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const BOM = 0xfeff;

// States between two characters.
const RECORD_START = 0; // before a record; line breaks here are blank lines
const FIELD_START = 1; // after a delimiter or at the start of a record
const UNQUOTED = 2;
const QUOTED = 3;
const QUOTE_SEEN = 4; // a quote inside a quoted field: either its end or the first half of `""`
const AFTER_CR = 5; // a line ended with CR; an LF right after it belongs to the same line end

// Where the current field goes (`slot`).
const SKIP = -1;
const TO_HEADER = -2;

export class CsvParser {
  private state = RECORD_START;
  private line = 1; // physical line of the next character
  private recordLine = 1;
  private quoteLine = 1; // line where the current quoted field opened, for "never closed"
  private fieldIndex = 0;
  private slot = TO_HEADER;
  private pending = ''; // the current field's text from earlier chunks (or before a `""`)
  private started = false;
  private headerFields: string[] | null = [];
  private slotOf = new Int32Array(0); // field index → index in `values`, or SKIP
  private width = 0;
  private values: string[] = [];
  /** Data records seen so far (the header excluded). */
  rows = 0;

  constructor(
    private readonly file: string,
    private readonly delimiter: ',' | '\t',
    private readonly sink: RowSink
  ) {}

  /** True once the header record is complete. */
  get sawHeader(): boolean {
    return this.headerFields === null;
  }

  push(s: string): void {
    const n = s.length;
    const delim = this.delimiter.charCodeAt(0);
    let i = 0;
    if (!this.started && n > 0) {
      this.started = true;
      if (s.charCodeAt(0) === BOM) i = 1;
    }
    let state = this.state;
    let seg = i; // start of the current field's text in this chunk
    while (i < n) {
      switch (state) {
        case AFTER_CR:
          if (s.charCodeAt(i) === LF) i++;
          state = RECORD_START;
          break;
        case RECORD_START: {
          const c = s.charCodeAt(i);
          if (c === LF || c === CR) {
            i++;
            this.line++;
            state = c === CR ? AFTER_CR : RECORD_START;
          } else {
            this.recordLine = this.line;
            state = FIELD_START;
          }
          break;
        }
        case FIELD_START:
          this.slot = this.slotFor(this.fieldIndex);
          if (s.charCodeAt(i) === QUOTE) {
            this.quoteLine = this.line;
            i++;
            state = QUOTED;
          } else {
            state = UNQUOTED;
          }
          seg = i;
          break;
        case UNQUOTED: {
          let j = i;
          let c = 0;
          while (j < n) {
            c = s.charCodeAt(j);
            if (c === delim || c === LF || c === CR) break;
            j++;
          }
          if (j === n) {
            i = n; // the field continues in the next chunk
            break;
          }
          this.endField(this.slot === SKIP ? '' : this.pending + s.slice(seg, j));
          i = j + 1;
          state = c === delim ? FIELD_START : this.endLine(c);
          break;
        }
        case QUOTED: {
          const q = s.indexOf('"', i);
          const end = q < 0 ? n : q;
          for (let k = i; k < end; k++) if (s.charCodeAt(k) === LF) this.line++;
          if (q < 0) {
            i = n;
            break;
          }
          if (this.slot !== SKIP) this.pending += s.slice(seg, q);
          i = q + 1;
          state = QUOTE_SEEN;
          break;
        }
        case QUOTE_SEEN: {
          const c = s.charCodeAt(i);
          if (c === QUOTE) {
            if (this.slot !== SKIP) this.pending += '"';
            i++;
            seg = i;
            state = QUOTED;
          } else if (c === delim || c === LF || c === CR) {
            this.endField(this.pending);
            i++;
            state = c === delim ? FIELD_START : this.endLine(c);
          } else {
            throw this.strayQuote();
          }
          break;
        }
      }
    }
    if ((state === UNQUOTED || state === QUOTED) && this.slot !== SKIP) {
      this.pending += s.slice(seg, n);
      if (this.pending.length > MAX_VALUE_CHARS) throw this.valueTooLong(state === QUOTED);
    }
    this.state = state;
  }

  /** A value no predictions file has: stop with a sentence rather than run out of memory or string length. */
  private valueTooLong(quoted: boolean): GateError {
    const why = quoted
      ? `; the quote that opens it on line ${this.quoteLine} may never be closed`
      : '';
    return new GateError(
      `${this.file} line ${this.recordLine}, field ${this.fieldIndex + 1}: a value longer than ${MAX_VALUE_CHARS.toLocaleString('en-US')} characters${why}; ` +
        `this does not look like a table of predictions: check the file and its delimiter.`,
      { file: this.file, line: this.recordLine }
    );
  }

  /** Finishes the last record when the input does not end with a line break. */
  end(): void {
    switch (this.state) {
      case QUOTED:
        throw new GateError(
          `${this.file} line ${this.quoteLine}: a quoted field is never closed; a quote inside a quoted field must be doubled ("").`,
          { file: this.file, line: this.quoteLine }
        );
      case FIELD_START: // "a,b," at the very end: the last field is empty
        this.slot = this.slotFor(this.fieldIndex);
        this.endField('');
        this.endRecord();
        break;
      case UNQUOTED:
      case QUOTE_SEEN:
        this.endField(this.slot === SKIP ? '' : this.pending);
        this.endRecord();
        break;
    }
    this.state = RECORD_START;
  }

  private slotFor(field: number): number {
    if (this.headerFields !== null) return TO_HEADER;
    return field < this.width ? this.slotOf[field] : SKIP;
  }

  private endField(value: string): void {
    if (this.slot >= 0) this.values[this.slot] = value;
    else if (this.slot === TO_HEADER) this.headerFields!.push(value);
    this.pending = '';
    this.fieldIndex++;
  }

  /** Ends the record at line-break character `c`; returns the next state. */
  private endLine(c: number): number {
    this.line++;
    this.endRecord();
    return c === CR ? AFTER_CR : RECORD_START;
  }

  private endRecord(): void {
    const fields = this.fieldIndex;
    this.fieldIndex = 0;
    if (this.headerFields !== null) {
      this.startBody(this.headerFields.map((h) => h.trim()));
      return;
    }
    if (fields !== this.width) throw this.wrongWidth(fields);
    this.rows++;
    this.sink.row(this.values, this.recordLine);
  }

  private startBody(names: string[]): void {
    this.headerFields = null;
    this.width = names.length;
    const wanted = this.sink.header(names);
    this.slotOf = new Int32Array(this.width).fill(SKIP);
    this.values = wanted.map(() => '');
    wanted.forEach((name, slot) => {
      const field = names.indexOf(name);
      if (field < 0) throw new Error(`CsvParser: requested column ${name} is not in the header`);
      this.slotOf[field] = slot;
    });
  }

  private wrongWidth(fields: number): GateError {
    const what = this.delimiter === ',' ? 'commas' : 'tabs';
    return new GateError(
      `${this.file} line ${this.recordLine} has ${fields} field${fields === 1 ? '' : 's'} but the header has ${this.width}; ` +
        `give every row the header's fields, quoting values that contain ${what} or line breaks.`,
      { file: this.file, line: this.recordLine }
    );
  }

  private strayQuote(): GateError {
    return new GateError(
      `${this.file} line ${this.line}: a quoted field is followed by text before the next delimiter; ` +
        `a quote inside a quoted field must be doubled ("").`,
      { file: this.file, line: this.line }
    );
  }
}
