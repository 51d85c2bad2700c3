/**
 * The engine's paired cells bootstrap vs a reference numpy ROW bootstrap (B_ref = 20000 resamples of rows,
 * percentile interval with numpy's default linear quantile) of Δ = metric(candidate) − metric(champion).
 *
 * Resampling n rows with replacement and drawing the 8 joint (label, champion, candidate) cell counts from
 * Multinomial(n, cells/n) give the same bootstrap distribution F of Δ, so both intervals estimate the same
 * percentiles; they differ only by Monte Carlo error (different PRNGs, different B).
 *
 * Tolerance. An empirical p-quantile from B draws is where the empirical CDF crosses p, and the empirical CDF at
 * a point has sd sqrt(p(1−p)/B). So, evaluated with the reference's empirical CDF F_ref, the engine's bound sits
 * at a probability level p ± ε with sd(ε) = s = sqrt(p(1−p)(1/B_ref + 1/B_eng)). The generator stores, for each
 * bound, the band [q_ref(p − 4s), q_ref(p + 4s)] computed from the reference draws with B_eng = 10000
 * (`engine_resamples_assumed`; a larger engine B only makes the band conservative). We accept the engine's bound
 * iff it lies in that band, i.e. within 4 Monte Carlo standard deviations.
 * Why this rather than "|engine − ref| ≤ k·se" with se = sqrt(p(1−p)/B)/f(q) from a density estimate, or the
 * rule of thumb 0.15·sd(Δ*): Δ* of a confusion metric is lattice-valued (steps of 1/n for accuracy; n = 60 is
 * a case here) and can be skewed or bounded (the degenerate case, where the candidate's precision is 0 in every
 * resample), where a density-based se is ill-defined; the quantile band needs no density and handles atoms.
 * For a normal F it is about ±0.13·sd(Δ*) wide, in line with the 0.15·sd(Δ*) rule. The engine is seeded, so
 * the test is deterministic; 4 MC sds means a correct engine fails one given bound with probability ~6e-5,
 * i.e. ~5e-3 over the 80 bounds checked here should its seed or PRNG ever change. (Seen when this was written:
 * small_60 accuracy, where the reference CDF at Δ = 5/60 is 0.97645, i.e. an atom edge 0.0015 from p = 0.975;
 * the engine's upper bound is the next atom, 6/60, one lattice step = 0.30·sd(Δ*) from the reference bound and
 * inside the band — a flat 0.15·sd(Δ*) tolerance would have rejected this correct result.)
 */
import { cellsBootstrap } from '../../src/stats/bootstrap.js';
import { binaryMetric, confusionOf, pairedCells } from '../../src/stats/confusion.js';
import { binaryCases, u8 } from './fixtures.js';

const SEED = 20240611;
/**
 * Band edges are often atoms of the lattice-valued Δ* (e.g. 6/60 − 0/60), which the engine may compute in
 * another order of operations: allow a few ulps so a bound sitting on an atom edge is not rejected by rounding.
 */
const FLOAT_SLACK = 1e-12;

const withBootstrap = binaryCases.filter((c) => c.row_bootstrap !== null);

test('reference bootstrap present for at least two cases', () => {
  expect(withBootstrap.length).toBeGreaterThanOrEqual(2);
});

const rows = withBootstrap.flatMap((fx) =>
  Object.keys(fx.row_bootstrap!.metrics).map((metric) => [fx.case, metric, fx] as const)
);

test.each(rows)('%s: cells bootstrap of Δ %s agrees with the numpy row bootstrap', (_name, metric, fx) => {
  const ref = fx.row_bootstrap!;
  const label = u8(fx.label);
  const cand = u8(fx.candidate_score.map((s) => (s >= ref.threshold ? 1 : 0)));
  const champ = u8(fx.champion_score.map((s) => (s >= ref.threshold ? 1 : 0)));
  const cells = pairedCells(label, champ, cand);
  const statistic = (c: Float64Array): number =>
    binaryMetric(metric, confusionOf(c, 'candidate')) - binaryMetric(metric, confusionOf(c, 'champion'));

  const B = ref.engine_resamples_assumed;
  const problems: string[] = [];
  for (const lv of ref.metrics[metric]!.intervals) {
    const r = cellsBootstrap(cells, statistic, { resamples: B, seed: SEED, confidenceLevel: lv.confidence_level });
    expect(r.resamples).toBe(B);
    const check = (bound: 'low' | 'high', got: number, band: [number, number], refValue: number): void => {
      if (!(got >= band[0] - FLOAT_SLACK && got <= band[1] + FLOAT_SLACK)) {
        problems.push(
          `${fx.case} ${metric} @${lv.confidence_level} ${bound}: expected ${refValue} ` +
            `(MC band [${band[0]}, ${band[1]}]), got ${got}`
        );
      }
    };
    check('low', r.low, lv.low_band, lv.low);
    check('high', r.high, lv.high_band, lv.high);
  }
  expect(problems).toEqual([]);
});
