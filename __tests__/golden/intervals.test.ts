/**
 * The engine's paired intervals vs reference implementations on the golden fixtures:
 * - analytic intervals to 1e-9 (ci.method analytic): the paired normal interval of per-row differences
 *   (multiclass log_loss; mae, mse and mape on the rows with a non-zero label) vs numpy/scipy, and the
 *   delta-method intervals of Δ RMSE and Δ R² vs numpy's g'·Cov·g form (a different formulation of the same
 *   estimator); under auto the same Δ, se and mde, and bounds that are the tilted score interval
 *   (golden/tilted.test.ts checks that one against scipy) of the per-row differences or influence the test
 *   computes from the fixture's raw values;
 * - bootstraps within Monte Carlo error of a numpy row bootstrap (B = 20000, every vectorised statistic re-checked
 *   against scikit-learn at generation): the row bootstrap of roc_auc (ci.method bootstrap), pr_auc, ece (the
 *   binned Δ whose standard error ECE's debiased interval uses),
 *   log_loss, brier; the multiclass joint-cells bootstrap; the regression row bootstrap. The acceptance band is
 *   the one explained in bootstrap.test.ts: the reference quantiles at p ∓ 4 Monte Carlo sds.
 */
import { estimateMetric, type Estimate } from '../../src/core/estimate.js';
import type { CiMethod, CiSettings } from '../../src/config/types.js';
import { rowsInterval } from '../../src/core/intervals.js';
import { tiltedMeanInterval } from '../../src/stats/tilted-mean.js';
import { multiclassLogLossRows } from '../../src/stats/multiclass.js';
import { calibrationResiduals, ECE_BINS, eceBins, pairedEceDelta } from '../../src/stats/calibration.js';
import { metricInfo, type Task } from '../../src/stats/catalog.js';
import type { PairedData } from '../../src/readers/paired-data.js';
import {
  binaryCases,
  expectClose,
  multiclassCases,
  regressionCases,
  type PairedNormalLevel,
  type RowBootstrapRef
} from './fixtures.js';
import { binaryData, ciSettings, multiclassData, regressionData } from './paired-data.js';

const TOL = 1e-9;
const FLOAT_SLACK = 1e-12;

function checkNormal(what: string, est: Estimate, lv: PairedNormalLevel, method: string): void {
  expect(est.method).toBe(method);
  expectClose(`${what} candidate`, est.candidate, lv.candidate, TOL);
  expectClose(`${what} champion`, est.champion!, lv.champion, TOL);
  expectClose(`${what} delta`, est.delta!, lv.delta, TOL);
  expectClose(`${what} se`, est.se!, lv.se, TOL);
  expectClose(`${what} low`, est.low!, lv.low, TOL);
  expectClose(`${what} high`, est.high!, lv.high, TOL);
  // mde = (z_{1-α/2} + z_{0.8})·se, z_{0.8} = 0.8416212335729143 (scipy.stats.norm.ppf(0.8))
  expectClose(`${what} mde`, est.mde!, (lv.z + 0.8416212335729143) * lv.se, 1e-12);
}

/**
 * Under auto: Δ, se and mde as the normal interval's reference, method tilted-score, and the bounds of the tilted
 * score interval of `rows` (whose mean is Δ to first order) moved to centre on Δ.
 */
function checkTilted(what: string, est: Estimate, lv: PairedNormalLevel, rows: ArrayLike<number>): void {
  expect(est.method).toBe('tilted-score');
  expectClose(`${what} candidate`, est.candidate, lv.candidate, TOL);
  expectClose(`${what} champion`, est.champion!, lv.champion, TOL);
  expectClose(`${what} delta`, est.delta!, lv.delta, TOL);
  expectClose(`${what} se`, est.se!, lv.se, TOL);
  expectClose(`${what} mde`, est.mde!, (lv.z + 0.8416212335729143) * lv.se, 1e-12);
  const t = tiltedMeanInterval(rows, lv.confidence_level);
  expectClose(`${what} low`, est.low!, lv.delta + t.low - t.mean, TOL);
  expectClose(`${what} high`, est.high!, lv.delta + t.high - t.mean, TOL);
  expect(est.low!).toBeLessThan(lv.delta);
  expect(est.high!).toBeGreaterThan(lv.delta);
}

/** Every bound of every level inside the reference's Monte Carlo band; returns the failures. */
function bootstrapProblems(
  task: Task,
  metric: string,
  data: PairedData,
  ref: RowBootstrapRef,
  method: CiMethod,
  expectedMethod: string,
  label: string,
  run: (ci: CiSettings, stream: string) => Pick<Estimate, 'low' | 'high' | 'method'> = (ci, stream) =>
    estimateMetric(metricInfo(task, metric)!, data, ci, stream)
): string[] {
  const problems: string[] = [];
  for (const lv of ref.metrics[metric]!.intervals) {
    const est = run(
      ciSettings({ method, confidence_level: lv.confidence_level, resamples: ref.engine_resamples_assumed }),
      `golden/${label}/${metric}`
    );
    expect(est.method).toBe(expectedMethod);
    const check = (bound: 'low' | 'high', got: number, band: [number, number], refValue: number): void => {
      if (!(got >= band[0] - FLOAT_SLACK && got <= band[1] + FLOAT_SLACK)) {
        problems.push(`${label} ${metric} @${lv.confidence_level} ${bound}: expected ${refValue} (MC band [${band[0]}, ${band[1]}]), got ${got}`);
      }
    };
    check('low', est.low!, lv.low_band, lv.low);
    check('high', est.high!, lv.high_band, lv.high);
  }
  return problems;
}

describe('binary score metrics: row bootstrap vs numpy', () => {
  const cases = binaryCases.filter((c) => c.score_bootstrap !== null);
  test('reference present for at least three cases', () => expect(cases.length).toBeGreaterThanOrEqual(3));
  const rows = cases.flatMap((fx) =>
    ['roc_auc', 'pr_auc', 'ece', 'log_loss', 'brier'].map((m) => [fx.case, m, fx] as const)
  );
  test.each(rows)('%s: Δ %s', (_name, metric, fx) => {
    // roc_auc, log_loss and brier default to analytic intervals: force the bootstrap for them.
    const method: CiMethod = metric === 'pr_auc' ? 'auto' : 'bootstrap';
    const data = binaryData(fx);
    // ECE's check centres its interval on the debiased Δ (estimate-binary.ts); the row bootstrap of the binned
    // Δ it takes its standard error from is the one numpy's percentiles describe.
    const eceRows = (ci: CiSettings, stream: string) => {
      const pc = data.candidate.score!;
      const ph = data.champion!.score!;
      const [rc, rh, bc, bh] = [calibrationResiduals(data.label, pc), calibrationResiduals(data.label, ph), eceBins(pc), eceBins(ph)];
      const gaps = [new Float64Array(ECE_BINS), new Float64Array(ECE_BINS)] as const;
      return rowsInterval(data.n, (w) => pairedEceDelta(rc, bc, rh, bh, w, gaps[0], gaps[1]), ci, stream);
    };
    expect(
      bootstrapProblems('binary', metric, data, fx.score_bootstrap!, method, 'bootstrap-rows', fx.case, metric === 'ece' ? eceRows : undefined)
    ).toEqual([]);
  });
});

describe.each(multiclassCases.map((c) => [c.case, c] as const))('multiclass %s', (_name, fx) => {
  const data = multiclassData(fx);

  test('log_loss: paired normal interval of the per-row differences (analytic), tilted under auto', () => {
    const k = data.classes!.length;
    const champ = multiclassLogLossRows(data.labelClass!, data.champion!.proba!, k);
    const d = multiclassLogLossRows(data.labelClass!, data.candidate.proba!, k).map((x, i) => x - champ[i]!);
    for (const lv of fx.paired_normal.log_loss) {
      const at = (method: CiMethod) => estimateMetric(metricInfo('multiclass', 'log_loss')!, data, ciSettings({ method, confidence_level: lv.confidence_level }), 'g');
      checkNormal(`${fx.case} log_loss @${lv.confidence_level}`, at('analytic'), lv, 'paired-normal');
      checkTilted(`${fx.case} log_loss auto @${lv.confidence_level}`, at('auto'), lv, d);
    }
  });

  test.each(['accuracy', 'macro_f1', 'weighted_f1', 'macro_precision', 'macro_recall'])(
    'joint-cells bootstrap of Δ %s vs the numpy row bootstrap',
    (metric) => {
      // ci.method bootstrap: under auto, accuracy takes Tango's interval (docs/statistics.md).
      expect(bootstrapProblems('multiclass', metric, data, fx.row_bootstrap, 'bootstrap', 'bootstrap-cells', fx.case)).toEqual([]);
    }
  );

  test('ci.method bootstrap: row bootstrap of Δ log_loss vs numpy', () => {
    expect(bootstrapProblems('multiclass', 'log_loss', data, fx.row_bootstrap, 'bootstrap', 'bootstrap-rows', fx.case)).toEqual([]);
  });
});

describe.each(regressionCases.map((c) => [c.case, c] as const))('regression %s', (_name, fx) => {
  const data = regressionData(fx);

  // Per-row losses and delta-method influences from the fixture's raw values, written out here.
  const y = fx.label;
  const ec = fx.candidate_prediction.map((v, i) => v - y[i]!);
  const eh = fx.champion_prediction.map((v, i) => v - y[i]!);
  const kept = y.map((_, i) => i).filter((i) => y[i] !== 0);
  const differences = {
    mae: ec.map((e, i) => Math.abs(e) - Math.abs(eh[i]!)),
    mse: ec.map((e, i) => e * e - eh[i]! * eh[i]!),
    mape: kept.map((i) => (Math.abs(ec[i]!) - Math.abs(eh[i]!)) / Math.max(Math.abs(y[i]!), Number.EPSILON))
  };
  const mseC = ec.reduce((a, e) => a + e * e, 0) / y.length;
  const mseH = eh.reduce((a, e) => a + e * e, 0) / y.length;
  const ybar = y.reduce((a, v) => a + v, 0) / y.length;
  const sst = y.reduce((a, v) => a + (v - ybar) ** 2, 0) / y.length;
  const dR2 = (mseH - mseC) / sst;
  const influence = {
    rmse: ec.map((e, i) => (e * e - mseC) / (2 * Math.sqrt(mseC)) - (eh[i]! * eh[i]! - mseH) / (2 * Math.sqrt(mseH))),
    r2: ec.map((e, i) => (eh[i]! * eh[i]! - e * e - dR2 * (y[i]! - ybar) ** 2) / sst)
  };

  test.each(['mae', 'mse', 'mape'] as const)('%s: paired normal interval (analytic), tilted under auto', (metric) => {
    for (const lv of fx.paired_normal[metric]) {
      const at = (method: CiMethod) => estimateMetric(metricInfo('regression', metric)!, data, ciSettings({ method, confidence_level: lv.confidence_level }), 'g');
      checkNormal(`${fx.case} ${metric} @${lv.confidence_level}`, at('analytic'), lv, 'paired-normal');
      checkTilted(`${fx.case} ${metric} auto @${lv.confidence_level}`, at('auto'), lv, differences[metric]);
    }
  });

  test.each(['rmse', 'r2'] as const)('%s: delta-method interval (analytic), tilted influence under auto', (metric) => {
    for (const lv of fx.delta_method[metric].levels) {
      const at = (method: CiMethod) => estimateMetric(metricInfo('regression', metric)!, data, ciSettings({ method, confidence_level: lv.confidence_level }), 'g');
      checkNormal(`${fx.case} ${metric} analytic @${lv.confidence_level}`, at('analytic'), lv, 'delta-method');
      checkTilted(`${fx.case} ${metric} auto @${lv.confidence_level}`, at('auto'), lv, influence[metric]);
    }
  });

  test.each(['mae', 'mse', 'rmse', 'mape', 'r2'])('ci.method bootstrap: row bootstrap of Δ %s vs numpy', (metric) => {
    expect(bootstrapProblems('regression', metric, data, fx.row_bootstrap, 'bootstrap', 'bootstrap-rows', fx.case)).toEqual([]);
  });
});
