/**
 * Anytime-valid confidence sequence for the ratio θ = canary error rate / baseline error rate, from counts
 * observed window by window (the conditional Poisson approach of Lindon & Malek 2022, "Anytime-valid inference
 * for multinomial count data", and Lindon, Sanden & Shirikian 2022 for canaries).
 *
 * Within window t, with exposures (requests) n_b and n_c and error counts e_b, e_c from Poisson processes of
 * rates λ_t and θ·λ_t, the canary's share of the window's errors is Binomial(e_b + e_c, ρ_t) with
 * ρ_t = θ n_c / (θ n_c + n_b) = σ(η + ln(n_c / n_b)), η = ln θ. The shared rate λ_t cancels, so traffic that
 * rises and falls over the day (and hits both arms alike) does not bias the comparison. The log-likelihood
 * ℓ(η) = Σ_t e_c ln ρ_t + e_b ln(1 − ρ_t) is concave in η.
 *
 * A mixture of likelihood ratios over a prior on η, M(η0) = Σ_k w_k exp(ℓ(η_k) − ℓ(η0)), is a test martingale
 * under η0 for any prior (here a discrete normal prior on a grid, an exact mixture, not an approximation of
 * one), so {η0 : M(η0) < 1/α} covers ln θ at every look at once (Ville's inequality).
 */

/** Counts of one window: requests and errors per arm. */
export interface WindowCounts {
  baselineRequests: number;
  baselineErrors: number;
  canaryRequests: number;
  canaryErrors: number;
}

/** A window's contribution to ℓ: errors of each arm and the log exposure ratio. Windows with no errors add nothing. */
export interface RatioTerm {
  offset: number;
  canaryErrors: number;
  baselineErrors: number;
}

/** Windows → terms, merging windows of equal exposure ratio (the likelihood depends on their sums only). */
export function ratioTerms(windows: readonly WindowCounts[]): RatioTerm[] {
  const byOffset = new Map<number, RatioTerm>();
  for (const w of windows) {
    if (w.canaryErrors + w.baselineErrors === 0) continue;
    if (w.canaryRequests <= 0 || w.baselineRequests <= 0) continue; // one arm had no traffic: no information on θ
    const offset = Math.log(w.canaryRequests / w.baselineRequests);
    const t = byOffset.get(offset);
    if (t) {
      t.canaryErrors += w.canaryErrors;
      t.baselineErrors += w.baselineErrors;
    } else byOffset.set(offset, { offset, canaryErrors: w.canaryErrors, baselineErrors: w.baselineErrors });
  }
  return [...byOffset.values()];
}

/** ln σ(x) and ln(1 − σ(x)) = ln σ(−x), computed without overflow. */
function logSigmoid(x: number): number {
  return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
}

/** ℓ(η): the conditional log-likelihood of the canary's share of errors. */
export function ratioLogLikelihood(terms: readonly RatioTerm[], eta: number): number {
  let l = 0;
  for (const t of terms) {
    const x = eta + t.offset;
    if (t.canaryErrors > 0) l += t.canaryErrors * logSigmoid(x);
    if (t.baselineErrors > 0) l += t.baselineErrors * logSigmoid(-x);
  }
  return l;
}

/** The mixing distribution on η = ln θ: N(0, scale²) on a grid of step `step` within ±range. */
export interface RatioPrior {
  scale: number;
  step: number;
  range: number;
}

/** Normal prior with sd 0.5 on ln θ (ratios 0.6–1.6 within one sd); grid 0.02 over ratios e^±4. */
export const DEFAULT_RATIO_PRIOR: RatioPrior = { scale: 0.5, step: 0.02, range: 4 };

const gridCache = new WeakMap<RatioPrior, { etas: number[]; logW: number[]; logZ: number }>();

/** The prior's grid and normalised log weights, computed once per prior object (each look reuses them). */
function grid(prior: RatioPrior) {
  let g = gridCache.get(prior);
  if (!g) {
    const k = Math.round(prior.range / prior.step);
    const etas: number[] = [];
    const logW: number[] = [];
    for (let i = -k; i <= k; i++) {
      etas.push(i * prior.step);
      logW.push(-0.5 * ((i * prior.step) / prior.scale) ** 2);
    }
    g = { etas, logW, logZ: logSumExp(logW) };
    gridCache.set(prior, g);
  }
  return g;
}

/** ln Σ_k w_k exp(ℓ(η_k)): the log of the mixture's numerator. */
export function ratioLogMixture(terms: readonly RatioTerm[], prior: RatioPrior = DEFAULT_RATIO_PRIOR): number {
  const g = grid(prior);
  return logSumExp(g.logW.map((w, i) => w + ratioLogLikelihood(terms, g.etas[i]!))) - g.logZ;
}

export function logSumExp(xs: readonly number[]): number {
  let m = -Infinity;
  for (const x of xs) if (x > m) m = x;
  if (m === -Infinity) return m;
  let s = 0;
  for (const x of xs) s += Math.exp(x - m);
  return m + Math.log(s);
}

/** ln M(η0) = ln(mixture) − ℓ(η0): the evidence against θ = e^η0. */
export function ratioLogEvidence(terms: readonly RatioTerm[], eta0: number, prior: RatioPrior = DEFAULT_RATIO_PRIOR): number {
  return ratioLogMixture(terms, prior) - ratioLogLikelihood(terms, eta0);
}

/** Largest |η| searched for the interval's ends; beyond it a bound is reported as 0 or ∞. */
const ETA_LIMIT = 30;

/**
 * The confidence sequence's interval for θ at miscoverage α: {θ : M(ln θ) < 1/α}, with 0 / Infinity for an
 * open end (no canary errors yet: nothing bounds θ from below; no baseline errors: nothing from above).
 */
export function rateRatioInterval(
  terms: readonly RatioTerm[],
  alpha: number,
  prior: RatioPrior = DEFAULT_RATIO_PRIOR
): { low: number; high: number } {
  if (terms.length === 0) return { low: 0, high: Infinity };
  const cut = ratioLogMixture(terms, prior) - Math.log(1 / alpha);
  // ℓ is concave: find its maximum (golden-section on [−L, L]), then each crossing of `cut` by bisection.
  const l = (eta: number) => ratioLogLikelihood(terms, eta);
  let lo = -ETA_LIMIT;
  let hi = ETA_LIMIT;
  const g = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 70; i++) {
    const a = hi - g * (hi - lo);
    const b = lo + g * (hi - lo);
    if (l(a) < l(b)) lo = a;
    else hi = b;
  }
  const top = 0.5 * (lo + hi);
  const cross = (from: number, to: number): number => {
    let a = from;
    let b = to;
    for (let i = 0; i < 60; i++) {
      const m = 0.5 * (a + b);
      if (l(m) > cut) a = m;
      else b = m;
    }
    return 0.5 * (a + b);
  };
  const low = l(-ETA_LIMIT) > cut ? 0 : Math.exp(cross(top, -ETA_LIMIT));
  const high = l(ETA_LIMIT) > cut ? Infinity : Math.exp(cross(top, ETA_LIMIT));
  return { low, high };
}
