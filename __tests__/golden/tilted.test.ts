/**
 * The tilted score interval of a mean vs an independent scipy reference (fixture
 * __tests__/fixtures/golden/tilted.json, written by scripts/golden/tilted.py): the reference tilts the rows about a
 * data value with scipy's logsumexp and fsum sums, finds each bound's first crossing S(t) = q by a geometric scan
 * and brentq (checked in 60-digit decimal arithmetic and against a dense grid), and takes q as the root of scipy's
 * t tail (stdtr), not t.ppf, which scipy 1.10 gets wrong by up to ~5e-9 relative. Every case must give the same
 * dof exactly and the same mean, low, high, se and critical value as tiltedMeanInterval to the tolerances below.
 */
import { readFileSync } from 'node:fs';
import { tiltedMeanInterval, type TiltedMeanInterval } from '../../src/stats/tilted-mean.js';

interface TiltedRow extends TiltedMeanInterval {
  sample: string;
  n: number;
  confidence_level: number;
  /** sqrt(m2), the values' spread: the unit of the bounds' tolerance. */
  scale: number;
}

interface TiltedFixture {
  samples: Record<string, number[]>;
  tilted_mean: TiltedRow[];
}

const fx = JSON.parse(
  readFileSync(new URL('../fixtures/golden/tilted.json', import.meta.url), 'utf8')
) as TiltedFixture;

/**
 * Bounds and mean: 1e-9 of the spread (both sides solve to ~1e-13 of it), plus 4 ulp of |d̄| — a value near 1e6
 * is only stored to ~1e-10, whatever the spread.
 */
const boundTol = (r: TiltedRow): number => 1e-9 * r.scale + 4 * Number.EPSILON * Math.abs(r.mean);
/** se and q are closed-form or a well-conditioned root: relative 1e-12. */
const REL = 1e-12;

test('the fixture covers skew both ways, ties, tiny n, an offset, a non-monotone S and the degenerate inputs', () => {
  const names = new Set(fx.tilted_mean.map((r) => r.sample));
  const wanted = ['right_skewed_2000', 'left_skewed_500', 'two_valued_40', 'tiny_2', 'tiny_3', 'offset_1e6_200'];
  for (const k of [...wanted, 'outliers_both_26', 'constant_5', 'single_1']) expect(names).toContain(k);
  expect(new Set(fx.tilted_mean.map((r) => r.confidence_level))).toEqual(new Set([0.9, 0.95, 0.99]));
});

test.each(fx.tilted_mean.map((r) => [r.sample, r.confidence_level, r] as const))(
  'tilted interval of %s at %f equals the scipy reference',
  (sample, level, ref) => {
    const values = fx.samples[sample]!;
    expect(values).toHaveLength(ref.n);
    const got = tiltedMeanInterval(values, level);
    const tol = boundTol(ref);
    expect(got.dof).toBe(ref.dof);
    expect(Math.abs(got.mean - ref.mean)).toBeLessThanOrEqual(tol);
    expect(Math.abs(got.low - ref.low)).toBeLessThanOrEqual(tol);
    expect(Math.abs(got.high - ref.high)).toBeLessThanOrEqual(tol);
    expect(Math.abs(got.se - ref.se)).toBeLessThanOrEqual(REL * ref.se);
    expect(Math.abs(got.critical - ref.critical)).toBeLessThanOrEqual(REL * ref.critical);
  }
);
