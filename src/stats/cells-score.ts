/**
 * The score interval of a smooth function g of multinomial cell probabilities — for a confusion metric's Δ,
 * g(p) = metric(candidate's confusion) − metric(champion's), p the joint (label, champion, candidate) cells:
 *
 *   {δ : (ĝ − δ)² ≤ z²·V(p̃_δ)},   V(p) = (Σ p_k a_k² − (Σ p_k a_k)²)/n,  a = ∇g(p),
 *
 * with p̃_δ the maximum of the multinomial likelihood Σ n_k log p_k under g(p) = δ and V the delta-method
 * variance at that constrained fit. It is Tango's construction (stats/tango.ts) for any smooth g: the variance
 * is the one the hypothesis being tested implies, not the sample's, so a sample that flatters the candidate
 * does not also narrow its own interval. For Δ accuracy it is Tango's interval.
 *
 * p̃_δ is found by linearising the constraint at the current fit, g(p) ≈ g(p₀) + a·(p − p₀) = δ, solving that
 * exactly (constrainedFit), and repeating until g(p) = δ; an empty cell may take mass there, so no disagreement
 * is not certainty. Gradients are central differences (g is a ratio of cell sums).
 */
const { abs } = Math;

/** Where g(p) = δ cannot be reached from the occupied cells: that δ is outside every interval. */
const UNREACHABLE = Infinity;

/** The constrained fit did not settle: the caller must not read that as "outside" (it would narrow the interval). */
class FitFailed extends Error {}

function gradient(g: (p: Float64Array) => number, p: Float64Array, out: Float64Array, scratch: Float64Array): void {
  for (let j = 0; j < p.length; j++) {
    const h = 1e-7;
    scratch.set(p);
    scratch[j] = p[j]! + h;
    const up = g(scratch);
    scratch[j] = p[j]! - h;
    const down = g(scratch);
    out[j] = (up - down) / (2 * h);
  }
}

/**
 * The multinomial maximum likelihood under g(p) = δ, or null when no fit reaches δ. Each step solves the
 * linearised constraint a·p = c exactly: p_k = n_k/(n + μ(a_k − c)) on the occupied cells, μ a root of
 * h(μ) = Σ n_k (a_k − c)/(n + μ(a_k − c)) (decreasing) with every n + μ(a_k − c) ≥ 0. When the root lies beyond the
 * pole of an empty cell, the maximum is on the boundary: μ at that pole and the empty cell takes the remaining
 * mass (as Tango's champion-only probability does when no row is champion-only); the constraint then holds too.
 */
function constrainedFit(
  n: ArrayLike<number>,
  total: number,
  g: (p: Float64Array) => number,
  delta: number,
  tolerance: number
): Float64Array | 'unreachable' | 'failed' {
  const k = n.length;
  let p = Float64Array.from(n, (x) => x / total);
  const a = new Float64Array(k);
  const scratch = new Float64Array(k);
  let best: Float64Array | null = null;
  let bestError = Infinity;
  for (let iter = 0; iter < 60; iter++) {
    const gp = g(p);
    if (!Number.isFinite(gp)) break;
    const error = abs(gp - delta);
    if (error < bestError) {
      best = p;
      bestError = error;
    }
    if (error < 1e-12) break;
    gradient(g, p, a, scratch);
    let c = delta - gp;
    for (let j = 0; j < k; j++) c += a[j]! * p[j]!;
    let lo = -Infinity;
    let hi = Infinity;
    let loCell = -1;
    let hiCell = -1;
    for (let j = 0; j < k; j++) {
      const d = a[j]! - c;
      if (d > 0 && -total / d > lo) {
        lo = -total / d;
        loCell = j;
      } else if (d < 0 && -total / d < hi) {
        hi = -total / d;
        hiCell = j;
      }
    }
    // Every cell pulls g the same way: from the observed cells no distribution moves g to δ. Only a verdict at
    // the start is trusted; later it may be the linearisation's, and "unreachable" would narrow the interval.
    if (loCell < 0 || hiCell < 0) return iter === 0 ? 'unreachable' : 'failed';
    const h = (mu: number) => {
      let sum = 0;
      for (let j = 0; j < k; j++) if (n[j]! > 0) sum += (n[j]! * (a[j]! - c)) / (total + mu * (a[j]! - c));
      return sum;
    };
    let boundary = -1;
    let mu: number;
    if (n[hiCell] === 0 && h(hi) > 0) {
      boundary = hiCell;
      mu = hi;
    } else if (n[loCell] === 0 && h(lo) < 0) {
      boundary = loCell;
      mu = lo;
    } else {
      let l = lo;
      let r = hi;
      for (let it = 0; it < 200 && r - l > 1e-14 * Math.max(1, abs(l), abs(r)); it++) {
        const m = (l + r) / 2;
        if (h(m) > 0) l = m;
        else r = m;
      }
      mu = (l + r) / 2;
    }
    const next = new Float64Array(k);
    let sum = 0;
    for (let j = 0; j < k; j++) {
      next[j] = n[j]! > 0 ? n[j]! / (total + mu * (a[j]! - c)) : 0;
      sum += next[j]!;
    }
    if (boundary >= 0) {
      if (sum > 1) break;
      next[boundary] = 1 - sum;
    } else {
      for (let j = 0; j < k; j++) next[j] = next[j]! / sum;
    }
    p = next;
  }
  // With two empty cells of (almost) equal pull the boundary step can alternate between them and stall near δ;
  // the caller scores the fit at the δ it reached, so a fit close enough to δ is still the right one for that δ.
  return bestError <= tolerance && best ? best : 'failed';
}

/** (ĝ − δ)²/V(p̃_δ): the squared score statistic of δ (∞ where δ is unreachable or V is 0 away from ĝ); δ is the
 * value the fit reached, within 0.1 % of the distance from ĝ of the δ asked for. */
function scoreSquared(n: ArrayLike<number>, total: number, g: (p: Float64Array) => number, estimate: number, delta: number): number {
  if (delta === estimate) return 0;
  const p = constrainedFit(n, total, g, delta, 1e-3 * abs(delta - estimate));
  if (p === 'unreachable') return UNREACHABLE;
  if (p === 'failed') throw new FitFailed();
  const reached = g(p);
  const a = new Float64Array(p.length);
  gradient(g, p, a, new Float64Array(p.length));
  let m1 = 0;
  let m2 = 0;
  for (let j = 0; j < p.length; j++) {
    m1 += p[j]! * a[j]!;
    m2 += p[j]! * a[j]! * a[j]!;
  }
  const v = (m2 - m1 * m1) / total;
  return v > 0 ? ((estimate - reached) * (estimate - reached)) / v : UNREACHABLE;
}

/**
 * The score interval of g at critical value z from cell counts `n` (weights allowed). Returns null when g is
 * undefined at the observed cells or a constrained fit on the way does not settle (the caller then bootstraps).
 * Ends found by doubling outwards from ĝ, then bisection to 1e-10.
 */
export function cellsScoreInterval(
  n: ArrayLike<number>,
  g: (p: Float64Array) => number,
  z: number
): { estimate: number; low: number; high: number } | null {
  let total = 0;
  for (let j = 0; j < n.length; j++) total += n[j]!;
  if (!(total > 0)) return null;
  const estimate = g(Float64Array.from(n, (x) => x / total));
  if (!Number.isFinite(estimate)) return null;
  const z2 = z * z;
  const inside = (delta: number) => scoreSquared(n, total, g, estimate, delta) <= z2;
  const end = (dir: 1 | -1): number => {
    let step = 1e-4;
    let near = estimate;
    let far = estimate + dir * step;
    // Δ of two metrics bounded by ±1 lies in [−2, 2]; beyond, nothing is reachable.
    while (inside(far)) {
      near = far;
      step *= 2;
      far = estimate + dir * step;
      if (step > 4) return far;
    }
    for (let it = 0; it < 80 && abs(far - near) > 1e-10; it++) {
      const mid = (near + far) / 2;
      if (inside(mid)) near = mid;
      else far = mid;
    }
    // Nothing but ĝ itself is inside (no disagreeing rows): the interval is that point, exactly.
    return near === estimate ? estimate : (near + far) / 2;
  };
  try {
    return { estimate, low: end(-1), high: end(1) };
  } catch (e) {
    if (e instanceof FitFailed) return null;
    throw e;
  }
}

