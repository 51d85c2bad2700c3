/**
 * Tango's asymptotic score interval for the difference of two paired proportions (Tango 1998, "Equivalence
 * test and confidence interval for the difference in proportions for the paired-sample design", Statistics in
 * Medicine 17:891–908; recommended by Fagerland, Lydersen & Laake 2017, ch. 8).
 *
 * With b rows only the candidate gets right and c only the champion, of n, Δ = (b − c)/n. The interval is the
 * set of Δ₀ that the score test does not reject:
 *
 *   T(Δ₀) = (b − c − nΔ₀) / √(n(2q̂ + Δ₀(1 − Δ₀))),   |T(Δ₀)| ≤ z,
 *
 * where q̂ is the maximum-likelihood champion-only probability under Δ₀ (the root of 2n q² + B q + C = 0 with
 * B = −b − c + (2n − b + c)Δ₀ and C = −cΔ₀(1 − Δ₀)). Its variance is taken at the boundary being tested, not at
 * the estimate: with few disagreeing rows the sample that flatters the candidate (few champion-only rows) no
 * longer also shrinks the interval, which is where the Wald-type and square-and-add intervals miss on one side.
 */

/** Bound once: in a vm sandbox (Jest) every lookup of a global such as Math costs ~100x a local one. */
const { sqrt } = Math;

/** The score statistic T(Δ₀); decreasing in Δ₀ on (−1, 1). */
export function tangoStatistic(b: number, c: number, n: number, d0: number): number {
  const diff = b - c - n * d0;
  if (diff === 0) return 0;
  const B = -b - c + (2 * n - b + c) * d0;
  const C = -c * d0 * (1 - d0);
  // 2n q² + B q + C = 0, C ≤ 0 for Δ₀ ≥ 0: the non-negative root. For Δ₀ < 0, C ≥ 0 and both roots are ≥ 0
  // when real; the larger one is the constrained maximum (Tango's formula).
  const disc = Math.max(0, B * B - 8 * n * C);
  const q = (sqrt(disc) - B) / (4 * n);
  const variance = n * (2 * q + d0 * (1 - d0));
  if (!(variance > 0)) return diff > 0 ? Infinity : -Infinity;
  return diff / sqrt(variance);
}

/**
 * Δ = (b − c)/n and Tango's two-sided interval at critical value z (bisection to 1e-12 on each side).
 * Throws unless 0 ≤ b, c and b + c ≤ n, n > 0.
 */
export function tangoPaired(b: number, c: number, n: number, z: number): { delta: number; low: number; high: number } {
  if (!(n > 0 && b >= 0 && c >= 0 && b + c <= n)) {
    throw new RangeError(`tangoPaired: need b, c ≥ 0 and b + c ≤ n > 0, got b = ${b}, c = ${c}, n = ${n}`);
  }
  const delta = (b - c) / n;
  // T(Δ₀) falls from positive near −1 through 0 at Δ to negative near 1: the ends are where it crosses ±z.
  const low = crossing(b, c, n, z, -1, delta);
  const high = crossing(b, c, n, -z, delta, 1);
  return { delta, low: Math.min(low, delta), high: Math.max(high, delta) };
}

/** The Δ₀ in [lo, hi] where T(Δ₀) = target, T decreasing (bisection). */
function crossing(b: number, c: number, n: number, target: number, lo: number, hi: number): number {
  for (let iter = 0; iter < 200 && hi - lo > 1e-13; iter++) {
    const mid = (lo + hi) / 2;
    if (tangoStatistic(b, c, n, mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
