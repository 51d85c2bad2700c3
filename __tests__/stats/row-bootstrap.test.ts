/** The row bootstrap: multinomial row weights (exact, seeded) and the percentile interval over them. */
import { drawRowWeights, percentileInterval, rowBootstrap } from '../../src/stats/bootstrap.js';
import { normalQuantile } from '../../src/stats/distributions.js';
import { Rng } from '../../src/stats/prng.js';

const { abs, sqrt } = Math;

describe('drawRowWeights', () => {
  test('sums to n, is deterministic per seed, and gives every row probability 1/n', () => {
    for (const n of [1, 2, 3, 7, 1000]) {
      const w = new Uint32Array(n);
      drawRowWeights(new Rng(5), n, w);
      expect(w.reduce((a, b) => a + b, 0)).toBe(n);
      const again = new Uint32Array(n);
      drawRowWeights(new Rng(5), n, again);
      expect(again).toEqual(w);
    }
    // Pooled over resamples each row's weight has mean 1 and variance 1 − 1/n (Binomial(n, 1/n)).
    const n = 13;
    const B = 40000;
    const w = new Uint32Array(n);
    const total = new Float64Array(n);
    const rng = new Rng(11);
    let sq = 0;
    for (let b = 0; b < B; b++) {
      drawRowWeights(rng, n, w);
      for (let i = 0; i < n; i++) {
        total[i] += w[i];
        sq += (w[i] - 1) ** 2;
      }
    }
    const chi = total.reduce((a, t) => a + (t - B) ** 2 / (B * (1 - 1 / n)), 0);
    // Σ over rows of the standardised squared deviations of the totals: about χ²(n − 1) (the totals sum to nB).
    expect(chi).toBeLessThan(36); // P(χ²₁₂ > 36) ≈ 3e-4
    expect(abs(sq / (n * B) - (1 - 1 / n))).toBeLessThan(0.02);
  });

  test('large n takes the 53-bit path and still sums to n', () => {
    const n = 2097153;
    const w = new Uint32Array(n);
    drawRowWeights(new Rng(3), n, w);
    let s = 0;
    for (let i = 0; i < n; i++) s += w[i];
    expect(s).toBe(n);
  });
});

describe('rowBootstrap', () => {
  test('the bootstrap of a mean matches its normal interval', () => {
    const n = 400;
    const rng = new Rng(2);
    const x = Float64Array.from({ length: n }, () => rng.nextFloat() * 2 - 1);
    const m = x.reduce((a, b) => a + b, 0) / n;
    const sd = sqrt(x.reduce((a, b) => a + (b - m) ** 2, 0) / n);
    const r = rowBootstrap(n, (w) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += w[i] * x[i];
      return s / n;
    }, { resamples: 20000, seed: 9, confidenceLevel: 0.95 });
    const z = normalQuantile(0.975);
    expect(r.used).toBe(20000);
    // The bootstrap sd of a mean is the plug-in sd/√n; percentile bounds ≈ m ∓ z·sd/√n within MC error.
    expect(abs(r.low - (m - (z * sd) / sqrt(n)))).toBeLessThan(0.006);
    expect(abs(r.high - (m + (z * sd) / sqrt(n)))).toBeLessThan(0.006);
  });

  test('resamples where the statistic is undefined (NaN) are left out and counted', () => {
    // One "positive" row among 20: about (19/20)^20 ≈ 36 % of resamples lack it.
    const n = 20;
    const r = rowBootstrap(n, (w) => (w[0] === 0 ? NaN : w[0]), { resamples: 5000, seed: 1, confidenceLevel: 0.9 });
    expect(r.used).toBeGreaterThan(2900);
    expect(r.used).toBeLessThan(3500);
    expect(r.low).toBeGreaterThanOrEqual(1);
    expect(() => rowBootstrap(n, () => NaN, { resamples: 10, seed: 1, confidenceLevel: 0.9 })).toThrow(/undefined on every resample/);
  });

  test('is deterministic per seed and rejects bad options', () => {
    const stat = (w: Uint32Array) => w[0] - w[1];
    const a = rowBootstrap(5, stat, { resamples: 300, seed: 4, confidenceLevel: 0.8 });
    expect(rowBootstrap(5, stat, { resamples: 300, seed: 4, confidenceLevel: 0.8 })).toEqual(a);
    expect(() => rowBootstrap(0, stat, { resamples: 3, seed: 1, confidenceLevel: 0.9 })).toThrow(RangeError);
    expect(() => rowBootstrap(5, stat, { resamples: 0, seed: 1, confidenceLevel: 0.9 })).toThrow(RangeError);
    expect(() => rowBootstrap(5, stat, { resamples: 3, seed: 1, confidenceLevel: 1 })).toThrow(RangeError);
  });

  test('percentileInterval uses type-7 quantiles', () => {
    expect(percentileInterval(Float64Array.from([4, 1, 3, 2, 5]), 0.5)).toEqual({ low: 2, high: 4 });
  });
});
