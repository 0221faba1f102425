"""How the answer-or-decline decision's target recall was set on 2026-12-05's fourth session (BENCHMARKS.md
section 8): fits the decision as the server does (standardised figures, embedding x WEIGHT, liblinear's
L2R_LR objective by cv.py's Newton steps) on the example file alone (the dump's first file), sets the
threshold from 5-fold out-of-fold scores at each target recall, and counts answered / declined in
the other files. Choose on a writer's train split that is in no example file (bank7's, this time).
Usage: python3 tools/answer-cv/sweep_recall.py target/answer-cv/all.jsonl 2,3,4
(the dump from AnsDump.java: the example file first, then the files to count).
"""
import json, sys
import numpy as np
sys.path.insert(0, __import__('os').path.dirname(__file__))
from cv import fit, pred
rows = [json.loads(l) for l in open(sys.argv[1])]
files = list(dict.fromkeys(r['file'] for r in rows))
by = {f: [r for r in rows if r['file'] == f] for f in files}
def arrays(rs):
    return np.array([r['f'] for r in rs]), np.array([r['e'] for r in rs]), np.array([1.0 if r['y'] else 0.0 for r in rs])
S, E, y = arrays(by[files[0]])
def model(S, E, y, wq):
    mu, sd = S.mean(0), S.std(0) + 1e-9
    w = fit(np.hstack([(S - mu) / sd, E * wq]), y)
    return lambda S2, E2: pred(w, np.hstack([(S2 - mu) / sd, E2 * wq]))
for wq in [float(x) for x in sys.argv[2].split(',')]:
    n = len(y); oof = np.zeros(n)
    for f in range(5):
        te = np.arange(n) % 5 == f
        oof[te] = model(S[~te], E[~te], y[~te], wq)(S[te], E[te])
    m = model(S, E, y, wq)
    pos = np.sort(oof[y == 1])
    for target in [0.88, 0.90, 0.92, 0.93, 0.94, 0.95, 0.96]:
        t = pos[int(np.floor((1 - target) * len(pos)))]
        out = []
        for f in files[1:]:
            s, e, yy = arrays(by[f]); p = m(s, e)
            out.append(f"{f[:-6]} {int((p[yy == 1] >= t).sum())}/{int((yy == 1).sum())} ans {int((p[yy == 0] < t).sum())}/{int((yy == 0).sum())} dec")
        print(f"wq {wq} target {target}: t {t:.3f} | " + " | ".join(out))
