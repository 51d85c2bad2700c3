/**
 * Ordering ids by Unicode code point, which is also the byte order of their UTF-8 encoding: the same on every
 * machine and locale, and what `LC_ALL=C sort` or Python's sorted() give. JavaScript's `<` compares UTF-16
 * code units instead, which differs only for characters above U+FFFF against U+E000–U+FFFF.
 */
import { endianness } from 'node:os';
import { compareBytes, type IdColumn } from './id-column.js';

/** Negative, zero or positive as `a` sorts before, with or after `b` by code point. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x >= 0xd800 && y >= 0xd800 ? codePointRank(x) - codePointRank(y) : x - y;
  }
  return a.length - b.length;
}

/** Surrogates (U+D800–DFFF) encode code points above U+FFFF, so they rank after U+E000–U+FFFF. */
function codePointRank(unit: number): number {
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}


const compareUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const NEEDS_CODE_POINT_COMPARE = /[\ud800-\uffff]/;

/** `<` where it agrees with code point order (no unit at or above U+D800 anywhere), else compareCodePoints. */
function comparatorFor(ids: readonly string[]): (a: string, b: string) => number {
  return ids.some((id) => NEEDS_CODE_POINT_COMPARE.test(id)) ? compareCodePoints : compareUnits;
}

/** The packing of sortedOrder and sortedIdOrder for n rows and `bits` per character (see sortedOrder). */
function packingPlan(indexBits: number, bits: number) {
  const keyBits = Math.min(52, 64 - indexBits); // the key stays an exact double
  const width = Math.min(WINDOW, Math.floor(keyBits / bits)); // characters packed per id
  const radix = 2 ** bits;
  return {
    width,
    top: radix - 1, // this rank and above: "too many to tell apart", packing stops there
    radix,
    lowKeySpan: 2 ** (32 - indexBits),
    indexSpan: 2 ** indexBits,
    shift: Float64Array.from({ length: width + 1 }, (_, m) => radix ** m) // ** per row is slow
  };
}

/**
 * The row order of sorted packed keys (`words`: [low, high] per key, the row index in the low bits), with each
 * run of equal packed prefixes sorted by `compare` on whole ids; runs are mostly pairs, which need no array.
 */
function refinedOrder(words: Uint32Array, n: number, indexBits: number, compare: (i: number, j: number) => number): Uint32Array {
  const order = new Uint32Array(n);
  const indexMask = 2 ** indexBits - 1;
  for (let k = 0; k < n; k++) order[k] = words[2 * k]! & indexMask;
  let first = 0;
  for (let k = 1; k <= n; k++) {
    const sameKey =
      k < n && words[2 * k + 1] === words[2 * first + 1] && words[2 * k]! >>> indexBits === words[2 * first]! >>> indexBits;
    if (sameKey) continue;
    if (k - first === 2) {
      const i = order[first]!;
      const j = order[first + 1]!;
      if (compare(i, j) > 0) {
        order[first] = j;
        order[first + 1] = i;
      }
    } else if (k - first > 2) {
      const run = Array.from(order.subarray(first, k));
      run.sort(compare);
      order.set(run, first);
    }
    first = k;
  }
  return order;
}

/**
 * Row indices of `ids` sorted by id; equal ids keep their row order.
 *
 * A comparison sort of 10M random ids takes most of a minute in V8 (a JS callback and a cache miss per
 * comparison). Instead each id's first characters after the prefix all ids share are packed, a few bits
 * each, into the high bits of a 64-bit integer with the row index in the low bits; those sort natively, and
 * whole ids are compared only within runs of equal packed prefixes. The packing is monotone (it never puts
 * two ids the wrong way round, at worst it ties them), which is all the run refinement needs.
 */
export function sortedOrder(ids: readonly string[]): Uint32Array {
  const n = ids.length;
  const indexBits = Math.max(1, 32 - Math.clz32(n - 1));
  if (n < 2 || indexBits > 30 || endianness() !== 'LE') return comparisonSort(ids, comparatorFor(ids));

  const skip = commonPrefixLength(ids);
  const { rank, bits } = alphabet(ids, skip);
  const { width, top, radix, lowKeySpan, indexSpan, shift } = packingPlan(indexBits, bits);

  const packed = new BigUint64Array(n);
  const words = new Uint32Array(packed.buffer); // little-endian: [low, high] per element
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    const end = Math.min(id.length, skip + width);
    let key = 0;
    let k = skip;
    for (; k < end; k++) {
      const v = rank[id.charCodeAt(k)];
      if (v >= top) {
        key = key * radix + top;
        k++;
        break;
      }
      key = key * radix + v;
    }
    // Past the end (or after a saturated character) counts as 0, so a shorter id sorts first.
    key *= shift[skip + width - k];
    const high = Math.floor(key / lowKeySpan); // powers of two: exact, and cheaper than %
    words[2 * i] = (key - high * lowKeySpan) * indexSpan + i;
    words[2 * i + 1] = high;
  }
  packed.sort();
  let compareText: ((a: string, b: string) => number) | undefined;
  return refinedOrder(words, n, indexBits, (i, j) => (compareText ??= comparatorFor(ids))(ids[i], ids[j]));
}

/** Characters examined for the alphabet; also the most packed per id (52 bits at 4 bits each). */
const WINDOW = 13;

function commonPrefixLength(ids: readonly string[]): number {
  const first = ids[0];
  let length = first.length;
  for (let i = 1; i < ids.length && length > 0; i++) {
    const id = ids[i];
    const m = Math.min(length, id.length);
    let k = 0;
    while (k < m && id.charCodeAt(k) === first.charCodeAt(k)) k++;
    length = k;
  }
  return length;
}

/**
 * Dense ranks (1, 2, … in code point order; 0 means "past the end") of the code units found right after the
 * common prefix, and the bits (4–8) a character needs: hex ids need 5, not 7. With more than 254 distinct
 * units the largest share rank 2^8 - 1, where packing stops.
 */
function alphabet(ids: readonly string[], skip: number): { rank: Uint8Array; bits: number } {
  const seen = new Uint8Array(0x10000);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    const end = Math.min(id.length, skip + WINDOW);
    for (let k = skip; k < end; k++) seen[id.charCodeAt(k)] = 1;
  }
  let distinct = 0;
  for (let u = 0; u < 0x10000; u++) distinct += seen[u];
  let bits = 4;
  while (bits < 8 && 2 ** bits < distinct + 2) bits++;
  const top = 2 ** bits - 1;
  const rank = new Uint8Array(0x10000);
  let next = 1;
  // Code point order: units below U+D800, then U+E000–U+FFFF, then the surrogates (code points > U+FFFF).
  for (const [from, to] of [[0, 0xd800], [0xe000, 0x10000], [0xd800, 0xe000]]) {
    for (let u = from; u < to; u++) if (seen[u]) rank[u] = Math.min(next++, top);
  }
  return { rank, bits };
}

function comparisonSort(ids: readonly string[], compare: (a: string, b: string) => number): Uint32Array {
  const order = Array.from(ids.keys());
  order.sort((i, j) => compare(ids[i], ids[j]));
  return Uint32Array.from(order);
}

/**
 * Row indices of `ids` sorted by id (code point order), equal ids in row order: sortedOrder's packed-prefix
 * sort on the ids' UTF-8 bytes, whose byte order is code point order. A column that kept strings (a lone
 * surrogate, see id-column.ts) takes sortedOrder itself.
 */
export function sortedIdOrder(ids: IdColumn): Uint32Array {
  if (ids.strings) return sortedOrder(ids.strings);
  const n = ids.n;
  const indexBits = Math.max(1, 32 - Math.clz32(n - 1));
  const bytes = ids.bytes;
  const start = ids.start;
  if (n < 2 || indexBits > 30 || endianness() !== 'LE') {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((i, j) => compareBytes(bytes, start[i]!, start[i + 1]!, bytes, start[j]!, start[j + 1]!));
    return Uint32Array.from(order);
  }

  const skip = commonBytePrefix(bytes, start, n);
  const { rank, bits } = byteAlphabet(bytes, start, n, skip);
  const { width, top, radix, lowKeySpan, indexSpan, shift } = packingPlan(indexBits, bits);

  const packed = new BigUint64Array(n);
  const words = new Uint32Array(packed.buffer);
  for (let i = 0; i < n; i++) {
    const from = start[i]! + skip;
    const end = Math.min(start[i + 1]!, from + width);
    let key = 0;
    let k = from;
    for (; k < end; k++) {
      const v = rank[bytes[k]!]!;
      if (v >= top) {
        key = key * radix + top;
        k++;
        break;
      }
      key = key * radix + v;
    }
    key *= shift[from + width - k]!;
    const high = Math.floor(key / lowKeySpan);
    words[2 * i] = (key - high * lowKeySpan) * indexSpan + i;
    words[2 * i + 1] = high;
  }
  packed.sort();
  return refinedOrder(words, n, indexBits, (i, j) => compareBytes(bytes, start[i]!, start[i + 1]!, bytes, start[j]!, start[j + 1]!));
}

function commonBytePrefix(bytes: Uint8Array, start: Uint32Array, n: number): number {
  const s0 = start[0]!;
  let length = start[1]! - s0;
  for (let i = 1; i < n && length > 0; i++) {
    const s = start[i]!;
    const m = Math.min(length, start[i + 1]! - s);
    let k = 0;
    while (k < m && bytes[s + k] === bytes[s0 + k]) k++;
    length = k;
  }
  return length;
}

/** alphabet() for bytes: dense ranks (1, 2, … in byte order; 0 = past the end) of the bytes after the prefix. */
function byteAlphabet(bytes: Uint8Array, start: Uint32Array, n: number, skip: number): { rank: Uint8Array; bits: number } {
  const seen = new Uint8Array(256);
  for (let i = 0; i < n; i++) {
    const from = start[i]! + skip;
    const end = Math.min(start[i + 1]!, from + WINDOW);
    for (let k = from; k < end; k++) seen[bytes[k]!] = 1;
  }
  let distinct = 0;
  for (let u = 0; u < 256; u++) distinct += seen[u]!;
  let bits = 4;
  while (bits < 8 && 2 ** bits < distinct + 2) bits++;
  const top = 2 ** bits - 1;
  const rank = new Uint8Array(256);
  let next = 1;
  for (let u = 0; u < 256; u++) if (seen[u]) rank[u] = Math.min(next++, top);
  return { rank, bits };
}
