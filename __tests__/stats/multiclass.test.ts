/** Multiclass joint cells and metrics: hand-checked values (scikit-learn's) and cells ≡ rows. */
import fc from 'fast-check';
import {
  classCounts,
  classCountsOf,
  emptyClassCounts,
  jointCells,
  multiclassLogLossRows,
  multiclassMetric,
  MULTICLASS_CONFUSION_METRICS
} from '../../src/stats/multiclass.js';

test('a hand example, as scikit-learn computes it', () => {
  // y_true = [0,0,1,1,2,2], y_pred = [0,1,1,1,0,2] → per class: P = [1/2, 2/3, 1], R = [1/2, 1, 1/2]
  // F1 = [1/2, 4/5, 2/3]; sklearn: f1 macro 0.6555…, weighted the same (equal supports), micro = accuracy 4/6.
  const c = classCounts(Uint32Array.from([0, 0, 1, 1, 2, 2]), Uint32Array.from([0, 1, 1, 1, 0, 2]), 3);
  expect(multiclassMetric('accuracy', c)).toBeCloseTo(4 / 6, 15);
  expect(multiclassMetric('micro_f1', c)).toBeCloseTo(4 / 6, 15);
  expect(multiclassMetric('macro_f1', c)).toBeCloseTo((1 / 2 + 4 / 5 + 2 / 3) / 3, 15);
  expect(multiclassMetric('weighted_f1', c)).toBeCloseTo((1 / 2 + 4 / 5 + 2 / 3) / 3, 15);
  expect(multiclassMetric('macro_precision', c)).toBeCloseTo((1 / 2 + 2 / 3 + 1) / 3, 15);
  expect(multiclassMetric('macro_recall', c)).toBeCloseTo((1 / 2 + 1 + 1 / 2) / 3, 15);
});

test('classes neither present nor predicted are left out; predicted-only classes count with recall 0', () => {
  // 4 classes; class 3 never occurs; class 2 is only predicted.
  const c = classCounts(Uint32Array.from([0, 0, 1, 1]), Uint32Array.from([0, 2, 1, 1]), 4);
  expect(multiclassMetric('macro_recall', c)).toBeCloseTo((1 / 2 + 1 + 0) / 3, 15);
  expect(multiclassMetric('macro_precision', c)).toBeCloseTo((1 + 1 + 0) / 3, 15);
  expect(() => multiclassMetric('f1', c)).toThrow(/not a multiclass confusion metric/);
});

test('joint cells are a sufficient statistic: metrics from cells equal metrics from rows', () => {
  const k = 4;
  const rows = fc.array(fc.tuple(fc.nat(k - 1), fc.nat(k - 1), fc.nat(k - 1)), { minLength: 1, maxLength: 60 });
  fc.assert(
    fc.property(rows, (xs) => {
      const y = Uint32Array.from(xs.map((x) => x[0]));
      const a = Uint32Array.from(xs.map((x) => x[1]));
      const b = Uint32Array.from(xs.map((x) => x[2]));
      const cells = jointCells(y, a, b, k);
      expect(cells.count.reduce((s, c) => s + c, 0)).toBe(xs.length);
      for (const m of MULTICLASS_CONFUSION_METRICS) {
        expect(multiclassMetric(m, classCountsOf(cells, cells.count, 'candidate', emptyClassCounts(k)))).toBeCloseTo(multiclassMetric(m, classCounts(y, b, k)), 14);
        expect(multiclassMetric(m, classCountsOf(cells, cells.count, 'champion', emptyClassCounts(k)))).toBeCloseTo(multiclassMetric(m, classCounts(y, a, k)), 14);
      }
    })
  );
  expect(() => jointCells(Uint32Array.from([0, 3]), Uint32Array.from([0, 0]), Uint32Array.from([0, 0]), 3)).toThrow(/class ≥ 3/);
});

test('log loss clips to [eps, 1 − eps] and renormalises each row', () => {
  const eps = 2.220446049250313e-16;
  const rows = multiclassLogLossRows(Uint32Array.from([0, 1, 2]), Float64Array.from([0.5, 0.25, 0.25, 1, 0, 0, 0.2, 0.2, 0.1]), 3);
  expect(rows[0]).toBeCloseTo(-Math.log(0.5), 15);
  // row 2: clipped [1 − eps, eps, eps] → label 1's share eps / (1 + eps)
  expect(rows[1]).toBeCloseTo(-Math.log(eps / (1 - eps + 2 * eps)), 12);
  // row 3 sums to 0.5: renormalised 0.1/0.5
  expect(rows[2]).toBeCloseTo(-Math.log(0.2), 15);
  expect(() => multiclassLogLossRows(Uint32Array.from([0]), Float64Array.from([1, 0]), 3)).toThrow(/n × K/);
});
