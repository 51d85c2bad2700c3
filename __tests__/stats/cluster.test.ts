/** Properties of the clustered interval building blocks (numbers against references: golden/cluster.test.ts). */
import { describe, expect, test } from '@jest/globals';
import {
  clusterCellsBootstrap,
  clusterRobustMean,
  clusterRowBootstrap,
  compactClusters,
  delongClustered,
  weightTotal
} from '../../src/stats/cluster.js';
import { studentTQuantile } from '../../src/stats/distributions.js';

const opts = { resamples: 400, seed: 11, confidenceLevel: 0.95 };

describe('compactClusters', () => {
  test('numbers clusters by first appearance, over a subset of rows only the clusters it holds', () => {
    expect(compactClusters([7, 3, 7, 9, 3])).toEqual({ of: Uint32Array.from([0, 1, 0, 2, 1]), count: 3 });
    expect(compactClusters([7, 3, 7, 9, 3], [3, 0, 2])).toEqual({ of: Uint32Array.from([0, 1, 1]), count: 2 });
  });
});

describe('clusterRobustMean', () => {
  test('one row per cluster: the CR1 se is the usual se of a mean (G/(G − 1) = n/(n − 1))', () => {
    const x = [1, 4, 2, 8, 5];
    const m = 4;
    const sd = Math.sqrt(x.reduce((a, v) => a + (v - m) ** 2, 0) / (x.length - 1));
    const r = clusterRobustMean(x, [1, 1, 1, 1, 1]);
    expect(r.mean).toBe(4);
    expect(r.se).toBeCloseTo(sd / Math.sqrt(x.length), 14);
  });

  test('a single cluster has no spread to estimate (se 0); empty clusters are not counted', () => {
    expect(clusterRobustMean([3, 0], [6, 0])).toEqual({ mean: 0.5, se: 0, clusters: 1 });
    expect(clusterRobustMean([3, 0, 1], [6, 0, 2]).clusters).toBe(2);
  });
});

describe('clusterCellsBootstrap', () => {
  const k = 3;
  const cells = Float64Array.from([2, 1, 0, 0, 3, 1, 2, 1, 0, 5, 0, 2, 1, 1, 1]);
  const stat = (c: Float64Array) => (c[0]! - c[1]!) / (c[0]! + c[1]! + c[2]!);

  test('does not depend on the order of the clusters (identical clusters are pooled in a fixed order)', () => {
    const shuffled = Float64Array.from([5, 0, 2, 2, 1, 0, 1, 1, 1, 0, 3, 1, 2, 1, 0]);
    expect(clusterCellsBootstrap(shuffled, k, stat, opts)).toEqual(clusterCellsBootstrap(cells, k, stat, opts));
  });

  test('every resample is a sum of G whole cluster vectors', () => {
    const seen: number[] = [];
    clusterCellsBootstrap(cells, k, (c) => {
      seen.push(c[0]! + c[1]! + c[2]!);
      return 0;
    }, opts);
    // Cluster sizes are 3, 4, 3, 7, 3: any total of five of them lies in [15, 35].
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(15);
    expect(Math.max(...seen)).toBeLessThanOrEqual(35);
    expect(new Set(seen).size).toBeGreaterThan(3);
  });
});

describe('clusterRowBootstrap', () => {
  test('rows of a cluster share their weight, and the weights add up to G drawn clusters', () => {
    const clusters = { of: Uint32Array.from([0, 0, 1, 2, 2, 2]), count: 3 };
    let calls = 0;
    clusterRowBootstrap(clusters, (w) => {
      calls++;
      expect(w[0]).toBe(w[1]);
      expect(w[3]).toBe(w[4]);
      expect(w[4]).toBe(w[5]);
      expect(w[0]! + w[2]! + w[3]!).toBe(3);
      return weightTotal(w);
    }, opts);
    expect(calls).toBe(opts.resamples);
  });
});

describe('delongClustered', () => {
  const label = Uint8Array.from([1, 0, 1, 0, 0, 1, 1, 0, 1, 0]);
  const a = [0.9, 0.2, 0.7, 0.4, 0.6, 0.8, 0.3, 0.1, 0.65, 0.5];
  const b = [0.8, 0.3, 0.6, 0.2, 0.7, 0.9, 0.4, 0.2, 0.5, 0.45];
  test('does not depend on how clusters are numbered', () => {
    const one = delongClustered(label, a, b, { of: Uint32Array.from([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]), count: 5 });
    const two = delongClustered(label, a, b, { of: Uint32Array.from([4, 4, 2, 2, 0, 0, 3, 3, 1, 1]), count: 5 });
    expect(two.se).toBeCloseTo(one.se, 15);
    expect(one.se).toBeGreaterThan(0);
  });

  test('needs both classes', () => {
    expect(() => delongClustered(Uint8Array.from([1, 1]), [0.1, 0.2], [0.2, 0.1], { of: Uint32Array.from([0, 1]), count: 2 })).toThrow(
      /both classes/
    );
  });
});

describe('studentTQuantile', () => {
  test.each([
    // Closed forms: ν = 1 is tan(π(p − ½)); ν = 2 is (2p − 1)/√(2p(1 − p)).
    [1, Math.tan(Math.PI * 0.475)],
    [2, 0.95 / Math.sqrt(2 * 0.975 * 0.025)],
    // R's qt(0.975, ν) printed with 17 digits (scipy's t.ppf is off by up to 5e-9 at some of these).
    [24, 2.0638985616280254],
    [39, 2.0226909200367604],
    [59, 2.000995378088267],
    [99, 1.9842169515864172],
    [299, 1.9679296690656691]
  ])('ν = %d at 0.975', (dof, expected) => {
    expect(Math.abs(studentTQuantile(0.975, dof) - expected)).toBeLessThan(1e-14 * expected);
  });
});
