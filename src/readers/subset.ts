/**
 * Row subsets of the paired data, for segments and fairness groups: the same shape, fewer rows. Generic over
 * PairedData's fields so it keeps working when fields are added (multiclass, regression):
 *
 * - a typed array of length n is one value per row;
 * - a typed array of length k·n (k ≥ 2) is k values per row, row-major (e.g. per-class probabilities);
 * - under `extra`, each array of n strings is one text per row;
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
  const pick = (value: unknown, inExtra = false): unknown => {
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
    if (Array.isArray(value)) {
      if (inExtra && value.length === n) return Array.from(rows, (i) => value[i] as string);
      return [...value];
    }
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        if (inExtra) out[k] = pick(v, true);
        else out[k] = pick(v, k === 'extra');
      }
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
 */
export function permuteRowsInPlace(data: PairedData, order: Uint32Array): PairedData {
  const n = data.n;
  if (order.length !== n) throw new RangeError(`permuteRowsInPlace: order has ${order.length} entries for ${n} rows`);
  const seen = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    if (!(order[j]! < n) || seen[order[j]!]) throw new RangeError('permuteRowsInPlace: order is not a permutation');
    seen[order[j]!] = 1;
  }
  const done = new Set<unknown>();
  const visit = (value: unknown, inExtra: boolean): void => {
    if (done.has(value)) return;
    if (isTypedArray(value)) {
      const len = value.length;
      if (n > 0 && len > 0 && len % n === 0) permuteBlocks(value, order, len / n);
      done.add(value);
    } else if (Array.isArray(value)) {
      if (inExtra && value.length === n) permuteBlocks(value, order, 1);
      done.add(value);
    } else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      for (const [k, v] of Object.entries(value)) visit(v, inExtra || k === 'extra');
    }
  };
  visit(data, false);
  return data;
}

/** Applies out[j] = in[order[j]] to blocks of k values, following the permutation's cycles. */
function permuteBlocks(a: TypedArray | unknown[], order: Uint32Array, k: number): void {
  const n = order.length;
  const moved = new Uint8Array(n);
  const tmp: unknown[] = new Array(k);
  const get = (i: number) => a[i];
  const set = (i: number, v: unknown) => ((a as unknown[])[i] = v);
  for (let start = 0; start < n; start++) {
    if (moved[start] || order[start] === start) continue;
    for (let t = 0; t < k; t++) tmp[t] = get(start * k + t);
    let j = start;
    for (;;) {
      moved[j] = 1;
      const from = order[j]!;
      if (from === start) {
        for (let t = 0; t < k; t++) set(j * k + t, tmp[t]);
        break;
      }
      for (let t = 0; t < k; t++) set(j * k + t, get(from * k + t));
      j = from;
    }
  }
}
