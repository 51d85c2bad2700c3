#!/usr/bin/env python3
"""Golden fixture for the gate families of issue 4 (segments, fairness, operations, data, cost).

Run by generate.sh after generate.py: `families.py OUTDIR` writes OUTDIR/families.json and adds it to
OUTDIR/manifest.json. Every expected number comes from numpy / scikit-learn / scipy / statsmodels, written
from the definitions in docs/config.md, never from model-gate:

- predictions (n = 3000) with segment, device, gender and region columns; scikit-learn metrics on the whole
  set, on each segment (by the segment column and by `where`), and per fairness group; numpy row bootstraps of
  a segment's Δrecall and of the fairness Δgap (with Monte Carlo acceptance bands as in generate.py);
- operations: raw latency samples (type-7 quantiles = np.quantile's default "linear"), a summary file and a k6
  --summary-export file, each with its expected facts; error-rate Clopper-Pearson intervals from statsmodels
  (proportion_confint(method="beta")), cross-checked with scipy's beta quantiles;
- data: a reference CSV and a current JSONL with every missing-value spelling, a drifted numeric column, a tied
  integer column (duplicate decile edges), a categorical column with a new category; missingness, PSI (numpy:
  np.quantile deciles, np.unique, np.searchsorted(side="left"), floor 1e-4, natural log), the sample-size
  thresholds (1/n + 1/m)·chi2.ppf(q, bins − 1) from scipy, a simulation of PSI's false-alarm rate under no drift,
  and the schema violations;
- cost: cost per useful outcome of a candidate and a champion cost file.
"""
from __future__ import annotations

import csv
import io
import json
import math
import os
import sys
import warnings

import numpy as np
import scipy
import scipy.stats
import sklearn
import sklearn.metrics as skm
import statsmodels
from statsmodels.stats.proportion import proportion_confint

THRESHOLD = 0.5
LEVEL = 0.95
BOOT_RESAMPLES = 20000
ENGINE_RESAMPLES_ASSUMED = 10000
BAND_Z = 4.0
PSI_FLOOR = 1e-4
MISSING = {"", "NA", "NaN", "null"}


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def band_for(sorted_delta: np.ndarray, p: float) -> list[float]:
    """The Monte Carlo acceptance band of generate.py (see its docstring)."""
    s = math.sqrt(p * (1 - p) * (1 / BOOT_RESAMPLES + 1 / ENGINE_RESAMPLES_ASSUMED))
    lo_p, hi_p = max(0.0, p - BAND_Z * s), min(1.0, p + BAND_Z * s)
    lo, hi = np.quantile(sorted_delta, [lo_p, hi_p])
    return [float(lo), float(hi)]


def interval_with_bands(deltas: np.ndarray) -> dict:
    a = (1 - LEVEL) / 2
    low, high = np.percentile(deltas, [100 * a, 100 * (1 - a)])
    ds = np.sort(deltas)
    return {"confidence_level": LEVEL, "low": float(low), "high": float(high),
            "low_band": band_for(ds, a), "high_band": band_for(ds, 1 - a)}


# ------------------------------------------------------------------------------------------------------------
# Predictions: a candidate that is better overall but worse for new users, and less fair across genders.
# ------------------------------------------------------------------------------------------------------------

def build_predictions() -> dict:
    rng = np.random.default_rng(4_000_004)
    n = 3000
    segment = rng.choice(["new_users", "returning"], size=n, p=[0.25, 0.75])
    device = rng.choice(["ios", "android", "web"], size=n, p=[0.35, 0.35, 0.30])
    gender = rng.choice(["F", "M", "X"], size=n, p=[0.485, 0.5, 0.015])
    region = rng.choice(["north", "south"], size=n)
    y = (rng.random(n) < 0.4).astype(np.int64)
    s = 2.0 * y - 1.0
    shared = rng.standard_normal(n)
    own_h = rng.standard_normal(n)
    own_c = rng.standard_normal(n)
    noise_h = 0.7 * shared + math.sqrt(1 - 0.49) * own_h
    noise_c = 0.7 * shared + math.sqrt(1 - 0.49) * own_c
    new = segment == "new_users"
    female = gender == "F"
    champ = sigmoid(-0.1 + 1.0 * s + 1.0 * noise_h)
    # Much better for returning users, much worse for new users; women's positives are found less often.
    sep_c = np.where(new, 0.45, 2.3)
    cand = sigmoid(-0.1 + sep_c * s - 0.45 * female * y + 1.0 * noise_c)
    # Spellings the readers must compare canonically: a device written with spaces, genders as written.
    device_text = np.where(rng.random(n) < 0.05, np.char.add(" ", np.char.add(device, " ")), device)
    ids = [f"r{i:05d}" for i in range(n)]
    return dict(n=n, ids=ids, label=y, candidate=cand, champion=champ, segment=segment, device=device,
                device_text=device_text, gender=gender, region=region)


def confusion(y, pred):
    tn, fp, fn, tp = (int(v) for v in skm.confusion_matrix(y, pred, labels=[0, 1]).ravel())
    return {"tp": tp, "fp": fp, "tn": tn, "fn": fn}


def sk_metrics(y, score) -> dict:
    pred = (score >= THRESHOLD).astype(np.int64)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {
            "accuracy": float(skm.accuracy_score(y, pred)),
            "precision": float(skm.precision_score(y, pred)),
            "recall": float(skm.recall_score(y, pred)),
            "f1": float(skm.f1_score(y, pred)),
            "roc_auc": float(skm.roc_auc_score(y, score)),
            "log_loss": float(skm.log_loss(y, score)),
        }


def vec_tpr(yy, pp, mask):
    """Per-resample tpr within `mask` (arrays of resamples × rows); NaN where the group has no positives."""
    pos = ((yy == 1) & mask).sum(1)
    tp = ((yy == 1) & mask & (pp == 1)).sum(1)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(pos > 0, tp / pos, np.nan)


def resamples(n: int, seed: int):
    """Row indices of BOOT_RESAMPLES resamples with replacement, in chunks of 500 (numpy Generator)."""
    rng = np.random.default_rng(seed)
    for _ in range(0, BOOT_RESAMPLES, 500):
        yield rng.integers(0, n, size=(500, n))


def tpr(y, p):
    pos = y.sum()
    return None if pos == 0 else float((p[y == 1] == 1).sum() / pos)


def predictions_fixture() -> dict:
    d = build_predictions()
    y, cand, champ = d["label"], d["candidate"], d["champion"]
    pc = (cand >= THRESHOLD).astype(np.int64)
    ph = (champ >= THRESHOLD).astype(np.int64)
    whole = {"candidate": sk_metrics(y, cand), "champion": sk_metrics(y, champ)}

    def seg(mask):
        return {"n": int(mask.sum()), "candidate": sk_metrics(y[mask], cand[mask]),
                "champion": sk_metrics(y[mask], champ[mask])}

    new = d["segment"] == "new_users"
    mobile = np.isin(d["device"], ["ios", "android"])  # `where: {device: [ios, android]}`, after trimming
    segments = {"new_users": seg(new), "mobile": seg(mobile), "returning": seg(d["segment"] == "returning")}

    # Row bootstrap of Δrecall on the new_users segment (the engine resamples the segment's cells).
    yn, cn, hn = y[new], pc[new], ph[new]
    boot = np.concatenate([vec_tpr(yn[i], cn[i], True) - vec_tpr(yn[i], hn[i], True) for i in resamples(yn.size, 8_001)])
    first = next(resamples(yn.size, 8_001))
    for k in range(20):  # the vectorised recall is scikit-learn's
        i = first[k]
        assert abs(boot[k] - (skm_recall(yn[i], cn[i]) - skm_recall(yn[i], hn[i]))) < 1e-12
    segments["new_users"]["recall_bootstrap"] = interval_with_bands(boot)

    # Fairness: tpr per gender; X (45 rows) is below min_group_samples = 60 and left out.
    min_group = 60
    groups = {}
    for g in sorted(set(d["gender"].tolist())):
        m = d["gender"] == g
        groups[g] = {"n": int(m.sum()), "positives": int(y[m].sum()),
                     "candidate": tpr(y[m], pc[m]), "champion": tpr(y[m], ph[m]),
                     "included": bool(m.sum() >= min_group)}
        # scikit-learn's recall is the same number
        assert groups[g]["candidate"] is None or abs(groups[g]["candidate"] - float(skm.recall_score(y[m], pc[m]))) < 1e-15
    kept = [g for g, v in groups.items() if v["included"]]
    assert len(kept) == 2 and not groups["X"]["included"], groups
    cand_vals = {g: groups[g]["candidate"] for g in kept}
    champ_vals = {g: groups[g]["champion"] for g in kept}
    gap_c = max(cand_vals.values()) - min(cand_vals.values())
    gap_h = max(champ_vals.values()) - min(champ_vals.values())
    codes = np.array([kept.index(g) if g in kept else -1 for g in d["gender"]])
    keep_rows = codes >= 0

    def gap_delta(gg, yy, cc, hh):
        vc, vh = [], []
        for j in range(len(kept)):
            m = gg == j
            a, b = tpr(yy[m], cc[m]), tpr(yy[m], hh[m])
            if a is None or b is None:
                continue  # undefined in this resample: sits out, as the engine does
            vc.append(a)
            vh.append(b)
        return 0.0 if len(vc) < 2 else (max(vc) - min(vc)) - (max(vh) - min(vh))

    yk, ck, hk, gk = y[keep_rows], pc[keep_rows], ph[keep_rows], codes[keep_rows]
    chunks = []
    for i in resamples(yk.size, 8_002):
        yy, cc, hh, gg = yk[i], ck[i], hk[i], gk[i]
        vc = np.stack([vec_tpr(yy, cc, gg == j) for j in range(len(kept))], axis=1)
        vh = np.stack([vec_tpr(yy, hh, gg == j) for j in range(len(kept))], axis=1)
        both = ~np.isnan(vc) & ~np.isnan(vh)  # a group undefined in a resample sits out, as in the engine
        vc = np.where(both, vc, np.nan)
        vh = np.where(both, vh, np.nan)
        defined = both.sum(1)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # all-NaN rows
            diff = (np.nanmax(vc, 1) - np.nanmin(vc, 1)) - (np.nanmax(vh, 1) - np.nanmin(vh, 1))
        chunks.append(np.where(defined >= 2, diff, 0.0))
    deltas = np.concatenate(chunks)
    first = next(resamples(yk.size, 8_002))
    for k in range(20):  # the vectorised statistic is the plain-Python definition
        i = first[k]
        assert abs(deltas[k] - gap_delta(gk[i], yk[i], ck[i], hk[i])) < 1e-12
    # The rows outside the kept groups do not change the kept groups' cells, so resampling only the kept rows
    # is the same bootstrap distribution as the engine's (whose multinomial covers the kept groups' cells).
    fairness = {"metric": "tpr", "attribute": "gender", "min_group_samples": min_group, "groups": groups,
                "gap": {"candidate": gap_c, "champion": gap_h, "delta": gap_c - gap_h},
                "best_group": max(cand_vals, key=cand_vals.get), "worst_group": min(cand_vals, key=cand_vals.get),
                "gap_bootstrap": interval_with_bands(deltas)}

    return {
        "n": d["n"],
        "threshold": THRESHOLD,
        "columns": {"id": d["ids"], "label": y.tolist(), "candidate_score": cand.tolist(),
                    "champion_score": champ.tolist(), "segment": d["segment"].tolist(),
                    "device": d["device_text"].tolist(), "gender": d["gender"].tolist(),
                    "region": d["region"].tolist()},
        "whole": whole,
        "segments": segments,
        "fairness": fairness,
    }


def skm_recall(y, p):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(skm.recall_score(y, p))


# ------------------------------------------------------------------------------------------------------------
# Operations: the three formats.
# ------------------------------------------------------------------------------------------------------------

def cp(x, n):
    low, high = proportion_confint(x, n, alpha=1 - LEVEL, method="beta")
    a = 1 - LEVEL
    s_low = 0.0 if x == 0 else scipy.stats.beta.ppf(a / 2, x, n - x + 1)
    s_high = 1.0 if x == n else scipy.stats.beta.ppf(1 - a / 2, x + 1, n - x)
    assert abs(low - s_low) < 1e-12 and abs(high - s_high) < 1e-12
    return {"low": float(low), "high": float(high)}


def operations_fixture() -> dict:
    rng = np.random.default_rng(5_000_005)
    cand = np.round(rng.lognormal(mean=math.log(120), sigma=0.35, size=6000), 2)
    champ = np.round(rng.lognormal(mean=math.log(114), sigma=0.35, size=6000), 2)
    q = [0.5, 0.95, 0.99]
    samples = {"latency_ms": cand.tolist(), "requests": 6000, "errors": 21}
    champion_samples = {"latency_ms": champ.tolist(), "requests": 6000, "errors": 15}
    cq = np.quantile(cand, q)  # numpy's default method="linear" = Hyndman-Fan type 7
    hq = np.quantile(champ, q)
    summary = {"latency_p50_ms": 101.25, "latency_p95_ms": 231.5, "latency_p99_ms": 612.0, "error_rate": 0.004,
               "requests": 8000}
    k6_dur = {"avg": float(np.mean(cand)), "min": float(np.min(cand)), "med": float(np.median(cand)),
              "max": float(np.max(cand)), "p(90)": float(np.percentile(cand, 90)),
              "p(95)": float(np.percentile(cand, 95)), "p(99)": float(np.percentile(cand, 99))}
    k6 = {"root_group": {"name": "", "path": "", "id": "d41d8cd98f00b204e9800998ecf8427e", "groups": {}, "checks": {}},
          "options": {"summaryTrendStats": ["avg", "min", "med", "max", "p(90)", "p(95)", "p(99)"],
                      "summaryTimeUnit": "", "noColor": False},
          "state": {"isStdOutTTY": False, "isStdErrTTY": False, "testRunDurationMs": 60012.3},
          "metrics": {
              "http_req_duration": k6_dur,
              # A Rate metric: `passes` counts the requests for which http_req_failed was true (failed ones).
              "http_req_failed": {"passes": 12, "fails": 5988, "value": 12 / 6000,
                                  "thresholds": {"rate<0.01": False}},
              "http_reqs": {"count": 6000, "rate": 99.98},
              "iterations": {"count": 6000, "rate": 99.98},
              "vus": {"value": 10, "min": 10, "max": 10}}}
    return {
        "level": LEVEL,
        "files": {"samples": samples, "summary": summary, "k6": k6, "champion_samples": champion_samples},
        "expected": {
            "samples": {"format": "samples", "requests": 6000, "errors": 21, "error_rate": 21 / 6000,
                        "latency_p50_ms": float(cq[0]), "latency_p95_ms": float(cq[1]), "latency_p99_ms": float(cq[2]),
                        "error_rate_cp": cp(21, 6000)},
            "summary": {"format": "summary", "requests": 8000, "errors": None, "error_rate": 0.004,
                        "latency_p50_ms": 101.25, "latency_p95_ms": 231.5, "latency_p99_ms": 612.0,
                        "error_rate_cp": cp(0.004 * 8000, 8000)},
            "k6": {"format": "k6", "requests": 6000, "errors": 12, "error_rate": 12 / 6000,
                   "latency_p50_ms": k6_dur["med"], "latency_p95_ms": k6_dur["p(95)"],
                   "latency_p99_ms": k6_dur["p(99)"], "error_rate_cp": cp(12, 6000)},
            "champion_samples": {"latency_p95_ms": float(hq[1]), "latency_p99_ms": float(hq[2]),
                                 "error_rate": 15 / 6000},
        },
        "model_files": {"model.onnx": 3 * 1048576 + 4321, "tokenizer/vocab.txt": 262144, "tokenizer/merges.txt": 1000},
        "model_size_mb": (3 * 1048576 + 4321 + 262144 + 1000) / 1048576,
    }


# ------------------------------------------------------------------------------------------------------------
# Data: missingness, PSI, thresholds from the sample sizes, schema.
# ------------------------------------------------------------------------------------------------------------

def fmt_num(v: float) -> str:
    return repr(float(v)) if not float(v).is_integer() else str(int(v))


def numeric_psi(ref: np.ndarray, cur: np.ndarray) -> dict:
    edges = np.unique(np.quantile(np.sort(ref), np.arange(1, 10) / 10))
    bins = edges.size + 1
    rc = np.bincount(np.searchsorted(edges, ref, side="left"), minlength=bins)
    cc = np.bincount(np.searchsorted(edges, cur, side="left"), minlength=bins)
    r = np.maximum(rc / rc.sum(), PSI_FLOOR)
    c = np.maximum(cc / cc.sum(), PSI_FLOOR)
    return {"psi": float(np.sum((c - r) * np.log(c / r))), "bins": int(bins), "edges": edges.tolist(),
            "reference_n": int(ref.size), "current_n": int(cur.size)}


def categorical_psi(ref: list[str], cur: list[str]) -> dict:
    cats = sorted(set(ref) | set(cur))
    rc = np.array([ref.count(k) for k in cats], dtype=float)
    cc = np.array([cur.count(k) for k in cats], dtype=float)
    r = np.maximum(rc / rc.sum(), PSI_FLOOR)
    c = np.maximum(cc / cc.sum(), PSI_FLOOR)
    return {"psi": float(np.sum((c - r) * np.log(c / r))), "bins": len(cats), "reference_n": len(ref),
            "current_n": len(cur)}


def auto_threshold(n, m, bins, q):
    return float((1 / n + 1 / m) * scipy.stats.chi2.ppf(q, bins - 1)) if bins > 1 else 0.0


def no_drift_false_alarms(n: int, m: int, q: float, sims: int = 4000) -> float:
    """Share of no-drift simulations (both tables from one normal) whose decile PSI exceeds the threshold."""
    rng = np.random.default_rng(9_009)
    over = 0
    for _ in range(sims):
        res = numeric_psi(rng.standard_normal(n), rng.standard_normal(m))
        over += res["psi"] > auto_threshold(n, m, res["bins"], q)
    return over / sims


def is_number(text: str) -> bool:
    import re
    return re.fullmatch(r"\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*", text) is not None


def data_fixture() -> dict:
    rng = np.random.default_rng(6_000_006)
    n, m = 2000, 1500
    countries = ["us", "de", "fr", "uk"]
    ref_rows = []
    for i in range(n):
        age = round(float(rng.normal(40, 12)), 1)
        ref_rows.append({
            "id": f"u{i}",
            "age": "NA" if rng.random() < 0.01 else ("" if rng.random() < 0.005 else fmt_num(age)),
            "visits": str(int(rng.poisson(1.2))),
            "income": str(int(round(float(rng.lognormal(math.log(50000), 0.4)), -2))),
            "country": str(rng.choice(countries, p=[0.4, 0.25, 0.2, 0.15])),
        })
    cur_rows = []
    for i in range(m):
        age = round(float(rng.normal(44, 12)), 1)  # drift: +4 years
        r = rng.random()
        if r < 0.006:
            age_v = None            # JSON null
        elif r < 0.010:
            age_v = "NaN"
        elif r < 0.013:
            age_v = "null"
        elif r < 0.015:
            age_v = ""
        else:
            age_v = age
        cur_rows.append({
            "id": f"v{i}",
            "age": age_v,
            "visits": int(rng.poisson(1.2)),
            "income": int(round(float(rng.lognormal(math.log(50000), 0.4)), -2)),
            "country": str(rng.choice(countries + ["br"], p=[0.36, 0.25, 0.2, 0.15, 0.04])),
        })
    # Schema violations planted in the current table.
    cur_rows[10]["age"] = "unknown"
    cur_rows[11]["age"] = "unknown"
    cur_rows[12]["age"] = -1
    cur_rows[13]["age"] = 130
    cur_rows[14]["age"] = 131.5
    cur_rows[20]["visits"] = 2.5
    cur_rows[21]["income"] = "NA"

    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=["id", "age", "visits", "income", "country"], lineterminator="\n")
    w.writeheader()
    w.writerows(ref_rows)
    reference_csv = buf.getvalue()
    current_jsonl = "".join(json.dumps(r, separators=(",", ":")) + "\n" for r in cur_rows)

    # Cells as the readers see them: JSON numbers as text (Python's repr equals JavaScript's String() here),
    # null as empty.
    def cell(v):
        if v is None:
            return ""
        if isinstance(v, float):
            return repr(v)
        return str(v)

    ref_cells = {c: [r[c] for r in ref_rows] for c in ["age", "visits", "income", "country"]}
    cur_cells = {c: [cell(r[c]) for r in cur_rows] for c in ["age", "visits", "income", "country"]}
    # JSON's float repr must match what the JSONL reader turns numbers into
    for r in cur_rows:
        for c in ["age", "visits", "income"]:
            v = r[c]
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                assert json.dumps(v) == cell(v), (v, json.dumps(v))

    def present(cells):
        return [t for t in cells if t.strip() not in MISSING]

    expected = {"missingness": {}, "psi": {}, "psi_threshold_q": 0.99}
    for c in ["age", "visits", "income", "country"]:
        cells = cur_cells[c]
        expected["missingness"][c] = sum(1 for t in cells if t.strip() in MISSING) / len(cells)
        rp, cp_ = present(ref_cells[c]), present(cur_cells[c])
        if c == "country":
            res = categorical_psi([t.strip() for t in rp], [t.strip() for t in cp_])
        else:
            ref_num = np.array([float(t) for t in rp if is_number(t)])
            assert ref_num.size == len(rp), c  # numeric in the reference
            cur_num = np.array([float(t) for t in cp_ if is_number(t)])
            res = numeric_psi(ref_num, cur_num)
            res["current_non_numeric"] = len(cp_) - cur_num.size
        res["threshold_auto"] = auto_threshold(res["reference_n"], res["current_n"], res["bins"], 0.99)
        expected["psi"][c] = res
    assert len(expected["psi"]["visits"]["edges"]) < 9, "visits must have duplicate decile edges"

    ages = [t for t in present(cur_cells["age"])]
    age_nums = [float(t) for t in ages if is_number(t)]
    expected["schema"] = {
        "age": {"type": "number", "min": 0, "max": 120,
                "not_numbers": sum(1 for t in ages if not is_number(t)),
                "below": sum(1 for v in age_nums if v < 0), "above": sum(1 for v in age_nums if v > 120)},
        "visits": {"type": "integer",
                   "not_whole": sum(1 for t in present(cur_cells["visits"]) if not float(t).is_integer())},
        "country": {"allowed": countries,
                    "not_allowed": sum(1 for t in present(cur_cells["country"]) if t.strip() not in countries)},
    }
    false_alarms = no_drift_false_alarms(n, m, 0.99)
    # The approximation's false-alarm rate must be near 1 - q (Monte Carlo sd ~ 0.0016 at 4000 simulations).
    assert 0.002 <= false_alarms <= 0.03, false_alarms
    expected["no_drift_false_alarm_rate"] = {"q": 0.99, "n": n, "m": m, "simulations": 4000,
                                             "rate": false_alarms}
    return {"reference_csv": reference_csv, "current_jsonl": current_jsonl, "rows": {"reference": n, "current": m},
            "expected": expected}


# ------------------------------------------------------------------------------------------------------------

def cost_fixture() -> dict:
    cand = {"inference_cost": 1200.5, "infra_cost": 800.0, "storage_cost": 50.25, "retraining_cost": 300.0,
            "human_ops_cost": 450.0, "success_count": 6100, "currency": "USD", "period": "7d"}
    champ = {"inference_cost": 1000.0, "infra_cost": 800.0, "storage_cost": 50.25, "retraining_cost": 300.0,
             "human_ops_cost": 450.0, "success_count": 6400}
    keys = ["inference_cost", "infra_cost", "storage_cost", "retraining_cost", "human_ops_cost"]
    c = sum(cand[k] for k in keys) / cand["success_count"]
    h = sum(champ[k] for k in keys) / champ["success_count"]
    return {"candidate": cand, "champion": champ,
            "expected": {"candidate": c, "champion": h, "relative_increase": c / h - 1}}


def main(outdir: str) -> None:
    fx = {
        "meta": {"generator": "scripts/golden/families.py",
                 "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "scikit-learn": sklearn.__version__,
                              "statsmodels": statsmodels.__version__}},
        "predictions": predictions_fixture(),
        "operations": operations_fixture(),
        "data": data_fixture(),
        "cost": cost_fixture(),
    }
    with open(os.path.join(outdir, "families.json"), "w") as f:
        json.dump(fx, f, allow_nan=False, separators=(",", ":"))
        f.write("\n")
    manifest_path = os.path.join(outdir, "manifest.json")
    with open(manifest_path) as f:
        manifest = json.load(f)
    manifest["fixtures"].append({"file": "families.json", "kind": "families", "case": "families",
                                 "n": fx["predictions"]["n"]})
    with open(manifest_path, "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: families.py OUTDIR")
    main(sys.argv[1])
