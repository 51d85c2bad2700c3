import { metricNames, metricInfo } from '../../src/stats/catalog.js';
import { PAIRED_CELLS, binaryMetric, confusionOf, pairedCells, type Confusion } from '../../src/stats/confusion.js';

// net_benefit is a confusion metric too, but takes the outcome values from metric_options (netBenefit()).
const CONFUSION_METRICS = metricNames('binary').filter(
  (m) => metricInfo('binary', m)!.kind === 'confusion' && metricInfo('binary', m)!.implemented && m !== 'net_benefit'
);

describe('binaryMetric', () => {
  // y_true = [1,1,1,1,0,0,0,0,0,0], y_pred = [1,1,1,0,1,1,0,0,0,0]: tp 3, fn 1, fp 2, tn 4.
  const c: Confusion = { tp: 3, fp: 2, tn: 4, fn: 1 };

  test('a hand-computed confusion matrix', () => {
    expect(binaryMetric('accuracy', c)).toBeCloseTo(0.7, 15);
    expect(binaryMetric('precision', c)).toBeCloseTo(0.6, 15);
    expect(binaryMetric('recall', c)).toBe(0.75);
    expect(binaryMetric('tpr', c)).toBe(0.75);
    expect(binaryMetric('specificity', c)).toBeCloseTo(4 / 6, 15);
    expect(binaryMetric('tnr', c)).toBeCloseTo(4 / 6, 15);
    expect(binaryMetric('fpr', c)).toBeCloseTo(2 / 6, 15);
    expect(binaryMetric('fnr', c)).toBe(0.25);
    expect(binaryMetric('f1', c)).toBeCloseTo(2 / 3, 15); // 2·0.6·0.75/(0.6 + 0.75)
    expect(binaryMetric('balanced_accuracy', c)).toBeCloseTo((0.75 + 4 / 6) / 2, 15);
    expect(binaryMetric('mcc', c)).toBeCloseTo(10 / Math.sqrt(600), 15); // (12 − 2)/√(5·4·6·5)
    expect(binaryMetric('selection_rate', c)).toBe(0.5);
  });

  test('perfect and perfectly wrong predictions', () => {
    const perfect = { tp: 5, fp: 0, tn: 7, fn: 0 };
    const wrong = { tp: 0, fp: 7, tn: 0, fn: 5 };
    for (const m of ['accuracy', 'precision', 'recall', 'specificity', 'f1', 'balanced_accuracy', 'mcc']) {
      expect(binaryMetric(m, perfect)).toBe(1);
    }
    expect(binaryMetric('fpr', perfect)).toBe(0);
    expect(binaryMetric('mcc', wrong)).toBe(-1);
    expect(binaryMetric('accuracy', wrong)).toBe(0);
    expect(binaryMetric('fpr', wrong)).toBe(1);
    expect(binaryMetric('fnr', wrong)).toBe(1);
  });

  test("zero divisions give 0, as scikit-learn's zero_division default", () => {
    // No positive predictions and no positive labels: precision/recall/f1 are 0/0 → 0; mcc 0.
    const allNeg = { tp: 0, fp: 0, tn: 5, fn: 0 };
    expect(binaryMetric('precision', allNeg)).toBe(0);
    expect(binaryMetric('recall', allNeg)).toBe(0);
    expect(binaryMetric('f1', allNeg)).toBe(0);
    expect(binaryMetric('mcc', allNeg)).toBe(0);
    expect(binaryMetric('fnr', allNeg)).toBe(0);
    expect(binaryMetric('accuracy', allNeg)).toBe(1);
    // sklearn's balanced_accuracy_score averages recall over classes present in y_true only: here 1.0.
    expect(binaryMetric('balanced_accuracy', allNeg)).toBe(1);
    // Only positive labels, mixed predictions: balanced accuracy is the recall (0.75), not (0.75 + 0)/2.
    const allPos = { tp: 3, fp: 0, tn: 0, fn: 1 };
    expect(binaryMetric('balanced_accuracy', allPos)).toBe(0.75);
    expect(binaryMetric('specificity', allPos)).toBe(0);
    expect(binaryMetric('fpr', allPos)).toBe(0);
    // Constant predictions: mcc is 0 (sklearn returns 0 when a marginal is empty).
    expect(binaryMetric('mcc', { tp: 4, fp: 6, tn: 0, fn: 0 })).toBe(0);
    // No rows at all.
    const empty = { tp: 0, fp: 0, tn: 0, fn: 0 };
    for (const m of CONFUSION_METRICS) expect(binaryMetric(m, empty)).toBe(0);
  });

  test('never NaN, always in range, for every catalogue confusion metric', () => {
    expect(CONFUSION_METRICS).toHaveLength(12);
    for (let tp = 0; tp <= 3; tp++)
      for (let fp = 0; fp <= 3; fp++)
        for (let tn = 0; tn <= 3; tn++)
          for (let fn = 0; fn <= 3; fn++)
            for (const m of CONFUSION_METRICS) {
              const v = binaryMetric(m, { tp, fp, tn, fn });
              expect(Number.isFinite(v)).toBe(true);
              expect(v).toBeGreaterThanOrEqual(m === 'mcc' ? -1 : 0);
              expect(v).toBeLessThanOrEqual(1 + 1e-15);
            }
  });

  test('mcc stays exact at ten million rows', () => {
    const big = { tp: 3_000_000, fp: 1_000_000, tn: 5_000_000, fn: 1_000_000 };
    // (15e12 − 1e12)/√(4e6·4e6·6e6·6e6) = 14e12/24e12
    expect(binaryMetric('mcc', big)).toBeCloseTo(14 / 24, 15);
  });

  test('throws for names that are not confusion metrics', () => {
    expect(() => binaryMetric('roc_auc', { tp: 1, fp: 1, tn: 1, fn: 1 })).toThrow();
    expect(() => binaryMetric('F1', { tp: 1, fp: 1, tn: 1, fn: 1 })).toThrow();
  });
});

describe('pairedCells and confusionOf', () => {
  const label = new Uint8Array([1, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
  const champion = new Uint8Array([1, 0, 1, 0, 1, 0, 0, 0, 1, 0]);
  const candidate = new Uint8Array([1, 1, 1, 0, 1, 1, 0, 0, 0, 0]);

  test('counts rows by label·4 + champion·2 + candidate', () => {
    expect(PAIRED_CELLS).toBe(8);
    const cells = pairedCells(label, champion, candidate);
    expect(cells).toBeInstanceOf(Float64Array);
    // rows: (1,1,1) ×2 → 7; (1,0,1) → 5; (1,0,0) → 4; (0,1,1) → 3; (0,0,1) → 1; (0,0,0) ×3 → 0; (0,1,0) → 2
    expect(Array.from(cells)).toEqual([3, 1, 1, 1, 1, 1, 0, 2]);
  });

  test('reads each model\'s confusion matrix off the cells', () => {
    const cells = pairedCells(label, champion, candidate);
    expect(confusionOf(cells, 'candidate')).toEqual({ tp: 3, fp: 2, tn: 4, fn: 1 });
    expect(confusionOf(cells, 'champion')).toEqual({ tp: 2, fp: 2, tn: 4, fn: 2 });
  });

  test('counts only the given rows, repeats included (a row resample)', () => {
    const cells = pairedCells(label, champion, candidate, [0, 0, 3, 9, 9, 9]);
    expect(Array.from(cells)).toEqual([3, 0, 0, 0, 1, 0, 0, 2]);
    expect(Array.from(pairedCells(label, champion, candidate, []))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  test('agrees with row-by-row counting on random data', () => {
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 31;
    const n = 5000;
    const y = Uint8Array.from({ length: n }, next);
    const a = Uint8Array.from({ length: n }, next);
    const b = Uint8Array.from({ length: n }, next);
    const cells = pairedCells(y, a, b);
    for (const [which, pred] of [['candidate', b], ['champion', a]] as const) {
      const want = { tp: 0, fp: 0, tn: 0, fn: 0 };
      for (let i = 0; i < n; i++) {
        if (pred[i] && y[i]) want.tp++;
        else if (pred[i]) want.fp++;
        else if (y[i]) want.fn++;
        else want.tn++;
      }
      expect(confusionOf(cells, which)).toEqual(want);
    }
  });

  test('rejects values other than 0/1, bad row indices and mismatched lengths', () => {
    expect(() => pairedCells(new Uint8Array([2]), new Uint8Array([0]), new Uint8Array([0]))).toThrow(RangeError);
    expect(() => pairedCells(label, champion, candidate, [10])).toThrow(RangeError);
    expect(() => pairedCells(label, champion, candidate, [-1])).toThrow(RangeError);
    expect(() => pairedCells(label, champion, new Uint8Array(3))).toThrow(RangeError);
    expect(() => confusionOf([1, 2, 3], 'candidate')).toThrow(RangeError);
  });
});
