"""Does a learned weighting of the embedding's dimensions help the reranker? (train splits only)

Usage: python3 cv_bilinear.py DUMP.jsonl VECTORS.json
Adds to the shipped figures the elementwise products question x passage and question x best sentence
(each 384 numbers: a diagonal bilinear similarity), and reports recall@5 / MRR@10 out of fold
(5 folds by question over every train file) and across writers (train on the other writers' files,
score one writer's).
"""
import json, sys, math
import numpy as np
sys.argv, dump, vecs = sys.argv[:1], sys.argv[1], sys.argv[2]
rows = [json.loads(l) for l in open(dump)]
V = json.load(open(vecs))
qs = [r for r in rows if not r["oos"]]

def base(q, c):
    cands = q["cands"]
    hsmax = max(x.get("hs", 0) for x in cands) or 1
    cmax = max(x["cos"] for x in cands); s1max = max(x["s1"] for x in cands)
    return [c.get("hs", 0) / hsmax, 1 / math.log2(1 + c.get("hr", 40)), c["cos"], c["cos"] - cmax,
            c["s1"], c["s1"] - s1max, c["s2"], c["cov"]]

def build(sel, mode):
    X, y, g = [], [], []
    for i in sel:
        q = qs[i]; qv = np.array(q["qv"])
        for c in q["cands"]:
            f = base(q, c)
            if "p" in mode: f += list(qv * np.array(V[c["id"]]["p"]))
            if "s" in mode:
                sv = V[c["id"]]["s"]
                f += list(qv * np.array(sv[c["s1i"]])) if sv else [0.0] * 384
            X.append(f); y.append(1.0 if c["rel"] else 0.0); g.append(i)
    return np.array(X), np.array(y), np.array(g)

def fit(X, y, C, Cd):
    mu, sd = X.mean(0), X.std(0) + 1e-9
    Z = np.hstack([(X - mu) / sd, np.ones((len(X), 1))])
    reg = np.r_[np.ones(8) / C, np.ones(X.shape[1] - 8) / Cd, 0]
    w = np.zeros(Z.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-Z @ w))
        grad = Z.T @ (p - y) + reg * w
        H = (Z * (p * (1 - p))[:, None]).T @ Z + np.diag(reg)
        step = np.linalg.solve(H, grad); w -= step
        if np.abs(step).max() < 1e-7: break
    return mu, sd, w

def metrics(sel, s, g):
    r5 = mrr = top1 = 0
    for i in sel:
        sc = s[g == i]; rel = [c["rel"] for c in qs[i]["cands"]]
        order = np.argsort(-sc, kind="stable"); rr = [rel[k] for k in order]
        r5 += any(rr[:5]); top1 += rr[0]
        for k, r in enumerate(rr[:10]):
            if r: mrr += 1 / (k + 1); break
    n = len(sel); return r5 / n, mrr / n, top1 / n

def run(mode, C, Cd):
    out = {}
    files = sorted(set(q["file"] for q in qs))
    X, y, g = build(range(len(qs)), mode)
    S = np.zeros(len(y))
    for f in range(5):
        tr = g % 5 != f
        mu, sd, w = fit(X[tr], y[tr], C, Cd)
        te = ~tr; S[te] = np.hstack([(X[te] - mu) / sd, np.ones((te.sum(), 1))]) @ w
    res = ["cv r5=%.3f mrr=%.3f top1=%.3f" % metrics(range(len(qs)), S, g)]
    for fn in files:
        tr = np.array([qs[i]["file"] != fn for i in g])
        mu, sd, w = fit(X[tr], y[tr], C, Cd)
        te = ~tr; S2 = np.full(len(y), -1e9); S2[te] = np.hstack([(X[te] - mu) / sd, np.ones((te.sum(), 1))]) @ w
        sel = [i for i in range(len(qs)) if qs[i]["file"] == fn]
        res.append("%s %.3f/%.3f/%.3f" % ((fn.split("-")[0],) + metrics(sel, S2, g)))
    print(mode or "base", C, Cd, " | ".join(res), flush=True)

import os
if os.environ.get("RUNS"):
    for m, cd in (x.split(":") for x in os.environ["RUNS"].split(",")): run(m, 1, float(cd))
    sys.exit()
run("", 1, 1)
for mode in ("p", "s", "ps"):
    for Cd in (0.001, 0.01, 0.1):
        run(mode, 1, Cd)
