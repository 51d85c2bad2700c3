import { auc, delongPaired } from '../../src/stats/delong.js';
import { Rng } from '../../src/stats/prng.js';

const { sqrt, round } = Math;

// pROC's aSAH data set (113 patients of an aneurysmal subarachnoid haemorrhage study), exported with
// `data(aSAH, package = "pROC")`: outcome Poor = 1, and three predictors.
// prettier-ignore
const OUTCOME = Uint8Array.from([0,0,0,0,1,1,0,1,0,0,1,0,1,1,0,0,1,0,1,1,1,0,1,0,0,0,0,0,0,0,0,0,1,0,0,1,1,0,1,1,0,0,0,0,0,0,0,0,0,1,1,0,0,0,1,0,0,0,1,0,1,0,0,1,1,1,0,1,1,0,1,1,1,1,0,0,0,1,1,0,1,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,1,0,0,0,1,0,0,0]);
// prettier-ignore
const S100B = [0.13,0.14,0.1,0.04,0.13,0.1,0.47,0.16,0.18,0.1,0.12,0.1,0.44,0.71,0.04,0.08,0.49,0.04,0.07,0.33,0.09,0.09,0.07,0.11,0.07,0.17,0.07,0.11,0.13,0.19,0.05,0.16,0.41,0.14,0.34,0.35,0.48,0.09,0.96,0.25,0.5,0.46,0.16,0.07,0.43,0.45,0.11,0.08,0.09,0.86,0.52,0.08,0.06,0.13,2.07,0.1,0.14,0.15,0.07,0.06,0.77,0.05,0.09,0.3,0.03,0.09,0.04,0.23,0.7,0.09,0.27,0.71,0.08,0.26,0.08,0.16,0.09,0.13,0.1,0.08,0.11,0.33,0.11,0.28,0.07,0.1,0.32,0.22,0.07,0.05,0.24,0.38,0.1,0.15,0.08,0.14,0.1,0.07,0.04,0.19,0.56,0.14,0.58,0.32,0.82,0.74,0.15,0.47,0.17,0.44,0.15,0.5,0.48];
// prettier-ignore
const WFNS = [1,1,1,1,3,2,5,4,1,2,5,2,5,5,1,2,5,2,2,5,2,1,1,1,1,2,1,2,1,1,3,4,2,1,4,5,4,1,4,2,5,5,1,1,2,4,1,1,2,5,5,2,1,2,5,1,2,2,2,1,5,1,1,2,5,2,1,4,5,2,4,4,1,4,1,2,1,4,2,1,2,3,2,4,2,1,4,5,1,1,5,4,2,2,1,1,1,3,1,2,5,2,2,5,5,5,2,4,4,5,1,1,1];
// prettier-ignore
const NDKA = [3.01,8.54,8.09,10.42,17.4,12.75,6,13.2,15.54,6.01,15.96,17.86,5.18,8.9,13.41,20.75,11.6,16.11,32.37,54.82,32.41,49.94,40.34,9.47,6.29,12.53,6.54,6.3,80.3,12.8,9.8,9.81,9.85,18.21,5.03,14.04,21.93,8.02,7.42,8.38,6.59,9.63,13.12,7.96,14.34,41.43,7.63,7.06,12.59,13.56,3.87,9.44,7.66,12.98,419.19,27.19,22.27,9.95,21.22,11.73,10.4,58.83,6.39,11.09,12.22,13.67,17.21,22.63,12.9,9.7,21.57,8.23,72.57,15.54,10.51,10.6,14.57,5.19,9.63,4.61,21.48,17.3,12.71,9.44,11.07,19.46,10.83,5.37,11.97,7.75,9.83,10.55,28.49,8.53,12.57,12.9,46.83,11.68,12.67,9.01,9.57,34.06,11.72,14.26,47.61,11.67,24.58,10.33,13.87,15.89,22.43,6.79,13.45];

/**
 * DeLong's variance the textbook way (DeLong et al. 1988): placements from all m·n pairs with the Heaviside
 * kernel (½ for ties), then the 2×2 covariance matrices S10 (denominator m−1) and S01 (n−1), and
 * Var(Δ) = L (S10/m + S01/n) Lᵀ with L = (1, −1). O(m·n); independent of the sorted implementation.
 */
function bruteForceDelong(label: Uint8Array, x: ArrayLike<number>, y: ArrayLike<number>) {
  const pos: number[] = [];
  const neg: number[] = [];
  label.forEach((l, i) => (l ? pos : neg).push(i));
  const m = pos.length;
  const n = neg.length;
  const psi = (a: number, b: number) => (a > b ? 1 : a === b ? 0.5 : 0);
  const v10 = [0, 1].map((r) => pos.map((i) => neg.reduce((s, j) => s + psi((r ? y : x)[i]!, (r ? y : x)[j]!), 0) / n));
  const v01 = [0, 1].map((r) => neg.map((j) => pos.reduce((s, i) => s + psi((r ? y : x)[i]!, (r ? y : x)[j]!), 0) / m));
  const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
  const theta = [mean(v10[0]!), mean(v10[1]!)];
  const cov = (a: number[], b: number[], ta: number, tb: number) =>
    a.reduce((s, v, k) => s + (v - ta) * (b[k]! - tb), 0) / (a.length - 1);
  const s = (r: number, c: number) =>
    cov(v10[r]!, v10[c]!, theta[r]!, theta[c]!) / m + cov(v01[r]!, v01[c]!, theta[r]!, theta[c]!) / n;
  return { aucX: theta[0]!, aucY: theta[1]!, se: sqrt(s(0, 0) + s(1, 1) - 2 * s(0, 1)) };
}

describe('auc', () => {
  test("scikit-learn's roc_auc_score example and hand cases", () => {
    // roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.75
    expect(auc(Uint8Array.from([0, 0, 1, 1]), [0.1, 0.4, 0.35, 0.8])).toBe(0.75);
    expect(auc(Uint8Array.from([0, 1]), [0, 1])).toBe(1);
    expect(auc(Uint8Array.from([0, 1]), [1, 0])).toBe(0);
    // All tied: every pair counts ½.
    expect(auc(Uint8Array.from([0, 1, 0, 1]), [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
    // One tie among 2×2 pairs: (1 + 1 + 1 + 0.5)/4.
    expect(auc(Uint8Array.from([0, 0, 1, 1]), [0.2, 0.6, 0.6, 0.9])).toBe(0.875);
    // Scores are ranks only: any finite reals work, −0 equals 0.
    expect(auc(Uint8Array.from([0, 1, 0, 1]), [-1e300, 1e300, -0, 0])).toBe(0.875);
  });

  test('orders scores that differ only in their last bits, of either sign', () => {
    // Five positives just above five negatives, ulps apart: AUC 1 exactly, 0 if the order were lost.
    const label = Uint8Array.from([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    const ulps = (base: number) => Array.from({ length: 10 }, (_, i) => base + Math.sign(base) * i * 2 ** -52 * Math.abs(base));
    expect(auc(label, ulps(1))).toBe(1);
    expect(auc(label, ulps(-1).reverse())).toBe(1);
    expect(auc(label, ulps(1).reverse())).toBe(0);
    expect(auc(label, ulps(-1))).toBe(0);
  });

  test('pROC aSAH AUCs (documented: s100b 0.7314, wfns 0.8237, ndka 0.6120)', () => {
    expect(auc(OUTCOME, S100B)).toBeCloseTo(0.731368563685637, 12);
    expect(auc(OUTCOME, WFNS)).toBeCloseTo(0.823678861788618, 12);
    expect(auc(OUTCOME, NDKA)).toBeCloseTo(0.611957994579946, 12);
  });

  test('throws when a class is absent or a score is not finite', () => {
    expect(() => auc(Uint8Array.from([1, 1]), [0.1, 0.2])).toThrow('both classes');
    expect(() => auc(Uint8Array.from([0, 0]), [0.1, 0.2])).toThrow('both classes');
    expect(() => auc(Uint8Array.from([0, 1]), [0.1, Number.NaN])).toThrow(RangeError);
    expect(() => auc(Uint8Array.from([0, 1]), [0.1])).toThrow(RangeError);
  });
});

describe('delongPaired', () => {
  test("pROC roc.test(s100b, wfns, paired, delong): the documented example", () => {
    // pROC's documentation prints 95 percent confidence interval: -0.17421442 -0.01040618 (Z = -2.209);
    // full precision from pROC 1.18.0: -0.174214419249478, -0.0104061769564846.
    const r = delongPaired(OUTCOME, S100B, WFNS, 0.95);
    expect(r.candidate).toBeCloseTo(0.731368563685637, 12);
    expect(r.champion).toBeCloseTo(0.823678861788618, 12);
    expect(r.delta).toBeCloseTo(0.731368563685637 - 0.823678861788618, 12);
    expect(r.low).toBeCloseTo(-0.174214419249478, 9);
    expect(r.high).toBeCloseTo(-0.0104061769564846, 9);
    expect(r.delta / r.se).toBeCloseTo(-2.209, 3);
  });

  test('pROC values for the other orientation, another pair and another level', () => {
    const r = delongPaired(OUTCOME, WFNS, S100B, 0.95);
    expect(r.low).toBeCloseTo(0.0104061769564846, 9);
    expect(r.high).toBeCloseTo(0.174214419249478, 9);
    const q = delongPaired(OUTCOME, NDKA, S100B, 0.95);
    expect(q.low).toBeCloseTo(-0.287691744634191, 9);
    expect(q.high).toBeCloseTo(0.0488706064228094, 9);
    const q90 = delongPaired(OUTCOME, NDKA, S100B, 0.9);
    expect(q90.low).toBeCloseTo(-0.260636583511597, 9);
    expect(q90.high).toBeCloseTo(0.0218154453002152, 9);
  });

  test('agrees with the O(m·n) textbook computation on random data with ties', () => {
    for (const [n, seed, grid] of [
      [60, 1, 10],
      [200, 2, 1000],
      [333, 3, 7],
      [500, 4, 1e9]
    ] as const) {
      const rng = new Rng(seed);
      const label = new Uint8Array(n);
      const x = new Float64Array(n);
      const y = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        label[i] = rng.nextFloat() < 0.3 ? 1 : 0;
        const signal = label[i]! * 0.8 + rng.nextFloat();
        // Correlated scores, rounded to a grid so that ties occur.
        x[i] = round((signal + 0.5 * rng.nextFloat()) * grid) / grid;
        y[i] = round((signal + 0.7 * rng.nextFloat()) * grid) / grid;
      }
      if (seed === 4) {
        // Mixed signs and magnitudes exercise the radix sort's key transform (sign flip, exponents).
        for (let i = 0; i < n; i++) {
          x[i] = (x[i]! - 0.9) * 10 ** ((i % 7) - 3);
          y[i] = -1 / (y[i]! + 0.01);
        }
        x[0] = -0;
        x[1] = 0;
      }
      const want = bruteForceDelong(label, x, y);
      const got = delongPaired(label, x, y, 0.95);
      expect(got.candidate).toBeCloseTo(want.aucX, 12);
      expect(got.champion).toBeCloseTo(want.aucY, 12);
      expect(got.se).toBeCloseTo(want.se, 12);
      expect(got.low).toBeCloseTo(got.delta - 1.959963984540054 * want.se, 12);
      expect(got.high).toBeCloseTo(got.delta + 1.959963984540054 * want.se, 12);
    }
  });

  test('identical scores: se 0 and a zero-width interval, never NaN', () => {
    const r = delongPaired(OUTCOME, S100B, S100B, 0.95);
    expect(r).toEqual({ candidate: r.candidate, champion: r.candidate, delta: 0, se: 0, low: 0, high: 0 });
    // A monotone transform orders every pair the same way.
    const r2 = delongPaired(OUTCOME, S100B, S100B.map((s) => 10 * s + 3), 0.95);
    expect(r2.se).toBe(0);
    // One row per class: the placement variances are undefined; they count as 0.
    const r3 = delongPaired(Uint8Array.from([0, 1]), [0.2, 0.9], [0.5, 0.1], 0.95);
    expect(r3).toEqual({ candidate: 1, champion: 0, delta: 1, se: 0, low: 1, high: 1 });
  });

  test('throws a plain Error when a class has no rows', () => {
    expect(() => delongPaired(Uint8Array.from([1, 1, 1]), [1, 2, 3], [3, 2, 1], 0.95)).toThrow('both classes');
    expect(() => delongPaired(Uint8Array.from([0, 1]), [1, 2], [1], 0.95)).toThrow(RangeError);
    expect(() => delongPaired(Uint8Array.from([0, 1]), [1, 2], [1, 2], 1)).toThrow(RangeError);
  });

  test('work is linear in the rows: each score is read a bounded number of times (no m·n pair comparisons)', () => {
    const n = 5000;
    const rng = new Rng(5);
    const label = new Uint8Array(n);
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      label[i] = rng.nextUint32() & 1;
      const s = label[i]! + rng.nextFloat();
      x[i] = s + rng.nextFloat();
      y[i] = s + 1.2 * rng.nextFloat();
    }
    let reads = 0;
    const counted = (a: Float64Array): ArrayLike<number> =>
      new Proxy(a, {
        get(target, key) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key) as unknown;
        }
      });
    const r = delongPaired(label, counted(x), counted(y), 0.95);
    expect(r.low).toBeLessThan(r.high);
    expect(r.delta).toBeGreaterThan(0);
    expect(r).toEqual(delongPaired(label, x, y, 0.95));
    // Comparing all positive–negative pairs would read about n²/2 = 1.25·10^7 scores.
    expect(reads).toBeLessThan(10 * 2 * n);
  });
});
