import { pairedMeanInterval } from '../../src/stats/paired-normal.js';

const Z95 = 1.959963984540054;

describe('pairedMeanInterval', () => {
  test('a hand-computed example', () => {
    // d = [1, 2, 3, 4] − [0, 0, 0, 0]: mean 2.5, sd √(5/3), se √(5/3)/2.
    const r = pairedMeanInterval([1, 2, 3, 4], [0, 0, 0, 0], 0.95);
    const se = Math.sqrt(5 / 3) / 2;
    expect(r.candidate).toBe(2.5);
    expect(r.champion).toBe(0);
    expect(r.delta).toBe(2.5);
    expect(r.se).toBeCloseTo(se, 15);
    expect(r.low).toBeCloseTo(2.5 - Z95 * se, 12);
    expect(r.high).toBeCloseTo(2.5 + Z95 * se, 12);
  });

  test('pairing: a shared per-row effect cancels', () => {
    // Rows vary a lot, the models differ by exactly 0.1 on each: Δ = 0.1 with no uncertainty.
    const base = [0.3, 5, 0.01, 2.7, 9.9];
    const r = pairedMeanInterval(
      base.map((x) => x + 0.125),
      base.map((x) => x + 0.025),
      0.95
    );
    expect(r.delta).toBeCloseTo(0.1, 12);
    expect(r.se).toBeLessThan(1e-15);
    // Differences [0.1, −0.1, 0.3]: mean 0.1, sd 0.2, se 0.2/√3; level 0.9 uses z = 1.644854.
    const q = pairedMeanInterval([1.1, 2.9, 3.3], [1, 3, 3], 0.9);
    expect(q.delta).toBeCloseTo(0.1, 12);
    expect(q.se).toBeCloseTo(0.2 / Math.sqrt(3), 12);
    expect(q.high - q.low).toBeCloseTo((2 * 1.644853626951472 * 0.2) / Math.sqrt(3), 12);
  });

  test('stays accurate when the differences sit far from zero', () => {
    // d = 1e8 + [1, 2, 3, 4]: the one-pass Σd² − n·mean² formula loses every digit here; variance is 5/3.
    const r = pairedMeanInterval([1e8 + 1, 1e8 + 2, 1e8 + 3, 1e8 + 4], [0, 0, 0, 0], 0.95);
    expect(r.delta).toBe(1e8 + 2.5);
    expect(r.se).toBeCloseTo(Math.sqrt(5 / 3) / 2, 10);
  });

  test('one row: se 0 and a zero-width interval', () => {
    expect(pairedMeanInterval([0.3], [0.5], 0.95)).toEqual({
      candidate: 0.3,
      champion: 0.5,
      delta: 0.3 - 0.5,
      se: 0,
      low: 0.3 - 0.5,
      high: 0.3 - 0.5
    });
  });

  test('rejects empty or mismatched input and a bad level', () => {
    expect(() => pairedMeanInterval([], [], 0.95)).toThrow(RangeError);
    expect(() => pairedMeanInterval([1, 2], [1], 0.95)).toThrow(RangeError);
    expect(() => pairedMeanInterval([1, 2], [1, 2], 1.5)).toThrow(RangeError);
  });
});
