#!/usr/bin/env python3
"""Golden fixture for the canary stage's confidence sequences (issue 17).

`canary.py OUTDIR` writes OUTDIR/canary.json and adds it to OUTDIR/manifest.json. Every expected number comes
from scipy, written from the formulas' definitions, never from model-gate:

- ln Γ(x) (scipy.special.gammaln);
- Robbins' beta-binomial mixture M_n(p) = B(a+S, b+n−S)/B(a,b)/(p^S (1−p)^(n−S)), checked against numerical
  integration of the mixture of likelihood ratios (scipy.integrate.quad over the Beta(a, b) density), and the
  ends of {p : M < 1/α} and {S : M < 1/α} by scipy.optimize.brentq;
- the conditional-Poisson rate-ratio mixture: ℓ(η) = Σ e_c ln σ(η+o) + e_b ln σ(−η−o), the discrete normal
  mixture over the grid (scipy.special.logsumexp), and the ends of {θ : M < 1/α} by brentq.
"""
from __future__ import annotations

import math
import sys

import numpy as np
import scipy
from scipy import integrate, optimize, special, stats

from fixture_io import write_fixture


def log_m(s, n, p, a, b):
    return special.betaln(a + s, b + n - s) - special.betaln(a, b) - (s * math.log(p) if s > 0 else 0) - ((n - s) * math.log1p(-p) if n - s > 0 else 0)


def log_m_quad(s, n, p, a, b):
    # ∫ (q/p)^S ((1−q)/(1−p))^(n−S) Beta(q; a, b) dq, independently of the closed form
    f = lambda q: math.exp(s * math.log(q / p) + (n - s) * math.log((1 - q) / (1 - p))) * stats.beta.pdf(q, a, b)
    v, _ = integrate.quad(f, 0, 1, limit=400, points=[s / n] if 0 < s < n else None)
    return math.log(v)


def interval(s, n, alpha, a, b):
    lvl = math.log(1 / alpha)
    f = lambda p: log_m(s, n, p, a, b) - lvl
    c = s / n
    lo = 0.0 if s == 0 or f(1e-300) <= 0 else optimize.brentq(f, 1e-300, c, xtol=1e-15, rtol=1e-13)
    hi = 1.0 if s == n or f(1 - 1e-16) <= 0 else optimize.brentq(f, c, 1 - 1e-16, xtol=1e-15, rtol=1e-13)
    return lo, hi


def count_range(n, p, alpha, a, b):
    lvl = math.log(1 / alpha)
    f = lambda s: log_m(s, n, p, a, b) - lvl
    lo = None if f(0) <= 0 else optimize.brentq(f, 0, n * p, xtol=1e-10)
    hi = None if f(n) <= 0 else optimize.brentq(f, n * p, n, xtol=1e-10)
    return lo, hi


def ratio_loglik(terms, eta):
    return sum(ec * -np.logaddexp(0, -(eta + o)) + eb * -np.logaddexp(0, eta + o) for o, ec, eb in terms)


def ratio_interval(terms, alpha, scale=0.5, step=0.02, rng=4):
    k = round(rng / step)
    grid = np.arange(-k, k + 1) * step
    logw = -0.5 * (grid / scale) ** 2
    mix = special.logsumexp(logw + np.array([ratio_loglik(terms, g) for g in grid])) - special.logsumexp(logw)
    cut = mix - math.log(1 / alpha)
    top = optimize.minimize_scalar(lambda e: -ratio_loglik(terms, e), bounds=(-30, 30), method="bounded", options={"xatol": 1e-10}).x
    f = lambda e: ratio_loglik(terms, e) - cut
    lo = 0.0 if f(-30) > 0 else math.exp(optimize.brentq(f, -30, top, xtol=1e-12))
    hi = math.inf if f(30) > 0 else math.exp(optimize.brentq(f, top, 30, xtol=1e-12))
    return float(mix), lo, hi


def main(outdir):
    xs = [0.1, 0.5, 1, 1.5, 2.5, 7.3, 10, 55.5, 1000.25, 123456.5]
    gamma = [{"x": x, "lgamma": float(special.gammaln(x))} for x in xs]
    cases = [(0, 10, 0.05, 1, 1), (3, 50, 0.05, 0.5, 0.5), (40, 2000, 0.01, 4, 496), (990, 1000, 0.05, 99, 1),
             (120, 10000, 0.0125, 5, 495), (5000, 5000, 0.05, 1, 1)]
    mixtures = []
    for s, n, alpha, a, b in cases:
        for p in [0.005, 0.02, 0.3, 0.99]:
            lm = log_m(s, n, p, a, b)
            if n <= 2000 and lm < 50:
                assert abs(lm - log_m_quad(s, n, p, a, b)) < 1e-6 * max(1, abs(lm)), (s, n, p, a, b)
            mixtures.append({"s": s, "n": n, "p": p, "a": a, "b": b, "log_m": float(lm)})
    intervals = []
    for s, n, alpha, a, b in cases:
        lo, hi = interval(s, n, alpha, a, b)
        intervals.append({"s": s, "n": n, "alpha": alpha, "a": a, "b": b, "low": lo, "high": hi})
    ranges = []
    for n, p, alpha, a, b in [(100, 0.99, 0.025, 495, 5), (20000, 0.99, 0.0125, 495, 5), (50000, 0.95, 0.01, 475, 25), (3, 0.5, 0.05, 1, 1)]:
        lo, hi = count_range(n, p, alpha, a, b)
        ranges.append({"n": n, "p": p, "alpha": alpha, "a": a, "b": b, "low": lo, "high": hi})
    ratio_cases = [
        ([(math.log(5 / 95), 40, 700)], 0.05),
        ([(math.log(25 / 75), 300, 610), (math.log(26 / 74), 10, 30)], 0.0125),
        ([(math.log(50 / 50), 0, 12)], 0.05),
        ([(math.log(1 / 3), 9, 0)], 0.05),
    ]
    ratios = []
    for terms, alpha in ratio_cases:
        mix, lo, hi = ratio_interval(terms, alpha)
        ratios.append({"terms": [{"offset": o, "canaryErrors": ec, "baselineErrors": eb} for o, ec, eb in terms], "alpha": alpha,
                       "log_mixture": mix, "low": lo, "high": None if math.isinf(hi) else hi})
    out = {"versions": {"scipy": scipy.__version__, "numpy": np.__version__}, "log_gamma": gamma, "mixtures": mixtures,
           "intervals": intervals, "count_ranges": ranges, "ratios": ratios}
    write_fixture(outdir, "canary.json", "canary", out)


if __name__ == "__main__":
    main(sys.argv[1])
