/**
 * The score interval on the joint cells (stats/cells-score.ts) against Tango's closed form: for Δ accuracy the
 * constrained multinomial fit and its variance are Tango's, so the two intervals must agree — a check of the
 * numerical fit, the gradient and the root search by an independent formula (itself checked against a published
 * example and scipy, __tests__/golden/tango.test.ts).
 */
import { cellsScoreInterval } from '../../src/stats/cells-score.js';
import { binaryMetric, confusionOf } from '../../src/stats/confusion.js';
import { twoSidedZ } from '../../src/stats/distributions.js';
import { tangoPaired } from '../../src/stats/tango.js';

const z = twoSidedZ(0.95);
const delta = (name: string) => (p: Float64Array) => binaryMetric(name, confusionOf(p, 'candidate')) - binaryMetric(name, confusionOf(p, 'champion'));

/** 8 joint cells, index = label·4 + champion·2 + candidate; returns the cells and the (b, c) of accuracy. */
function cells(c: number[]): { cells: Float64Array; b: number; c: number; n: number } {
  const x = Float64Array.from(c);
  let b = 0;
  let cc = 0;
  for (let k = 0; k < 8; k++) {
    const y = k >> 2;
    const candHit = (k & 1) === y;
    const champHit = ((k >> 1) & 1) === y;
    if (candHit && !champHit) b += x[k]!;
    if (champHit && !candHit) cc += x[k]!;
  }
  return { cells: x, b, c: cc, n: c.reduce((s, v) => s + v, 0) };
}

test.each([
  [[300, 10, 14, 40, 20, 9, 5, 100]],
  [[2000, 3, 30, 50, 60, 10, 2, 1500]],
  [[20, 1, 2, 5, 4, 0, 3, 15]],
  [[1000, 0, 4, 100, 100, 1, 0, 800]]
])('Δ accuracy: equal to Tango’s interval (%j)', (c) => {
  const t = cells(c);
  const r = cellsScoreInterval(t.cells, delta('accuracy'), z)!;
  const want = tangoPaired(t.b, t.c, t.n, z);
  expect(r.estimate).toBeCloseTo(want.delta, 12);
  expect(r.low).toBeCloseTo(want.low, 6);
  expect(r.high).toBeCloseTo(want.high, 6);
});

test('precision, f1, mcc: an interval around the estimate, wider with fewer rows, and a point without disagreements', () => {
  const c = [400, 12, 25, 60, 30, 8, 14, 150];
  for (const name of ['precision', 'f1', 'mcc']) {
    const big = cellsScoreInterval(Float64Array.from(c), delta(name), z)!;
    const small = cellsScoreInterval(Float64Array.from(c, (v) => v / 4), delta(name), z)!;
    expect(big.low).toBeLessThan(big.estimate);
    expect(big.high).toBeGreaterThan(big.estimate);
    // A quarter of the rows, the same proportions: about twice as wide.
    expect((small.high - small.low) / (big.high - big.low)).toBeGreaterThan(1.7);
    expect((small.high - small.low) / (big.high - big.low)).toBeLessThan(2.3);
  }
  // No row where the predictions differ is not certainty: empty cells may take mass in the constrained fit, as
  // in Tango's interval (±z²/(n + z²) for accuracy), so the interval has width.
  const same = Float64Array.from([400, 0, 0, 60, 30, 0, 0, 150]);
  const r = cellsScoreInterval(same, delta('f1'), z)!;
  expect(r.estimate).toBe(0);
  expect(r.low).toBeLessThan(-0.005);
  expect(r.high).toBeGreaterThan(0.005);
  const acc = cellsScoreInterval(same, delta('accuracy'), z)!;
  expect(acc.high).toBeCloseTo((z * z) / (640 + z * z), 6);
  // Undefined at the observed cells (mcc of a model predicting one class only is 0 by convention, not NaN): null.
  expect(cellsScoreInterval(new Float64Array(8), delta('f1'), z)).toBeNull();
});
