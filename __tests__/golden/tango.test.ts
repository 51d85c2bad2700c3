/**
 * Tango's score interval for paired proportions vs an independent scipy reference (fixture
 * __tests__/fixtures/golden/tango.json, written by scripts/golden/tango.py): the reference finds the constrained
 * maximum-likelihood cell probabilities numerically (brentq on the score of the log-likelihood, not the closed-form
 * root src/stats/tango.ts uses) and inverts |T(Δ₀)| ≤ z with brentq, z = scipy's norm.ppf. Every case must give
 * the same Δ and ends as tangoPaired(b, c, n, twoSidedZ(level)) to 1e-9 absolute, including the tables with no
 * disagreements and those at Δ = ±1; and the Cavo et al. (2012) table must reproduce the interval printed by
 * Fagerland, Lydersen & Laake (−0.1240 to −0.0054) to 4 decimals.
 */
import { readFileSync } from 'node:fs';
import { twoSidedZ } from '../../src/stats/distributions.js';
import { tangoPaired } from '../../src/stats/tango.js';

interface TangoFixture {
  tango_paired: { b: number; c: number; n: number; confidence_level: number; delta: number; low: number; high: number }[];
}

const fx = JSON.parse(readFileSync(new URL('../fixtures/golden/tango.json', import.meta.url), 'utf8')) as TangoFixture;

/** 1e-9 absolute: both sides solve to ~1e-13; jstat's and scipy's normal quantiles agree far closer than that. */
const TOL = 1e-9;

test('the fixture covers the no-disagreement, one-sided and Δ = ±1 tables', () => {
  const keys = new Set(fx.tango_paired.map((r) => `${r.b},${r.c},${r.n}`));
  for (const k of ['6,16,161', '0,0,500', '5,0,500', '0,5,500', '10,0,10', '0,10,10']) expect(keys).toContain(k);
});

test.each(fx.tango_paired.map((r) => [r.b, r.c, r.n, r.confidence_level, r] as const))(
  'Tango (b %i, c %i, n %i) at %f equals the scipy reference',
  (b, c, n, level, ref) => {
    const got = tangoPaired(b, c, n, twoSidedZ(level));
    const diff = { delta: Math.abs(got.delta - ref.delta), low: Math.abs(got.low - ref.low), high: Math.abs(got.high - ref.high) };
    expect(got).toEqual({ delta: expect.any(Number), low: expect.any(Number), high: expect.any(Number) });
    expect(diff.delta).toBeLessThanOrEqual(TOL);
    expect(diff.low).toBeLessThanOrEqual(TOL);
    expect(diff.high).toBeLessThanOrEqual(TOL);
  }
);

test('Cavo et al. 2012 (b 6, c 16, n 161): the published 95 % Tango interval −0.1240 to −0.0054', () => {
  const r = tangoPaired(6, 16, 161, twoSidedZ(0.95));
  expect(r.low.toFixed(4)).toBe('-0.1240');
  expect(r.high.toFixed(4)).toBe('-0.0054');
  expect(r.delta).toBeCloseTo(-10 / 161, 15);
});
