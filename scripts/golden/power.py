"""Reference values for the decision-error and planning formulas (src/stats/power.ts, src/core/decision-errors.ts).

Power and sample size of a non-inferiority check come from statsmodels' NormalIndPower as a one-sample z test
(ratio=0) of the shift by the margin; equivalence (two one-sided tests) from scipy's normal CDF with the size found
by root finding (brentq) rather than the closed form; Holm decisions from statsmodels' multipletests.
Usage: python3 power.py OUT_DIR  (writes OUT_DIR/power.json; generate.sh runs it).
"""
import json
import math
import sys

import numpy as np
from scipy.optimize import brentq
from scipy.stats import norm
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.power import NormalIndPower


def ni_power(margin, se, level):
    alpha = (1 - level) / 2
    n = 1000.0  # any n: sigma = se*sqrt(n), effect = margin/sigma
    sigma = se * math.sqrt(n)
    return float(NormalIndPower().power(effect_size=margin / sigma, nobs1=n, alpha=alpha, ratio=0, alternative='larger'))


def ni_required_n(margin, se0, n0, level, power):
    alpha = (1 - level) / 2
    sigma = se0 * math.sqrt(n0)
    n = NormalIndPower().solve_power(effect_size=margin / sigma, nobs1=None, alpha=alpha, power=power, ratio=0, alternative='larger')
    return float(n)


def eq_power(margin, se, level):
    z = norm.ppf((1 + level) / 2)
    return float(max(0.0, norm.cdf(margin / se - z) - norm.cdf(z - margin / se)))


def eq_required_n(margin, se0, n0, level, power):
    sigma = se0 * math.sqrt(n0)
    f = lambda n: eq_power(margin, sigma / math.sqrt(n), level) - power
    lo = 1e-6
    while f(lo) > 0:
        lo /= 10
    return float(brentq(f, lo, 1e12, xtol=1e-10, rtol=1e-14))


cases = []
for level in (0.95, 0.9):
    for power in (0.8, 0.9):
        for margin, se0, n0 in ((0.01, 0.004, 5000), (0.005, 0.006, 2000), (0.02, 0.003, 800), (0.002, 0.0011, 100000)):
            cases.append({
                'level': level, 'power': power, 'margin': margin, 'se': se0, 'n0': n0,
                'non_inferior': {'power_at_zero': ni_power(margin, se0, level), 'n_continuous': ni_required_n(margin, se0, n0, level, power)},
                'equivalent': {'power_at_zero': eq_power(margin, se0, level), 'n_continuous': eq_required_n(margin, se0, n0, level, power)},
            })

# Holm over superiority checks: estimate and se of each, one-sided p = 1 - Phi(d/se), family alpha (1-level)/2.
holm = []
for level, checks in (
    (0.95, [(0.02, 0.008), (0.012, 0.005), (0.03, 0.02), (0.009, 0.004)]),
    (0.95, [(0.05, 0.01), (0.04, 0.01), (0.03, 0.01)]),
    (0.9, [(0.011, 0.006), (0.02, 0.007), (-0.01, 0.005), (0.013, 0.0055), (0.016, 0.006)]),
):
    p = [float(norm.sf(d / se)) for d, se in checks]
    reject = multipletests(p, alpha=(1 - level) / 2, method='holm')[0]
    holm.append({'level': level, 'checks': [{'delta': d, 'se': se, 'p': pi, 'holm_reject': bool(r)} for (d, se), pi, r in zip(checks, p, reject)]})

# p_equal_fails_any for a family of margin checks.
family = {'level': 0.95, 'checks': [
    {'rule': 'non_inferior', 'margin': 0.01, 'se': 0.004},
    {'rule': 'non_inferior', 'margin': 0.005, 'se': 0.004},
    {'rule': 'equivalent', 'margin': 0.02, 'se': 0.006},
]}
pw = [ni_power(c['margin'], c['se'], 0.95) if c['rule'] == 'non_inferior' else eq_power(c['margin'], c['se'], 0.95) for c in family['checks']]
family['p_equal_fails_any'] = float(1 - np.prod(pw))

out = sys.argv[1]
with open(f'{out}/power.json', 'w') as f:
    json.dump({'generator': 'scripts/golden/power.py (statsmodels NormalIndPower, multipletests; scipy norm, brentq)',
               'cases': cases, 'holm': holm, 'family': family}, f, indent=1)
    f.write('\n')
