#!/usr/bin/env python3
"""Golden fixture for clustered intervals (`columns.cluster`).

Run by generate.sh after families.py: `cluster.py OUTDIR` writes OUTDIR/cluster.json. Every expected number
comes from statsmodels / scikit-learn / numpy, never from model-gate:

- cluster-robust standard errors and intervals: statsmodels OLS of the per-row value on a constant with
  cov_type='cluster' (its default small-sample correction G/(G-1)*(N-1)/(N-K), = G/(G-1) for K = 1, which the
  generator re-derives by hand and asserts), for the paired differences of log_loss, brier, mae, mse, of hits
  (accuracy over all rows, recall over the positive rows; multiclass accuracy and log_loss) and for the delta-method influence values of RMSE
  and R^2; intervals with use_t=True (Student t, G - 1 degrees of freedom, as model-gate);
- Obuchowski's (1997) clustered variance of a paired ROC-AUC difference, written from the paper with the
  placement values V10/V01 taken from explicit pairwise comparisons (O(m*n), unlike model-gate's midranks);
  with one row per cluster it must equal DeLong's variance (asserted);
- a numpy cluster bootstrap (resample clusters with replacement, B = 20000) of the accuracy difference, with
  its percentile interval widened about the point estimate by sqrt(G/(G-1)) * t_{G-1}/z, for a Monte Carlo
  comparison.
"""
from __future__ import annotations

import json
import os
import sys

import numpy as np
import scipy
import scipy.stats
import sklearn.metrics as skm
import statsmodels
import statsmodels.api as sm

EPS = np.finfo(np.float64).eps
THRESHOLD = 0.5


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def cluster_fit(values: np.ndarray, groups: np.ndarray) -> dict:
    """statsmodels' cluster-robust se of the mean (checked against G/(G-1) * sum_g (sum e)^2 / N^2) and its
    95 % interval with use_t=True (Student t with G - 1 degrees of freedom)."""
    fit = sm.OLS(values, np.ones(len(values))).fit(cov_type="cluster", cov_kwds={"groups": groups}, use_t=True)
    se = float(fit.bse[0])
    low, high = (float(v) for v in fit.conf_int(0.05)[0])
    e = values - values.mean()
    labels, inv = np.unique(groups, return_inverse=True)
    sums = np.bincount(inv, weights=e)
    g = len(labels)
    by_hand = np.sqrt(g / (g - 1) * np.sum(sums**2)) / len(values)
    assert abs(se - by_hand) <= 1e-12 * max(se, 1e-300), (se, by_hand)
    assert fit.df_resid_inference == g - 1
    return {"delta": float(values.mean()), "se": se, "low": low, "high": high, "df": g - 1}


def placements(y: np.ndarray, s: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """V10 per positive (share of negatives below, ties 1/2), V01 per negative (share of positives above)."""
    pos = s[y == 1]
    neg = s[y == 0]
    cmp = (pos[:, None] > neg[None, :]).astype(float) + 0.5 * (pos[:, None] == neg[None, :])
    return cmp.mean(axis=1), cmp.mean(axis=0)


def obuchowski_delta(y, s1, s2, groups):
    """Var(AUC1 - AUC2) from Obuchowski (1997), eqs. for S10, S01, S11 applied to the paired difference."""
    v10a, v01a = placements(y, s1)
    v10b, v01b = placements(y, s2)
    auc1, auc2 = v10a.mean(), v10b.mean()
    assert abs(auc1 - skm.roc_auc_score(y, s1)) < 1e-12 and abs(auc2 - skm.roc_auc_score(y, s2)) < 1e-12
    theta = auc1 - auc2
    M, N = int(y.sum()), int(len(y) - y.sum())
    clusters = np.unique(groups)
    I = len(clusters)
    gp, gn = groups[y == 1], groups[y == 0]
    d10, d01 = v10a - v10b, v01a - v01b
    x = np.array([d10[gp == c].sum() - (gp == c).sum() * theta for c in clusters])
    z = np.array([d01[gn == c].sum() - (gn == c).sum() * theta for c in clusters])
    I10 = int(sum((gp == c).any() for c in clusters))
    I01 = int(sum((gn == c).any() for c in clusters))
    S10 = I10 / ((I10 - 1) * M) * np.sum(x**2)
    S01 = I01 / ((I01 - 1) * N) * np.sum(z**2)
    S11 = I / (I - 1) * np.sum(x * z)
    var = S10 / M + S01 / N + 2 * S11 / (M * N)
    return float(auc1), float(auc2), float(theta), float(np.sqrt(var))


def delong_delta_se(y, s1, s2):
    """Classic (unclustered) DeLong variance of the difference."""
    v10a, v01a = placements(y, s1)
    v10b, v01b = placements(y, s2)
    M, N = len(v10a), len(v01a)
    return float(np.sqrt(np.var(v10a - v10b, ddof=1) / M + np.var(v01a - v01b, ddof=1) / N))


def log_loss_rows(y, p):
    p = np.clip(p, EPS, 1 - EPS)
    return -(y * np.log(p) + (1 - y) * np.log(1 - p))


def cluster_bootstrap_accuracy(y, pa, pb, groups, B, seed):
    """Percentile interval of Δaccuracy under the cluster bootstrap (clusters drawn with replacement), and the
    same interval widened about the point estimate by sqrt(G/(G-1)) * t_{G-1}/z (scipy quantiles)."""
    rng = np.random.default_rng(seed)
    labels, inv = np.unique(groups, return_inverse=True)
    hits_a = np.bincount(inv, weights=(pa == y).astype(float))
    hits_b = np.bincount(inv, weights=(pb == y).astype(float))
    size = np.bincount(inv).astype(float)
    g = len(labels)
    draws = rng.multinomial(g, np.full(g, 1.0 / g), size=B).astype(float)
    delta = (draws @ hits_a - draws @ hits_b) / (draws @ size)
    low, high = np.quantile(delta, 0.025), np.quantile(delta, 0.975)
    center = (hits_a.sum() - hits_b.sum()) / size.sum()
    f = np.sqrt(g / (g - 1)) * scipy.stats.t.ppf(0.975, g - 1) / scipy.stats.norm.ppf(0.975)
    widened = [float(center - f * (center - low)), float(center + f * (high - center))]
    return [float(low), float(high)], widened, float(np.std(delta))


def binary_case(name: str, seed: int, n_clusters: int, sizes: tuple[int, int], icc_sd: float, singletons=False):
    rng = np.random.default_rng(seed)
    if singletons:
        groups = np.arange(n_clusters)
    else:
        size = rng.integers(sizes[0], sizes[1] + 1, n_clusters)
        groups = np.repeat(np.arange(n_clusters), size)
    n = len(groups)
    u = rng.normal(0, icc_sd, n_clusters)[groups]
    y = (rng.uniform(size=n) < sigmoid(-0.3 + u)).astype(int)
    signal = (2 * y - 1) * 1.0
    p_cand = sigmoid(signal + 0.9 * u + rng.normal(0, 1.2, n))
    p_champ = sigmoid(signal * 1.1 + 0.9 * u + rng.normal(0, 1.1, n))
    # a few exact ties between rows, and a probability of exactly 0.5 (the threshold)
    p_cand[:5] = 0.5
    p_champ[3:8] = p_champ[0]
    pred_c = (p_cand >= THRESHOLD).astype(int)
    pred_h = (p_champ >= THRESHOLD).astype(int)
    # cluster values as text, in a shuffled order so that they are not row order
    names = np.array([f"c{(k * 7919) % 10007}" for k in range(n_clusters)])
    out = {
        "name": name,
        "n": n,
        "label": y.tolist(),
        "cluster": names[groups].tolist(),
        "candidate_score": p_cand.tolist(),
        "champion_score": p_champ.tolist(),
        "clusters": int(len(np.unique(groups))),
    }
    exp = {}
    for metric, rows in (("log_loss", log_loss_rows), ("brier", lambda yy, p: (p - yy) ** 2)):
        c, h = rows(y, p_cand), rows(y, p_champ)
        if metric == "log_loss":
            assert abs(c.mean() - skm.log_loss(y, p_cand)) < 1e-12
        else:
            assert abs(c.mean() - skm.brier_score_loss(y, p_cand)) < 1e-12
        d = c - h
        exp[metric] = cluster_fit(d, groups)
    hit_c = (pred_c == y).astype(float)
    hit_h = (pred_h == y).astype(float)
    d = hit_c - hit_h
    assert abs(d.mean() - (skm.accuracy_score(y, pred_c) - skm.accuracy_score(y, pred_h))) < 1e-12
    exp["accuracy"] = cluster_fit(d, groups)
    pos = y == 1
    d = (pred_c[pos] - pred_h[pos]).astype(float)
    assert abs(d.mean() - (skm.recall_score(y, pred_c) - skm.recall_score(y, pred_h))) < 1e-12
    exp["recall"] = cluster_fit(d, groups[pos])
    a1, a2, theta, se = obuchowski_delta(y, p_cand, p_champ, groups)
    t = scipy.stats.t.ppf(0.975, len(np.unique(groups)) - 1)
    exp["roc_auc"] = {"candidate": a1, "champion": a2, "delta": theta, "se": se, "low": theta - t * se, "high": theta + t * se}
    if singletons:
        assert abs(se - delong_delta_se(y, p_cand, p_champ)) < 1e-12 * se, "Obuchowski with singletons must be DeLong"
    interval, widened, sd = cluster_bootstrap_accuracy(y, pred_c, pred_h, groups, 20000, seed + 1)
    exp["accuracy_cluster_bootstrap"] = {"resamples": 20000, "percentile": interval, "low": widened[0], "high": widened[1], "sd": sd}
    out["expected"] = exp
    return out


def regression_case(name: str, seed: int, n_clusters: int):
    rng = np.random.default_rng(seed)
    size = rng.integers(3, 25, n_clusters)
    groups = np.repeat(np.arange(n_clusters), size)
    n = len(groups)
    u = rng.normal(0, 1.0, n_clusters)[groups]
    y = 10 + 2 * u + rng.normal(0, 1, n)
    ec = 0.8 * u + rng.normal(0, 1.0, n)
    eh = 0.8 * u + rng.normal(0, 1.1, n)
    cand, champ = y + ec, y + eh
    out = {"name": name, "n": n, "target": y.tolist(), "cluster": [f"g{k}" for k in groups],
           "candidate_value": cand.tolist(), "champion_value": champ.tolist(), "clusters": int(n_clusters)}
    exp = {}
    sc, sh = (cand - y) ** 2, (champ - y) ** 2
    for metric, c, h in (("mae", np.abs(cand - y), np.abs(champ - y)), ("mse", sc, sh)):
        exp[metric] = cluster_fit(c - h, groups)
    a, b = sc.mean(), sh.mean()
    assert abs(a - skm.mean_squared_error(y, cand)) < 1e-9
    infl = (sc - a) / (2 * np.sqrt(a)) - (sh - b) / (2 * np.sqrt(b))
    fit = cluster_fit(infl, groups)
    rmse_delta = float(np.sqrt(a) - np.sqrt(b))
    t = scipy.stats.t.ppf(0.975, fit["df"])
    exp["rmse"] = {"delta": rmse_delta, "se": fit["se"], "low": rmse_delta - t * fit["se"], "high": rmse_delta + t * fit["se"]}
    v = (y - y.mean()) ** 2
    dd = sh - sc
    delta = dd.mean() / v.mean()
    assert abs(delta - (skm.r2_score(y, cand) - skm.r2_score(y, champ))) < 1e-12
    infl = (dd - delta * v) / v.mean()
    fit = cluster_fit(infl, groups)
    t = scipy.stats.t.ppf(0.975, fit["df"])
    exp["r2"] = {"delta": float(delta), "se": fit["se"], "low": delta - t * fit["se"], "high": delta + t * fit["se"]}
    out["expected"] = exp
    return out


def multiclass_case(name: str, seed: int, n_clusters: int):
    rng = np.random.default_rng(seed)
    size = rng.integers(2, 30, n_clusters)
    groups = np.repeat(np.arange(n_clusters), size)
    n = len(groups)
    k = 3
    y = rng.integers(0, k, n)
    u = rng.normal(0, 1.0, (n_clusters, 2))[groups]

    def model(strength, effect):
        z = rng.normal(0, 1.0, (n, k))
        z[np.arange(n), y] += strength + effect
        p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        return p

    pc, ph = model(1.2, u[:, 0]), model(1.4, u[:, 1])
    classes = ["ant", "bee", "cat"]
    out = {"name": name, "n": n, "classes": classes, "label": [classes[v] for v in y],
           "cluster": [f"m{g}" for g in groups], "candidate_proba": pc.tolist(), "champion_proba": ph.tolist(),
           "clusters": int(n_clusters)}
    d = (pc.argmax(axis=1) == y).astype(float) - (ph.argmax(axis=1) == y).astype(float)
    assert abs(d.mean() - (skm.accuracy_score(y, pc.argmax(axis=1)) - skm.accuracy_score(y, ph.argmax(axis=1)))) < 1e-12
    lc = -np.log(pc[np.arange(n), y])
    lh = -np.log(ph[np.arange(n), y])
    assert abs(lc.mean() - skm.log_loss(y, pc, labels=[0, 1, 2])) < 1e-12
    out["expected"] = {"accuracy": cluster_fit(d, groups), "log_loss": cluster_fit(lc - lh, groups)}
    return out


def main(outdir: str) -> None:
    cases = [
        binary_case("binary_clustered_60x", 101, 60, (2, 30), 1.0),
        binary_case("binary_clustered_uneven", 202, 25, (1, 60), 1.5),
        binary_case("binary_singletons", 303, 300, (1, 1), 0.0, singletons=True),
    ]
    fixture = {
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "statsmodels": statsmodels.__version__},
        "binary": cases,
        "regression": [regression_case("regression_clustered", 404, 40)],
        "multiclass": [multiclass_case("multiclass_clustered", 505, 45)],
    }
    with open(os.path.join(outdir, "cluster.json"), "w") as f:
        json.dump(fixture, f, allow_nan=False, separators=(",", ":"))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: cluster.py OUTDIR")
    main(sys.argv[1])
