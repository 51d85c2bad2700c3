import { LOG_LOSS_EPS, brierRows, logLossRows, mean, sum } from '../../src/stats/losses.js';

const meanOf = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('logLossRows', () => {
  test("scikit-learn's log_loss documentation example (0.21616...)", () => {
    // log_loss(["spam", "ham", "ham", "spam"], [[.1, .9], [.9, .1], [.8, .2], [.35, .65]]), spam = 1.
    const rows = logLossRows(Uint8Array.from([1, 0, 0, 1]), [0.9, 0.1, 0.2, 0.65]);
    expect(rows[0]).toBeCloseTo(-Math.log(0.9), 15);
    expect(rows[1]).toBeCloseTo(-Math.log(0.9), 15);
    expect(rows[2]).toBeCloseTo(-Math.log(0.8), 15);
    expect(rows[3]).toBeCloseTo(-Math.log(0.65), 15);
    expect(meanOf(rows)).toBeCloseTo(0.21616187468057912, 15);
  });

  test('clips to [eps, 1 − eps] with numpy float64 eps, as scikit-learn', () => {
    expect(LOG_LOSS_EPS).toBe(2.220446049250313e-16);
    const rows = logLossRows(Uint8Array.from([1, 0, 1, 0]), [0, 1, 1, 0]);
    // A confident mistake costs −ln(eps) = 36.04365338911715, not Infinity.
    expect(rows[0]).toBeCloseTo(36.04365338911715, 12);
    expect(rows[1]).toBeCloseTo(36.04365338911715, 12);
    // A confident hit costs −ln(1 − eps) ≈ eps, not 0.
    expect(rows[2]).toBeCloseTo(2.220446049250313e-16, 28);
    expect(rows[2]).toBeGreaterThan(0);
    expect(rows[3]).toBeGreaterThan(0);
    expect(Array.from(rows).every(Number.isFinite)).toBe(true);
  });

  test('rejects labels other than 0/1 and mismatched lengths', () => {
    expect(() => logLossRows(Uint8Array.from([2]), [0.5])).toThrow(RangeError);
    expect(() => logLossRows(Uint8Array.from([1, 0]), [0.5])).toThrow(RangeError);
  });
});

describe('brierRows', () => {
  test("scikit-learn's brier_score_loss documentation example (0.0375)", () => {
    const rows = brierRows(Uint8Array.from([0, 1, 1, 0]), [0.1, 0.9, 0.8, 0.3]);
    expect(Array.from(rows).map((x) => Math.round(x * 1e12) / 1e12)).toEqual([0.01, 0.01, 0.04, 0.09]);
    expect(meanOf(rows)).toBeCloseTo(0.0375, 15);
  });

  test('rejects labels other than 0/1 and mismatched lengths', () => {
    expect(() => brierRows(Uint8Array.from([3]), [0.5])).toThrow(RangeError);
    expect(() => brierRows(Uint8Array.from([1]), [0.5, 0.5])).toThrow(RangeError);
  });
});

describe('sum and mean (compensated)', () => {
  test('recover what naive summation loses', () => {
    // Neumaier's example: naive left-to-right summation gives 0.
    expect([1, 1e100, 1, -1e100].reduce((a, b) => a + b, 0)).toBe(0);
    expect(sum([1, 1e100, 1, -1e100])).toBe(2);
    // 0.1 (a double a hair above 1/10) ten million times: the exact sum rounds to 1e6; naive summation is
    // off in the fourth decimal.
    const xs = new Float64Array(10_000_000).fill(0.1);
    expect(Math.abs(meanOf(xs) * xs.length - 1e6)).toBeGreaterThan(1e-5);
    expect(sum(xs)).toBe(1e6);
    expect(mean(xs)).toBe(0.1);
  });

  test('mean of an empty array throws', () => {
    expect(() => mean([])).toThrow(RangeError);
    expect(mean([3])).toBe(3);
    expect(sum([])).toBe(0);
  });
});
