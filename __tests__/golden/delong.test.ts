/**
 * AUC vs scikit-learn roc_auc_score (1e-9) and the paired DeLong interval vs pROC's
 * roc.test(paired = TRUE, method = "delong") (AUCs, delta, se and bounds within 1e-6).
 * pROC's roc1 is the candidate, so its conf.int is for AUC(candidate) - AUC(champion).
 */
import { auc, delongPaired } from '../../src/stats/delong.js';
import { asah, binaryCases, expectClose, u8, type DelongLevel } from './fixtures.js';

const TOL_AUC_SKLEARN = 1e-9;
const TOL = 1e-6;

function checkDelong(name: string, label: Uint8Array, cand: number[], champ: number[], levels: DelongLevel[]): void {
  expect(levels.length).toBeGreaterThanOrEqual(2);
  for (const lv of levels) {
    const r = delongPaired(label, cand, champ, lv.confidence_level);
    const what = `${name} DeLong @${lv.confidence_level}`;
    expectClose(`${what} candidate AUC`, r.candidate, lv.auc1, TOL);
    expectClose(`${what} champion AUC`, r.champion, lv.auc2, TOL);
    expectClose(`${what} delta`, r.delta, lv.delta, TOL);
    expectClose(`${what} se`, r.se, lv.se, TOL);
    expectClose(`${what} low`, r.low, lv.conf_int[0], TOL);
    expectClose(`${what} high`, r.high, lv.conf_int[1], TOL);
    // pROC's Z statistic = delta / se
    expectClose(`${what} z`, r.delta / r.se, lv.statistic_z, 1e-5);
  }
}

describe.each(binaryCases.map((c) => [c.case, c] as const))('%s', (_name, fx) => {
  const label = u8(fx.label);

  test('auc matches scikit-learn roc_auc_score', () => {
    expectClose(`${fx.case} candidate auc`, auc(label, fx.candidate_score), fx.metrics.candidate.roc_auc!, TOL_AUC_SKLEARN);
    expectClose(`${fx.case} champion auc`, auc(label, fx.champion_score), fx.metrics.champion.roc_auc!, TOL_AUC_SKLEARN);
  });

  test('delongPaired matches pROC roc.test (paired DeLong), 95 % and 90 %', () => {
    expect(fx.delong.direction).toBe('<'); // higher score = more likely positive, as the engine assumes
    checkDelong(fx.case, label, fx.candidate_score, fx.champion_score, fx.delong.intervals);
  });
});

describe('pROC documentation example (aSAH: s100b vs wfns)', () => {
  const label = u8(asah.label);

  test('pROC chose direction "<" (controls < cases), the one the engine uses', () => {
    expect(asah.delong.direction_chosen_by_pROC).toBe('<');
    expect(asah.delong.direction).toBe('<');
  });

  test('auc matches scikit-learn and pROC (ordinal predictor with many ties)', () => {
    expectClose('aSAH s100b auc', auc(label, asah.candidate_score), asah.sklearn_roc_auc.candidate, TOL_AUC_SKLEARN);
    expectClose('aSAH wfns auc', auc(label, asah.champion_score), asah.sklearn_roc_auc.champion, TOL_AUC_SKLEARN);
  });

  test('delongPaired matches pROC roc.test', () => {
    checkDelong('aSAH', label, asah.candidate_score, asah.champion_score, asah.delong.intervals);
    // the published example: Z = -2.209, p = 0.02718, AUCs 0.7314 / 0.8237
    expect(asah.delong.intervals[0]!.statistic_z).toBeCloseTo(-2.209, 3);
  });
});
