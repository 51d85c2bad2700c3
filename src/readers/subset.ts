/**
 * Row subsets of the paired data, for segments and fairness groups: the same shape, fewer rows. Generic over
 * PairedData's fields so it keeps working when fields are added (multiclass, regression):
 *
 * - a typed array of length n is one value per row;
 * - a typed array of length k·n (k ≥ 2) is k values per row, row-major (e.g. per-class probabilities);
 * - a text column (`extra`, text-column.ts) is its codes, one per row, and its distinct values, kept whole;
 * - plain objects are walked; anything else (file names, the fingerprint, `classes`) is kept as it is.
 *
 * The fingerprint is kept: it names the test set the subset was drawn from.
 */
import type { PairedData } from './paired-data.js';

type TypedArray =
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | Int8Array
  | Int16Array
  | Int32Array
  | Float32Array
  | Float64Array;

function isTypedArray(x: unknown): x is TypedArray {
  return ArrayBuffer.isView(x) && !(x instanceof DataView);
}

/** The rows `rows` (indices into data, in that order) of every per-row field of `data`. */
export function subsetRows(data: PairedData, rows: Uint32Array): PairedData {
  const n = data.n;
  for (let j = 0; j < rows.length; j++) {
    if (!(rows[j] < n)) throw new RangeError(`subsetRows: row ${rows[j]} is outside 0…${n - 1}`);
  }
  const pick = (value: unknown): unknown => {
    if (isTypedArray(value)) {
      const len = value.length;
      if (n === 0 || len === 0 || len % n !== 0) return value;
      const k = len / n;
      const Ctor = value.constructor as new (length: number) => TypedArray;
      const out = new Ctor(rows.length * k);
      if (k === 1) {
        for (let j = 0; j < rows.length; j++) out[j] = value[rows[j]];
      } else {
        for (let j = 0; j < rows.length; j++) out.set(value.subarray(rows[j] * k, rows[j] * k + k), j * k);
      }
      return out;
    }
    // Lists are never per row (text columns keep their rows as codes): the distinct values stay whole.
    if (Array.isArray(value)) return [...value];
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = pick(v);
      return out;
    }
    return value;
  };
  const out = pick(data) as PairedData;
  out.n = rows.length;
  return out;
}

/**
 * Reorders every per-row field of `data` in place so that row j becomes the old row order[j] (`order` must be
 * a permutation of 0…n−1): what subsetRows(data, order) returns, without a second copy of every column, which
 * on 10M rows is some 300 MiB of peak memory. `data` is consumed: its arrays are the result's.
 *
 * Each column is gathered (out[j] = in[order[j]]) into one scratch buffer shared by all columns (as large as the
 * largest column) and copied back, by a loop written for its type: V8 compiles each to plain loads and stores,
 * where one loop shared by all the array types (through get/set closures) was polymorphic and several times slower.
 */
export function permuteRowsInPlace(data: PairedData, order: Uint32Array): PairedData {
  const n = data.n;
  if (order.length !== n) throw new RangeError(`permuteRowsInPlace: order has ${order.length} entries for ${n} rows`);
  const seen = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    if (!(order[j]! < n) || seen[order[j]!]) throw new RangeError('permuteRowsInPlace: order is not a permutation');
    seen[order[j]!] = 1;
  }
  const typed: TypedArray[] = [];
  const done = new Set<unknown>();
  const visit = (value: unknown): void => {
    if (done.has(value)) return;
    if (isTypedArray(value)) {
      const len = value.length;
      if (n > 0 && len > 0 && len % n === 0) typed.push(value);
      done.add(value);
    } else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      for (const v of Object.values(value)) visit(v);
    }
  };
  visit(data);
  let bytes = 0;
  for (const a of typed) bytes = Math.max(bytes, a.byteLength);
  const scratch = new ArrayBuffer(bytes);
  for (const a of typed) gatherTyped(a, order, a.length / n, scratch);
  return data;
}

/** a ← a[order] in blocks of k values, through `scratch`; one monomorphic loop per array type. */
function gatherTyped(a: TypedArray, order: Uint32Array, k: number, scratch: ArrayBuffer): void {
  if (k !== 1) {
    // Blocks of k values per row (per-class probabilities): copied a block at a time.
    const Ctor = a.constructor as new (buffer: ArrayBuffer, offset: number, length: number) => TypedArray;
    const out = new Ctor(scratch, 0, a.length);
    for (let j = 0; j < order.length; j++) out.set(a.subarray(order[j]! * k, order[j]! * k + k), j * k);
    a.set(out);
    return;
  }
  if (a instanceof Float64Array) gatherF64(a, order, new Float64Array(scratch, 0, a.length));
  else if (a instanceof Uint8Array) gatherU8(a, order, new Uint8Array(scratch, 0, a.length));
  else if (a instanceof Uint32Array) gatherU32(a, order, new Uint32Array(scratch, 0, a.length));
  else if (a instanceof Int32Array) gatherI32(a, order, new Int32Array(scratch, 0, a.length));
  else if (a instanceof Float32Array) gatherF32(a, order, new Float32Array(scratch, 0, a.length));
  else if (a instanceof Uint16Array) gatherU16(a, order, new Uint16Array(scratch, 0, a.length));
  else if (a instanceof Int16Array) gatherI16(a, order, new Int16Array(scratch, 0, a.length));
  else if (a instanceof Int8Array) gatherI8(a, order, new Int8Array(scratch, 0, a.length));
  else {
    // Any other view (Uint8ClampedArray, …): the same gather, polymorphic.
    const b = a as TypedArray;
    const Ctor = b.constructor as new (buffer: ArrayBuffer, offset: number, length: number) => TypedArray;
    const out = new Ctor(scratch, 0, b.length);
    for (let j = 0; j < order.length; j++) out[j] = b[order[j]!]!;
    b.set(out);
  }
}

function gatherF64(a: Float64Array, order: Uint32Array, out: Float64Array): void {
  for (let j = 0; j < out.length; j++) out[j] = a[order[j]!]!;
  a.set(out);
}
function gatherF32(a: Float32Array, order: Uint32Array, out: Float32Array): void {
  for (let j = 0; j < out.length; j++) out[j] = a[order[j]!]!;
  a.set(out);
}
function gatherU32(a: Uint32Array, order: Uint32Array, out: Uint32Array): void {
  for (let j = 0; j < out.length; j++) out[j] = a[order[j]!]!;
  a.set(out);
}
function gatherI32(a: Int32Array, order: Uint32Array, out: Int32Array): void {
  for (let j = 0; j < out.length; j++) out[j] = a[order[j]!]!;
  a.set(out);
}
function gatherU16(a: Uint16Array, order: Uint32Array, out: Uint16Array): void {
  for (let j = 0; j < out.length; j++) out[j] = a[order[j]!]!;
  a.set(out);
}
function gatherI16(a: Int16Array, order: Uint32Array, out: Int16Array): void {
  for (let j = 0; j < out.length; j++) out[j] = a[order[j]!]!;
  a.set(out);
}
function gatherU8(a: Uint8Array, order: Uint32Array, out: Uint8Array): void {
  for (let j = 0; j < out.length; j++) out[j] = a[order[j]!]!;
  a.set(out);
}
function gatherI8(a: Int8Array, order: Uint32Array, out: Int8Array): void {
  for (let j = 0; j < out.length; j++) out[j] = a[order[j]!]!;
  a.set(out);
}
