/**
 * The exact binomial bounds vs statsmodels / scipy (fixture __tests__/fixtures/golden/exact.json, written by
 * scripts/golden/exact.py): Clopper–Pearson against proportion_confint(method='beta'), the exact one-sided
 * McNemar p-value against binomtest, and the floor every paired proportion interval must respect (few or no
 * disagreements) against bounds computed from those references.
 */
import { readFileSync } from 'node:fs';
import { estimateMetric } from '../../src/core/estimate.js';
import type { PairedData } from '../../src/readers/paired-data.js';
import { metricInfo } from '../../src/stats/catalog.js';
import { twoSidedZ } from '../../src/stats/distributions.js';
import { clopperPearson, exactMcNemarGreater } from '../../src/stats/exact.js';
import { ciSettings } from './paired-data.js';

interface ExactFixture {
  clopper_pearson: { x: number; n: number; confidence_level: number; low: number; high: number }[];
  mcnemar_exact: { b: number; c: number; p_greater: number }[];
  paired_floor: {
    both: number;
    candidate_only: number;
    champion_only: number;
    neither: number;
    confidence_level: number;
    low_at_most: number;
    high_at_least: number;
    low_at_most_zero: boolean;
    high_at_least_zero: boolean;
  }[];
}

const fx = JSON.parse(readFileSync(new URL('../fixtures/golden/exact.json', import.meta.url), 'utf8')) as ExactFixture;

/**
 * Relative tolerance 1e-8: jstat's incomplete-beta inversion agrees with scipy's to ~1e-9 relative (5 of 500:
 * 0.0032547214110 vs 0.0032547214070), far below any digit a report shows.
 */
const close = (got: number, expected: number): boolean => Math.abs(got - expected) <= 1e-8 * Math.max(1e-6, Math.abs(expected));

test.each(fx.clopper_pearson.map((c) => [c.x, c.n, c.confidence_level, c] as const))(
  'Clopper–Pearson %i of %i at %f equals statsmodels',
  (x, n, level, c) => {
    const r = clopperPearson(x, n, level);
    expect({ low: close(r.low, c.low) ? c.low : r.low, high: close(r.high, c.high) ? c.high : r.high }).toEqual({ low: c.low, high: c.high });
  }
);

test.each(fx.mcnemar_exact.map((c) => [c.b, c.c, c] as const))('exact McNemar p(%i vs %i) equals scipy binomtest', (b, c, ref) => {
  expect(Math.abs(exactMcNemarGreater(b, c) - ref.p_greater)).toBeLessThanOrEqual(1e-9);
});

/** Rows whose accuracy hits form the table: label 1, prediction 1 = hit. */
function tableData(both: number, candOnly: number, champOnly: number, neither: number): PairedData {
  const n = both + candOnly + champOnly + neither;
  const cand = new Uint8Array(n);
  const champ = new Uint8Array(n);
  let i = 0;
  for (const [k, c, h] of [[both, 1, 1], [candOnly, 1, 0], [champOnly, 0, 1], [neither, 0, 0]] as const) {
    for (let j = 0; j < k; j++, i++) [cand[i], champ[i]] = [c, h];
  }
  return {
    n,
    label: new Uint8Array(n).fill(1),
    extra: {},
    fingerprint: 'sha256:exact',
    candidate: { file: 'candidate.csv', prediction: cand },
    champion: { file: 'champion.csv', prediction: champ }
  };
}

describe.each(['auto', 'analytic', 'bootstrap'] as const)('ci.method %s: accuracy interval respects the exact floor', (method) => {
  test.each(fx.paired_floor.map((f) => [f.both, f.candidate_only, f.champion_only, f.neither, f.confidence_level, f] as const))(
    'table (%i, %i, %i, %i) at %f',
    (both, b, c, neither, level, f) => {
      const data = tableData(both, b, c, neither);
      const est = estimateMetric(metricInfo('binary', 'accuracy')!, data, ciSettings({ method, confidence_level: level, resamples: 2000 }), 'exact');
      // 1e-9 absolute: jstat's incomplete-beta inversion vs scipy's (see `close`).
      expect(est.low!).toBeLessThanOrEqual(f.low_at_most + 1e-9);
      expect(est.high!).toBeGreaterThanOrEqual(f.high_at_least - 1e-9);
      if (f.low_at_most_zero) expect(est.low!).toBeLessThanOrEqual(0);
      if (f.high_at_least_zero) expect(est.high!).toBeGreaterThanOrEqual(0);
      if (b === 0 && c === 0 && method === 'bootstrap') {
        // No disagreement: the bootstrap's [0, 0] becomes exactly the exact bound on each side.
        expect(close(est.low!, f.low_at_most)).toBe(true);
        expect(close(est.high!, f.high_at_least)).toBe(true);
        expect(est.note).toMatch(/widened to the exact bound of the disagreements \(0 rows only the candidate gets right, 0 only the champion/);
      }
      if (b === 0 && c === 0 && method !== 'bootstrap') {
        // Tango's score interval at 0 disagreements is ±z²/(n + z²); the wider of it and the exact bound.
        const z2 = twoSidedZ(level) ** 2;
        const n = both + neither;
        expect(est.low).toBeCloseTo(Math.min(-z2 / (n + z2), f.low_at_most), 9);
        expect(est.high).toBeCloseTo(Math.max(z2 / (n + z2), f.high_at_least), 9);
      }
    }
  );
});
