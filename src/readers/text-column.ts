/**
 * Text columns kept per row (segment, group and cluster values): each row's code into the column's distinct
 * values, in order of first appearance. A segment column of 10M rows is then 10 MB of one-byte codes where an
 * array of 10M string references was 80 MB of heap that every full garbage collection walked again.
 */
import { Growable } from '../base/growable.js';
import { detach } from '../base/text.js';

export interface TextColumn {
  /** Per row, an index into `values`: one byte while there are at most 256 distinct values, two up to 65,536. */
  readonly codes: Uint8Array | Uint16Array | Uint32Array;
  /** The distinct values, in order of first appearance. */
  readonly values: readonly string[];
}

/** Row i's text. */
export function textAt(column: TextColumn, i: number): string {
  return column.values[column.codes[i]!]!;
}

/** The column of these texts (tests, and readers that already hold strings). */
export function textColumn(texts: readonly string[]): TextColumn {
  const b = new TextColumnBuilder();
  for (const t of texts) b.push(t);
  return b.finish();
}

/**
 * The same texts with the values renumbered in order of first appearance in the current row order: after rows
 * were reordered, so that equal texts in equal rows give an equal column whatever order they were read in.
 */
export function recoded(column: TextColumn): TextColumn {
  const next = new Int32Array(column.values.length).fill(-1);
  const values: string[] = [];
  const codes = column.codes.slice();
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (next[c] === -1) {
      next[c] = values.length;
      values.push(column.values[c]!);
    }
    codes[i] = next[c]!;
  }
  return { codes, values };
}

/** textColumn of every column of a record. */
export function textColumns(record: Record<string, readonly string[]>): Record<string, TextColumn> {
  const out: Record<string, TextColumn> = {};
  for (const [name, texts] of Object.entries(record)) out[name] = textColumn(texts);
  return out;
}

/** Every row's text, in row order (messages and tests; not for 10M rows). */
export function textsOf(column: TextColumn): string[] {
  return Array.from(column.codes, (c) => column.values[c]!);
}

type Codes = Growable<Uint8Array> | Growable<Uint16Array> | Growable<Uint32Array>;

/** Builds a TextColumn row by row; codes start one byte wide and widen (one copy) as distinct values grow. */
export class TextColumnBuilder {
  private readonly index = new Map<string, number>();
  private readonly values: string[] = [];
  private codes: Codes = new Growable((n) => new Uint8Array(n));
  private limit = 1 << 8;
  private reserved = 0;

  /** Room for about `rows` codes (an estimate, see Growable.reserve). */
  reserve(rows: number): void {
    this.reserved = rows;
    this.codes.reserve(rows);
  }

  push(text: string): void {
    let code = this.index.get(text);
    if (code === undefined) {
      code = this.values.length;
      if (code >= this.limit) this.widen();
      // A slice of a parsed chunk would keep the whole chunk alive: store a flat copy.
      const flat = detach(text);
      this.index.set(flat, code);
      this.values.push(flat);
    }
    this.codes.push(code);
  }

  finish(): TextColumn {
    return { codes: this.codes.toArray(), values: this.values };
  }

  private widen(): void {
    const old = this.codes.toArray();
    const wider: Codes =
      this.limit === 1 << 8 ? new Growable((n) => new Uint16Array(n)) : new Growable((n) => new Uint32Array(n));
    this.limit = this.limit === 1 << 8 ? 1 << 16 : 2 ** 32;
    if (this.reserved > 0) wider.reserve(this.reserved);
    for (let i = 0; i < old.length; i++) wider.push(old[i]!);
    this.codes = wider;
  }
}
