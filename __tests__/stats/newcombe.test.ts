/**
 * Wilson's score interval vs statsmodels (`proportion_confint(x, n, method='wilson')`, statsmodels 0.13.5) and
 * Newcombe's paired interval vs the published example of Fagerland, Lydersen & Laake (2017, "Statistical
 * Analysis of Contingency Tables", ch. 8, Cavo et al. 2012: 59, 6, 16, 80 → −0.0621 (−0.1186 to −0.0046)),
 * plus the properties the gate relies on (within [−1, 1], contains Δ, never NaN).
 */
import fc from 'fast-check';
import { newcombePaired, wilsonInterval } from '../../src/stats/newcombe.js';

const Z95 = 1.959963984540054;

test.each([
  [81, 263, 0.2552885198782742, 0.36620957698280004],
  [0, 10, 0.0, 0.27753279986288926],
  [10, 10, 0.7224672001371106, 1.0],
  [15, 148, 0.06238639953073628, 0.16048724172330803]
])('Wilson %d/%d matches statsmodels', (x, n, low, high) => {
  const w = wilsonInterval(x, n, Z95);
  expect(w.low).toBeCloseTo(low, 12);
  expect(w.high).toBeCloseTo(high, 12);
});

test('Newcombe paired interval: the published Cavo et al. example (4 decimals)', () => {
  // rows: before (candidate) success / failure; columns: after (champion) success / failure
  const r = newcombePaired({ both: 59, candidateOnly: 6, championOnly: 16, neither: 80 }, 0.95);
  expect(r.delta).toBeCloseTo(-0.0621, 4);
  expect(Math.abs(r.low - -0.1186)).toBeLessThan(5e-5);
  expect(Math.abs(r.high - -0.0046)).toBeLessThan(5e-5);
  expect(r.candidate).toBeCloseTo(65 / 161, 14);
  expect(r.champion).toBeCloseTo(75 / 161, 14);
});

test('swapping the models mirrors the interval', () => {
  const a = newcombePaired({ both: 40, candidateOnly: 12, championOnly: 3, neither: 45 }, 0.9);
  const b = newcombePaired({ both: 40, candidateOnly: 3, championOnly: 12, neither: 45 }, 0.9);
  expect(b.delta).toBeCloseTo(-a.delta, 14);
  expect(b.low).toBeCloseTo(-a.high, 14);
  expect(b.high).toBeCloseTo(-a.low, 14);
});

test('degenerate tables give finite intervals inside [−1, 1] that contain Δ; an empty table throws', () => {
  const cell = fc.integer({ min: 0, max: 60 });
  fc.assert(
    fc.property(cell, cell, cell, cell, fc.double({ min: 0.5, max: 0.999, noNaN: true }), (a, b, c, d, level) => {
      fc.pre(a + b + c + d > 0);
      const r = newcombePaired({ both: a, candidateOnly: b, championOnly: c, neither: d }, level);
      for (const v of [r.low, r.high, r.delta]) expect(Number.isFinite(v)).toBe(true);
      expect(r.low).toBeGreaterThanOrEqual(-1 - 1e-12);
      expect(r.high).toBeLessThanOrEqual(1 + 1e-12);
      expect(r.low).toBeLessThanOrEqual(r.delta + 1e-12);
      expect(r.high).toBeGreaterThanOrEqual(r.delta - 1e-12);
    })
  );
  expect(() => newcombePaired({ both: 0, candidateOnly: 0, championOnly: 0, neither: 0 }, 0.95)).toThrow(/empty/);
});
