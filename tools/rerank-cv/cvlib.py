"""What cv_bilinear.py and cv_memory.py share: the shipped reranker's named figures of a candidate as
RerankDump writes them, liblinear's L2R_LR objective fitted by Newton steps, and the ranking figures."""
import math
import numpy as np


def base(q, c):
    """The shipped figures of candidate c of question q (fused share, rank gain, cosines, coverage)."""
    cands = q["cands"]
    hsmax = max(x.get("hs", 0) for x in cands) or 1
    cmax = max(x["cos"] for x in cands); s1max = max(x["s1"] for x in cands)
    return [c.get("hs", 0) / hsmax, 1 / math.log2(1 + c.get("hr", 40)), c["cos"], c["cos"] - cmax,
            c["s1"], c["s1"] - s1max, c["s2"], c["cov"]]


def products(qv, c, V, mode):
    """The elementwise products question x passage ("p" in mode) and question x best sentence ("s")."""
    f = []
    if "p" in mode: f += list(qv * np.array(V[c["id"]]["p"]))
    if "s" in mode:
        sv = V[c["id"]]["s"]
        f += list(qv * np.array(sv[c["s1i"]])) if sv else [0.0] * 384
    return f


def fit(X, y, nlow, C=1.0, Cd=0.1):
    """Standardised logistic regression: the first nlow columns regularised by 1/C, the rest by 1/Cd."""
    mu, sd = X.mean(0), X.std(0) + 1e-9
    Z = np.hstack([(X - mu) / sd, np.ones((len(X), 1))])
    reg = np.r_[np.ones(nlow) / C, np.ones(X.shape[1] - nlow) / Cd, 0]
    w = np.zeros(Z.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-Z @ w))
        grad = Z.T @ (p - y) + reg * w
        H = (Z * (p * (1 - p))[:, None]).T @ Z + np.diag(reg)
        step = np.linalg.solve(H, grad); w -= step
        if np.abs(step).max() < 1e-7: break
    return mu, sd, w


def metrics(qs, sel, s, g):
    """recall@5, MRR@10 and top-1 of questions sel, candidates scored s and grouped by question g."""
    r5 = mrr = top1 = 0
    for i in sel:
        sc = s[g == i]; rel = [c["rel"] for c in qs[i]["cands"]]
        order = np.argsort(-sc, kind="stable"); rr = [rel[k] for k in order]
        r5 += any(rr[:5]); top1 += rr[0]
        for k, r in enumerate(rr[:10]):
            if r: mrr += 1 / (k + 1); break
    n = len(sel); return r5 / n, mrr / n, top1 / n
