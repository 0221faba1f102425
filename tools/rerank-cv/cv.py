"""Cross-validates a passage reranker on RerankDump output (train split only).

Usage: python3 cv.py DUMP.jsonl [FILE_PREFIX]
Prints recall@5 / MRR@10 of the hybrid ranking and of a pointwise logistic reranker, out of fold
(5 folds, round-robin by question), for several feature sets.
"""
import json, sys, math
import numpy as np

rows = [json.loads(l) for l in open(sys.argv[1])]
prefix = sys.argv[2] if len(sys.argv) > 2 else "bank-inscope-train"
qs = [r for r in rows if not r["oos"] and r["file"].startswith(prefix)]
print(len(qs), "questions", file=sys.stderr)

def feats(q, c, names):
    cands = q["cands"]
    hsmax = max(x.get("hs", 0) for x in cands) or 1
    bsmax = max(x.get("bs", 0) for x in cands) or 1
    cmax = max(x["cos"] for x in cands)
    s1max = max(x["s1"] for x in cands)
    hcmax = max(x["hcos"] for x in cands)
    f = {
        "hs": c.get("hs", 0) / hsmax,
        "hr": 1 / math.log2(1 + c.get("hr", 40)),
        "bs": c.get("bs", 0) / bsmax,
        "br": 1 / math.log2(1 + c.get("br", 40)),
        "cos": c["cos"], "dcos": c["cos"] - cmax,
        "s1": c["s1"], "ds1": c["s1"] - s1max,
        "s2": c["s2"],
        "hcos": c["hcos"], "dhcos": c["hcos"] - hcmax,
        "cov": c["cov"], "hcov": c["hcov"],
        "len": math.log(c["len"]), "act": float(c["act"]),
        "ns": math.log(1 + c["ns"]),
        "sov": c["sov"], "s1c": c["s1"] * c["cov"],
    }
    return [f[n] for n in names]

def build(qs, names):
    X, y, g = [], [], []
    for i, q in enumerate(qs):
        for c in q["cands"]:
            X.append(feats(q, c, names)); y.append(1.0 if c["rel"] else 0.0); g.append(i)
    return np.array(X), np.array(y), np.array(g)

def fit(X, y, C=1.0, iters=300):
    mu, sd = X.mean(0), X.std(0) + 1e-9
    Z = (X - mu) / sd
    Z = np.hstack([Z, np.ones((len(Z), 1))])
    w = np.zeros(Z.shape[1])
    for _ in range(iters):  # Newton steps on L2 logistic loss
        p = 1 / (1 + np.exp(-Z @ w))
        grad = Z.T @ (p - y) + w / C * np.r_[np.ones(Z.shape[1] - 1), 0]
        H = (Z * (p * (1 - p))[:, None]).T @ Z + np.diag(np.r_[np.ones(Z.shape[1] - 1), 0]) / C
        step = np.linalg.solve(H, grad)
        w -= step
        if np.abs(step).max() < 1e-8: break
    return mu, sd, w

def score(model, X):
    mu, sd, w = model
    Z = np.hstack([(X - mu) / sd, np.ones((len(X), 1))])
    return Z @ w

def metrics(qs, scores_per_q):
    r5 = mrr = 0
    for q, s in zip(qs, scores_per_q):
        order = np.argsort(-np.array(s), kind="stable")
        rels = [q["cands"][i]["rel"] for i in order]
        if any(rels[:5]): r5 += 1
        for k, r in enumerate(rels[:10]):
            if r: mrr += 1 / (k + 1); break
    return r5 / len(qs), mrr / len(qs)

def base(qs):
    return [[-(c.get("hr", 99)) for c in q["cands"]] for q in qs]

def cv(qs, names, C=1.0, folds=5):
    X, y, g = build(qs, names)
    out = [None] * len(qs)
    for f in range(folds):
        tr = np.array([i % folds != f for i in g]); te = ~tr
        m = fit(X[tr], y[tr], C)
        s = score(m, X[te])
        idx = np.nonzero(te)[0]
        for qi in range(len(qs)):
            if qi % folds == f:
                out[qi] = list(s[g[idx] == qi])
    return metrics(qs, out)

anyrel = sum(any(c["rel"] for c in q["cands"]) for q in qs)
print("candidates hold an answering passage: %d/%d" % (anyrel, len(qs)))
print("hybrid ranking           r5=%.3f mrr=%.3f" % metrics(qs, base(qs)))
print("bm25 ranking             r5=%.3f mrr=%.3f" % metrics(qs, [[-(c.get("br", 99)) for c in q["cands"]] for q in qs]))
sets = {
  "hybrid only": ["hs", "hr"],
  "+cos": ["hs", "hr", "cos", "dcos"],
  "+sent": ["hs", "hr", "cos", "dcos", "s1", "ds1", "s2"],
  "+head": ["hs", "hr", "cos", "dcos", "s1", "ds1", "s2", "hcos", "dhcos"],
  "+lex": ["hs", "hr", "bs", "br", "cos", "dcos", "s1", "ds1", "s2", "hcos", "dhcos", "cov", "hcov"],
  "+sov": ["hs", "hr", "bs", "br", "cos", "dcos", "s1", "ds1", "s2", "hcos", "dhcos", "cov", "hcov", "sov"],
  "+sov+act": ["hs", "hr", "bs", "br", "cos", "dcos", "s1", "ds1", "s2", "hcos", "dhcos", "cov", "hcov", "sov", "act", "len"],
  "lean": ["hs", "hr", "bs", "br", "cos", "dcos", "s1", "ds1", "s2", "cov"],
  "nobm": ["hs", "hr", "cos", "dcos", "s1", "ds1", "s2", "cov"],
  "all": ["hs", "hr", "bs", "br", "cos", "dcos", "s1", "ds1", "s2", "hcos", "dhcos", "cov", "hcov", "len", "act", "ns", "sov", "s1c"],
}
for name, names in sets.items():
    for C in (0.1, 1.0, 10.0):
        print("%-12s C=%-5s r5=%.3f mrr=%.3f" % ((name, C) + cv(qs, names, C)))

if len(sys.argv) > 3:  # train on the whole train split, score another file's questions (confirmation only)
    other = [r for r in rows if not r["oos"] and r["file"].startswith(sys.argv[3])]
    names = sets[sys.argv[4] if len(sys.argv) > 4 else "+lex"]
    X, y, g = build(qs, names)
    m = fit(X, y, 1.0)
    Xo, yo, go = build(other, names)
    s = score(m, Xo)
    per = [list(s[go == i]) for i in range(len(other))]
    print("%s: %d questions, hybrid r5=%.3f mrr=%.3f" % ((sys.argv[3], len(other)) + metrics(other, base(other))))
    print("%s: reranked           r5=%.3f mrr=%.3f" % ((sys.argv[3],) + metrics(other, per)))
    print("weights", dict(zip(names + ["bias"], np.round(m[2], 3))))
