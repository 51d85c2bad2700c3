import { quantileSorted } from '../../src/stats/quantile.js';

describe('quantileSorted (Hyndman–Fan type 7)', () => {
  test("numpy.quantile's documented example", () => {
    // a = [[10, 7, 4], [3, 2, 1]]: np.quantile(a, 0.5) = 3.5; along axis 0 → [6.5, 4.5, 2.5]; axis 1 → [7, 2].
    expect(quantileSorted([1, 2, 3, 4, 7, 10], 0.5)).toBe(3.5);
    expect(quantileSorted([3, 10], 0.5)).toBe(6.5);
    expect(quantileSorted([2, 7], 0.5)).toBe(4.5);
    expect(quantileSorted([1, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([4, 7, 10], 0.5)).toBe(7);
    expect(quantileSorted([1, 2, 3], 0.5)).toBe(2);
  });

  test('R quantile() type 7 values', () => {
    // quantile(1:10, c(0.1, 0.25, 0.9)) = 1.9, 3.25, 9.1
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantileSorted(x, 0.1)).toBeCloseTo(1.9, 14);
    expect(quantileSorted(x, 0.25)).toBe(3.25);
    expect(quantileSorted(x, 0.9)).toBeCloseTo(9.1, 14);
    // np.percentile([15, 20, 35, 40, 50], [5, 30, 40, 95]) = [16, 23, 29, 48]
    const y = [15, 20, 35, 40, 50];
    expect(quantileSorted(y, 0.05)).toBeCloseTo(16, 12);
    expect(quantileSorted(y, 0.3)).toBeCloseTo(23, 12);
    expect(quantileSorted(y, 0.4)).toBeCloseTo(29, 12);
    expect(quantileSorted(y, 0.95)).toBeCloseTo(48, 12);
  });

  test('ends, single element, typed arrays', () => {
    const x = new Float64Array([-3, 0.5, 2, 2, 9]);
    expect(quantileSorted(x, 0)).toBe(-3);
    expect(quantileSorted(x, 1)).toBe(9);
    expect(quantileSorted(x, 0.5)).toBe(2);
    expect(quantileSorted([42], 0)).toBe(42);
    expect(quantileSorted([42], 0.37)).toBe(42);
    expect(quantileSorted([42], 1)).toBe(42);
  });

  test('stays within the neighbours and is monotone in q', () => {
    const x = [0.1, 0.1 + 1e-16, 0.3, 1e10, 1e10];
    let prev = -Infinity;
    for (let i = 0; i <= 1000; i++) {
      const v = quantileSorted(x, i / 1000);
      expect(v).toBeGreaterThanOrEqual(prev);
      prev = v;
    }
    // Equal neighbours interpolate to exactly that value.
    expect(quantileSorted([5, 5, 5], 0.3)).toBe(5);
  });

  test('rejects empty input and q outside [0, 1]', () => {
    expect(() => quantileSorted([], 0.5)).toThrow(RangeError);
    expect(() => quantileSorted([1, 2], -0.1)).toThrow(RangeError);
    expect(() => quantileSorted([1, 2], 1.1)).toThrow(RangeError);
    expect(() => quantileSorted([1, 2], Number.NaN)).toThrow(RangeError);
  });
});
