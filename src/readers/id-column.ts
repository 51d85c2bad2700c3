/**
 * The ids of a predictions file as UTF-8 bytes in one arena with offsets, not one JS string per row: at 10M rows
 * a string id costs ~32 bytes with its array slot (two files: ~640 MiB, most of the heap), its bytes here ~12.
 * Strings are made only for what a message or the report shows.
 *
 * Byte order of UTF-8 is code point order, the order ids have always been sorted in (id-order.ts), and equal
 * bytes are equal texts, so sorting, matching and the fingerprint give what they gave on strings. The one text
 * UTF-8 cannot carry is a lone surrogate (a JSON `"\ud800"` escape): a column with one keeps its strings and
 * takes the string paths (`strings` is set), so nothing about such ids changes either.
 */
import { growUint32 } from '../base/growable.js';

const PAGE_BYTES = 1 << 22;
/** Offsets are Uint32: past 4 GiB of id bytes (not a predictions file) the builder stops with an Error. */
const MAX_BYTES = 2 ** 32 - 1;
const LONE_SURROGATE = /\p{Surrogate}/u;

export class IdColumn {
  private constructor(
    readonly n: number,
    /** The ids' UTF-8 bytes, id i at [start[i], start[i + 1]); empty when `strings` is set. */
    readonly bytes: Buffer,
    /** n + 1 offsets into bytes. */
    readonly start: Uint32Array,
    /** Set only for a column holding a lone surrogate: the ids as strings (see above). */
    readonly strings: readonly string[] | undefined
  ) {}

  /** A column of these ids (tests, and readers whose ids are strings already). */
  static of(ids: IdColumn | readonly string[]): IdColumn {
    if (ids instanceof IdColumn) return ids;
    const b = new IdColumnBuilder();
    for (const id of ids) b.push(id);
    return b.finish();
  }

  /** A column from its parts as they are (the builder; a column sent from a worker thread). */
  static fromParts(n: number, bytes: Buffer, start: Uint32Array, strings: readonly string[] | undefined): IdColumn {
    return new IdColumn(n, bytes, start, strings);
  }

  /** Id i as text, for messages. */
  text(i: number): string {
    return this.strings ? this.strings[i]! : this.bytes.toString('utf8', this.start[i]!, this.start[i + 1]!);
  }

  /** Every id as text (tests and small files only). */
  texts(): string[] {
    return Array.from({ length: this.n }, (_, i) => this.text(i));
  }
}

/**
 * Collects ids row by row: ASCII is copied a byte at a time, anything else encoded by Buffer.write. The bytes go
 * into pages of 4 MiB, copied once into the arena at the end: growing one buffer by copying would leave about
 * twice the arena behind as garbage (hundreds of MiB at 10M rows, until the next full GC).
 */
export class IdColumnBuilder {
  private readonly pages: Buffer[] = [];
  private page = Buffer.allocUnsafe(PAGE_BYTES);
  /** Bytes used in `page`, and in the pages before it. */
  private used = 0;
  private base = 0;
  private reservedPage = false;
  private readonly start = growUint32();
  private strings: string[] | undefined;
  /** Ids pushed so far. */
  length = 0;

  constructor() {
    this.start.push(0);
  }

  push(id: string): void {
    this.length++;
    if (this.strings) {
      this.strings.push(id);
      return;
    }
    const len = id.length;
    if (this.used + 3 * len > this.page.length) this.nextPage(3 * len);
    const bytes = this.page;
    let at = this.used;
    let i = 0;
    for (; i < len; i++) {
      const c = id.charCodeAt(i);
      if (c >= 0x80) break;
      bytes[at++] = c;
    }
    if (i < len) {
      if (LONE_SURROGATE.test(id)) {
        this.toStrings(id);
        return;
      }
      at += bytes.write(id.slice(i), at, 'utf8');
    }
    this.used = at;
    this.start.push(this.base + at);
  }

  /**
   * Room for about `rows` ids in all (an estimate, see Growable.reserve): the bytes so far move into one page
   * sized at their bytes per id, which becomes the arena without a copy if the estimate holds.
   */
  reserve(rows: number): void {
    if (this.strings || this.length === 0 || rows <= this.length) return;
    this.start.reserve(rows + 1);
    const have = this.base + this.used;
    // Generous: the first rows' ids are often shorter than the rest (counters), and running out means a copy.
    const size = Math.ceil(((rows * have) / this.length) * 1.5) + 64;
    if (size <= PAGE_BYTES || size > MAX_BYTES) return;
    const one = Buffer.from(new ArrayBuffer(size));
    let at = 0;
    for (const p of this.pages) at += p.copy(one, at);
    at += this.page.copy(one, at, 0, this.used);
    this.pages.length = 0;
    this.base = 0;
    this.page = one;
    this.used = at;
    this.reservedPage = true;
  }

  finish(): IdColumn {
    if (this.strings) return IdColumn.fromParts(this.length, Buffer.alloc(0), new Uint32Array(0), this.strings);
    return IdColumn.fromParts(this.length, this.arena(), this.start.toArray(), undefined);
  }

  /** The pages as one buffer of exactly their bytes (its own ArrayBuffer: it can be moved to another thread). */
  private arena(): Buffer {
    const total = this.base + this.used;
    // One reserved page holding everything, at most a third unused: its bytes are the arena, with no copy.
    const last = this.page;
    if (this.reservedPage && this.pages.length === 0 && last.length - this.used <= last.length / 3) {
      return last.subarray(0, this.used);
    }
    const out = Buffer.from(new ArrayBuffer(total));
    let at = 0;
    for (const p of this.pages) at += p.copy(out, at);
    this.page.copy(out, at, 0, this.used);
    return out;
  }

  private nextPage(need: number): void {
    if (this.base + this.used + need > MAX_BYTES) throw new Error('the ids of one file take more than 4 GiB');
    this.pages.push(this.page.subarray(0, this.used));
    this.base += this.used;
    this.used = 0;
    this.page = Buffer.from(new ArrayBuffer(Math.max(PAGE_BYTES, need)));
    this.reservedPage = false;
  }

  /** A lone surrogate: every id so far becomes a string again, and so do the rest. */
  private toStrings(id: string): void {
    const start = this.start.toArray();
    const arena = this.arena();
    const strings: string[] = [];
    for (let i = 0; i + 1 < start.length; i++) strings.push(arena.toString('utf8', start[i]!, start[i + 1]!));
    strings.push(id);
    this.strings = strings;
    this.pages.length = 0;
    this.page = Buffer.alloc(0);
  }
}

/** Negative, zero or positive as id i of `a` sorts before, with or after id j of `b` (code point order). */
export function compareIdsAt(a: IdColumn, i: number, b: IdColumn, j: number, compareText: (x: string, y: string) => number): number {
  if (a.strings || b.strings) {
    const x = a.text(i);
    const y = b.text(j);
    return x === y ? 0 : compareText(x, y);
  }
  return compareBytes(a.bytes, a.start[i]!, a.start[i + 1]!, b.bytes, b.start[j]!, b.start[j + 1]!);
}

/** Id i of `a` equals id j of `b`. */
export function sameIdAt(a: IdColumn, i: number, b: IdColumn, j: number): boolean {
  if (a.strings || b.strings) return a.text(i) === b.text(j);
  const s = a.start[i]!;
  const len = a.start[i + 1]! - s;
  const t = b.start[j]!;
  if (b.start[j + 1]! - t !== len) return false;
  const x = a.bytes;
  const y = b.bytes;
  for (let k = 0; k < len; k++) if (x[s + k] !== y[t + k]) return false;
  return true;
}

/** Byte order of x[xs, xe) and y[ys, ye); a prefix sorts first. */
export function compareBytes(x: Uint8Array, xs: number, xe: number, y: Uint8Array, ys: number, ye: number): number {
  const m = Math.min(xe - xs, ye - ys);
  for (let k = 0; k < m; k++) {
    const d = x[xs + k]! - y[ys + k]!;
    if (d !== 0) return d;
  }
  return xe - xs - (ye - ys);
}
