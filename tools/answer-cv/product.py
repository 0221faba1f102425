"""Tries question x closest-sentence (and x top-passage) products as more inputs of the answer-or-decline
model (tools/answer-cv/README.md; not kept, BENCHMARKS.md section 8). Usage: python3 tools/answer-cv/product.py
DUMP wq:ws:wp:C ... (the dump from AnsDump.java: the example file first, then the files to count)."""
import json, sys
import numpy as np
sys.path.insert(0, __import__('os').path.dirname(__file__))
from cv import fit, pred
rows = [json.loads(l) for l in open(sys.argv[1])]
files = list(dict.fromkeys(r['file'] for r in rows))
Z = np.zeros(384)
def arrays(rs):
    S = np.array([r['f'] for r in rs]); E = np.array([r['e'] for r in rs])
    Sv = np.array([r.get('s', Z) for r in rs]); P = np.array([r.get('p', Z) for r in rs])
    y = np.array([1.0 if r['y'] else 0.0 for r in rs]); return S, E, Sv, P, y
ex = arrays([r for r in rows if r['file'] == files[0]])
others = [(f, arrays([r for r in rows if r['file'] == f])) for f in files[1:]]
def feats(a, mu, sd, wq, ws, wp, scale):
    S, E, Sv, P, _ = a
    parts = [(S - mu) / sd, E * wq]
    if ws: parts.append(E * Sv * ws * scale)
    if wp: parts.append(E * P * wp * scale)
    return np.hstack(parts)
def auc(p, y):
    pos, neg = p[y == 1], p[y == 0]
    return (pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean()
for cfg in sys.argv[2:]:
    wq, ws, wp, C = [float(x) for x in cfg.split(':')]
    S, E, Sv, P, y = ex
    mu, sd = S.mean(0), S.std(0) + 1e-9
    scale = np.sqrt(384)  # elementwise products are ~1/384 each: scale to unit-ish
    A = feats(ex, mu, sd, wq, ws, wp, scale)
    n = len(y); oof = np.zeros(n)
    for f in range(5):
        te = np.arange(n) % 5 == f
        oof[te] = pred(fit(A[~te], y[~te], C), A[te])
    w = fit(A, y, C)
    pos = np.sort(oof[y == 1])
    out = [f"oofAUC {auc(oof, y):.3f}"]
    # bank8 in and oos pooled
    Ps, Ys = [], []
    for f, a in others:
        Ps.append(pred(w, feats(a, mu, sd, wq, ws, wp, scale))); Ys.append(a[4])
    p, yy = np.concatenate(Ps), np.concatenate(Ys)
    out.append(f"heldAUC {auc(p, yy):.3f}")
    for target in [0.92, 0.94, 0.95]:
        t = pos[int(np.floor((1 - target) * len(pos)))]
        out.append(f"{target}: {int((p[yy==1]>=t).sum())}/{int((yy==1).sum())} ans {int((p[yy==0]<t).sum())}/{int((yy==0).sum())} dec")
    print(cfg, ' | '.join(out), flush=True)
