"""How the answer-or-decline decision's neighbour figure was chosen (BENCHMARKS.md section 8).

Reads what AnsDump.java writes (the decision's figures and the question's embedding, per question) for
the example file first, then other files. Fits the decision as the server does (standardised figures,
embedding x3, liblinear's L2R_LR objective by cv.py's Newton steps) on the example file alone, sets its
threshold from 5-fold out-of-fold scores at a target recall, and counts answered / declined per file.
Choose on the fifth writer's train split (in no example file); the *-test files are for reporting.
Usage: python3 tools/answer-cv/neighbours.py target/answer-cv/all.jsonl
"""
import json, sys
import numpy as np
from cv import fit, pred  # liblinear's L2R_LR objective by Newton steps, as cv.py fits it

rows = [json.loads(l) for l in open(sys.argv[1])]
files = list(dict.fromkeys(r['file'] for r in rows))
by_file = {f: [r for r in rows if r['file'] == f] for f in files}
EXAMPLES = 'answerable-examples.jsonl'


def arrays(rs):
    return (np.array([r['f'] for r in rs]), np.array([r['e'] for r in rs]),
            np.array([1.0 if r['y'] else 0.0 for r in rs]))


def neighbours(Etr, ytr, E, k, cols, leave_one_out=False):
    """Mean cosine of the k closest answerable / not-covered examples, and their difference."""
    S = E @ Etr.T
    if leave_one_out:
        np.fill_diagonal(S, -1)
    out = []
    for label in (1, 0):
        M = -np.sort(-S[:, ytr == label], axis=1)[:, :k]; out.append(M.mean(1))
    return np.stack(out + [out[0] - out[1]], 1)[:, cols]


def model(S, E, y, wq, k, cols):
    def feats(S2, E2, loo=False):
        return np.hstack([S2, neighbours(E, y, E2, k, cols, loo)]) if k else S2
    X = feats(S, E, True); mu, sd = X.mean(0), X.std(0) + 1e-9
    w = fit(np.hstack([(X - mu) / sd, E * wq]), y)
    return lambda S2, E2: pred(w, np.hstack([(feats(S2, E2) - mu) / sd, E2 * wq]))


def run(wq, k, cols, target):
    S, E, y = arrays(by_file[EXAMPLES]); n = len(y); oof = np.zeros(n)
    for f in range(5):
        te = np.arange(n) % 5 == f
        oof[te] = model(S[~te], E[~te], y[~te], wq, k, cols)(S[te], E[te])
    pos = np.sort(oof[y == 1]); t = pos[int(np.floor((1 - target) * len(pos)))]
    m = model(S, E, y, wq, k, cols); out = []
    for f in files[1:]:
        s, e, yy = arrays(by_file[f]); p = m(s, e)
        out.append(f"{f} {int((p[yy == 1] >= t).sum())}/{int((yy == 1).sum())} answered "
                   f"{int((p[yy == 0] < t).sum())}/{int((yy == 0).sum())} declined")
    print(f"embedding x{wq}, k={k}, figures {cols}, target {target}: threshold {t:.3f}\n  " + "\n  ".join(out))


for k, cols in [(0, []), (3, [0, 1, 2]), (3, [0]), (3, [1]), (3, [2]), (5, [0]), (1, [0])]:
    for target in (0.90, 0.92):
        run(3, k, cols, target)
