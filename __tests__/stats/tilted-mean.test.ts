/** Properties of the tilted score interval of a mean (numbers against scipy: golden/tilted.test.ts). */
import { describe, expect, test } from '@jest/globals';
import { twoSidedZ } from '../../src/stats/distributions.js';
import { Rng } from '../../src/stats/prng.js';
import { tiltedMeanInterval } from '../../src/stats/tilted-mean.js';

/** Normal and uniform draws from the package's seeded generator (Box–Muller). */
class Draws {
  private readonly rng: Rng;
  constructor(seed: number) {
    this.rng = new Rng(seed);
  }
  uniform(): number {
    return this.rng.nextFloat();
  }
  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.rng.nextFloat())) * Math.cos(2 * Math.PI * this.rng.nextFloat());
  }
}

function normals(n: number, seed: number): Float64Array {
  const g = new Draws(seed);
  return Float64Array.from({ length: n }, () => g.normal());
}

/** Differences of squared correlated errors, the shape of Δ MSE: skewed to the right. */
function squaredDifferences(n: number, seed: number): Float64Array {
  const g = new Draws(seed);
  return Float64Array.from({ length: n }, () => {
    const s = g.normal();
    const h = 0.8 * s + 0.6 * g.normal();
    const c = 1.1 * (0.8 * s + 0.6 * g.normal()) + 0.1;
    return c * c - h * h;
  });
}

describe('tiltedMeanInterval', () => {
  test('leans the way the values are skewed, and mirrors when they are negated', () => {
    const d = squaredDifferences(300, 5);
    const r = tiltedMeanInterval(d, 0.95);
    expect(r.high - r.mean).toBeGreaterThan(1.05 * (r.mean - r.low));
    const m = tiltedMeanInterval(d.map((x) => -x), 0.95);
    expect(m.low).toBeCloseTo(-r.high, 12);
    expect(m.high).toBeCloseTo(-r.low, 12);
    expect([m.se, m.dof, m.critical]).toEqual([r.se, r.dof, r.critical]);
  });

  test('moves and scales with the values', () => {
    const d = squaredDifferences(200, 9);
    const r = tiltedMeanInterval(d, 0.9);
    const s = tiltedMeanInterval(d.map((x) => 3 * x + 7), 0.9);
    expect(s.low).toBeCloseTo(3 * r.low + 7, 10);
    expect(s.high).toBeCloseTo(3 * r.high + 7, 10);
    expect(s.se).toBeCloseTo(3 * r.se, 12);
    // At the ends of double precision too: the moments are taken on the deviations divided by the largest.
    for (const k of [1e290, 1e-290]) {
      const z = tiltedMeanInterval(d.map((x) => k * x), 0.9);
      expect(z.low / k).toBeCloseTo(r.low, 10);
      expect(z.high / k).toBeCloseTo(r.high, 10);
      expect(z.dof).toBe(r.dof);
    }
    expect(() => tiltedMeanInterval([1, Infinity, 2], 0.95)).toThrow('the values must be finite');
  });

  test('a sample symmetric about its mean gives a symmetric interval', () => {
    const half = normals(150, 3);
    const d = Float64Array.from([...half, ...half.map((x) => -x)].map((x) => 2 + x));
    const r = tiltedMeanInterval(d, 0.95);
    expect(r.mean).toBeCloseTo(2, 12);
    expect(r.high - r.mean).toBeCloseTo(r.mean - r.low, 10);
  });

  test('on many near-normal rows it is the normal interval: t with about n degrees of freedom, se as s/√n', () => {
    const d = normals(20000, 1);
    const r = tiltedMeanInterval(d, 0.95);
    const z = twoSidedZ(0.95);
    expect(r.dof).toBeGreaterThan(15000);
    expect(r.critical).toBeGreaterThan(z);
    expect(r.critical).toBeLessThan(z * 1.0002);
    expect(Math.abs(r.high - (r.mean + z * r.se)) / r.se).toBeLessThan(0.01);
    expect(Math.abs(r.low - (r.mean - z * r.se)) / r.se).toBeLessThan(0.01);
  });

  test('heavy tails lower the degrees of freedom and widen the critical value', () => {
    const g = new Draws(4);
    const d = Float64Array.from({ length: 500 }, () => g.normal() * (g.uniform() < 0.05 ? 10 : 1));
    const r = tiltedMeanInterval(d, 0.95);
    expect(r.dof).toBeLessThan(100);
    expect(r.critical).toBeGreaterThan(1.98);
  });

  test('a higher level gives a wider interval that contains the lower level one', () => {
    const d = squaredDifferences(120, 2);
    const [a, b] = [tiltedMeanInterval(d, 0.9), tiltedMeanInterval(d, 0.99)];
    expect(b.low).toBeLessThan(a.low);
    expect(b.high).toBeGreaterThan(a.high);
    expect(a.low).toBeLessThan(a.mean);
    expect(a.high).toBeGreaterThan(a.mean);
  });

  test('one value or values that do not vary: zero width at the mean; bad input throws', () => {
    expect(tiltedMeanInterval([0.25], 0.95)).toEqual({ mean: 0.25, low: 0.25, high: 0.25, se: 0, critical: 0, dof: 0 });
    expect(tiltedMeanInterval([3, 3, 3], 0.95)).toMatchObject({ low: 3, high: 3, se: 0 });
    expect(() => tiltedMeanInterval([], 0.95)).toThrow(RangeError);
    expect(() => tiltedMeanInterval([1, 2], 1)).toThrow(RangeError);
  });

  test('two distinct values: the bounds stay inside their range', () => {
    const d = Float64Array.from({ length: 40 }, (_, i) => (i < 3 ? 1 : 0));
    const r = tiltedMeanInterval(d, 0.95);
    expect(r.low).toBeGreaterThan(0);
    expect(r.high).toBeLessThan(1);
    expect(r.high - r.mean).toBeGreaterThan(r.mean - r.low);
  });
});
