/** Regression metrics' conventions and the delta-method standard errors (vs the bootstrap's). */
import { rowBootstrap } from '../../src/stats/bootstrap.js';
import { Rng } from '../../src/stats/prng.js';
import {
  absolutePercentageErrorRows,
  nonZeroRows,
  r2Delta,
  r2FromSums,
  rmseDelta,
  squaredErrorRows,
  totalSumOfSquares
} from '../../src/stats/regression.js';

const { sqrt } = Math;

test('r2 conventions when every label is the same (scikit-learn force_finite): 1 if perfect, else 0', () => {
  expect(r2FromSums(0, 0)).toBe(1);
  expect(r2FromSums(3, 0)).toBe(0);
  expect(r2FromSums(1, 4)).toBe(0.75);
  expect(r2Delta([2, 2, 2], Float64Array.from([0, 1, 0]), Float64Array.from([1, 1, 1]))).toBeNull();
  expect(totalSumOfSquares([1, 2, 3, 4])).toBeCloseTo(5, 14);
});

test('mape: rows with label 0 are left out; tiny labels are floored at eps as scikit-learn', () => {
  const y = [0, 2, -4, 0, 1e-20];
  const rows = nonZeroRows(y);
  expect(Array.from(rows)).toEqual([1, 2, 4]);
  const ape = absolutePercentageErrorRows(y, [1, 3, -2, 5, 0], rows);
  expect(ape[0]).toBe(0.5);
  expect(ape[1]).toBe(0.5);
  expect(ape[2]).toBeCloseTo(1e-20 / 2.220446049250313e-16, 20);
});

test('rmseDelta is null when a model is perfect (the caller falls back to the bootstrap)', () => {
  expect(rmseDelta(Float64Array.from([0, 0]), Float64Array.from([1, 4]))).toBeNull();
});

test('delta-method se of ΔRMSE and ΔR² agree with the bootstrap sd on a large sample', () => {
  const n = 3000;
  const rng = new Rng(17);
  const normal = () => {
    let s = 0;
    for (let k = 0; k < 12; k++) s += rng.nextFloat();
    return s - 6;
  };
  const y = new Float64Array(n);
  const c = new Float64Array(n);
  const h = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = 3 * normal();
    const shared = normal();
    c[i] = y[i] + 0.6 * shared + 0.8 * normal();
    h[i] = y[i] + 0.7 * shared + 0.9 * normal();
  }
  const sc = squaredErrorRows(y, c);
  const sh = squaredErrorRows(y, h);
  const rm = rmseDelta(sc, sh)!;
  const r2 = r2Delta(y, sc, sh)!;
  const sdOf = (stat: (w: Uint32Array) => number): number => {
    const vals: number[] = [];
    rowBootstrap(n, (w) => {
      const v = stat(w);
      vals.push(v);
      return v;
    }, { resamples: 2000, seed: 3, confidenceLevel: 0.95 });
    const m = vals.reduce((a, b) => a + b, 0) / vals.length;
    return sqrt(vals.reduce((a, b) => a + (b - m) ** 2, 0) / (vals.length - 1));
  };
  const wsum = (v: Float64Array, w: Uint32Array) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += w[i] * v[i];
    return s;
  };
  const bootRmse = sdOf((w) => sqrt(wsum(sc, w) / n) - sqrt(wsum(sh, w) / n));
  const bootR2 = sdOf((w) => {
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      s1 += w[i] * y[i];
      s2 += w[i] * y[i] * y[i];
    }
    return (wsum(sh, w) - wsum(sc, w)) / (s2 - (s1 * s1) / n);
  });
  // 2000 resamples: the sd estimate itself has ~1.6 % relative error.
  expect(Math.abs(rm.se / bootRmse - 1)).toBeLessThan(0.08);
  expect(Math.abs(r2.se / bootR2 - 1)).toBeLessThan(0.08);
});
