import { createHash } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { testSetFingerprint } from '../../src/readers/fingerprint.js';
import { compareCodePoints, sortedIdOrder, sortedOrder } from '../../src/readers/id-order.js';
import { IdColumn } from '../../src/readers/id-column.js';
import { readPredictions } from '../../src/readers/predictions.js';
import { FIXTURES, options } from './helpers.js';

const sha = (text: string) => 'sha256:' + createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
/** UTF-8 byte order: what Python's sorted() and `LC_ALL=C sort` use. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

describe('testSetFingerprint', () => {
  test('equals SHA-256 of "id TAB label LF" lines sorted by id, written out by hand', () => {
    const fp = testSetFingerprint(['b', 'a', 'c10', 'c2'], Uint8Array.from([1, 0, 0, 1]));
    expect(fp).toBe(sha('a\t0\nb\t1\nc10\t0\nc2\t1\n'));
    expect(fp).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  test('the candidate fixture', async () => {
    const p = await readPredictions(join(FIXTURES, 'candidate.csv'), options());
    expect(testSetFingerprint(p.ids, p.label)).toBe(sha('1\t1\n2\t0\n3\t1\n4\t0\n5\t1\n6\t0\n'));
    // Pinned: also what the Python recipe in fingerprint.ts and `printf … | sha256sum` print.
    expect(testSetFingerprint(p.ids, p.label)).toBe(
      'sha256:1a925d9d730008666c7fab8267366ae7f17485f27ffde524f10bcf730b826395'
    );
  });

  test('does not depend on row order', () => {
    const ids = Array.from({ length: 500 }, (_, i) => `id-${(i * 7919) % 1000}`);
    const label = Uint8Array.from(ids, (_, i) => i % 3 === 0 ? 1 : 0);
    const perm = ids.map((_, i) => (i * 263) % ids.length);
    expect(new Set(perm).size).toBe(ids.length);
    expect(testSetFingerprint(perm.map((i) => ids[i]), Uint8Array.from(perm, (i) => label[i]))).toBe(
      testSetFingerprint(ids, label)
    );
  });

  test('changes when one label changes', () => {
    const ids = ['1', '2', '3'];
    const a = testSetFingerprint(ids, Uint8Array.from([1, 0, 1]));
    const b = testSetFingerprint(ids, Uint8Array.from([1, 1, 1]));
    expect(a).not.toBe(b);
  });

  test('sorts by code point (UTF-8 bytes), not by UTF-16 units or locale', () => {
    // U+E000 < U+1F600 by code point, but its UTF-16 unit 0xE000 > the surrogate 0xD83D.
    const ids = ['😀', '\uE000', 'Z', 'a', 'é', 'B'];
    const fp = testSetFingerprint(ids, new Uint8Array(ids.length));
    expect(fp).toBe(sha('B\t0\nZ\t0\na\t0\né\t0\n\uE000\t0\n😀\t0\n'));
  });

  test('many rows are hashed in slices with the same result as one string', () => {
    const ids = Array.from({ length: 30000 }, (_, i) => `row-${i}`);
    const label = Uint8Array.from(ids, (_, i) => i & 1);
    const text = ids
      .map((id, i) => [id, label[i]] as const)
      .sort((x, y) => byBytes(x[0], y[0]))
      .map(([id, l]) => `${id}\t${l}\n`)
      .join('');
    expect(testSetFingerprint(ids, label)).toBe(sha(text));
  });
});

describe('sortedOrder', () => {
  /** The reference: a stable comparison sort by UTF-8 bytes. */
  const reference = (ids: string[]) => [...ids.keys()].sort((i, j) => byBytes(ids[i], ids[j]));

  test('agrees with a byte-order comparison sort, ties kept in row order (property)', () => {
    const small = fc.string({ unit: fc.constantFrom('a', 'b', '\u0000', '\t', 'é', '\uE000', '\uFFFF', '😀', '𝄞') });
    const any = fc.string({ unit: 'binary', maxLength: 12 });
    const prefixed = fc.tuple(fc.constantFrom('', 'user-', 'https://x/'), small).map(([p, s]) => p + s);
    fc.assert(
      fc.property(fc.array(fc.oneof(small, any, prefixed), { maxLength: 300 }), (ids) => {
        expect([...sortedOrder(ids)]).toEqual(reference(ids));
      }),
      { numRuns: 300 }
    );
  });

  test('more distinct characters than a packed character can tell apart', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0x100 + ((i * 37) % 700)) + String.fromCharCode(0x41 + (i % 26)) + (i % 7));
    expect([...sortedOrder(ids)]).toEqual(reference(ids));
  });

  test('ids longer than the packed prefix, differing only at the end', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `0000000000000000${(i * 7) % 2000}`);
    expect([...sortedOrder(ids)]).toEqual(reference(ids));
  });

  test('empty and single-element inputs', () => {
    expect([...sortedOrder([])]).toEqual([]);
    expect([...sortedOrder(['x'])]).toEqual([0]);
    expect([...sortedOrder(['', ''])]).toEqual([0, 1]);
  });
});

describe('ids as UTF-8 bytes (IdColumn)', () => {
  const reference = (ids: string[]) => [...ids.keys()].sort((i, j) => compareCodePoints(ids[i], ids[j]));
  const text = fc.string({ unit: fc.constantFrom('a', 'b', '\u0000', '\t', 'é', '\uE000', '\uFFFF', '😀', '𝄞', '\u07FF', '\u0800') });
  const any = fc.string({ unit: 'binary', maxLength: 12 });
  const lone = fc.constantFrom('\ud800', 'a\udfff', '\ufffd');

  test('sort in code point order like the strings, ties in row order, and give the same fingerprint (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(text, any, text.map((t) => `user-${t}`)), { maxLength: 300 }), (ids) => {
        const column = IdColumn.of(ids);
        expect(column.strings).toBeUndefined();
        expect(column.texts()).toEqual(ids);
        expect([...sortedIdOrder(column)]).toEqual(reference(ids));
        const label = Uint8Array.from(ids, (_, i) => i % 2);
        expect(testSetFingerprint(column, label)).toBe(testSetFingerprint(ids, label));
      }),
      { numRuns: 300 }
    );
  });

  test('a lone surrogate (a JSON escape) keeps the column as strings: \\ud800 and U+FFFD stay two ids', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(text, lone), { maxLength: 50 }), lone, (ids, one) => {
        const all = [...ids, one];
        const column = IdColumn.of(all);
        expect(column.texts()).toEqual(all);
        expect([...sortedIdOrder(column)]).toEqual([...sortedOrder(all)]);
        const label = new Uint8Array(all.length);
        expect(testSetFingerprint(column, label)).toBe(testSetFingerprint(all, label));
      })
    );
  });

  test('ids across the builder’s 4 MiB pages come back whole, in order', () => {
    const ids = Array.from({ length: 300_000 }, (_, i) => `${'é'.repeat(i % 5)}-a-longer-row-id-${(i * 7919) % 300_000}`);
    const column = IdColumn.of(ids);
    expect(column.bytes.length).toBeGreaterThan(1 << 22); // more than one page
    expect(column.texts()).toEqual(ids);
    const order = sortedIdOrder(column);
    let sorted = true;
    for (let k = 1; k < order.length; k++) sorted &&= compareCodePoints(ids[order[k - 1]], ids[order[k]]) < 0;
    expect(sorted).toBe(true);
  });

  test('many ids, longer than the packed prefix', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `0000000000000000é${(i * 7) % 2500}`);
    expect([...sortedIdOrder(IdColumn.of(ids))]).toEqual(reference(ids));
  });
});

describe('compareCodePoints', () => {
  test('orders like UTF-8 bytes', () => {
    const ids = ['b', 'a', '😀', '\uE000', 'ab', '', 'é'];
    expect([...ids].sort(compareCodePoints)).toEqual([...ids].sort(byBytes));
  });
});
