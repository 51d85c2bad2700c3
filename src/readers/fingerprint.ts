/**
 * Test-set fingerprint, reported as `test_set.fingerprint` (docs/predictions.md).
 *
 *   fingerprint = "sha256:" + lowercase hex SHA-256 of the UTF-8 bytes of
 *                 id₁ TAB label₁ LF id₂ TAB label₂ LF … idₙ TAB labelₙ LF
 *
 * - one entry per row, ids sorted by Unicode code point (= UTF-8 byte order; no locale), ids unique;
 * - id: the id text exactly as in the file (not trimmed); label: `1` for the positive class, else `0`
 *   (multiclass: the class's canonical text; regression: the label's shortest decimal, see testSetFingerprintOf);
 * - every entry, the last one included, ends with LF;
 * - ids are hashed as they are, so an id holding a TAB or LF makes the encoding ambiguous: avoid such ids.
 *
 * Recompute it, e.g. for a CSV with 0/1 labels in columns `id` and `label`:
 *   python3 -c 'import csv,hashlib,sys; h=hashlib.sha256()
 *   for i,l in sorted((r["id"], r["label"]) for r in csv.DictReader(open(sys.argv[1]))): h.update(f"{i}\t{l}\n".encode())
 *   print("sha256:"+h.hexdigest())' predictions.csv
 */
import { createHash } from 'node:crypto';
import { IdColumn } from './id-column.js';
import { sortedIdOrder } from './id-order.js';

const FLUSH_AT = 1 << 16;

/** Fingerprint of (ids, labels); `order` (row indices sorted by id) is computed when not given. */
export function testSetFingerprint(
  ids: IdColumn | readonly string[],
  label: Uint8Array,
  order?: Uint32Array
): string {
  return testSetFingerprintOf(ids, (i) => (label[i] === 1 ? '1' : '0'), order);
}

/**
 * The same encoding with any label text: multiclass tasks use the class's canonical key (values.ts, so `1` and
 * `1.0` are the same class), regression tasks the label's shortest round-trip decimal (`String(value)`).
 */
export function testSetFingerprintOf(
  idList: IdColumn | readonly string[],
  labelOf: (row: number) => string,
  order?: Uint32Array
): string {
  const ids = IdColumn.of(idList);
  order ??= sortedIdOrder(ids);
  if (ids.strings) return fingerprintOfStrings(ids.strings, labelOf, order);
  // The ids' bytes are copied as they are into ~64 KiB slices: no string per id.
  const hash = createHash('sha256');
  const bytes = ids.bytes;
  const start = ids.start;
  let out = Buffer.allocUnsafe(FLUSH_AT * 2);
  let at = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const label = labelOf(i);
    const len = start[i + 1]! - start[i]!;
    const need = len + 2 + 3 * label.length;
    if (at + need > out.length) {
      hash.update(out.subarray(0, at));
      at = 0;
      if (need > out.length) out = Buffer.allocUnsafe(need);
    }
    // A loop, not Buffer.copy: ids are short, and a native call per id costs more than its bytes.
    for (let b = start[i]!, e = start[i + 1]!; b < e; b++) out[at++] = bytes[b]!;
    out[at++] = 0x09;
    at += label.length === 1 && label.charCodeAt(0) < 0x80 ? ((out[at] = label.charCodeAt(0)), 1) : out.write(label, at, 'utf8');
    out[at++] = 0x0a;
  }
  hash.update(out.subarray(0, at));
  return `sha256:${hash.digest('hex')}`;
}

function fingerprintOfStrings(ids: readonly string[], labelOf: (row: number) => string, order: Uint32Array): string {
  const hash = createHash('sha256');
  let pending = '';
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    pending += ids[i] + '\t' + labelOf(i) + '\n';
    // Hashed in slices of ~64K characters: no whole-file string, few update() calls.
    if (pending.length >= FLUSH_AT) {
      hash.update(pending, 'utf8');
      pending = '';
    }
  }
  hash.update(pending, 'utf8');
  return `sha256:${hash.digest('hex')}`;
}
