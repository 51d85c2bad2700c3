import { describe, expect, test } from '@jest/globals';
import type { PairedData } from '../../src/readers/paired-data.js';
import { permuteRowsInPlace, subsetRows } from '../../src/readers/subset.js';
import { textColumn } from '../../src/readers/text-column.js';

/** A paired data set with every kind of per-row field: bytes, doubles, k values per row, texts. */
function sample(n: number, k: number): PairedData {
  const rnd = (i: number) => ((i * 2654435761) % 1000) / 1000;
  return {
    n,
    label: Uint8Array.from({ length: n }, (_, i) => i % 2),
    classes: Array.from({ length: n }, (_, i) => `class${i}`), // n class names: must not be permuted
    labelClass: Uint32Array.from({ length: n }, (_, i) => i % k),
    candidate: {
      file: 'c.csv',
      score: Float64Array.from({ length: n }, (_, i) => rnd(i)),
      proba: Float64Array.from({ length: n * k }, (_, i) => i)
    },
    champion: { file: 'h.csv', prediction: Uint8Array.from({ length: n }, (_, i) => (i * 7) % 2) },
    extra: { segment: textColumn(Array.from({ length: n }, (_, i) => `s${i % 5}`)) },
    fingerprint: 'sha256:x',
    weight: Float64Array.from({ length: n }, (_, i) => i + 1),
    lossSums: { log_loss: { candidate: Float64Array.from({ length: n }, (_, i) => i * 0.5) } }
  };
}

describe('permuteRowsInPlace', () => {
  test.each([
    [1, 2],
    [7, 3],
    [100, 4]
  ])('gives what subsetRows gives, for n = %i', (n, k) => {
    // A permutation with cycles of several lengths and fixed points.
    const order = Uint32Array.from({ length: n }, (_, j) => j);
    for (let j = n - 1; j > 0; j -= 3) [order[j], order[j - 1]] = [order[j - 1]!, order[j]!];
    for (let j = 0; j + 5 < n; j += 11) [order[j], order[j + 5]] = [order[j + 5]!, order[j]!];
    const expected = subsetRows(sample(n, k), order);
    const data = sample(n, k);
    const result = permuteRowsInPlace(data, order);
    expect(result).toBe(data);
    expect(result).toEqual(expected);
    expect(result.classes).toEqual(sample(n, k).classes);
  });

  test('rejects an order that is not a permutation', () => {
    expect(() => permuteRowsInPlace(sample(3, 2), Uint32Array.from([0, 0, 1]))).toThrow('not a permutation');
    expect(() => permuteRowsInPlace(sample(3, 2), Uint32Array.from([0, 1]))).toThrow('2 entries for 3 rows');
  });
});
