/**
 * Column profiles of a data table: everything the data gate's checks need, gathered in one streaming pass so
 * a table is never held as text. Per column: the missing count (docs/config.md: empty, JSON null, `NA`, `NaN`,
 * `null`), the plain-decimal values as numbers, and every other value counted by its canonical text (as
 * labels are compared: trimmed, true/false in any case), with the first line each was seen on.
 *
 * Distinct texts are capped per column (MAX_DISTINCT_TEXTS): past it a column is an identifier or free text,
 * its categorical PSI is meaningless, and the counts stop growing memory.
 */
import { canonicalKey, parseStrictNumber } from '../../base/values.js';
import { growFloat64 } from '../../base/growable.js';

/** Distinct non-numeric values kept per column. */
export const MAX_DISTINCT_TEXTS = 1000;

/** docs/config.md's missing values, after trimming. JSON null reaches us as empty text. */
export function isMissing(text: string): boolean {
  const t = text.trim();
  return t === '' || t === 'NA' || t === 'NaN' || t === 'null';
}

export interface TextCount {
  /** The value as first written (trimmed). */
  text: string;
  count: number;
  line: number;
}

export interface ValueAt {
  value: number;
  line: number;
}

export interface ColumnProfile {
  name: string;
  /** Rows of the table (every row has every column; absent JSONL keys are missing values). */
  rows: number;
  missing: number;
  /** Non-missing values written as plain decimal numbers, in file order. */
  numbers: Float64Array;
  /** Where the smallest and largest numbers are, for messages. */
  smallest: ValueAt | null;
  largest: ValueAt | null;
  /** The first number that is not a whole number, and how many there are. */
  nonInteger: { count: number; first: { text: string; line: number } | null };
  /** Non-missing, non-numeric values by canonical key (up to MAX_DISTINCT_TEXTS keys). */
  texts: Map<string, TextCount>;
  /** Non-numeric values whose key did not fit in `texts`. */
  overflow: number;
  /** How many non-missing values are not numbers (in `texts` or overflow). */
  textTotal: number;
  /** The first non-numeric value, for messages. */
  firstText: { text: string; line: number } | null;
}

export interface TableProfile {
  /** The path as the user wrote it. */
  file: string;
  rows: number;
  /** Every column of the table, in file order (profiled or not). */
  header: readonly string[];
  /** The profiled columns. */
  columns: Map<string, ColumnProfile>;
}

/** Accumulates one column's profile, value by value. */
export class ColumnProfiler {
  private rows = 0;
  private missing = 0;
  private readonly values = growFloat64();
  private smallest: ValueAt | null = null;
  private largest: ValueAt | null = null;
  private nonIntegerCount = 0;
  private nonIntegerFirst: { text: string; line: number } | null = null;
  private texts = new Map<string, TextCount>();
  private overflow = 0;
  private textTotal = 0;
  private firstText: { text: string; line: number } | null = null;

  constructor(private readonly name: string) {}

  push(text: string, line: number): void {
    this.rows++;
    if (isMissing(text)) {
      this.missing++;
      return;
    }
    const v = parseStrictNumber(text);
    if (Number.isFinite(v)) {
      this.values.push(v);
      if (this.smallest === null || v < this.smallest.value) this.smallest = { value: v, line };
      if (this.largest === null || v > this.largest.value) this.largest = { value: v, line };
      if (!Number.isInteger(v)) {
        this.nonIntegerCount++;
        this.nonIntegerFirst ??= { text: text.trim(), line };
      }
      return;
    }
    this.textTotal++;
    this.firstText ??= { text: text.trim(), line };
    const key = canonicalKey(text);
    const seen = this.texts.get(key);
    if (seen) seen.count++;
    else if (this.texts.size < MAX_DISTINCT_TEXTS) this.texts.set(key, { text: text.trim(), count: 1, line });
    else this.overflow++;
  }

  profile(): ColumnProfile {
    return {
      name: this.name,
      rows: this.rows,
      missing: this.missing,
      numbers: this.values.toArray(),
      smallest: this.smallest,
      largest: this.largest,
      nonInteger: { count: this.nonIntegerCount, first: this.nonIntegerFirst },
      texts: this.texts,
      overflow: this.overflow,
      textTotal: this.textTotal,
      firstText: this.firstText
    };
  }
}

/** Profiles of in-memory columns (tests, small tables): column name → cell texts, one per row. */
export function profileTable(file: string, columns: Record<string, readonly string[]>): TableProfile {
  const header = Object.keys(columns);
  const profiles = new Map<string, ColumnProfile>();
  let rows = 0;
  for (const name of header) {
    const p = new ColumnProfiler(name);
    columns[name].forEach((text, i) => p.push(text, i + 2));
    profiles.set(name, p.profile());
    rows = Math.max(rows, columns[name].length);
  }
  return { file, rows, header, columns: profiles };
}

/** Numeric column: at least one value and every non-missing value a plain number. */
export function isNumericColumn(c: ColumnProfile): boolean {
  return c.numbers.length > 0 && c.textTotal === 0;
}

/** The column's values as categories: canonical key → count (numbers by their shortest text, as labels). */
export function categoryCounts(c: ColumnProfile): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, t] of c.texts) out.set(key, t.count);
  for (let i = 0; i < c.numbers.length; i++) {
    const key = String(c.numbers[i]);
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}
