/** Confusion-matrix metrics and paired cells vs scikit-learn (golden fixtures; tolerance 1e-9 absolute). */
import { PAIRED_CELLS, binaryMetric, confusionOf, pairedCells } from '../../src/stats/confusion.js';
import { binaryCases, expectClose, u8 } from './fixtures.js';

const TOL = 1e-9;

/** engine metric name -> scikit-learn reference key in the fixture (aliases share one reference). */
const METRICS: [string, string][] = [
  ['accuracy', 'accuracy'],
  ['precision', 'precision'],
  ['recall', 'recall'],
  ['tpr', 'recall'],
  ['specificity', 'specificity'],
  ['tnr', 'specificity'],
  ['fpr', 'fpr'],
  ['fnr', 'fnr'],
  ['f1', 'f1'],
  ['balanced_accuracy', 'balanced_accuracy'],
  ['mcc', 'mcc'],
  ['selection_rate', 'selection_rate']
];

test('fixtures are present', () => {
  expect(binaryCases.length).toBeGreaterThanOrEqual(5);
  expect(PAIRED_CELLS).toBe(8);
});

describe.each(binaryCases.map((c) => [c.case, c] as const))('%s', (_name, fx) => {
  const label = u8(fx.label);
  const candPred = u8(fx.candidate_score.map((s) => (s >= fx.threshold ? 1 : 0)));
  const champPred = u8(fx.champion_score.map((s) => (s >= fx.threshold ? 1 : 0)));

  test('fixture predictions follow score >= threshold', () => {
    expect(Array.from(candPred)).toEqual(fx.candidate_prediction);
    expect(Array.from(champPred)).toEqual(fx.champion_prediction);
  });

  test('pairedCells = joint counts at label*4 + champion*2 + candidate', () => {
    const cells = pairedCells(label, champPred, candPred);
    expect(cells).toHaveLength(PAIRED_CELLS);
    expect(Array.from(cells)).toEqual(fx.paired_cells.counts);
  });

  test('confusionOf matches scikit-learn confusion_matrix', () => {
    const cells = pairedCells(label, champPred, candPred);
    for (const model of ['candidate', 'champion'] as const) {
      const c = confusionOf(cells, model);
      const e = fx.confusion[model];
      expect({ tp: c.tp, fp: c.fp, tn: c.tn, fn: c.fn }).toEqual(e);
    }
  });

  test.each(METRICS)('binaryMetric %s matches scikit-learn (%s)', (name, ref) => {
    const cells = pairedCells(label, champPred, candPred);
    for (const model of ['candidate', 'champion'] as const) {
      const got = binaryMetric(name, confusionOf(cells, model));
      expectClose(`${fx.case} ${model} ${name}`, got, fx.metrics[model][ref]!, TOL);
    }
  });
});
