"""Does remembering which passage answered similar example questions help the reranker? (train splits only)

Usage: python3 cv_memory.py DUMP.jsonl [VECTORS.json]
For each candidate passage, 'memory' is the highest cosine between the question and another train
question that the passage answers (0 when none), and its gap to the best candidate's. Reports recall@5 /
MRR@10 / top 1 out of fold (5 folds by question: memory only from the other folds' questions, and for
the training rows from every other training question) and across writers (the other writers' questions
only, as a new writer's question would be).
"""
import json, sys, os
import numpy as np
from cvlib import base, fit, metrics, products
dump = sys.argv[1]; vecs = sys.argv[2] if len(sys.argv) > 2 else None
rows = [json.loads(l) for l in open(dump)]
V = json.load(open(vecs)) if vecs else None
qs = [r for r in rows if not r["oos"]]
Q = np.array([q["qv"] for q in qs]); Q /= np.linalg.norm(Q, axis=1, keepdims=True)
COS = Q @ Q.T
answered_by = {}
for j, q in enumerate(qs):
    for c in q["cands"]:
        if c["rel"]:
            answered_by.setdefault(c["id"], []).append(j)
answered_by = {k: np.array(v) for k, v in answered_by.items()}

def memory(i, pool):
    """pool: boolean mask of questions whose answers may be remembered for question i."""
    out = {}
    for c in qs[i]["cands"]:
        js = answered_by.get(c["id"], np.array([], dtype=int))
        js = js[pool[js] & (js != i)] if len(js) else js
        out[c["id"]] = float(COS[i, js].max()) if len(js) else 0.0
    return out

def build(sel, pools, mode):
    X, y, g = [], [], []
    for i in sel:
        q = qs[i]; qv = np.array(q["qv"])
        mem = memory(i, pools(i)) if "m" in mode else None
        mmax = max(mem.values()) if mem else 0
        for c in q["cands"]:
            f = base(q, c)
            if "m" in mode: f += [mem[c["id"]], mem[c["id"]] - mmax]
            f += products(qv, c, V, mode)
            X.append(f); y.append(1.0 if c["rel"] else 0.0); g.append(i)
    return np.array(X), np.array(y), np.array(g)

def score(trsel, tesel, pool_tr, pool_te, mode, nlow):
    Xtr, ytr, _ = build(trsel, pool_tr, mode)
    Xte, _, gte = build(tesel, pool_te, mode)
    mu, sd, w = fit(Xtr, ytr, nlow)
    return np.hstack([(Xte - mu) / sd, np.ones((len(Xte), 1))]) @ w, gte

def run(mode):
    nlow = 8 + (2 if "m" in mode else 0)
    n = len(qs); idx = np.arange(n); res = []
    S, G = [], []
    for f in range(5):
        tr = idx % 5 != f
        s, g = score(idx[tr], idx[~tr], lambda i, tr=tr: tr, lambda i, tr=tr: tr, mode, nlow)
        S.append(s); G.append(g)
    res.append("cv r5=%.3f mrr=%.3f top1=%.3f" % metrics(qs, range(n), np.concatenate(S), np.concatenate(G)))
    files = sorted(set(q["file"] for q in qs))
    for fn in files:
        tr = np.array([q["file"] != fn for q in qs])
        s, g = score(idx[tr], idx[~tr], lambda i, tr=tr: tr, lambda i, tr=tr: tr, mode, nlow)
        res.append("%s %.3f/%.3f/%.3f" % ((fn.split("-")[0],) + metrics(qs, idx[~tr], s, g)))
    print(mode or "base", " | ".join(res), flush=True)

for m in os.environ.get("MODES", ",m").split(","):
    run(m)
