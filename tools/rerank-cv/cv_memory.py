"""Does remembering which passage answered similar example questions help the reranker? (train splits only)

Usage: python3 cv_memory.py DUMP.jsonl [VECTORS.json]
For each candidate passage, 'memory' is the highest cosine between the question and another train
question that the passage answers (0 when none), and its gap to the best candidate's. Reports recall@5 /
MRR@10 / top 1 out of fold (5 folds by question: memory only from the other folds' questions, and for
the training rows from every other training question) and across writers (the other writers' questions
only, as a new writer's question would be).
"""
import json, sys, math, os
import numpy as np
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

def base(q, c):
    cands = q["cands"]
    hsmax = max(x.get("hs", 0) for x in cands) or 1
    cmax = max(x["cos"] for x in cands); s1max = max(x["s1"] for x in cands)
    return [c.get("hs", 0) / hsmax, 1 / math.log2(1 + c.get("hr", 40)), c["cos"], c["cos"] - cmax,
            c["s1"], c["s1"] - s1max, c["s2"], c["cov"]]

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
            if "p" in mode: f += list(qv * np.array(V[c["id"]]["p"]))
            if "s" in mode:
                sv = V[c["id"]]["s"]
                f += list(qv * np.array(sv[c["s1i"]])) if sv else [0.0] * 384
            X.append(f); y.append(1.0 if c["rel"] else 0.0); g.append(i)
    return np.array(X), np.array(y), np.array(g)

def fit(X, y, nlow, Cd=0.1):
    mu, sd = X.mean(0), X.std(0) + 1e-9
    Z = np.hstack([(X - mu) / sd, np.ones((len(X), 1))])
    reg = np.r_[np.ones(nlow), np.ones(X.shape[1] - nlow) / Cd, 0]
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
    res.append("cv r5=%.3f mrr=%.3f top1=%.3f" % metrics(range(n), np.concatenate(S), np.concatenate(G)))
    files = sorted(set(q["file"] for q in qs))
    for fn in files:
        tr = np.array([q["file"] != fn for q in qs])
        s, g = score(idx[tr], idx[~tr], lambda i, tr=tr: tr, lambda i, tr=tr: tr, mode, nlow)
        res.append("%s %.3f/%.3f/%.3f" % ((fn.split("-")[0],) + metrics(idx[~tr], s, g)))
    print(mode or "base", " | ".join(res), flush=True)

for m in os.environ.get("MODES", ",m").split(","):
    run(m)
