/**
 * Anytime-valid confidence sequences for a Bernoulli probability from Robbins' beta-binomial mixture
 * (Howard, Ramdas, McAuliffe & Sekhon 2021, "Time-uniform, nonparametric, nonasymptotic confidence sequences",
 * §3; the conjugate-mixture boundary). With S successes in n trials and a Beta(a, b) mixing distribution,
 *
 *   M_n(p) = B(a + S, b + n − S) / B(a, b) / (p^S (1 − p)^(n − S))
 *
 * is a nonnegative martingale with M_0 = 1 when p is the true probability, so by Ville's inequality
 * P(∃n: M_n(p) ≥ 1/α) ≤ α: the set {p : M_n(p) < 1/α} covers p at every n at once, however often one looks.
 * ln M is convex in p and in S, so both the set of p (for given S) and the set of S (for given p) are intervals.
 */
import { logBeta } from './log-gamma.js';

export interface BetaPrior {
  a: number;
  b: number;
}

/** ln M_n(p) for S successes in n trials; S may be fractional (the boundary is solved on a continuum). */
export function betaBinomialLogMixture(s: number, n: number, p: number, prior: BetaPrior): number {
  const { a, b } = prior;
  const logLik = (s > 0 ? s * Math.log(p) : 0) + (n - s > 0 ? (n - s) * Math.log1p(-p) : 0);
  return logBeta(a + s, b + n - s) - logBeta(a, b) - logLik;
}

/** Bisection for the root of a monotone f on [lo, hi] where f(lo) and f(hi) differ in sign. */
function bisect(f: (x: number) => number, lo: number, hi: number, iterations = 80): number {
  let flo = f(lo);
  for (let i = 0; i < iterations; i++) {
    const mid = 0.5 * (lo + hi);
    const fm = f(mid);
    if (fm === 0) return mid;
    if (fm > 0 === flo > 0) {
      lo = mid;
      flo = fm;
    } else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/**
 * The confidence sequence's interval for p after S successes in n trials, at miscoverage α over all n:
 * {p : M_n(p) < 1/α}. n = 0 gives [0, 1].
 */
export function betaBinomialInterval(s: number, n: number, alpha: number, prior: BetaPrior): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const level = Math.log(1 / alpha);
  const f = (p: number) => betaBinomialLogMixture(s, n, p, prior) - level;
  const centre = Math.min(Math.max(s / n, 1e-300), 1 - 1e-16);
  // M at the MLE is ≤ 1 < 1/α, so the centre is inside; each end is found by bisection (or is 0 / 1).
  const low = s === 0 ? 0 : f(1e-300) <= 0 ? 0 : bisect(f, 1e-300, centre);
  const high = s === n ? 1 : f(1 - 1e-16) <= 0 ? 1 : bisect(f, centre, 1 - 1e-16);
  return { low, high };
}

/**
 * For a fixed p, the range of success counts [low, high] (real numbers) that M_n(p) does not reject at α:
 * a count outside it is evidence, valid at every n at once, that the probability is not p. Used for quantiles
 * (a count of observations at or below a point against the quantile's level p).
 */
export function betaBinomialCountRange(n: number, p: number, alpha: number, prior: BetaPrior): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 0 };
  const level = Math.log(1 / alpha);
  const f = (s: number) => betaBinomialLogMixture(s, n, p, prior) - level;
  const centre = n * p;
  const low = f(0) <= 0 ? -Infinity : bisect(f, 0, centre);
  const high = f(n) <= 0 ? Infinity : bisect(f, centre, n);
  return { low, high };
}

/**
 * The mixing distribution used for a probability of interest p0 (a quantile level, or a ceiling's rate): a beta
 * with mean p0 and weight m prior observations, so the bound is tight around p0 at sample sizes beyond ~m.
 */
export function priorAround(p0: number, weight: number): BetaPrior {
  const p = Math.min(Math.max(p0, 1e-6), 1 - 1e-6);
  return { a: p * weight, b: (1 - p) * weight };
}
