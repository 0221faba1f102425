"""Does a learned weighting of the embedding's dimensions help the reranker? (train splits only)

Usage: python3 cv_bilinear.py DUMP.jsonl VECTORS.json
Adds to the shipped figures the elementwise products question x passage and question x best sentence
(each 384 numbers: a diagonal bilinear similarity), and reports recall@5 / MRR@10 out of fold
(5 folds by question over every train file) and across writers (train on the other writers' files,
score one writer's).
"""
import json, sys
import numpy as np
from cvlib import base, fit, metrics, products
sys.argv, dump, vecs = sys.argv[:1], sys.argv[1], sys.argv[2]
rows = [json.loads(l) for l in open(dump)]
V = json.load(open(vecs))
qs = [r for r in rows if not r["oos"]]

def build(sel, mode):
    X, y, g = [], [], []
    for i in sel:
        q = qs[i]; qv = np.array(q["qv"])
        for c in q["cands"]:
            f = base(q, c)
            f += products(qv, c, V, mode)
            X.append(f); y.append(1.0 if c["rel"] else 0.0); g.append(i)
    return np.array(X), np.array(y), np.array(g)

def run(mode, C, Cd):
    out = {}
    files = sorted(set(q["file"] for q in qs))
    X, y, g = build(range(len(qs)), mode)
    S = np.zeros(len(y))
    for f in range(5):
        tr = g % 5 != f
        mu, sd, w = fit(X[tr], y[tr], 8, C, Cd)
        te = ~tr; S[te] = np.hstack([(X[te] - mu) / sd, np.ones((te.sum(), 1))]) @ w
    res = ["cv r5=%.3f mrr=%.3f top1=%.3f" % metrics(qs, range(len(qs)), S, g)]
    for fn in files:
        tr = np.array([qs[i]["file"] != fn for i in g])
        mu, sd, w = fit(X[tr], y[tr], 8, C, Cd)
        te = ~tr; S2 = np.full(len(y), -1e9); S2[te] = np.hstack([(X[te] - mu) / sd, np.ones((te.sum(), 1))]) @ w
        sel = [i for i in range(len(qs)) if qs[i]["file"] == fn]
        res.append("%s %.3f/%.3f/%.3f" % ((fn.split("-")[0],) + metrics(qs, sel, S2, g)))
    print(mode or "base", C, Cd, " | ".join(res), flush=True)

import os
if os.environ.get("RUNS"):
    for m, cd in (x.split(":") for x in os.environ["RUNS"].split(",")): run(m, 1, float(cd))
    sys.exit()
run("", 1, 1)
for mode in ("p", "s", "ps"):
    for Cd in (0.001, 0.01, 0.1):
        run(mode, 1, Cd)
