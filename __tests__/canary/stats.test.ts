/**
 * The canary stage's formulas against scipy (golden fixture from scripts/golden/canary.py), and the property
 * they exist for: coverage at every look at once (simulated with a fixed seed; counts, not time, bound the work).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { betaBinomialCountRange, betaBinomialInterval, betaBinomialLogMixture, priorAround } from '../../src/stats/beta-binomial-cs.js';
import { logGamma } from '../../src/stats/log-gamma.js';
import { histogramQuantile, quantileBounds } from '../../src/stats/quantile-cs.js';
import { rateRatioInterval, ratioLogMixture, ratioTerms, type RatioTerm } from '../../src/stats/rate-ratio-cs.js';
import { Rng } from '../../src/stats/prng.js';
import { binomial, multinomial } from '../../src/stats/sampling.js';

const golden = JSON.parse(readFileSync(path.join(process.cwd(), '__tests__/fixtures/golden/canary.json'), 'utf8'));

const close = (actual: number, expected: number, rel = 1e-9) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)));

test('ln Γ matches scipy.special.gammaln', () => {
  for (const g of golden.log_gamma) close(logGamma(g.x), g.lgamma, 1e-12);
});

test('the beta-binomial mixture matches scipy (closed form cross-checked by quadrature in the generator)', () => {
  expect(golden.mixtures.length).toBeGreaterThan(10);
  for (const m of golden.mixtures) close(betaBinomialLogMixture(m.s, m.n, m.p, { a: m.a, b: m.b }), m.log_m, 1e-10);
});

test('confidence-sequence intervals and count ranges match scipy brentq', () => {
  for (const c of golden.intervals) {
    const r = betaBinomialInterval(c.s, c.n, c.alpha, { a: c.a, b: c.b });
    close(r.low, c.low, 1e-7);
    close(r.high, c.high, 1e-7);
  }
  for (const c of golden.count_ranges) {
    const r = betaBinomialCountRange(c.n, c.p, c.alpha, { a: c.a, b: c.b });
    if (c.low === null) expect(r.low).toBe(-Infinity);
    else close(r.low, c.low, 1e-7);
    if (c.high === null) expect(r.high).toBe(Infinity);
    else close(r.high, c.high, 1e-7);
  }
});

test('rate-ratio mixture and interval match scipy', () => {
  for (const c of golden.ratios) {
    const terms = c.terms as RatioTerm[];
    close(ratioLogMixture(terms), c.log_mixture, 1e-9);
    const r = rateRatioInterval(terms, c.alpha);
    close(r.low, c.low, 1e-6);
    if (c.high === null) expect(r.high).toBe(Infinity);
    else close(r.high, c.high, 1e-6);
  }
});

test('histogram_quantile interpolates like Prometheus', () => {
  // Hand-computed from Prometheus' definition: rank 0.5·100 = 50 lies in (100, 200] holding 40..80 → 100 + 100·10/40.
  const h = { bounds: [100, 200, 400], cumulative: [40, 80, 95], total: 100 };
  expect(histogramQuantile(h, 0.5)).toBe(125);
  expect(histogramQuantile(h, 0.2)).toBe(50); // first bucket starts at 0
  expect(histogramQuantile(h, 0.99)).toBe(400); // rank in +Inf: the largest finite bound
});

test('ratio terms merge windows of equal exposure ratio and drop windows without errors', () => {
  const t = ratioTerms([
    { baselineRequests: 100, baselineErrors: 2, canaryRequests: 50, canaryErrors: 1 },
    { baselineRequests: 200, baselineErrors: 1, canaryRequests: 100, canaryErrors: 3 },
    { baselineRequests: 100, baselineErrors: 0, canaryRequests: 10, canaryErrors: 0 }
  ]);
  expect(t).toEqual([{ offset: Math.log(0.5), canaryErrors: 4, baselineErrors: 3 }]);
});

// Coverage at every look at once: a sequence of 200 looks per run, 400 runs; the share of runs whose interval
// ever excludes the truth must stay below α (plus 3 binomial standard errors of the simulation).
const RUNS = 150;
const LOOKS = 200;
const ALPHA = 0.1;
const slack = (a: number) => a + 3 * Math.sqrt((a * (1 - a)) / RUNS);

test('rate-ratio confidence sequence: truth excluded at any of 200 looks in at most α of runs', () => {
  const rng = new Rng(7);
  let missed = 0;
  const theta = 1.3;
  for (let r = 0; r < RUNS; r++) {
    let ec = 0;
    let eb = 0;
    for (let t = 0; t < LOOKS; t++) {
      ec += binomial(rng, 100, 0.01 * theta);
      eb += binomial(rng, 300, 0.01);
      if (t % 10 !== 9) continue; // every 10th look checked, to bound the work; a miss at those is a miss
      const ci = rateRatioInterval([{ offset: Math.log(100 / 300), canaryErrors: ec, baselineErrors: eb }], ALPHA, { scale: 0.5, step: 0.05, range: 3 });
      if (theta < ci.low || theta > ci.high) {
        missed++;
        break;
      }
    }
  }
  expect(missed / RUNS).toBeLessThanOrEqual(slack(ALPHA));
});

test('beta-binomial and bucket-edge quantile sequences cover at every look', () => {
  const rng = new Rng(11);
  const cdf = [0.5, 0.9, 0.97, 0.985, 0.992, 1];
  const bounds = [100, 200, 300, 400, 500];
  const probs = cdf.map((c, i) => c - (i ? cdf[i - 1]! : 0));
  // p99 = inside (400, 500]: the bounds must never exclude it.
  let missedQ = 0;
  let missedP = 0;
  const cell = new Float64Array(probs.length);
  for (let r = 0; r < RUNS; r++) {
    const cum = new Array<number>(bounds.length).fill(0);
    let n = 0;
    let errs = 0;
    let qMiss = false;
    let pMiss = false;
    for (let t = 0; t < LOOKS; t++) {
      multinomial(rng, 20, probs, cell);
      let acc = 0;
      for (let j = 0; j < bounds.length; j++) {
        acc += cell[j]!;
        cum[j] = cum[j]! + acc;
      }
      n += 20;
      errs += binomial(rng, 20, 0.02);
      if (t % 10 !== 9) continue;
      const q = quantileBounds({ bounds, cumulative: cum, total: n }, 0.99, ALPHA);
      if (q.low >= 500 || q.high < 500 || q.high <= 400) qMiss = true;
      const p = betaBinomialInterval(errs, n, ALPHA, priorAround(0.02, 500));
      if (0.02 < p.low || 0.02 > p.high) pMiss = true;
    }
    if (qMiss) missedQ++;
    if (pMiss) missedP++;
  }
  expect(missedQ / RUNS).toBeLessThanOrEqual(slack(ALPHA));
  expect(missedP / RUNS).toBeLessThanOrEqual(slack(ALPHA));
});
