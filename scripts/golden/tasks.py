"""Golden fixtures beyond the binary confusion/DeLong ones (imported by generate.py; see README.md).

- binary score-metric row bootstrap: numpy row bootstrap of Δ roc_auc, pr_auc, ece, log_loss, brier;
- multiclass cases: scikit-learn accuracy / macro/weighted/micro F1 / macro precision / macro recall / log_loss,
  the joint (label, champion, candidate) cells, the paired normal interval of the per-row log loss, and a numpy
  row bootstrap of Δ;
- regression cases: scikit-learn mae / mse / rmse / mape (on the rows with a non-zero label) / r2, paired normal
  intervals, delta-method intervals for rmse and r2 (gradient·covariance·gradient form), and a numpy row
  bootstrap of Δ.

Every vectorised bootstrap statistic is re-checked against scikit-learn on the first BOOT_SKLEARN_CHECKS
resamples of each case (the generator aborts on a mismatch), so the reference distributions are scikit-learn's.
"""
from __future__ import annotations

import math
import warnings

import numpy as np
import scipy.stats
import sklearn.metrics as skm

CONFIDENCE_LEVELS = [0.95, 0.90]
BOOT_RESAMPLES = 20000
BOOT_CHUNK = 250
ENGINE_RESAMPLES_ASSUMED = 10000
BAND_Z = 4.0
BOOT_SKLEARN_CHECKS = 100
EPS = np.finfo(np.float64).eps

# Value of each outcome for net_benefit (binary fixtures): metric_options.net_benefit.
NET_BENEFIT = {"tp": 3.5, "fp": -1.25, "tn": 0.0, "fn": -8.0}


# ----------------------------------------------------------------------------------------------------------
# shared helpers
# ----------------------------------------------------------------------------------------------------------

def band_for(sorted_delta: np.ndarray, p: float) -> list[float]:
    """Monte Carlo acceptance band for the engine's p-percentile (see generate.py band_for)."""
    s = math.sqrt(p * (1 - p) * (1 / BOOT_RESAMPLES + 1 / ENGINE_RESAMPLES_ASSUMED))
    lo_p, hi_p = max(0.0, p - BAND_Z * s), min(1.0, p + BAND_Z * s)
    lo, hi = np.quantile(sorted_delta, [lo_p, hi_p])
    return [float(lo), float(hi)]


def summarise(deltas: dict) -> dict:
    res = {}
    for m, d in deltas.items():
        d = d[~np.isnan(d)]
        ds = np.sort(d)
        intervals = []
        for cl in CONFIDENCE_LEVELS:
            a = (1 - cl) / 2
            low, high = np.percentile(d, [100 * a, 100 * (1 - a)])
            intervals.append({"confidence_level": cl, "low": float(low), "high": float(high),
                              "low_band": band_for(ds, a), "high_band": band_for(ds, 1 - a)})
        res[m] = {"bootstrap_mean": float(np.mean(d)), "bootstrap_sd": float(np.std(d, ddof=1)),
                  "used": int(d.size), "intervals": intervals}
    return res


def weights_chunk(rng: np.random.Generator, b: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    """b row resamples: the drawn indices (b × n) and the count of each row in each resample (b × n)."""
    idx = rng.integers(0, n, size=(b, n))
    w = np.bincount((np.arange(b)[:, None] * n + idx).ravel(), minlength=b * n).reshape(b, n)
    return idx, w.astype(np.float64)


def boot_meta(seed: int) -> dict:
    return {"method": "row bootstrap (numpy Generator PCG64, rows drawn with replacement, np.percentile linear)",
            "seed": seed, "resamples": BOOT_RESAMPLES, "engine_resamples_assumed": ENGINE_RESAMPLES_ASSUMED,
            "band_z": BAND_Z, "sklearn_checked_resamples": BOOT_SKLEARN_CHECKS}


def paired_normal(loss_cand: np.ndarray, loss_champ: np.ndarray) -> list[dict]:
    d = loss_cand - loss_champ
    n = d.size
    out = []
    for cl in CONFIDENCE_LEVELS:
        z = float(scipy.stats.norm.ppf(0.5 + cl / 2))
        mean = float(np.mean(d))
        se = float(np.std(d, ddof=1) / math.sqrt(n))
        out.append({"confidence_level": cl, "candidate": float(np.mean(loss_cand)),
                    "champion": float(np.mean(loss_champ)), "delta": mean, "se": se, "z": z,
                    "low": mean - z * se, "high": mean + z * se})
    return out


def normal_levels(candidate: float, champion: float, delta: float, se: float) -> list[dict]:
    out = []
    for cl in CONFIDENCE_LEVELS:
        z = float(scipy.stats.norm.ppf(0.5 + cl / 2))
        out.append({"confidence_level": cl, "candidate": candidate, "champion": champion, "delta": delta,
                    "se": se, "z": z, "low": delta - z * se, "high": delta + z * se})
    return out


# ----------------------------------------------------------------------------------------------------------
# binary: extra metrics and the score-metric bootstrap
# ----------------------------------------------------------------------------------------------------------

def ece_reference(y: np.ndarray, s: np.ndarray) -> float:
    """docs/statistics.md: 10 equal-width bins, bin = min(floor(score*10), 9), ECE = sum_b (n_b/n)|mean(y)_b - mean(s)_b|."""
    bins = np.minimum(np.floor(s * 10), 9).astype(np.int64)
    total = 0.0
    for b in range(10):
        m = bins == b
        if m.any():
            total += m.sum() / y.size * abs(y[m].mean() - s[m].mean())
    return float(total)


def binary_extra_metrics(y: np.ndarray, score: np.ndarray, threshold: float) -> dict:
    pred = (score >= threshold).astype(np.int64)
    tn, fp, fn, tp = (int(v) for v in skm.confusion_matrix(y, pred, labels=[0, 1]).ravel())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ap = float(skm.average_precision_score(y, score))
    nb = NET_BENEFIT
    return {"pr_auc": ap, "ece": ece_reference(y, score),
            "net_benefit": float(tp * nb["tp"] + fp * nb["fp"] + tn * nb["tn"] + fn * nb["fn"])}


def _groups(score: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    order = np.argsort(score, kind="mergesort")
    s = score[order]
    starts = np.flatnonzero(np.r_[True, s[1:] != s[:-1]])
    return order, starts


def _weighted_rank_metrics(w: np.ndarray, y: np.ndarray, order: np.ndarray, starts: np.ndarray):
    ws = w[:, order]
    ys = y[order]
    gp = np.add.reduceat(ws * ys, starts, axis=1)
    gn = np.add.reduceat(ws * (1 - ys), starts, axis=1)
    pos = gp.sum(1)
    neg = gn.sum(1)
    neg_below = np.cumsum(gn, axis=1) - gn
    with np.errstate(divide="ignore", invalid="ignore"):
        auc = (gp * (2 * neg_below + gn)).sum(1) / (2 * pos * neg)
        gp_r, gn_r = gp[:, ::-1], gn[:, ::-1]
        tp, fp = np.cumsum(gp_r, axis=1), np.cumsum(gn_r, axis=1)
        prec = np.where(gp_r > 0, tp / np.where(tp + fp > 0, tp + fp, 1), 0.0)
        ap = (gp_r * prec).sum(1) / pos
    auc[(pos == 0) | (neg == 0)] = np.nan
    ap[pos == 0] = np.nan
    return auc, ap


def _weighted_ece(w: np.ndarray, y: np.ndarray, s: np.ndarray) -> np.ndarray:
    bins = np.minimum(np.floor(s * 10), 9).astype(np.int64)
    onehot = np.zeros((y.size, 10))
    onehot[np.arange(y.size), bins] = y - s
    return np.abs(w @ onehot).sum(1) / w.sum(1)


def _row_losses(y: np.ndarray, p: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    pc = np.clip(p, EPS, 1 - EPS)
    return -(y * np.log(pc) + (1 - y) * np.log(1 - pc)), (y - p) ** 2


SCORE_BOOT_METRICS = ["roc_auc", "pr_auc", "ece", "log_loss", "brier"]


def binary_score_bootstrap(y: np.ndarray, cand: np.ndarray, champ: np.ndarray, seed: int) -> dict:
    n = y.size
    rng = np.random.default_rng(seed)
    oc, sc = _groups(cand)
    oh, sh = _groups(champ)
    ll_c, br_c = _row_losses(y, cand)
    ll_h, br_h = _row_losses(y, champ)
    deltas = {m: np.empty(BOOT_RESAMPLES) for m in SCORE_BOOT_METRICS}
    checked = 0
    for start in range(0, BOOT_RESAMPLES, BOOT_CHUNK):
        b = min(BOOT_CHUNK, BOOT_RESAMPLES - start)
        idx, w = weights_chunk(rng, b, n)
        auc_c, ap_c = _weighted_rank_metrics(w, y, oc, sc)
        auc_h, ap_h = _weighted_rank_metrics(w, y, oh, sh)
        sl = slice(start, start + b)
        deltas["roc_auc"][sl] = auc_c - auc_h
        deltas["pr_auc"][sl] = ap_c - ap_h
        deltas["ece"][sl] = _weighted_ece(w, y, cand) - _weighted_ece(w, y, champ)
        deltas["log_loss"][sl] = w @ (ll_c - ll_h) / n
        deltas["brier"][sl] = w @ (br_c - br_h) / n
        for i in range(min(b, BOOT_SKLEARN_CHECKS - checked)):
            yy, cc, hh = y[idx[i]], cand[idx[i]], champ[idx[i]]
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ref = {
                    "roc_auc": skm.roc_auc_score(yy, cc) - skm.roc_auc_score(yy, hh),
                    "pr_auc": skm.average_precision_score(yy, cc) - skm.average_precision_score(yy, hh),
                    "ece": ece_reference(yy, cc) - ece_reference(yy, hh),
                    "log_loss": skm.log_loss(yy, cc, labels=[0, 1]) - skm.log_loss(yy, hh, labels=[0, 1]),
                    "brier": skm.brier_score_loss(yy, cc) - skm.brier_score_loss(yy, hh),
                }
            for m in SCORE_BOOT_METRICS:
                assert abs(ref[m] - deltas[m][start + i]) < 1e-9, (m, ref[m], deltas[m][start + i])
            checked += 1
    return {**boot_meta(seed), "metrics": summarise(deltas)}


# ----------------------------------------------------------------------------------------------------------
# multiclass
# ----------------------------------------------------------------------------------------------------------

MC_METRICS = ["accuracy", "macro_f1", "weighted_f1", "micro_f1", "macro_precision", "macro_recall", "log_loss"]
MC_BOOT_METRICS = ["accuracy", "macro_f1", "weighted_f1", "macro_precision", "macro_recall", "log_loss"]


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(1, keepdims=True)


def build_multiclass_cases() -> list[dict]:
    cases = []

    # 1. K = 3 string classes, n = 600, correlated models, candidate slightly better.
    rng = np.random.default_rng(3_600)
    classes = ["cat", "dog", "eel"]
    n, k = 600, 3
    y = rng.choice(k, size=n, p=[0.5, 0.3, 0.2])
    shared = rng.standard_normal((n, k))
    onehot = np.eye(k)[y]
    cand = softmax(1.6 * onehot + 0.8 * shared + 0.6 * rng.standard_normal((n, k)))
    champ = softmax(1.3 * onehot + 0.8 * shared + 0.6 * rng.standard_normal((n, k)))
    cases.append(dict(name="strings_600", seed=3_600, classes=classes,
                      description="K=3 string classes (cat/dog/eel), n=600, 50/30/20 %, correlated models, "
                                  "candidate slightly better; prediction = argmax of the probabilities",
                      label=y, candidate_proba=cand, champion_proba=champ,
                      candidate_pred=cand.argmax(1), champion_pred=champ.argmax(1)))

    # 2. K = 5 numeric-text classes, n = 400: class "4" never a label (probability column only, and the candidate
    #    predicts it a few times: sklearn's unique_labels then includes it for the candidate only); the champion
    #    never predicts class "3"; some probability rows have exact 0/1 and do not sum to 1 (log_loss clips and
    #    renormalises).
    rng = np.random.default_rng(5_400)
    classes = ["0", "1", "2", "3", "4"]
    n, k = 400, 5
    y = rng.choice(4, size=n, p=[0.55, 0.25, 0.15, 0.05])
    onehot = np.eye(k)[y]
    shared = rng.standard_normal((n, k))
    cand = softmax(1.5 * onehot + 0.7 * shared + 0.7 * rng.standard_normal((n, k)))
    champ = softmax(1.5 * onehot + 0.7 * shared + 0.7 * rng.standard_normal((n, k)))
    cand_pred = cand.argmax(1)
    champ_pred = champ.argmax(1)
    champ_pred[champ_pred == 3] = 0
    cand_pred[:7] = 4
    cand[10] = [1.0, 0.0, 0.0, 0.0, 0.0]
    cand[11] = [0.0, 0.0, 0.0, 0.0, 1.0]
    champ[12] = [0.2, 0.2, 0.2, 0.2, 0.1]     # sums to 0.9
    champ[13] = [0.5, 0.5, 0.5, 0.0, 0.0]     # sums to 1.5
    cases.append(dict(name="imbalanced_absent_400", seed=5_400, classes=classes,
                      description="K=5 classes named 0..4, n=400; class 4 never a label (the candidate predicts it "
                                  "7 times), the champion never predicts 3, probability rows with exact 0/1 and "
                                  "rows not summing to 1",
                      label=y, candidate_proba=cand, champion_proba=champ,
                      candidate_pred=cand_pred, champion_pred=champ_pred))

    # 3. K = 4, n = 50, candidate worse.
    rng = np.random.default_rng(4_050)
    classes = ["a", "b", "c", "d"]
    n, k = 50, 4
    y = rng.choice(k, size=n)
    onehot = np.eye(k)[y]
    shared = rng.standard_normal((n, k))
    cand = softmax(0.9 * onehot + 0.8 * shared + 0.8 * rng.standard_normal((n, k)))
    champ = softmax(1.4 * onehot + 0.8 * shared + 0.8 * rng.standard_normal((n, k)))
    cases.append(dict(name="small_50", seed=4_050, classes=classes,
                      description="K=4, n=50, candidate worse than champion",
                      label=y, candidate_proba=cand, champion_proba=champ,
                      candidate_pred=cand.argmax(1), champion_pred=champ.argmax(1)))
    return cases


def mc_sklearn(y: np.ndarray, pred: np.ndarray, proba: np.ndarray, k: int) -> dict:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {
            "accuracy": float(skm.accuracy_score(y, pred)),
            "macro_f1": float(skm.f1_score(y, pred, average="macro")),
            "weighted_f1": float(skm.f1_score(y, pred, average="weighted")),
            "micro_f1": float(skm.f1_score(y, pred, average="micro")),
            "macro_precision": float(skm.precision_score(y, pred, average="macro")),
            "macro_recall": float(skm.recall_score(y, pred, average="macro")),
            "log_loss": float(skm.log_loss(y, proba, labels=list(range(k)))),
        }


def mc_row_log_loss(y: np.ndarray, proba: np.ndarray) -> np.ndarray:
    p = np.clip(proba, EPS, 1 - EPS)
    p = p / p.sum(1, keepdims=True)
    return -np.log(p[np.arange(y.size), y])


def _mc_vec(w: np.ndarray, y: np.ndarray, pred: np.ndarray, k: int) -> dict:
    """Per-class counts under row weights (b × n) and the metrics, scikit-learn semantics (zero_division=0)."""
    support = np.stack([w @ (y == c) for c in range(k)], 1)
    predicted = np.stack([w @ (pred == c) for c in range(k)], 1)
    tp = np.stack([w @ ((y == c) & (pred == c)) for c in range(k)], 1)
    present = (support > 0) | (predicted > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        prec = np.where(predicted > 0, tp / predicted, 0.0)
        rec = np.where(support > 0, tp / support, 0.0)
        f1 = np.where(predicted + support > 0, 2 * tp / (predicted + support), 0.0)
    npresent = present.sum(1)
    n = support.sum(1)
    return {
        "accuracy": tp.sum(1) / n,
        "macro_f1": (f1 * present).sum(1) / npresent,
        "weighted_f1": (f1 * support).sum(1) / n,
        "macro_precision": (prec * present).sum(1) / npresent,
        "macro_recall": (rec * present).sum(1) / npresent,
    }


def mc_bootstrap(case: dict, seed: int) -> dict:
    y, k = case["label"], len(case["classes"])
    pc, ph = case["candidate_pred"], case["champion_pred"]
    n = y.size
    ll_d = mc_row_log_loss(y, case["candidate_proba"]) - mc_row_log_loss(y, case["champion_proba"])
    rng = np.random.default_rng(seed)
    deltas = {m: np.empty(BOOT_RESAMPLES) for m in MC_BOOT_METRICS}
    checked = 0
    for start in range(0, BOOT_RESAMPLES, BOOT_CHUNK):
        b = min(BOOT_CHUNK, BOOT_RESAMPLES - start)
        idx, w = weights_chunk(rng, b, n)
        mc, mh = _mc_vec(w, y, pc, k), _mc_vec(w, y, ph, k)
        sl = slice(start, start + b)
        for m in MC_BOOT_METRICS[:-1]:
            deltas[m][sl] = mc[m] - mh[m]
        deltas["log_loss"][sl] = w @ ll_d / n
        for i in range(min(b, BOOT_SKLEARN_CHECKS - checked)):
            yy = y[idx[i]]
            rc = mc_sklearn(yy, pc[idx[i]], case["candidate_proba"][idx[i]], k)
            rh = mc_sklearn(yy, ph[idx[i]], case["champion_proba"][idx[i]], k)
            for m in MC_BOOT_METRICS:
                assert abs((rc[m] - rh[m]) - deltas[m][start + i]) < 1e-9, (case["name"], m)
            checked += 1
    return {**boot_meta(seed), "metrics": summarise(deltas)}


def multiclass_fixture(case: dict, meta: dict) -> dict:
    y, k, classes = case["label"], len(case["classes"]), case["classes"]
    cand_p, champ_p = case["candidate_proba"], case["champion_proba"]
    pc, ph = case["candidate_pred"], case["champion_pred"]
    m_c = mc_sklearn(y, pc, cand_p, k)
    m_h = mc_sklearn(y, ph, champ_p, k)
    # sklearn with the class names as labels must agree with the index form (LabelBinarizer sorts the labels,
    # and the probability columns are in sorted class order)
    assert classes == sorted(classes)
    names = np.asarray(classes)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert abs(skm.f1_score(names[y], names[pc], average="macro") - m_c["macro_f1"]) < 1e-15
        assert abs(skm.log_loss(names[y], cand_p, labels=classes) - m_c["log_loss"]) < 1e-15
    ll_c, ll_h = mc_row_log_loss(y, cand_p), mc_row_log_loss(y, champ_p)
    assert abs(ll_c.mean() - m_c["log_loss"]) < 1e-12 and abs(ll_h.mean() - m_h["log_loss"]) < 1e-12
    key = (y * k + ph) * k + pc
    uniq, counts = np.unique(key, return_counts=True)
    return {
        "meta": meta, "case": case["name"], "description": case["description"], "data_seed": case["seed"],
        "n": int(y.size), "classes": classes,
        "label": names[y].tolist(),
        "candidate_prediction": names[pc].tolist(), "champion_prediction": names[ph].tolist(),
        "candidate_proba": cand_p.tolist(), "champion_proba": champ_p.tolist(),
        "metrics_source": "scikit-learn accuracy_score, f1_score/precision_score/recall_score(average=...), "
                          "zero_division defaults (0); log_loss(labels=classes) (clip to [eps, 1-eps], renormalise)",
        "metrics": {"candidate": m_c, "champion": m_h},
        "joint_cells": {"index": "label*K*K + champion*K + candidate (class indices in `classes` order)",
                        "keys": uniq.tolist(), "counts": counts.tolist()},
        "paired_normal": {"log_loss": paired_normal(ll_c, ll_h)},
        "row_bootstrap": mc_bootstrap(case, case["seed"] + 7),
    }


# ----------------------------------------------------------------------------------------------------------
# regression
# ----------------------------------------------------------------------------------------------------------

REG_METRICS = ["mae", "mse", "rmse", "mape", "r2"]


def build_regression_cases() -> list[dict]:
    cases = []
    rng = np.random.default_rng(7_500)
    n = 500
    y = 10 + 3 * rng.standard_normal(n)
    shared = rng.standard_normal(n)
    cand = y + 0.9 * (0.6 * shared + 0.8 * rng.standard_normal(n))
    champ = y + 1.0 * (0.6 * shared + 0.8 * rng.standard_normal(n))
    cases.append(dict(name="normal_500", seed=7_500, label=y, candidate=cand, champion=champ,
                      description="n=500, y ~ N(10, 3^2), correlated normal errors, candidate slightly better"))

    rng = np.random.default_rng(7_300)
    n = 300
    y = rng.poisson(2.0, n).astype(np.float64)          # about 13 % zeros: mape leaves them out
    shared = rng.standard_t(3, n)
    cand = y + 0.8 * (0.6 * shared + 0.8 * rng.standard_t(3, n))
    champ = y + 0.8 * (0.6 * shared + 0.8 * rng.standard_t(3, n))
    cases.append(dict(name="counts_heavy_zeros_300", seed=7_300, label=y, candidate=cand, champion=champ,
                      description="n=300, Poisson(2) labels (zeros present: mape skips them), heavy-tailed t3 errors"))

    rng = np.random.default_rng(7_040)
    n = 40
    y = rng.standard_normal(n) * 5 - 2
    cand = y + 2.0 * rng.standard_normal(n)
    champ = y + 1.2 * rng.standard_normal(n)
    cases.append(dict(name="small_40", seed=7_040, label=y, candidate=cand, champion=champ,
                      description="n=40, candidate worse than champion, negative labels present"))
    return cases


def reg_sklearn(y: np.ndarray, p: np.ndarray) -> dict:
    nz = y != 0
    return {
        "mae": float(skm.mean_absolute_error(y, p)),
        "mse": float(skm.mean_squared_error(y, p)),
        "rmse": float(skm.mean_squared_error(y, p, squared=False)),
        "mape": float(skm.mean_absolute_percentage_error(y[nz], p[nz])),
        "r2": float(skm.r2_score(y, p)),
    }


def _reg_vec(w: np.ndarray, y: np.ndarray, p: np.ndarray) -> dict:
    n = w.sum(1)
    e = p - y
    nz = (y != 0).astype(np.float64)
    ape = np.abs(e) / np.maximum(np.abs(y), EPS) * nz
    ybar = (w @ y) / n
    sst = (w @ (y ** 2)) - n * ybar ** 2
    sse = w @ (e ** 2)
    return {"mae": (w @ np.abs(e)) / n, "mse": sse / n, "rmse": np.sqrt(sse / n),
            "mape": (w @ ape) / (w @ nz), "r2": 1 - sse / sst}


def reg_bootstrap(case: dict, seed: int) -> dict:
    y, c, h = case["label"], case["candidate"], case["champion"]
    n = y.size
    rng = np.random.default_rng(seed)
    deltas = {m: np.empty(BOOT_RESAMPLES) for m in REG_METRICS}
    checked = 0
    for start in range(0, BOOT_RESAMPLES, BOOT_CHUNK):
        b = min(BOOT_CHUNK, BOOT_RESAMPLES - start)
        idx, w = weights_chunk(rng, b, n)
        vc, vh = _reg_vec(w, y, c), _reg_vec(w, y, h)
        for m in REG_METRICS:
            deltas[m][start:start + b] = vc[m] - vh[m]
        for i in range(min(b, BOOT_SKLEARN_CHECKS - checked)):
            rc, rh = reg_sklearn(y[idx[i]], c[idx[i]]), reg_sklearn(y[idx[i]], h[idx[i]])
            for m in REG_METRICS:
                assert abs((rc[m] - rh[m]) - deltas[m][start + i]) < 1e-9, (case["name"], m)
            checked += 1
    return {**boot_meta(seed), "metrics": summarise(deltas)}


def delta_rmse(y: np.ndarray, c: np.ndarray, h: np.ndarray) -> dict:
    """Delta method for sqrt(mean(ec^2)) - sqrt(mean(eh^2)): se^2 = g' Cov g / n, g = (1/(2 sqrt a), -1/(2 sqrt b))."""
    sc, sh = (c - y) ** 2, (h - y) ** 2
    a, b = sc.mean(), sh.mean()
    g = np.array([1 / (2 * math.sqrt(a)), -1 / (2 * math.sqrt(b))])
    cov = np.cov(np.vstack([sc, sh]), ddof=1)
    se = math.sqrt(g @ cov @ g / y.size)
    return {"levels": normal_levels(math.sqrt(a), math.sqrt(b), math.sqrt(a) - math.sqrt(b), se)}


def delta_r2(y: np.ndarray, c: np.ndarray, h: np.ndarray) -> dict:
    """Delta method for ΔR² = mean(d)/mean(v), d = eh^2 - ec^2, v = (y - ybar)^2:
    se^2 = g' Cov(d, v) g / n with g = (1/mean(v), -mean(d)/mean(v)^2)."""
    d = (h - y) ** 2 - (c - y) ** 2
    v = (y - y.mean()) ** 2
    md, mv = d.mean(), v.mean()
    g = np.array([1 / mv, -md / mv ** 2])
    cov = np.cov(np.vstack([d, v]), ddof=1)
    se = math.sqrt(g @ cov @ g / y.size)
    r2c, r2h = skm.r2_score(y, c), skm.r2_score(y, h)
    assert abs((r2c - r2h) - md / mv) < 1e-12
    return {"levels": normal_levels(float(r2c), float(r2h), float(r2c - r2h), se)}


def regression_fixture(case: dict, meta: dict) -> dict:
    y, c, h = case["label"], case["candidate"], case["champion"]
    nz = y != 0
    ape = lambda p: np.abs(p[nz] - y[nz]) / np.maximum(np.abs(y[nz]), EPS)  # noqa: E731
    return {
        "meta": meta, "case": case["name"], "description": case["description"], "data_seed": case["seed"],
        "n": int(y.size), "zero_labels": int((~nz).sum()),
        "label": y.tolist(), "candidate_prediction": c.tolist(), "champion_prediction": h.tolist(),
        "metrics_source": "scikit-learn mean_absolute_error, mean_squared_error (squared=False for rmse), "
                          "mean_absolute_percentage_error on the rows with label != 0, r2_score",
        "metrics": {"candidate": reg_sklearn(y, c), "champion": reg_sklearn(y, h)},
        "paired_normal": {"mae": paired_normal(np.abs(c - y), np.abs(h - y)),
                          "mse": paired_normal((c - y) ** 2, (h - y) ** 2),
                          "mape": paired_normal(ape(c), ape(h))},
        "delta_method": {"source": "numpy: se^2 = g' Cov g / n (np.cov, ddof=1), z from scipy.stats.norm.ppf",
                         "rmse": delta_rmse(y, c, h), "r2": delta_r2(y, c, h)},
        "row_bootstrap": reg_bootstrap(case, case["seed"] + 7),
    }
