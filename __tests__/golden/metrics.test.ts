/**
 * Every metric of docs/statistics.md through the engine (estimateMetric) vs scikit-learn on the golden fixtures, to 1e-9:
 * binary pr_auc (average_precision_score), ece (the definition in docs/statistics.md, numpy), net_benefit; the multiclass
 * metrics (accuracy, macro/weighted/micro F1, macro precision/recall, log_loss with labels = the probability
 * columns); the regression metrics (mae, mse, rmse, mape on the rows with a non-zero label, r2).
 * The binary confusion metrics, roc_auc, log_loss and brier have their own golden tests (confusion, delong,
 * paired-normal); here they are checked once more through the engine's dispatch.
 */
import { estimateMetric } from '../../src/core/estimate.js';
import { metricInfo, metricNames } from '../../src/stats/catalog.js';
import { binaryCases, expectClose, multiclassCases, regressionCases } from './fixtures.js';
import { binaryData, ciSettings, multiclassData, regressionData, withoutChampion } from './paired-data.js';

const TOL = 1e-9;
/** Metric name → the fixture's reference key (aliases share one). */
const ALIAS: Record<string, string> = { tpr: 'recall', tnr: 'specificity' };

describe.each(binaryCases.map((c) => [c.case, c] as const))('binary %s', (_name, fx) => {
  const data = binaryData(fx);
  const options = { net_benefit: fx.net_benefit_values };
  const names = metricNames('binary');

  test.each(names)('%s equals scikit-learn for both models', (metric) => {
    const info = metricInfo('binary', metric)!;
    const ref = ALIAS[metric] ?? metric;
    const positives = fx.label.reduce((a, b) => a + b, 0);
    if (['recall', 'tpr', 'fnr', 'roc_auc', 'pr_auc'].includes(metric) && positives === 0) return;
    const est = estimateMetric(info, data, ciSettings({ resamples: 200 }), `golden/${metric}`, options);
    expectClose(`${fx.case} candidate ${metric}`, est.candidate, fx.metrics.candidate[ref]!, TOL);
    expectClose(`${fx.case} champion ${metric}`, est.champion!, fx.metrics.champion[ref]!, TOL);
    const alone = estimateMetric(info, withoutChampion(data), ciSettings(), `golden/${metric}`, options);
    expectClose(`${fx.case} candidate alone ${metric}`, alone.candidate, fx.metrics.candidate[ref]!, TOL);
    expect([alone.champion, alone.delta, alone.low, alone.high, alone.method, alone.mde]).toEqual([null, null, null, null, null, null]);
  });
});

describe.each(multiclassCases.map((c) => [c.case, c] as const))('multiclass %s', (_name, fx) => {
  const data = multiclassData(fx);

  test.each(metricNames('multiclass'))('%s equals scikit-learn for both models', (metric) => {
    const info = metricInfo('multiclass', metric)!;
    const est = estimateMetric(info, data, ciSettings({ resamples: 200 }), `golden/${metric}`);
    expectClose(`${fx.case} candidate ${metric}`, est.candidate, fx.metrics.candidate[metric]!, TOL);
    expectClose(`${fx.case} champion ${metric}`, est.champion!, fx.metrics.champion[metric]!, TOL);
    const alone = estimateMetric(info, withoutChampion(data), ciSettings(), `golden/${metric}`);
    expectClose(`${fx.case} candidate alone ${metric}`, alone.candidate, fx.metrics.candidate[metric]!, TOL);
  });
});

describe.each(regressionCases.map((c) => [c.case, c] as const))('regression %s', (_name, fx) => {
  const data = regressionData(fx);

  test.each(metricNames('regression'))('%s equals scikit-learn for both models', (metric) => {
    const info = metricInfo('regression', metric)!;
    const est = estimateMetric(info, data, ciSettings(), `golden/${metric}`);
    expectClose(`${fx.case} candidate ${metric}`, est.candidate, fx.metrics.candidate[metric]!, TOL);
    expectClose(`${fx.case} champion ${metric}`, est.champion!, fx.metrics.champion[metric]!, TOL);
    const alone = estimateMetric(info, withoutChampion(data), ciSettings(), `golden/${metric}`);
    expectClose(`${fx.case} candidate alone ${metric}`, alone.candidate, fx.metrics.candidate[metric]!, TOL);
  });

  test('mape says how many rows it left out', () => {
    const est = estimateMetric(metricInfo('regression', 'mape')!, data, ciSettings(), 'golden/mape');
    if (fx.zero_labels > 0) {
      expect(est.valueNote).toBe(`mape leaves out the ${fx.zero_labels} of ${fx.n} rows whose label is 0 (it divides by the label)`);
    } else {
      expect(est.valueNote).toBeUndefined();
    }
  });
});

test('the fixtures cover rows with label 0 (mape) and classes absent from the labels', () => {
  expect(regressionCases.some((c) => c.zero_labels > 0)).toBe(true);
  expect(multiclassCases.some((c) => c.classes.some((k) => !c.label.includes(k)))).toBe(true);
});
