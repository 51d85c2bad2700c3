#!/usr/bin/env python3
"""Golden fixture for Tango's asymptotic score interval for the difference of two paired proportions
(src/stats/tango.ts; Tango 1998, Statistics in Medicine 17:891-908; Fagerland, Lydersen & Laake 2017, ch. 8).

Writes OUTDIR/tango.json and registers it in OUTDIR/manifest.json (kind "tango"). Every expected number comes
from numpy / scipy, never from model-gate, and not from the closed-form root the TypeScript code uses:

- the paired table: b rows only the candidate gets right (p12), c only the champion (p21), m = n - b - c
  concordant rows (p11 + p22); Δ = p12 - p21, estimated by (b - c)/n;
- for each Δ₀ the constrained maximum-likelihood cell probabilities are found numerically: with p21 = q and
  p12 = q + Δ₀, q maximises b·log(q + Δ₀) + c·log(q) + m·log(1 - 2q - Δ₀) over the feasible
  max(0, -Δ₀) ≤ q ≤ (1 - Δ₀)/2 (a term whose count is 0 is left out: 0·log 0 = 0). The log-likelihood is
  concave, so q̂ is the root of its derivative (scipy brentq), or the end of the range where the derivative
  does not change sign; cross-checked against scipy minimize_scalar(method='bounded');
- the score statistic T(Δ₀) = (b - c - nΔ₀) / sqrt(n·(p̂12 + p̂21 - Δ₀²));
- the interval is {Δ₀ : |T(Δ₀)| ≤ z}, z = scipy.stats.norm.ppf(1 - α/2); its ends are found with brentq on each
  side of Δ, on the open interval (-1, 1). At Δ₀ → -1 the only feasible table is p21 = 1, so the variance goes
  to 0 and T → +∞ unless c = n (then b - c - nΔ₀ < 0 for every Δ₀ > -1 and the lower end is -1); symmetrically
  T → -∞ at Δ₀ → 1 unless b = n (upper end 1). The bracket is found by halving the distance to ±1.
  The result is checked on a grid: T is non-increasing and the grid points with |T| ≤ z are exactly those
  inside [low, high].

Published check: Cavo et al. (2012) table, b = 6, c = 16, n = 161: Tango interval -0.1240 to -0.0054 at 95 %
(Fagerland, Lydersen & Laake 2014, Table 3; 2017, ch. 8), asserted to 4 decimals.

Run by generate.sh after the other generators, or alone: tango.py OUTDIR.
"""
from __future__ import annotations

import math
import sys

import numpy as np
import scipy
import scipy.optimize
import scipy.stats

from fixture_io import write_fixture

# (b, c, n) at confidence 0.95
CASES_95 = [(6, 16, 161), (12, 2, 50), (40, 20, 160), (0, 0, 500), (5, 0, 500), (0, 5, 500), (7, 43, 5000),
            (43, 7, 5000), (3, 5, 500), (1, 0, 30), (10, 0, 10), (0, 10, 10), (250, 240, 1000), (2, 9, 30)]
# a few also at 0.90 and 0.99
CASES_OTHER = [(6, 16, 161), (12, 2, 50), (0, 0, 500), (5, 0, 500), (1, 0, 30), (0, 10, 10), (2, 9, 30)]
OTHER_LEVELS = [0.90, 0.99]

CAVO = (6, 16, 161)
CAVO_PUBLISHED = ("-0.1240", "-0.0054")


def constrained_q(b: int, c: int, n: int, d0: float) -> float:
    """The maximum-likelihood p21 under p12 - p21 = Δ₀ (-1 < Δ₀ < 1), by the root of the score in q."""
    m = n - b - c
    lo, hi = max(0.0, -d0), (1.0 - d0) / 2.0

    def dlogl(q: float) -> float:
        s = 0.0
        if b:
            s += b / (q + d0)
        if c:
            s += c / q
        if m:
            s -= 2.0 * m / (1.0 - 2.0 * q - d0)
        return s

    # the derivative's limits at the ends of the feasible range (it is strictly decreasing inside)
    at_lo = 0.0
    if b:
        at_lo += math.inf if lo + d0 <= 0 else b / (lo + d0)
    if c:
        at_lo += math.inf if lo <= 0 else c / lo
    if m:
        at_lo -= 2.0 * m / (1.0 - 2.0 * lo - d0)
    if at_lo <= 0:
        return lo
    at_hi = 0.0
    if b:
        at_hi += b / (hi + d0)
    if c:
        at_hi += c / hi
    if m:
        at_hi = -math.inf
    if at_hi >= 0:
        return hi
    # a bracket with finite values: step in from each end until the sign is right
    left, k = lo, 0
    if not math.isfinite(at_lo):
        while True:
            k += 1
            left = lo + (hi - lo) * 2.0 ** -k
            if dlogl(left) > 0:
                break
            assert k < 1100 and left > lo, (b, c, n, d0)
    right, k = hi, 0
    while True:
        k += 1
        right = hi - (hi - lo) * 2.0 ** -k
        if dlogl(right) < 0:
            break
        assert k < 1100 and right < hi, (b, c, n, d0)
    if dlogl(left) <= 0 or dlogl(right) >= 0:  # left/right met (q̂ within rounding of an end)
        return left if abs(dlogl(left)) < abs(dlogl(right)) else right
    return scipy.optimize.brentq(dlogl, left, right, xtol=1e-300, rtol=4 * np.finfo(float).eps, maxiter=1000)


def neg_loglik(b: int, c: int, n: int, d0: float, q: float) -> float:
    m = n - b - c
    p12, p21, p_conc = q + d0, q, 1.0 - 2.0 * q - d0
    s = 0.0
    for k, p in ((b, p12), (c, p21), (m, p_conc)):
        if k:
            if p <= 0:
                return math.inf
            s += k * math.log(p)
    return -s


def check_q(b: int, c: int, n: int, d0: float) -> None:
    """q̂ agrees with a bounded scalar minimisation of the negative log-likelihood (and is not worse)."""
    q = constrained_q(b, c, n, d0)
    lo, hi = max(0.0, -d0), (1.0 - d0) / 2.0
    r = scipy.optimize.minimize_scalar(lambda x: neg_loglik(b, c, n, d0, x), bounds=(lo, hi), method="bounded",
                                       options={"xatol": 1e-12, "maxiter": 2000})
    assert abs(r.x - q) <= 1e-5 * max(1.0, hi - lo), (b, c, n, d0, q, r.x)
    assert neg_loglik(b, c, n, d0, q) <= r.fun + 1e-9 * max(1.0, abs(r.fun)), (b, c, n, d0, q, r.x)


def score_t(b: int, c: int, n: int, d0: float) -> float:
    diff = b - c - n * d0
    if diff == 0:
        return 0.0
    q = constrained_q(b, c, n, d0)
    p12, p21 = q + d0, q
    var = n * (p12 + p21 - d0 * d0)
    if not var > 0:
        return math.copysign(math.inf, diff)
    return diff / math.sqrt(var)


def tango(b: int, c: int, n: int, z: float) -> tuple[float, float, float]:
    delta = (b - c) / n
    tol = {"xtol": 1e-300, "rtol": 4 * np.finfo(float).eps, "maxiter": 1000}
    # lower end: T(Δ₀) = +z on (-1, Δ)
    if c == n:
        low = -1.0
    else:
        inner, k = delta, 0
        while True:
            k += 1
            outer = -1.0 + (delta + 1.0) * 2.0 ** -k
            if score_t(b, c, n, outer) > z:
                break
            inner = outer
            assert k < 60, ("no lower crossing", b, c, n)
        low = scipy.optimize.brentq(lambda d: score_t(b, c, n, d) - z, outer, inner, **tol)
    # upper end: T(Δ₀) = -z on (Δ, 1)
    if b == n:
        high = 1.0
    else:
        inner, k = delta, 0
        while True:
            k += 1
            outer = 1.0 - (1.0 - delta) * 2.0 ** -k
            if score_t(b, c, n, outer) < -z:
                break
            inner = outer
            assert k < 60, ("no upper crossing", b, c, n)
        high = scipy.optimize.brentq(lambda d: score_t(b, c, n, d) + z, inner, outer, **tol)
    return delta, low, high


def check_interval(b: int, c: int, n: int, z: float, low: float, high: float) -> None:
    """On a grid of Δ₀ in (-1, 1): T is non-increasing and |T| ≤ z exactly on [low, high]."""
    for d0 in (low, high):
        if -1 < d0 < 1:
            check_q(b, c, n, d0)
    grid = np.linspace(-1.0, 1.0, 2001)[1:-1]
    grid = np.concatenate([grid, [low - 1e-7, low + 1e-7, high - 1e-7, high + 1e-7]])
    grid = np.sort(grid[(grid > -1) & (grid < 1)])
    ts = np.array([score_t(b, c, n, float(d)) for d in grid])
    assert np.all(np.diff(ts) <= 1e-12 * np.maximum(1.0, np.abs(ts[1:]))), ("T not monotone", b, c, n)
    away = (np.abs(grid - low) > 1e-9) & (np.abs(grid - high) > 1e-9)
    inside = (grid >= low) & (grid <= high)
    accepted = np.abs(ts) <= z
    assert np.array_equal(inside[away], accepted[away]), ("grid disagrees with the interval", b, c, n, z)


def main(outdir: str) -> None:
    cases = [(b, c, n, 0.95) for b, c, n in CASES_95]
    cases += [(b, c, n, level) for level in OTHER_LEVELS for b, c, n in CASES_OTHER]
    rows = []
    for b, c, n, level in cases:
        z = float(scipy.stats.norm.ppf(1 - (1 - level) / 2))
        delta, low, high = tango(b, c, n, z)
        check_interval(b, c, n, z, low, high)
        if (b, c, n) == CAVO and level == 0.95:
            got = (f"{low:.4f}", f"{high:.4f}")
            assert got == CAVO_PUBLISHED, ("Cavo et al. published interval", got, CAVO_PUBLISHED)
        rows.append({"b": b, "c": c, "n": n, "confidence_level": level, "delta": float(delta), "low": float(low),
                     "high": float(high)})
    out = {
        "meta": {"generator": "scripts/golden/tango.py", "scipy": scipy.__version__, "numpy": np.__version__},
        "tango_paired": rows,
    }
    write_fixture(outdir, "tango.json", "tango", out)


if __name__ == "__main__":
    main(sys.argv[1])
