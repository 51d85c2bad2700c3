"""Golden fixtures of the ranking and score tasks (issue 15): writes OUTDIR/ranking.json and registers it in
OUTDIR/manifest.json (kind "ranking"). Every expected number is computed here, never by model-gate:

- ranking metrics written from their definitions (docs/ranking.md) in plain Python/numpy: per query, items by score
  descending, ties by item id ascending (byte order of the UTF-8 id); ndcg@K with linear or exponential gain,
  recall@K, precision@K (divided by K even when the query is shorter), mrr@K, map@K; queries left out when the
  metric is undefined (IDCG = 0, no relevant item);
- scikit-learn's ndcg_score per query wherever its tie handling cannot differ (no tied scores in the query): the
  generator aborts if the two disagree by more than 1e-12, and records the sklearn value for the tests;
- the paired normal interval of the mean per-query difference (numpy, ddof = 1, scipy's normal quantile);
- the score task: per-id means of the score and of pass (score >= threshold, <= under direction lower) with
  different numbers of samples per model, mean_score and pass_rate over ids, and their paired normal intervals.

Usage: python3 ranking.py OUTDIR   (generate.sh runs it; CI only reads the committed JSON).
"""
from __future__ import annotations

import math
import sys

import numpy as np
import scipy.stats
from sklearn.metrics import ndcg_score

from fixture_io import write_fixture

LEVEL = 0.95
BASES = ["ndcg", "recall", "precision", "mrr", "map"]


def ranked(items, scores):
    """Indices in rank order: score descending, then item id ascending in UTF-8 byte order."""
    return sorted(range(len(items)), key=lambda i: (-scores[i], items[i].encode("utf-8")))


def gain(rel, kind):
    return (2.0 ** rel - 1.0) if kind == "exponential" else float(rel)


def metric(base, k, labels, items, scores, threshold, gain_kind):
    """One query's value, or None when the query is left out."""
    order = ranked(items, scores)
    if base == "ndcg":
        ideal = sorted((gain(r, gain_kind) for r in labels), reverse=True)
        idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal[:k]))
        if idcg <= 0:
            return None
        dcg = sum(gain(labels[j], gain_kind) / math.log2(i + 2) for i, j in enumerate(order[:k]))
        return dcg / idcg
    relevant = [r > threshold for r in labels]
    n_rel = sum(relevant)
    if n_rel == 0:
        return None
    top = [relevant[j] for j in order[:k]]
    if base == "recall":
        return sum(top) / n_rel
    if base == "precision":
        return sum(top) / k
    if base == "mrr":
        for i, hit in enumerate(top):
            if hit:
                return 1.0 / (i + 1)
        return 0.0
    if base == "map":
        hits, s = 0, 0.0
        for i, hit in enumerate(top):
            if hit:
                hits += 1
                s += hits / (i + 1)
        return s / min(k, n_rel)
    raise ValueError(base)


def paired_normal(c, h):
    c, h = np.asarray(c, float), np.asarray(h, float)
    d = c - h
    n = len(d)
    se = float(np.std(d, ddof=1) / math.sqrt(n)) if n > 1 else 0.0
    z = float(scipy.stats.norm.ppf(1 - (1 - LEVEL) / 2))
    delta = float(d.mean())
    return {"candidate": float(c.mean()), "champion": float(h.mean()), "delta": delta, "se": se,
            "low": delta - z * se, "high": delta + z * se}


def ranking_case(name, rng, queries, items_range, label_max, tie_decimals, ks, threshold, gain_kind, odd_ids=False):
    rows = []
    per_query = {}
    for q in range(queries):
        qid = f"q{q:03d}"
        m = int(rng.integers(items_range[0], items_range[1] + 1))
        # some queries have no relevant item at all (left out, counted)
        none_relevant = rng.random() < 0.15
        labels = [0 if none_relevant else int(rng.integers(0, label_max + 1)) for _ in range(m)]
        pool = [f"i{j}" for j in range(m)] if not odd_ids else [["a9", "a10", "B", "b", "é", "z", "a1", "a"][j % 8] + ("" if j < 8 else f"~{j}") for j in range(m)]
        truth = np.asarray(labels, float) + rng.normal(scale=1.0, size=m)
        sc = truth + rng.normal(scale=0.7, size=m)
        sh = truth + rng.normal(scale=0.9, size=m)
        if tie_decimals is not None:
            sc, sh = np.round(sc, tie_decimals), np.round(sh, tie_decimals)
        for j in range(m):
            rows.append({"query": qid, "item": pool[j], "label": labels[j], "candidate": float(sc[j]), "champion": float(sh[j])})
        per_query[qid] = (labels, pool, [float(x) for x in sc], [float(x) for x in sh])

    metrics = {}
    sklearn_checks = 0
    for base in BASES:
        for k in ks:
            name_k = f"{base}@{k}"
            cand, champ, used = [], [], []
            values = {}
            for qid in sorted(per_query):
                labels, pool, sc, sh = per_query[qid]
                vc = metric(base, k, labels, pool, sc, threshold, gain_kind)
                vh = metric(base, k, labels, pool, sh, threshold, gain_kind)
                assert (vc is None) == (vh is None)
                values[qid] = [vc, vh]
                if vc is None:
                    continue
                cand.append(vc)
                champ.append(vh)
                used.append(qid)
                if base == "ndcg":
                    for v, s in ((vc, sc), (vh, sh)):
                        if len(set(s)) == len(s) and len(s) > 1:
                            g = [gain(r, gain_kind) for r in labels]
                            ref = float(ndcg_score([g], [s], k=k))
                            if abs(ref - v) > 1e-12:
                                raise SystemExit(f"{name}/{name_k}/{qid}: definition {v} != sklearn {ref}")
                            sklearn_checks += 1
            entry = paired_normal(cand, champ)
            entry.update({"queries_used": len(used), "queries_left_out": len(per_query) - len(used), "per_query": values})
            metrics[name_k] = entry
    return {
        "name": name,
        "relevance_threshold": threshold,
        "ndcg_gain": gain_kind,
        "confidence_level": LEVEL,
        "rows": rows,
        "metrics": metrics,
        "sklearn_ndcg_checks": sklearn_checks,
    }


def sklearn_per_query(case):
    """scikit-learn's ndcg_score on each query without tied scores, for the test to compare with directly."""
    by_q = {}
    for r in case["rows"]:
        by_q.setdefault(r["query"], []).append(r)
    out = []
    for qid, rs in sorted(by_q.items()):
        g = [gain(r["label"], case["ndcg_gain"]) for r in rs]
        s = [r["candidate"] for r in rs]
        if len(rs) < 2 or len(set(s)) != len(s) or max(g) <= 0:
            continue
        for k in (1, 3, 10):
            out.append({"query": qid, "k": k, "ndcg": float(ndcg_score([g], [s], k=k))})
    return out


def score_case(name, rng, ids, threshold, direction):
    rows = {"candidate": [], "champion": []}
    per_id = {}
    for i in range(ids):
        iid = f"p{i:03d}"
        base = rng.normal(loc=6.0, scale=1.5)
        per = {}
        for model, shift in (("candidate", 0.2), ("champion", 0.0)):
            m = int(rng.integers(1, 5))  # 1–4 samples, different per model
            vals = [float(np.round(base + shift + rng.normal(scale=1.0), 1)) for _ in range(m)]
            rows[model].extend({"id": iid, "score": v} for v in vals)
            ok = [(v <= threshold) if direction == "lower" else (v >= threshold) for v in vals]
            per[model] = {"mean": float(np.mean(vals)), "pass": sum(ok) / m, "samples": m}
        per_id[iid] = per
    keys = sorted(per_id)
    mean_score = paired_normal([per_id[k]["candidate"]["mean"] for k in keys], [per_id[k]["champion"]["mean"] for k in keys])
    pass_rate = paired_normal([per_id[k]["candidate"]["pass"] for k in keys], [per_id[k]["champion"]["pass"] for k in keys])
    return {
        "name": name,
        "threshold": threshold,
        "score_direction": direction,
        "confidence_level": LEVEL,
        "rows": rows,
        "per_id": per_id,
        "metrics": {"mean_score": mean_score, "pass_rate": pass_rate},
        "ids": len(keys),
        "row_counts": {m: len(rows[m]) for m in rows},
    }


def main(outdir):
    rng = np.random.default_rng(15)
    cases = [
        # graded labels, no ties (scikit-learn checks every query), K from 1 to beyond every list
        ranking_case("graded_no_ties", rng, 60, (2, 25), 4, None, [1, 3, 5, 10, 50], 0, "linear"),
        # the same with exponential gain and a relevance threshold of 1
        ranking_case("exponential_threshold", rng, 50, (3, 15), 3, None, [2, 5, 20], 1, "exponential"),
        # heavy ties (scores to one decimal) and item ids whose byte order is not their natural order
        ranking_case("ties_odd_ids", rng, 50, (2, 12), 2, 0, [1, 3, 8, 30], 0, "linear", odd_ids=True),
    ]
    for c in cases:
        c["sklearn_per_query"] = sklearn_per_query(c)
    scores = [score_case("score_higher", rng, 80, 6.5, "higher"), score_case("score_lower", rng, 60, 5.0, "lower")]
    fixture = {
        "meta": {
            "generator": "scripts/golden/ranking.py",
            "numpy": np.__version__,
            "scikit-learn": __import__("sklearn").__version__,
            "scipy": scipy.__version__,
        },
        "ranking": cases,
        "score": scores,
    }
    write_fixture(outdir, "ranking.json", "ranking", fixture, sort_keys=True, final_newline=True)
    print(f"ranking: {sum(c['sklearn_ndcg_checks'] for c in cases)} per-query ndcg values agree with scikit-learn")


if __name__ == "__main__":
    main(sys.argv[1])
