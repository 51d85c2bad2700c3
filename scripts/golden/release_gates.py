"""Golden numbers of the release gates (issue 16): exact failure-rate and trace-coverage intervals, and the
paired pass-rate interval of robustness suites. Writes OUTDIR/release-gates.json and lists it in
OUTDIR/manifest.json.

- Clopper-Pearson: statsmodels proportion_confint(method="beta"), cross-checked with scipy's beta quantiles.
- Newcombe's paired interval (method 10 of Newcombe 1998): written out here from statsmodels' Wilson
  intervals (proportion_confint(method="wilson")), independently of the TypeScript code, and checked against
  the published Cavo et al. example (Fagerland, Lydersen & Laake 2017: -0.0621, -0.1186 to -0.0046).
"""
import math
import sys

import scipy
import statsmodels
from scipy.stats import beta
from statsmodels.stats.proportion import proportion_confint

from fixture_io import write_fixture

CP_CASES = [  # (failures or traced, cases or records, level)
    (2, 239, 0.95),    # the example's edge_cases suite
    (0, 250, 0.95),    # prompt_injection
    (20, 250, 0.95),   # prompt_injection with 20 failures
    (999, 1000, 0.95), # trace coverage of the example's log sample
    (0, 20, 0.95),     # the docs: 0 of 20 still leaves an upper bound of 16.8 %
    (7, 61, 0.90),
]

NEWCOMBE_CASES = [  # (both, candidate_only, champion_only, neither, level)
    (235, 2, 0, 2, 0.95),   # the example's edge_cases pairing
    (59, 6, 16, 80, 0.95),  # Cavo et al. 2012 (published)
    (180, 3, 11, 6, 0.90),
    (40, 0, 0, 0, 0.95),    # every case passes in both runs
]


def clopper_pearson(x, n, level):
    low, high = proportion_confint(x, n, alpha=1 - level, method="beta")
    a = 1 - level
    sl = 0.0 if x == 0 else beta.ppf(a / 2, x, n - x + 1)
    sh = 1.0 if x == n else beta.ppf(1 - a / 2, x + 1, n - x)
    low = 0.0 if math.isnan(low) else float(low)
    high = 1.0 if math.isnan(high) else float(high)
    assert abs(low - sl) < 1e-12 and abs(high - sh) < 1e-12, (x, n, low, sl, high, sh)
    return low, high


def newcombe_paired(a, b, c, d, level):
    n = a + b + c + d
    x1, x2 = a + b, a + c
    p1, p2 = x1 / n, x2 / n
    l1, u1 = proportion_confint(x1, n, alpha=1 - level, method="wilson")
    l2, u2 = proportion_confint(x2, n, alpha=1 - level, method="wilson")
    margins = x1 * (n - x1) * x2 * (n - x2)
    phi = 0.0
    if margins > 0:
        num = a * d - b * c
        num = num - n / 2 if num > n / 2 else (num if num < 0 else 0.0)
        phi = num / math.sqrt(margins)
    d1, e2, d2, e1 = p1 - l1, u2 - p2, p2 - l2, u1 - p1
    delta = p1 - p2
    low = delta - math.sqrt(max(0.0, d1 * d1 - 2 * phi * d1 * e2 + e2 * e2))
    high = delta + math.sqrt(max(0.0, d2 * d2 - 2 * phi * d2 * e1 + e1 * e1))
    return delta, low, high


def main(outdir):
    delta, low, high = newcombe_paired(59, 6, 16, 80, 0.95)
    assert (round(delta, 4), round(low, 4), round(high, 4)) == (-0.0621, -0.1186, -0.0046), (delta, low, high)
    fx = {
        "meta": {"generator": "scripts/golden/release_gates.py",
                 "versions": {"scipy": scipy.__version__, "statsmodels": statsmodels.__version__}},
        "clopper_pearson": [
            {"x": x, "n": n, "level": lv, "low": lo, "high": hi}
            for (x, n, lv) in CP_CASES for (lo, hi) in [clopper_pearson(x, n, lv)]
        ],
        "newcombe_paired": [
            {"both": a, "candidate_only": b, "champion_only": c, "neither": d, "level": lv,
             "delta": de, "low": lo, "high": hi}
            for (a, b, c, d, lv) in NEWCOMBE_CASES for (de, lo, hi) in [newcombe_paired(a, b, c, d, lv)]
        ],
    }
    write_fixture(outdir, "release-gates.json", "release_gates", fx, final_newline=True)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: release_gates.py OUTDIR")
    main(sys.argv[1])
