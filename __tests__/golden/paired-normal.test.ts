/**
 * Per-row losses vs scikit-learn log_loss / brier_score_loss, and the paired normal interval of the per-row
 * differences vs numpy/scipy (cross-checked with statsmodels at generation): tolerance 1e-9 absolute.
 */
import { brierRows, logLossRows } from '../../src/stats/losses.js';
import { pairedMeanInterval } from '../../src/stats/paired-normal.js';
import { binaryCases, expectClose, u8 } from './fixtures.js';

const TOL = 1e-9;

const mean = (xs: Float64Array): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe.each(binaryCases.map((c) => [c.case, c] as const))('%s', (_name, fx) => {
  const label = u8(fx.label);
  const rows = {
    log_loss: logLossRows,
    brier: brierRows
  } as const;

  test.each(['log_loss', 'brier'] as const)('mean of %s rows matches scikit-learn', (loss) => {
    const f = rows[loss];
    for (const model of ['candidate', 'champion'] as const) {
      const r = f(label, model === 'candidate' ? fx.candidate_score : fx.champion_score);
      expect(r).toHaveLength(fx.n);
      expectClose(`${fx.case} ${model} ${loss}`, mean(r), fx.metrics[model][loss]!, TOL);
    }
  });

  test.each(['log_loss', 'brier'] as const)('pairedMeanInterval of %s differences', (loss) => {
    const f = rows[loss];
    const cand = f(label, fx.candidate_score);
    const champ = f(label, fx.champion_score);
    const levels = fx.paired_normal[loss];
    expect(levels.length).toBeGreaterThanOrEqual(2);
    for (const lv of levels) {
      const r = pairedMeanInterval(cand, champ, lv.confidence_level);
      const what = `${fx.case} ${loss} paired normal @${lv.confidence_level}`;
      expectClose(`${what} candidate`, r.candidate, lv.candidate, TOL);
      expectClose(`${what} champion`, r.champion, lv.champion, TOL);
      expectClose(`${what} delta`, r.delta, lv.delta, TOL);
      expectClose(`${what} se`, r.se, lv.se, TOL);
      expectClose(`${what} low`, r.low, lv.low, TOL);
      expectClose(`${what} high`, r.high, lv.high, TOL);
    }
  });
});
