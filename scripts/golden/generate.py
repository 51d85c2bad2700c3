#!/usr/bin/env python3
"""Golden-fixture generator for model-gate's statistics (run by hand via scripts/golden/generate.sh).

The numbers written here come from reference implementations (scikit-learn, scipy, statsmodels, numpy, and
pROC through delong.R), never from model-gate itself. CI only reads the committed JSON fixtures.

Two phases, orchestrated by generate.sh:

  generate.py prepare WORKDIR        build the datasets (fixed numpy seeds) and write WORKDIR/cases.json,
                                     the input of delong.R
  Rscript delong.R WORKDIR           pROC DeLong results -> WORKDIR/delong.json (+ the aSAH example)
  generate.py finish WORKDIR OUTDIR  scikit-learn metrics, paired normal intervals, numpy row bootstrap, merge
                                     the pROC results, write OUTDIR/*.json

Floats are written with Python's json (shortest repr that round-trips), i.e. at full precision; nothing is
rounded.
"""
from __future__ import annotations

import json
import math
import os
import platform
import subprocess
import sys
import warnings

import numpy as np
import scipy
import scipy.stats
import sklearn
import sklearn.metrics as skm
import statsmodels
from statsmodels.stats.weightstats import DescrStatsW

import tasks  # scripts/golden/tasks.py: pr_auc/ece/net_benefit, score-metric bootstrap, multiclass, regression

THRESHOLD = 0.5
CONFIDENCE_LEVELS = [0.95, 0.90]

# Row bootstrap (the reference for the engine's cells bootstrap).
BOOT_RESAMPLES = 20000
BOOT_CHUNK = 500
# The number of resamples the golden test asks the engine for; the Monte Carlo acceptance bands below are
# computed for this value (a larger engine B only makes the bands more conservative).
ENGINE_RESAMPLES_ASSUMED = 10000
# Width of the acceptance band in standard deviations of the difference of the two empirical CDFs at the
# percentile (see band_for() and the comment in __tests__/golden/bootstrap.test.ts).
BAND_Z = 4.0
BOOT_METRICS = ["accuracy", "precision", "recall", "f1", "mcc"]
BOOT_SKLEARN_CHECKS = 100  # resamples per case whose vectorised metrics are re-checked with scikit-learn

BINARY_METRICS = [
    "accuracy", "precision", "recall", "specificity", "fpr", "fnr", "f1", "balanced_accuracy", "mcc",
    "selection_rate", "roc_auc", "log_loss", "brier", "pr_auc", "ece", "net_benefit",
]


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


# ----------------------------------------------------------------------------------------------------------
# Datasets. Every case is built from its own numpy Generator with a fixed seed.
# Scores are probabilities strictly inside (0, 1) (log_loss is therefore never clipped).
# ----------------------------------------------------------------------------------------------------------

def correlated_scores(rng: np.random.Generator, y: np.ndarray, sep_champ: float, sep_cand: float,
                      intercept: float, rho_noise: float = 0.7) -> tuple[np.ndarray, np.ndarray]:
    """Two score vectors from a shared latent noise (paired models are correlated) plus own noise."""
    n = y.size
    shared = rng.standard_normal(n)
    own_ch = rng.standard_normal(n)
    own_ca = rng.standard_normal(n)
    s = 2.0 * y - 1.0
    noise_ch = rho_noise * shared + math.sqrt(1 - rho_noise ** 2) * own_ch
    noise_ca = rho_noise * shared + math.sqrt(1 - rho_noise ** 2) * own_ca
    champ = sigmoid(intercept + sep_champ * s + 1.2 * noise_ch)
    cand = sigmoid(intercept + sep_cand * s + 1.2 * noise_ca)
    return cand, champ


def labels_exact(rng: np.random.Generator, n: int, n_pos: int) -> np.ndarray:
    y = np.zeros(n, dtype=np.int64)
    y[:n_pos] = 1
    rng.shuffle(y)
    return y


def build_cases() -> list[dict]:
    cases = []

    # 1. n=500, balanced, correlated scores, candidate slightly better.
    rng = np.random.default_rng(500_001)
    y = labels_exact(rng, 500, 250)
    cand, champ = correlated_scores(rng, y, sep_champ=0.80, sep_cand=0.95, intercept=0.0)
    cases.append(dict(name="balanced_500", seed=500_001,
                      description="n=500, 50 % positives, correlated scores (shared latent noise), "
                                  "candidate slightly better", label=y, candidate=cand, champion=champ))

    # 2. n=2000, 5 % positives.
    rng = np.random.default_rng(2000_005)
    y = labels_exact(rng, 2000, 100)
    cand, champ = correlated_scores(rng, y, sep_champ=1.30, sep_cand=1.45, intercept=-2.2)
    cases.append(dict(name="imbalanced_2000", seed=2000_005,
                      description="n=2000, 5 % positives (100), correlated scores, candidate slightly better",
                      label=y, candidate=cand, champion=champ))

    # 3. Many ties: scores rounded to one decimal (and kept in [0.1, 0.9]); 0.5 occurs, so the `>=` of the
    #    threshold matters, and both AUCs have tied positive/negative pairs.
    rng = np.random.default_rng(1000_010)
    y = labels_exact(rng, 1000, 400)
    cand, champ = correlated_scores(rng, y, sep_champ=0.70, sep_cand=0.80, intercept=-0.2)
    cand = np.clip(np.round(cand, 1), 0.1, 0.9)
    champ = np.clip(np.round(champ, 1), 0.1, 0.9)
    cases.append(dict(name="ties_1000", seed=1000_010,
                      description="n=1000, 40 % positives, scores rounded to 1 decimal and clipped to "
                                  "[0.1, 0.9] (many ties, scores exactly 0.5 present)",
                      label=y, candidate=cand, champion=champ))

    # 4. Small sample, candidate WORSE than champion (sign errors show up).
    rng = np.random.default_rng(60_024)
    y = labels_exact(rng, 60, 24)
    cand, champ = correlated_scores(rng, y, sep_champ=1.0, sep_cand=0.75, intercept=-0.1)
    cases.append(dict(name="small_60", seed=60_024,
                      description="n=60, 24 positives, candidate worse than champion",
                      label=y, candidate=cand, champion=champ))

    # 5. Degenerate: the candidate never reaches the threshold -> no predicted positives, so its precision is
    #    0/0 (zero_division -> 0), f1 and mcc are 0 and selection_rate is 0. Its scores still rank.
    rng = np.random.default_rng(300_003)
    y = labels_exact(rng, 300, 90)
    cand, champ = correlated_scores(rng, y, sep_champ=1.0, sep_cand=1.0, intercept=-0.3)
    cand = 0.45 * cand  # all < 0.45 < threshold
    cases.append(dict(name="degenerate_no_positive_predictions_300", seed=300_003,
                      description="n=300, 90 positives; candidate scores all < 0.45 so it predicts no "
                                  "positives (precision/f1/mcc zero_division)",
                      label=y, candidate=cand, champion=champ))

    for c in cases:
        assert np.all((c["candidate"] > 0) & (c["candidate"] < 1)), c["name"]
        assert np.all((c["champion"] > 0) & (c["champion"] < 1)), c["name"]
        assert set(np.unique(c["label"]).tolist()) == {0, 1}, c["name"]

    # 6. Extreme probabilities (docs/predictions.md allows 0 <= score <= 1 for log_loss): exact 0 and 1, values closer to
    #    0/1 than float64 eps, and confident mistakes, so scikit-learn's clipping of log_loss to [eps, 1 - eps]
    #    (eps = np.finfo(float64).eps) decides the values. The only case whose scores are not inside (0, 1).
    rng = np.random.default_rng(200_080)
    y = labels_exact(rng, 200, 80)
    cand, champ = correlated_scores(rng, y, sep_champ=1.6, sep_cand=1.8, intercept=0.0)
    extremes = np.array([0.0, 1.0, 1e-300, 1e-20, 1e-16, 2.220446049250313e-16, 1e-12, 1 - 1e-16, 1 - 1e-12,
                         1 - 2.220446049250313e-16])
    k = extremes.size
    pos = np.flatnonzero(y == 1)[:k]
    neg = np.flatnonzero(y == 0)[:k]
    cand[pos] = extremes              # positives: the tiny ones are confident mistakes
    cand[neg] = extremes[::-1]        # negatives: the near-1 ones are confident mistakes
    champ[pos[:4]] = 1.0              # champion: confidently right on some rows
    champ[neg[:4]] = 0.0
    cases.append(dict(name="extreme_probabilities_200", seed=200_080,
                      description="n=200, 80 positives; scores include exact 0 and 1, values within float64 eps "
                                  "of 0/1 and confident mistakes (log_loss clipping to [eps, 1-eps] as "
                                  "scikit-learn)", label=y, candidate=cand, champion=champ))
    for c in cases[-1:]:
        assert np.all((c["candidate"] >= 0) & (c["candidate"] <= 1)) and np.any(c["candidate"] == 0)
    return cases


# ----------------------------------------------------------------------------------------------------------
# scikit-learn metrics
# ----------------------------------------------------------------------------------------------------------

def sklearn_metrics(y: np.ndarray, score: np.ndarray) -> tuple[dict, dict]:
    pred = (score >= THRESHOLD).astype(np.int64)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # UndefinedMetricWarning: zero_division defaults apply (-> 0)
        tn, fp, fn, tp = (int(v) for v in skm.confusion_matrix(y, pred, labels=[0, 1]).ravel())
        recall = skm.recall_score(y, pred)
        specificity = skm.recall_score(y, pred, pos_label=0)
        m = {
            "accuracy": skm.accuracy_score(y, pred),
            "precision": skm.precision_score(y, pred),
            "recall": recall,
            "specificity": specificity,
            # scikit-learn has no fpr/fnr scorer: from its confusion_matrix, zero_division -> 0
            "fpr": fp / (fp + tn) if fp + tn > 0 else 0.0,
            "fnr": fn / (fn + tp) if fn + tp > 0 else 0.0,
            "f1": skm.f1_score(y, pred),
            "balanced_accuracy": skm.balanced_accuracy_score(y, pred),
            "mcc": skm.matthews_corrcoef(y, pred),
            # selection rate = share of predicted positives (fairlearn's definition)
            "selection_rate": (tp + fp) / y.size,
            "roc_auc": skm.roc_auc_score(y, score),
            "log_loss": skm.log_loss(y, score),
            "brier": skm.brier_score_loss(y, score),
        }
    m.update(tasks.binary_extra_metrics(y, score, THRESHOLD))  # average_precision_score, ece as docs/statistics.md defines it, net_benefit
    # consistency of the derived ones with scikit-learn's own
    assert abs(m["fpr"] - (1 - specificity)) < 1e-12 and abs(m["fnr"] - (1 - recall)) < 1e-12
    return {k: float(m[k]) for k in BINARY_METRICS}, {"tp": tp, "fp": fp, "tn": tn, "fn": fn}


def per_row_losses(y: np.ndarray, p: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per-row log loss and squared error; their means must equal scikit-learn's log_loss and brier.
    log loss clips p to [eps, 1 - eps] with eps = float64 machine epsilon, as scikit-learn's eps="auto"."""
    eps = np.finfo(np.float64).eps
    pc = np.clip(p, eps, 1 - eps)
    ll = -(y * np.log(pc) + (1 - y) * np.log(1 - pc))
    br = (y - p) ** 2
    assert abs(ll.mean() - skm.log_loss(y, p)) < 1e-12
    assert abs(br.mean() - skm.brier_score_loss(y, p)) < 1e-15
    return ll, br


def paired_normal(loss_cand: np.ndarray, loss_champ: np.ndarray) -> list[dict]:
    d = loss_cand - loss_champ
    n = d.size
    out = []
    for cl in CONFIDENCE_LEVELS:
        z = float(scipy.stats.norm.ppf(0.5 + cl / 2))
        mean = float(np.mean(d))
        se = float(np.std(d, ddof=1) / math.sqrt(n))
        low, high = mean - z * se, mean + z * se
        # cross-check with statsmodels' z interval of a mean
        sm_low, sm_high = DescrStatsW(d).zconfint_mean(alpha=1 - cl)
        assert abs(sm_low - low) < 1e-12 and abs(sm_high - high) < 1e-12, (sm_low, low, sm_high, high)
        out.append({"confidence_level": cl, "candidate": float(np.mean(loss_cand)),
                    "champion": float(np.mean(loss_champ)), "delta": mean, "se": se, "z": z,
                    "low": float(low), "high": float(high)})
    return out


# ----------------------------------------------------------------------------------------------------------
# numpy row bootstrap
# ----------------------------------------------------------------------------------------------------------

def vec_metrics(tp, fp, tn, fn) -> dict:
    """Confusion-matrix metrics for arrays of counts with scikit-learn's zero_division=0 semantics.
    Re-checked against scikit-learn on BOOT_SKLEARN_CHECKS resamples per case (see row_bootstrap)."""
    tp, fp, tn, fn = (np.asarray(a, dtype=np.float64) for a in (tp, fp, tn, fn))
    n = tp + fp + tn + fn
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(tp + fp > 0, tp / (tp + fp), 0.0)
        recall = np.where(tp + fn > 0, tp / (tp + fn), 0.0)
        f1 = np.where(2 * tp + fp + fn > 0, 2 * tp / (2 * tp + fp + fn), 0.0)
        den = np.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
        mcc = np.where(den > 0, (tp * tn - fp * fn) / den, 0.0)
    return {"accuracy": (tp + tn) / n, "precision": precision, "recall": recall, "f1": f1, "mcc": mcc}


def sk_boot_metric(name: str, y, pred) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float({"accuracy": skm.accuracy_score, "precision": skm.precision_score,
                      "recall": skm.recall_score, "f1": skm.f1_score,
                      "mcc": skm.matthews_corrcoef}[name](y, pred))


def band_for(sorted_delta: np.ndarray, p: float) -> list[float]:
    """Monte Carlo acceptance band for the engine's p-percentile.

    Both the reference (B_ref rows resamples) and the engine (B_eng cell-count resamples, another PRNG) estimate
    the p-quantile of the same bootstrap distribution F (resampling rows and resampling the joint cell counts
    from Multinomial(n, cells/n) are the same distribution). An empirical p-quantile from B draws sits where the
    empirical CDF crosses p, and the empirical CDF at a point has sd sqrt(p(1-p)/B). So F_ref(engine bound)
    differs from p by a quantity with sd s = sqrt(p(1-p) (1/B_ref + 1/B_eng)). The band is the reference
    quantile range [q_ref(p - z s), q_ref(p + z s)] with z = BAND_Z. Unlike a "± k·se" rule based on a density
    estimate, this stays valid when F is discrete (lattice-valued Δ for small n, atoms at 0) or skewed.
    For a normal F and B_ref=20000, B_eng=10000, z=4 the half-width is about 0.13·sd(Δ*).
    """
    s = math.sqrt(p * (1 - p) * (1 / BOOT_RESAMPLES + 1 / ENGINE_RESAMPLES_ASSUMED))
    lo_p, hi_p = max(0.0, p - BAND_Z * s), min(1.0, p + BAND_Z * s)
    lo, hi = np.quantile(sorted_delta, [lo_p, hi_p])
    return [float(lo), float(hi)]


def row_bootstrap(case: dict, seed: int) -> dict:
    y = case["label"]
    pc = (case["candidate"] >= THRESHOLD).astype(np.int64)
    ph = (case["champion"] >= THRESHOLD).astype(np.int64)
    n = y.size
    rng = np.random.default_rng(seed)
    deltas = {m: np.empty(BOOT_RESAMPLES) for m in BOOT_METRICS}
    checked = 0
    for start in range(0, BOOT_RESAMPLES, BOOT_CHUNK):
        b = min(BOOT_CHUNK, BOOT_RESAMPLES - start)
        idx = rng.integers(0, n, size=(b, n))  # rows drawn with replacement
        yy, cc, hh = y[idx], pc[idx], ph[idx]
        cand = vec_metrics(((yy == 1) & (cc == 1)).sum(1), ((yy == 0) & (cc == 1)).sum(1),
                           ((yy == 0) & (cc == 0)).sum(1), ((yy == 1) & (cc == 0)).sum(1))
        champ = vec_metrics(((yy == 1) & (hh == 1)).sum(1), ((yy == 0) & (hh == 1)).sum(1),
                            ((yy == 0) & (hh == 0)).sum(1), ((yy == 1) & (hh == 0)).sum(1))
        for m in BOOT_METRICS:
            deltas[m][start:start + b] = cand[m] - champ[m]
        # re-check the vectorised metric formulas against scikit-learn on the first resamples
        for i in range(min(b, BOOT_SKLEARN_CHECKS - checked)):
            for m in BOOT_METRICS:
                ref = sk_boot_metric(m, yy[i], cc[i]) - sk_boot_metric(m, yy[i], hh[i])
                assert abs(ref - deltas[m][start + i]) < 1e-12, (case["name"], m, ref, deltas[m][start + i])
            checked += 1
    res = {}
    for m in BOOT_METRICS:
        d = deltas[m]
        sd = float(np.std(d, ddof=1))
        ds = np.sort(d)
        intervals = []
        for cl in CONFIDENCE_LEVELS:
            a = (1 - cl) / 2
            low, high = np.percentile(d, [100 * a, 100 * (1 - a)])  # numpy default: method="linear"
            intervals.append({"confidence_level": cl, "low": float(low), "high": float(high),
                              "low_band": band_for(ds, a), "high_band": band_for(ds, 1 - a)})
        res[m] = {"bootstrap_mean": float(np.mean(d)), "bootstrap_sd": sd, "intervals": intervals}
    return {"method": "row bootstrap (numpy Generator PCG64, rows drawn with replacement, "
                      "np.percentile linear)",
            "seed": seed, "resamples": BOOT_RESAMPLES, "threshold": THRESHOLD,
            "engine_resamples_assumed": ENGINE_RESAMPLES_ASSUMED, "band_z": BAND_Z,
            "sklearn_checked_resamples": checked, "metrics": res}


BOOT_SEEDS = {"balanced_500": 7_500, "imbalanced_2000": 7_2000, "small_60": 7_60,
              "degenerate_no_positive_predictions_300": 7_300}
# Row bootstrap of the score metrics (roc_auc, pr_auc, ece, log_loss, brier): tasks.binary_score_bootstrap.
SCORE_BOOT_SEEDS = {"balanced_500": 8_500, "imbalanced_2000": 8_2000, "ties_1000": 8_1000, "small_60": 8_60}


# ----------------------------------------------------------------------------------------------------------

def deb_version(pkg: str) -> str | None:
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True, text=True,
                              check=True).stdout.strip() or None
    except Exception:  # noqa: BLE001 - not Debian: leave it out
        return None


def prepare(workdir: str) -> None:
    os.makedirs(workdir, exist_ok=True)
    out = [{"name": c["name"], "label": c["label"].tolist(), "candidate_score": c["candidate"].tolist(),
            "champion_score": c["champion"].tolist()} for c in build_cases()]
    with open(os.path.join(workdir, "cases.json"), "w") as f:
        json.dump(out, f)


def dump(path: str, obj) -> None:
    with open(path, "w") as f:
        json.dump(obj, f, allow_nan=False, separators=(",", ":"))
        f.write("\n")


def finish(workdir: str, outdir: str) -> None:
    with open(os.path.join(workdir, "delong.json")) as f:
        rres = json.load(f)
    versions = {
        "python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__,
        "scikit-learn": sklearn.__version__, "statsmodels": statsmodels.__version__,
        "R": rres["versions"]["R"], "pROC": rres["versions"]["pROC"], "jsonlite": rres["versions"]["jsonlite"],
        "debian_packages": {p: deb_version(p) for p in
                            ["python3-numpy", "python3-sklearn", "python3-scipy", "python3-statsmodels",
                             "r-base-core", "r-cran-proc", "r-cran-jsonlite"]},
    }
    meta = {"generator": "scripts/golden/generate.sh (generate.py + delong.R)", "versions": versions}
    os.makedirs(outdir, exist_ok=True)
    manifest = {"meta": meta, "fixtures": []}

    for case in build_cases():
        name = case["name"]
        y, cand, champ = case["label"], case["candidate"], case["champion"]
        rc = rres["cases"][name]
        # the scores delong.R used must be exactly ours (JSON round trip through jsonlite and %.17g)
        assert rc["candidate_score_echo"] == cand.tolist() and rc["champion_score_echo"] == champ.tolist(), name
        assert rc["label_echo"] == y.tolist(), name
        m_cand, conf_cand = sklearn_metrics(y, cand)
        m_champ, conf_champ = sklearn_metrics(y, champ)
        for lvl in rc["delong"]:  # pROC vs scikit-learn AUC
            assert abs(lvl["auc1"] - m_cand["roc_auc"]) < 1e-12 and abs(lvl["auc2"] - m_champ["roc_auc"]) < 1e-12
        pc = (cand >= THRESHOLD).astype(np.int64)
        ph = (champ >= THRESHOLD).astype(np.int64)
        cells = np.bincount(y * 4 + ph * 2 + pc, minlength=8)
        ll_c, br_c = per_row_losses(y, cand)
        ll_h, br_h = per_row_losses(y, champ)
        fx = {
            "meta": meta,
            "case": name,
            "description": case["description"],
            "data_seed": case["seed"],
            "n": int(y.size),
            "n_positive": int(y.sum()),
            "threshold": THRESHOLD,
            "prediction_rule": "prediction = score >= threshold",
            "label": y.tolist(),
            "candidate_score": cand.tolist(),
            "champion_score": champ.tolist(),
            "candidate_prediction": pc.tolist(),
            "champion_prediction": ph.tolist(),
            "paired_cells": {"index": "label*4 + champion_prediction*2 + candidate_prediction",
                             "counts": [int(v) for v in cells]},
            "confusion": {"candidate": conf_cand, "champion": conf_champ},
            "metrics_source": "scikit-learn (zero_division defaults -> 0); specificity = recall_score(pos_label=0);"
                              " fpr/fnr from confusion_matrix; selection_rate = (tp+fp)/n",
            "metrics": {"candidate": m_cand, "champion": m_champ},
            "delong": {"source": "pROC roc.test(paired=TRUE, method='delong'); roc(direction='<', levels=c(0,1));"
                                 " delta = auc1 - auc2 = candidate - champion; se from pROC var()/cov()",
                       "direction": "<", "intervals": rc["delong"]},
            "paired_normal": {"source": "mean of d = loss_cand - loss_champ, se = std(d, ddof=1)/sqrt(n), "
                                        "z = scipy.stats.norm.ppf(0.5 + level/2); checked vs statsmodels "
                                        "DescrStatsW.zconfint_mean",
                              "log_loss": paired_normal(ll_c, ll_h), "brier": paired_normal(br_c, br_h)},
            "row_bootstrap": row_bootstrap(case, BOOT_SEEDS[name]) if name in BOOT_SEEDS else None,
            "net_benefit_values": tasks.NET_BENEFIT,
            "score_bootstrap": (tasks.binary_score_bootstrap(y, cand, champ, SCORE_BOOT_SEEDS[name])
                                if name in SCORE_BOOT_SEEDS else None),
        }
        fname = f"binary_{name}.json"
        dump(os.path.join(outdir, fname), fx)
        manifest["fixtures"].append({"file": fname, "kind": "binary_case", "case": name, "n": int(y.size)})

    # pROC's documentation example (aSAH)
    a = rres["aSAH"]
    y = np.asarray(a["label"], dtype=np.int64)
    s100b = np.asarray(a["s100b"], dtype=np.float64)
    wfns = np.asarray(a["wfns"], dtype=np.float64)
    sk_auc = {"s100b": float(skm.roc_auc_score(y, s100b)), "wfns": float(skm.roc_auc_score(y, wfns))}
    for lvl in a["delong"]:
        assert abs(lvl["auc1"] - sk_auc["s100b"]) < 1e-12 and abs(lvl["auc2"] - sk_auc["wfns"]) < 1e-12
    fx = {
        "meta": meta,
        "case": "pROC_aSAH",
        "description": "pROC's documentation example: data(aSAH); roc(aSAH$outcome, aSAH$s100b) vs "
                       "roc(aSAH$outcome, aSAH$wfns), paired DeLong. candidate = s100b, champion = wfns "
                       "(wfns is an ordered factor 1..5, used as numeric as pROC does). label: Poor = 1, Good = 0.",
        "n": int(y.size),
        "n_positive": int(y.sum()),
        "label": y.tolist(),
        "candidate_score": s100b.tolist(),
        "champion_score": wfns.tolist(),
        "candidate_name": "s100b",
        "champion_name": "wfns",
        "sklearn_roc_auc": {"candidate": sk_auc["s100b"], "champion": sk_auc["wfns"]},
        "delong": {"source": a["source"], "direction_chosen_by_pROC": a["direction_auto"],
                   "direction": a["direction"], "intervals": a["delong"]},
    }
    dump(os.path.join(outdir, "pROC_aSAH.json"), fx)
    manifest["fixtures"].append({"file": "pROC_aSAH.json", "kind": "delong_reference", "case": "pROC_aSAH",
                                 "n": int(y.size)})

    for case in tasks.build_multiclass_cases():
        fname = f"multiclass_{case['name']}.json"
        dump(os.path.join(outdir, fname), tasks.multiclass_fixture(case, meta))
        manifest["fixtures"].append({"file": fname, "kind": "multiclass_case", "case": case["name"],
                                     "n": int(case["label"].size)})
    for case in tasks.build_regression_cases():
        fname = f"regression_{case['name']}.json"
        dump(os.path.join(outdir, fname), tasks.regression_fixture(case, meta))
        manifest["fixtures"].append({"file": fname, "kind": "regression_case", "case": case["name"],
                                     "n": int(case["label"].size)})

    with open(os.path.join(outdir, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "prepare":
        prepare(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "finish":
        finish(sys.argv[2], sys.argv[3])
    else:
        sys.exit("usage: generate.py prepare WORKDIR | generate.py finish WORKDIR OUTDIR")
