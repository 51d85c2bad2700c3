/**
 * The analytic intervals of paired proportions: Tango's interval with the exact floor, and balanced accuracy's
 * MOVER combination of the two classes' intervals, recomputed here from tangoPaired and the formula.
 */
import { balancedAccuracyInterval, pairedProportionInterval } from '../../src/core/paired-proportion.js';
import { twoSidedZ } from '../../src/stats/distributions.js';
import { tangoPaired } from '../../src/stats/tango.js';
import type { CiSettings } from '../../src/config/types.js';

const ci = { method: 'auto', confidence_level: 0.95, resamples: 1000, seed: 1, min_eval_samples: 30 } as CiSettings;
const z = twoSidedZ(0.95);

test('a proportion with many disagreements of both kinds is Tango’s interval itself', () => {
  const t = { both: 300, candidateOnly: 40, championOnly: 25, neither: 135 };
  const i = pairedProportionInterval(t, ci);
  const r = tangoPaired(40, 25, 500, z);
  expect([i.low, i.high, i.method]).toEqual([r.low, r.high, 'tango']);
  expect(i.note).toBeUndefined();
});

test('balanced accuracy: ½(Δ recall + Δ specificity) with MOVER limits from the two Tango intervals', () => {
  const pos = { both: 120, candidateOnly: 6, championOnly: 14, neither: 60 };
  const neg = { both: 250, candidateOnly: 9, championOnly: 4, neither: 37 };
  const i = balancedAccuracyInterval(pos, neg, ci)!;
  const a = tangoPaired(6, 14, 200, z);
  const b = tangoPaired(9, 4, 300, z);
  const d = (a.delta + b.delta) / 2;
  expect(i.method).toBe('tango-mover');
  expect(i.low).toBeCloseTo(d - Math.hypot(a.delta - a.low, b.delta - b.low) / 2, 14);
  expect(i.high).toBeCloseTo(d + Math.hypot(a.high - a.delta, b.high - b.delta) / 2, 14);
  // Narrower than the sum of the halves (the classes are independent), wider than either half alone.
  expect(i.high - i.low).toBeLessThan((a.high - a.low + b.high - b.low) / 2);
  expect(i.high - i.low).toBeGreaterThan(Math.max(a.high - a.low, b.high - b.low) / 2);
});

test('balanced accuracy keeps each class’s exact floor: no disagreement among the positives is not certainty there', () => {
  const pos = { both: 20, candidateOnly: 0, championOnly: 0, neither: 10 };
  const neg = { both: 250, candidateOnly: 9, championOnly: 4, neither: 37 };
  const i = balancedAccuracyInterval(pos, neg, ci)!;
  const floored = pairedProportionInterval(pos, ci);
  expect(floored.note).toMatch(/widened to the exact bound/);
  const b = tangoPaired(9, 4, 300, z);
  expect(i.high).toBeCloseTo(b.delta / 2 + Math.hypot(floored.high, b.high - b.delta) / 2, 14);
});
