#!/usr/bin/env python3
"""Golden fixture for the exact binomial bounds (src/stats/exact.ts, src/core/exact-floor.ts).

Writes OUTDIR/exact.json and registers it in OUTDIR/manifest.json (kind "exact"). Every expected number comes
from statsmodels / scipy, never from model-gate:

- Clopper-Pearson: statsmodels.stats.proportion.proportion_confint(x, n, alpha, method="beta");
- exact one-sided McNemar: scipy.stats.binomtest(b, b + c, 0.5, alternative="greater").pvalue;
- the floor of a paired table (b rows only the candidate gets right, c only the champion, of n):
  low <= b/n - CP_high(c, n), high >= CP_high(b, n) - c/n, and low <= 0 unless the one-sided exact McNemar
  p-value for the candidate is below alpha/2 (high >= 0 likewise for the champion).

Run by generate.sh after the other generators, or alone: exact.py OUTDIR.
"""
from __future__ import annotations

import sys

import scipy
import scipy.stats
import statsmodels
from statsmodels.stats.proportion import proportion_confint

from fixture_io import write_fixture

LEVELS = [0.95, 0.90]
PROPORTIONS = [(0, 1), (1, 1), (0, 30), (1, 30), (15, 30), (29, 30), (30, 30), (0, 500), (5, 500), (1, 3),
               (3, 10000), (999, 1000), (1, 1000000), (250, 1000), (7, 12)]
MCNEMAR = [(0, 0), (5, 0), (0, 5), (6, 0), (7, 1), (3, 3), (12, 4), (20, 35), (100, 70), (1, 0), (40, 0)]
# (both, candidate_only, champion_only, neither): paired tables of "hit" for accuracy
TABLES = [(300, 0, 0, 200), (20, 0, 0, 10), (495, 5, 0, 0), (300, 5, 0, 195), (300, 0, 5, 195), (300, 8, 0, 192),
          (18, 2, 1, 9), (4000, 10, 12, 978), (600, 30, 10, 360)]


def cp_high(x: int, n: int, level: float) -> float:
    return float(proportion_confint(x, n, alpha=1 - level, method="beta")[1])


def p_greater(b: int, c: int) -> float:
    if b + c == 0:
        return 1.0
    return float(scipy.stats.binomtest(b, b + c, 0.5, alternative="greater").pvalue)


def main(outdir: str) -> None:
    clopper = []
    for level in LEVELS:
        for x, n in PROPORTIONS:
            low, high = proportion_confint(x, n, alpha=1 - level, method="beta")
            clopper.append({"x": x, "n": n, "confidence_level": level, "low": float(low), "high": float(high)})
    mcnemar = [{"b": b, "c": c, "p_greater": p_greater(b, c)} for b, c in MCNEMAR]
    floors = []
    for level in LEVELS:
        alpha = 1 - level
        for both, b, c, neither in TABLES:
            n = both + b + c + neither
            floors.append({
                "both": both, "candidate_only": b, "champion_only": c, "neither": neither, "confidence_level": level,
                "low_at_most": b / n - cp_high(c, n, level),
                "high_at_least": cp_high(b, n, level) - c / n,
                "low_at_most_zero": p_greater(b, c) >= alpha / 2,
                "high_at_least_zero": p_greater(c, b) >= alpha / 2,
            })
    out = {
        "meta": {"generator": "scripts/golden/exact.py", "scipy": scipy.__version__, "statsmodels": statsmodels.__version__},
        "clopper_pearson": clopper,
        "mcnemar_exact": mcnemar,
        "paired_floor": floors,
    }
    write_fixture(outdir, "exact.json", "exact", out)


if __name__ == "__main__":
    main(sys.argv[1])
