"""How answer or decline came to read the examples' neighbours (answer/ExampleNeighbours; BENCHMARKS.md
section 8, 2026-12-05 fifth session): fits the decision on the example file alone (the dump's first
file), each example's neighbour figures read without itself, with and without the figures (the mean
cosine of the K closest answerable and not-covered examples, optionally hinged at H), threshold from
5-fold out-of-fold scores at target recall 0.94; counts answered / declined in the dump's other files
(a writer's train split in no example file) and answered in a second dump (EXTRA), whose last three
rows' margins over the threshold are printed.
Usage: python3 tools/answer-cv/example_neighbours.py DUMP EXTRA_DUMP 0:0 1:0 3:0 3:0.8   (K:H; K 0 = none)
Dumps from AnsDump.java (tools/answer-cv/README.md).
"""
import json, sys
import numpy as np
sys.path.insert(0, __import__('os').path.dirname(__file__))
from cv import fit, pred
rows = [json.loads(l) for l in open(sys.argv[1])]
extra = [json.loads(l) for l in open(sys.argv[2])]
files = list(dict.fromkeys(r['file'] for r in rows))
ex = [r for r in rows if r['file'] == files[0]]; ev = [r for r in rows if r['file'] != files[0]]
dv = [r for r in extra if r['file'] != files[0]]
def arr(rs): return np.array([r['e'] for r in rs]), np.array([1.0 if r['y'] else 0.0 for r in rs]), np.array([r['f'] for r in rs])
E, y, S = arr(ex); Ev, yv, Sv = arr(ev); Ed, yd, Sd = arr(dv)
C = E @ E.T; np.fill_diagonal(C, -1)
def feats(C, k, h):
    pos = np.sort(np.where(y == 1, C, -1), 1)[:, -k:].mean(1); neg = np.sort(np.where(y == 0, C, -1), 1)[:, -k:].mean(1)
    if h: pos, neg = np.maximum(0, pos - h), np.maximum(0, neg - h)
    return np.stack([pos, neg, neg - pos], 1)
for spec in sys.argv[3:]:
    k, h = spec.split(':'); k = int(k); h = float(h)
    A = S if k == 0 else np.hstack([S, feats(C, k, h)])
    Av = Sv if k == 0 else np.hstack([Sv, feats(Ev @ E.T, k, h)]); Ad = Sd if k == 0 else np.hstack([Sd, feats(Ed @ E.T, k, h)])
    mu, sd = A.mean(0), A.std(0) + 1e-9
    X = np.hstack([(A - mu) / sd, E * 3])
    N = len(y); oof = np.zeros(N)
    for f in range(5):
        te = np.arange(N) % 5 == f
        oof[te] = pred(fit(X[~te], y[~te]), X[te])
    w = fit(X, y)
    th = np.sort(oof[y == 1])[int(np.floor(0.06 * (y == 1).sum()))]
    p = pred(w, np.hstack([(Av - mu) / sd, Ev * 3])) >= th
    pd = pred(w, np.hstack([(Ad - mu) / sd, Ed * 3]))
    guard = ' '.join(f"{x:.2f}" for x in pd[-3:] - th)
    print(f"k {k} h {h}: new writers ans {int(p[yv==1].sum())}/{int((yv==1).sum())} dec {int((~p)[yv==0].sum())}/{int((yv==0).sum())} | dev ans {int((pd[:-3]>=th)[yd[:-3]==1].sum())}/{int((yd[:-3]==1).sum())} | guard margins {guard}", flush=True)
