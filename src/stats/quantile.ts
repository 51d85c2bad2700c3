/**
 * Sample quantiles (docs/config.md: operations percentiles, PSI deciles; the bootstrap's percentile interval).
 */

/**
 * The q-quantile of an ascending array by Hyndman–Fan type 7 (R's default, numpy's `linear`): the value at
 * the virtual index h = (n − 1)·q, interpolating linearly between its neighbours. The interpolation uses
 * numpy's two-sided lerp (from the lower neighbour when the fraction is < ½, from the upper one otherwise),
 * so results agree with `numpy.quantile` to the last bit and never leave [x_lo, x_hi].
 * Throws on an empty array or q outside [0, 1]; the input is not checked for order (that is O(n)).
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantileSorted: empty array');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantileSorted: q must be in [0, 1], got ${q}`);
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  if (lo >= n - 1) return a;
  const b = sorted[lo + 1]!;
  const t = h - lo;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
