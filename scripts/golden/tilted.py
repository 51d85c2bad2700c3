#!/usr/bin/env python3
"""Golden fixture for the tilted score interval of a mean (src/stats/tilted-mean.ts, `tiltedMeanInterval`).

The method, for values d_1..d_n (n ≥ 2, not all equal) at level L:

- d̄ = mean(d), c_i = d_i - d̄, m2 = Σc²/n, m4 = Σc⁴/n; κ = max(3, m4/m2²);
  dof = max(1, min(100000, floor(2n/(κ - 1)))) and q = Student's t quantile at (1 + L)/2 on dof degrees of
  freedom (the variance of s² is about (κ - 1)σ⁴/n, that of a scaled χ² on 2n/(κ - 1) degrees of freedom);
- for a tilt t the rows get weights w_i ∝ exp(t·d_i); μ(t) = Σ w_i d_i, v(t) = Σ w_i (d_i - μ(t))²;
- S(t) = |μ(t) - d̄| / sqrt((n/(n-1))·v(t)/n): the distance of the tilted mean from d̄ in units of the standard
  error the tilted rows would have;
- high = μ(t⁺) at the smallest t⁺ > 0 with S(t⁺) = q, low = μ(t⁻) at the largest t⁻ < 0 with S(t⁻) = q (the first
  crossing: S need not be monotone — see the sample outliers_both_26);
- se = sqrt(Σc²/(n-1)/n); n = 1 or values that do not vary give low = high = d̄, se = critical = dof = 0.

Writes OUTDIR/tilted.json and registers it in OUTDIR/manifest.json (kind "tilted"): `samples` (name → values, every
digit) and `tilted_mean` rows (sample, n, confidence_level, mean, low, high, se, critical, dof; `scale` = sqrt(m2),
the unit of the test's tolerance; `critical_scipy_ppf` = scipy's t.ppf, for the record). Every expected number
comes from numpy / scipy and the Python standard library, never from model-gate, and by a different route than
the TypeScript code (which centres on d̄, tilts exp(t·(c - max c)), takes safeguarded Newton steps on S using the
tilted third moment, and refines jstat's t quantile on the A&S 26.7.3-4 series):

- the rows are shifted by an anchor a, the median row (a data value, so d_i - a is exact for rows within a factor
  two of it — all of them when the values carry a large common offset — and never cancels catastrophically);
  the weights are exp(t·x_i - logsumexp(t·x)) with x_i = d_i - a (scipy.special.logsumexp), renormalised, and
  the sums are math.fsum; v(t) is the two-pass Σw(x - μ)²;
- t⁺ / t⁻ are found by scanning a geometric grid outward from a tiny t (ratio 1.1) until S ≥ q, then
  scipy.optimize.brentq on the last bracket; S < q is then asserted on a grid of ratio 1.001 up to the root, so
  no earlier crossing was stepped over;
- q is the root of scipy.special.stdtr(dof, -q) = 1 - (1 + L)/2 by brentq, bracketed by scipy.stats.t.ppf, which
  in scipy 1.10 is itself only good to ~5e-9 relative (student_t_quantile);
- checks (the generator aborts if one fails): low < d̄ < high; S at each bound equals q to 1e-10, and both S and
  μ there equal the same quantities evaluated in 60-digit decimal arithmetic (Python's decimal; μ to 1e-12 of
  sqrt(m2)); two-valued samples (n = 2 and the 0/1 case) match the closed form — with p the tilted share of the
  larger value, S = q is the quadratic (n - 1)(p - p̂)² = q²p(1 - p), Wilson's score interval with n - 1 for n;
  the negated sample's interval is the mirror image of the original's; 2n/(κ - 1) is not within a relative 1e-9
  of an integer unless κ = 3 (else the dof would depend on rounding); q agrees with the betainc form of the tail
  and with the closed forms at dof 1 and 2.

Run by generate.sh after tango.py, or alone: tilted.py OUTDIR.
"""
from __future__ import annotations

import decimal
import math
import sys

import numpy as np
import scipy
import scipy.optimize
import scipy.special
import scipy.stats

from fixture_io import write_fixture

MAX_DOF = 100_000
GRID_RATIO = 1.1
# levels other than 0.95 for these samples
OTHER_LEVELS = [0.90, 0.99]
OTHER_LEVEL_SAMPLES = ["normal_30", "right_skewed_50", "right_skewed_2000", "contaminated_500", "two_valued_40",
                       "tiny_2", "tiny_3", "offset_1e6_200", "outliers_both_26"]


def skewed(rng: np.random.Generator, n: int) -> np.ndarray:
    """e_c² - e_h² for correlated normal errors (champion e_h, candidate e_c slightly worse): right-skewed."""
    s, u1, u2 = rng.standard_normal((3, n))
    e_h = 0.8 * s + 0.6 * u1
    e_c = 1.1 * (0.8 * s + 0.6 * u2) + 0.1
    return e_c ** 2 - e_h ** 2


def samples() -> dict[str, np.ndarray]:
    out: dict[str, np.ndarray] = {}
    for n, seed in ((30, 101), (100, 102), (500, 103)):
        out[f"normal_{n}"] = np.random.default_rng(seed).normal(0.05, 0.3, n)
    for n, seed in ((50, 201), (500, 202), (2000, 203)):
        out[f"right_skewed_{n}"] = skewed(np.random.default_rng(seed), n)
    # negation is exact: the interval must be the mirror image (asserted)
    out["left_skewed_500"] = -out["right_skewed_500"]
    rng = np.random.default_rng(301)
    x = rng.normal(0.0, 1.0, 500)
    x[rng.choice(500, 25, replace=False)] *= 10.0  # 5 % of rows on ten times the scale
    out["contaminated_500"] = x
    # 0/1 differences: 12 ones among 40 (ties everywhere)
    out["two_valued_40"] = np.random.default_rng(401).permutation(np.array([1.0] * 12 + [0.0] * 28))
    out["tiny_2"] = np.random.default_rng(501).normal(0.0, 1.0, 2)
    out["tiny_3"] = np.random.default_rng(502).normal(0.0, 1.0, 3)
    # a common offset ten million times the spread: the centring must not lose the spread's digits
    out["offset_1e6_200"] = 1e6 + 0.1 * skewed(np.random.default_rng(601), 200)
    # one gross outlier (κ ≈ 24, so dof = 2) and a moderate one on the other side: tilting up first puts weight on
    # the 15, whose spread makes S rise, fall and rise again — at 0.99 it crosses q three times on the upper side
    out["outliers_both_26"] = np.concatenate([[-200.0, 15.0], np.round(np.random.default_rng(700).normal(0, 1, 24), 1)])
    out["constant_5"] = np.full(5, 0.25)
    out["single_1"] = np.array([0.7])
    return out


class Tilted:
    """The tilted rows of one sample, in x = d - a (a = the median row)."""

    def __init__(self, d: np.ndarray):
        self.d = d
        self.n = len(d)
        self.a = float(np.sort(d)[self.n // 2])
        self.x = d - self.a
        self.xbar = math.fsum(self.x) / self.n
        self.mean = math.fsum(d) / self.n

    def moments(self, t: float) -> tuple[float, float]:
        """μ(t) - a and v(t)."""
        lw = t * self.x
        w = np.exp(lw - scipy.special.logsumexp(lw))
        w /= math.fsum(w)
        mu = math.fsum(w * self.x)
        v = math.fsum(w * (self.x - mu) ** 2)
        return mu, v

    def stat(self, t: float) -> float:
        mu, v = self.moments(t)
        dist = abs(mu - self.xbar)
        if v <= 0:
            return math.inf if dist > 0 else 0.0
        return dist / math.sqrt(v) * math.sqrt(self.n - 1)  # v / (n - 1) could underflow

    def crossing(self, side: int, q: float) -> float:
        """The first t on `side` (+1/-1) of 0 with S(t) = q."""
        sd = math.sqrt(math.fsum((self.x - self.xbar) ** 2) / self.n)
        prev, t = 0.0, side * 1e-6 / sd
        for _ in range(2000):
            s = self.stat(t)
            if s >= q:
                break
            prev, t = t, t * GRID_RATIO
        else:
            raise AssertionError("no crossing")
        lo, hi = sorted((prev, t))
        return scipy.optimize.brentq(lambda u: self.stat(u) - q, lo, hi, xtol=1e-300, rtol=4 * np.finfo(float).eps,
                                     maxiter=1000)

    def decimal_moments(self, t: float) -> tuple[decimal.Decimal, decimal.Decimal]:
        """μ(t) - a and S(t) in 60-digit decimal arithmetic, from the exact binary values."""
        with decimal.localcontext() as ctx:
            ctx.prec = 60
            a = decimal.Decimal(self.a)
            xs = [decimal.Decimal(float(v)) - a for v in self.d]
            td = decimal.Decimal(t)
            top = max(td * v for v in xs)
            ws = [(td * v - top).exp() for v in xs]
            s0 = sum(ws)
            mu = sum(w * v for w, v in zip(ws, xs)) / s0
            var = sum(w * (v - mu) ** 2 for w, v in zip(ws, xs)) / s0
            xbar = sum(xs) / self.n
            stat = abs(mu - xbar) / (var / (self.n - 1)).sqrt()
            return +mu, +stat


def stat_grid(tl: Tilted, ts: np.ndarray) -> np.ndarray:
    """S at many tilts at once (plain numpy sums), for the first-crossing check."""
    out = np.empty(len(ts))
    for k in range(0, len(ts), 500):
        lw = np.outer(ts[k:k + 500], tl.x)
        w = np.exp(lw - scipy.special.logsumexp(lw, axis=1, keepdims=True))
        w /= w.sum(axis=1, keepdims=True)
        mu = w @ tl.x
        v = np.einsum("ij,ij->i", w, (tl.x[None, :] - mu[:, None]) ** 2)
        with np.errstate(divide="ignore"):
            out[k:k + 500] = np.abs(mu - tl.xbar) / np.sqrt(v) * math.sqrt(tl.n - 1)
    return out


def check_first_crossing(tl: Tilted, t: float, q: float) -> None:
    """S < q on a geometric grid of ratio ≈ 1.001 from a tiny tilt up to just short of t (no earlier crossing)."""
    sd = math.sqrt(math.fsum((tl.x - tl.xbar) ** 2) / tl.n)
    lo, hi = 1e-6 / sd, abs(t) * (1 - 1e-6)
    if hi <= lo:
        return
    ts = math.copysign(1.0, t) * np.geomspace(lo, hi, int(math.log(hi / lo) / math.log(1.001)) + 2)
    s = stat_grid(tl, ts)
    assert np.all(s < q), ("an earlier crossing", float(ts[np.argmax(s >= q)]), t)


def student_t_quantile(p: float, dof: int) -> tuple[float, float]:
    """The t quantile at p, and scipy's t.ppf. t.ppf (cephes' stdtri in scipy 1.10) is off by up to ~5e-9
    relative at these dof (30 at 0.90, 40 at 0.95, 3 at 0.995), more than the test's tolerance, so it only
    brackets the root of the tail stdtr(dof, -q) = 1 - p (cephes' incomplete beta, accurate to rounding), found
    with brentq; cross-checked against the same tail through betainc and the closed forms for dof = 1 and 2."""
    tail = 1.0 - p  # exact for 0.5 ≤ p < 1, and p = (1 + L)/2 is the double the TypeScript code uses too
    ppf = float(scipy.stats.t.ppf(p, dof))
    q = scipy.optimize.brentq(lambda x: scipy.special.stdtr(dof, -x) - tail, ppf * (1 - 1e-6), ppf * (1 + 1e-6),
                              xtol=1e-300, rtol=4 * np.finfo(float).eps, maxiter=1000)
    if dof <= 10_000:  # betainc at x = dof/(dof + q²) → 1 loses digits beyond that
        qb = scipy.optimize.brentq(lambda x: 0.5 * scipy.special.betainc(dof / 2, 0.5, dof / (dof + x * x)) - tail,
                                   ppf * (1 - 1e-6), ppf * (1 + 1e-6), xtol=1e-300, rtol=4 * np.finfo(float).eps)
        assert abs(qb - q) <= 1e-13 * q, ("t quantile: betainc", dof, p, q, qb)
    if dof == 1:
        assert abs(math.tan(math.pi * (p - 0.5)) - q) <= 1e-14 * q, ("t quantile: Cauchy", p, q)
    if dof == 2:
        assert abs((2 * p - 1) / math.sqrt(2 * p * (1 - p)) - q) <= 1e-14 * q, ("t quantile: dof 2", p, q)
    return q, ppf


def two_valued_closed_form(d: np.ndarray, q: float) -> tuple[float, float] | None:
    """Ends of the interval for data taking two values: (n - 1)(p - p̂)² = q²p(1 - p) in the share p of the top."""
    vals = np.unique(d)
    if len(vals) != 2:
        return None
    lo_v, hi_v = float(vals[0]), float(vals[1])
    n = len(d)
    ph = float(np.sum(d == hi_v)) / n
    a2, b2, c2 = n - 1 + q * q, -(2 * (n - 1) * ph + q * q), (n - 1) * ph * ph
    disc = math.sqrt(b2 * b2 - 4 * a2 * c2)
    roots = sorted(((-b2 - disc) / (2 * a2), (-b2 + disc) / (2 * a2)))
    return lo_v + roots[0] * (hi_v - lo_v), lo_v + roots[1] * (hi_v - lo_v)


def interval(d: np.ndarray, level: float) -> dict:
    n = len(d)
    tl = Tilted(d)
    c = tl.x - tl.xbar
    m2 = math.fsum(c ** 2) / n
    if n < 2 or m2 == 0:
        return {"mean": tl.mean, "low": tl.mean, "high": tl.mean, "se": 0.0, "critical": 0.0, "dof": 0,
                "scale": 0.0, "critical_scipy_ppf": None}
    m4 = math.fsum(c ** 4) / n
    kappa = max(3.0, m4 / (m2 * m2))
    raw = 2 * n / (kappa - 1)
    assert kappa == 3.0 or abs(raw - round(raw)) > 1e-9 * raw, ("dof on an integer boundary", raw)
    dof = max(1, min(MAX_DOF, math.floor(raw)))
    q, ppf = student_t_quantile((1 + level) / 2, dof)
    se = math.sqrt(math.fsum(c ** 2) / (n - 1) / n)
    sd = math.sqrt(m2)
    ends = {}
    for side, key in ((-1, "low"), (1, "high")):
        t = tl.crossing(side, q)
        check_first_crossing(tl, t, q)
        mu, _ = tl.moments(t)
        s = tl.stat(t)
        assert abs(s - q) <= 1e-10, ("S at the bound", key, s, q)
        mu_dec, s_dec = tl.decimal_moments(t)
        assert abs(s_dec - decimal.Decimal(q)) <= decimal.Decimal("1e-10"), ("decimal S", key, s_dec, q)
        assert abs(mu - float(mu_dec)) <= 1e-12 * sd, ("decimal mu", key, mu, mu_dec)
        ends[key] = tl.a + mu
    assert ends["low"] < tl.mean < ends["high"], ("interval misses the mean", ends, tl.mean)
    closed = two_valued_closed_form(d, q)
    if closed is not None:
        for got, want in zip((ends["low"], ends["high"]), closed):
            assert abs(got - want) <= 1e-12 * sd, ("two-valued closed form", got, want)
    return {"mean": tl.mean, "low": ends["low"], "high": ends["high"], "se": se, "critical": q, "dof": dof,
            "scale": sd, "critical_scipy_ppf": ppf}


def main(outdir: str) -> None:
    data = samples()
    cases = [(name, 0.95) for name in data]
    cases += [(name, level) for level in OTHER_LEVELS for name in OTHER_LEVEL_SAMPLES]
    rows = []
    for name, level in cases:
        r = interval(data[name], level)
        rows.append({"sample": name, "n": len(data[name]), "confidence_level": level, **r})
    by = {(r["sample"], r["confidence_level"]): r for r in rows}
    right, left = by[("right_skewed_500", 0.95)], by[("left_skewed_500", 0.95)]
    assert abs(right["low"] + left["high"]) <= 1e-12 * right["scale"], "mirror image (low)"
    assert abs(right["high"] + left["low"]) <= 1e-12 * right["scale"], "mirror image (high)"
    out = {
        "meta": {"generator": "scripts/golden/tilted.py", "scipy": scipy.__version__, "numpy": np.__version__},
        "samples": {name: [float(v) for v in values] for name, values in data.items()},
        "tilted_mean": rows,
    }
    write_fixture(outdir, "tilted.json", "tilted", out)


if __name__ == "__main__":
    main(sys.argv[1])
