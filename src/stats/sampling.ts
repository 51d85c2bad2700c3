/**
 * Exact discrete samplers for the cells bootstrap: binomial and multinomial variates.
 *
 * "Exact" means the output distribution is the true one up to floating-point rounding of the acceptance
 * tests (no normal or Poisson approximation), so a multinomial draw over the joint cells is distributed
 * exactly like the counts of a row resample with replacement.
 */
import type { Rng } from './prng.js';

// Bound once: in a vm sandbox (Jest) every lookup of a global such as Math costs ~100x a local one.
const { abs, exp, floor, log, log1p, sqrt } = Math;
const { isSafeInteger } = Number;

/**
 * Stirling-series remainder fc(k) = ln k! − [(k + ½)·ln(k + 1) − (k + 1) + ½·ln 2π], as BTRD defines it.
 * Tabulated for k ≤ 9 (where the series converges slowly); beyond, four terms of the Stirling series
 * (Hörmann uses three; the fourth brings the error at k = 10 from 3e-11 to 4e-13).
 */
const FC_TABLE = [
  0.08106146679532726, 0.04134069595540929, 0.02767792568499834, 0.02079067210376509, 0.01664469118982119,
  0.01387612882307075, 0.01189670994589177, 0.01041126526197209, 0.009255462182712733, 0.008330563433362871
];

/** @internal exported for tests. */
export function stirlingTail(k: number): number {
  if (k <= 9) return FC_TABLE[k]!;
  const r = 1 / (k + 1);
  const r2 = r * r;
  return (1 / 12 - (1 / 360 - (1 / 1260 - r2 / 1680) * r2) * r2) * r;
}

/**
 * Inversion (BINV, Kachitvichyanukul & Schmeiser 1988) for a small mean: walk the pmf up from 0 by its ratio
 * recurrence until the uniform is used up. Expected steps ≈ n·p + 1 < 11 here. p ≤ ½.
 */
function binomialInversion(rng: Rng, n: number, p: number): number {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  // P(X = 0) = q^n, via log1p so that tiny p with huge n keeps its precision.
  const r0 = exp(n * log1p(-p));
  for (;;) {
    let u = rng.nextFloat();
    let r = r0;
    let x = 0;
    for (;;) {
      if (u < r) return x;
      u -= r;
      x++;
      r *= a / x - s;
      // The pmf underflowed (or passed x = n) before u was used up: that u sits in the rounding residue
      // of the cumulative sum, which has no real probability mass. Draw again rather than bias the tail.
      if (!(r > 0)) break;
    }
  }
}

/**
 * BTRD (Hörmann 1993, "The generation of binomial random variates", J. Statist. Comput. Simul. 46):
 * transformed rejection with decomposition. A hat of the form (2a/(½−|u|) + b)·u + c covers the pmf; about
 * 86 % of draws fall in a box under the pmf and are accepted after one uniform. The rest go through the
 * exact acceptance test, evaluated by the pmf ratio recurrence near the mode and by a squeeze plus Stirling
 * series further out. Expected uniforms per variate stay bounded as n grows: O(1) time. p ≤ ½, n·p ≥ 10.
 */
function binomialBtrd(rng: Rng, n: number, p: number): number {
  const q = 1 - p;
  const spq = sqrt(n * p * q);
  const npq = n * p * q;
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const alpha = (2.83 + 5.1 / b) * spq;
  const vr = 0.92 - 4.2 / b;
  const urvr = 0.86 * vr;
  const m = floor((n + 1) * p);
  const r = p / q;
  const nr = (n + 1) * r;

  for (;;) {
    let v = rng.nextFloat();
    let u: number;
    // Step 1: the box. V ≤ 0.86·v_r maps to |U| ≤ 0.43, where the hat's transform lies under the pmf.
    if (v <= urvr) {
      u = v / vr - 0.43;
      return floor(((2 * a) / (0.5 - abs(u)) + b) * u + c);
    }
    // Step 2: the rest of the unit square, reusing V where it is still uniform.
    if (v >= vr) {
      u = rng.nextFloat() - 0.5;
    } else {
      u = v / vr - 0.93;
      u = (u < 0 ? -0.5 : 0.5) - u;
      v = rng.nextFloat() * vr;
    }
    // Step 3.0: candidate k, and V rescaled to the hat's height at k.
    const us = 0.5 - abs(u);
    const k = floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    v = (v * alpha) / (a / (us * us) + b);
    const km = abs(k - m);
    if (km <= 15) {
      // Step 3.1: f(k)/f(m) by the ratio recurrence; cheap and exact close to the mode.
      let f = 1;
      if (m < k) {
        for (let i = m + 1; i <= k; i++) f *= nr / i - r;
      } else if (m > k) {
        for (let i = k + 1; i <= m; i++) v *= nr / i - r;
      }
      if (v <= f) return k;
      continue;
    }
    // Step 3.2: squeeze on ln f(k)/f(m) around its normal approximation −km²/(2npq).
    v = log(v);
    const rho = (km / npq) * (((km / 3 + 0.625) * km + 1 / 6) / npq + 0.5);
    const t = (-km * km) / (2 * npq);
    if (v < t - rho) return k;
    if (v > t + rho) continue;
    // Steps 3.3–3.4: the exact log ratio, factorials by Stirling's series with the fc() remainder.
    const nm = n - m + 1;
    const h = (m + 0.5) * log((m + 1) / (r * nm)) + stirlingTail(m) + stirlingTail(n - m);
    const nk = n - k + 1;
    if (
      v <=
      h + (n + 1) * log(nm / nk) + (k + 0.5) * log((nk * r) / (k + 1)) - stirlingTail(k) - stirlingTail(n - k)
    ) {
      return k;
    }
  }
}

/**
 * One Binomial(n, p) variate: the number of successes in n independent trials of probability p.
 * Exact for any integer 0 ≤ n ≤ 2^53 (tested to 10^8); O(1) expected time.
 * Uses inversion when the smaller tail mean n·min(p, 1−p) is below 10 and BTRD otherwise; p > ½ is
 * drawn as n − Binomial(n, 1−p) so that both algorithms only ever see p ≤ ½.
 */
export function binomial(rng: Rng, n: number, p: number): number {
  if (!isSafeInteger(n) || n < 0) throw new RangeError(`binomial: n must be a non-negative integer, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomial: p must be in [0, 1], got ${p}`);
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  if (p > 0.5) return n - binomial(rng, n, 1 - p);
  return n * p < 10 ? binomialInversion(rng, n, p) : binomialBtrd(rng, n, p);
}

/**
 * One Multinomial(n, probs) draw into `out` (same length as probs), by conditional binomials:
 * out[i] ~ Binomial(remaining draws, probs[i] / remaining mass). The last cell with positive weight takes
 * whatever is left, so the counts always sum to n even when the weights do not sum to 1 exactly.
 *
 * `probs` may be any non-negative weights (they are normalised implicitly); passing integer counts makes the
 * running "remaining mass" exact, which is how the cells bootstrap calls it. Allocates nothing.
 */
export function multinomial(rng: Rng, n: number, probs: ArrayLike<number>, out: Float64Array): void {
  const k = probs.length;
  if (out.length !== k) throw new RangeError('multinomial: out must have the same length as probs');
  if (!isSafeInteger(n) || n < 0) throw new RangeError(`multinomial: n must be a non-negative integer, got ${n}`);
  let mass = 0;
  let last = -1;
  for (let i = 0; i < k; i++) {
    const w = probs[i]!;
    if (!(w >= 0 && w < Infinity)) throw new RangeError(`multinomial: weight ${i} is ${w}`);
    if (w > 0) last = i;
    mass += w;
  }
  if (last < 0) {
    if (n > 0) throw new RangeError('multinomial: all weights are zero');
    out.fill(0);
    return;
  }
  let remaining = n;
  for (let i = 0; i < k; i++) {
    const w = probs[i]!;
    if (i === last) {
      out[i] = remaining;
      remaining = 0;
      mass = 0;
      continue;
    }
    if (remaining === 0 || w === 0) {
      out[i] = 0;
      continue;
    }
    // Rounding can leave the running mass a hair below w (never with integer weights): treat as certain.
    const x = binomial(rng, remaining, mass > w ? w / mass : 1);
    out[i] = x;
    remaining -= x;
    mass -= w;
  }
}
