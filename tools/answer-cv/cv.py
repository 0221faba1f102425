"""How the answer step's learned settings were chosen (BENCHMARKS.md section 8), on the train split only.

Reads the JSON lines Dump.java writes for the train banks and cross-validates (5 folds, round-robin)
a NumPy logistic regression equivalent to the shipped liblinear ones:
  1. answer or decline: figures alone, and figures + the question embedding (AUC, and the share of
     answerable questions answered / out-of-scope declined at each threshold);
  2. sentence scoring: "is the answering sentence", "its passage answers", and their geometric mean,
     as point precision / answer-sentence recall / points per question for a few selection settings.
Usage: python3 tools/answer-cv/cv.py target/answer-cv/train.jsonl
"""
import json, math, re, sys
import numpy as np

ACR = re.compile(r'^[A-Z][A-Z0-9]{1,6}s?$')
NAMED = re.compile(r"^([A-Z][a-z]+([-'][A-Za-z]+)*|\d{2,})$")
ACTION = re.compile(r"\b(should|must|ensure|need to|needs to|make sure|always|don'?t|do not|never|be aware|remember|"
                    r"remain vigilant)\b|^(Use|Record|Share|Contact|Liaise|Work with|Challenge|Escalate|Gather|Get|"
                    r"Think|Read|Ask|Check|Refer|Make|Consider|Seek|Speak|Talk|Report|Keep|Follow|Include|Involve)\b")


def fit(A, y, C=1.0):
    A1 = np.hstack([A, np.ones((len(A), 1))]); w = np.zeros(A1.shape[1])
    for _ in range(50):  # Newton steps on the L2-regularised log loss (liblinear's L2R_LR objective)
        p = 1 / (1 + np.exp(-A1 @ w)); g = A1.T @ (p - y) + w / C
        H = (A1.T * (p * (1 - p))) @ A1 + np.eye(len(w)) / C
        w -= np.linalg.solve(H, g)
    return w


def pred(w, A):
    return 1 / (1 + np.exp(-np.hstack([A, np.ones((len(A), 1))]) @ w))


def question_figures(r):
    ws, top = r['words'], r['hits'][:3]
    n = len(ws)
    kind = ['known' if w['known'] else 'acronym' if ACR.match(w['w']) else 'name' if NAMED.match(w['w'])
            else 'other' if w['w'][:1].isupper() else 'everyday' for w in ws]
    known = [i for i, k in enumerate(kind) if k == 'known']
    counted = [i for i, k in enumerate(kind) if k != 'everyday']
    rare = sorted(known, key=lambda i: -ws[i]['weight'])[:2]
    def share(idx, h, weighted=True):
        tot = sum(ws[i]['weight'] if weighted else 1 for i in idx)
        return sum((ws[i]['weight'] if weighted else 1) for i in idx if h['has'][i]) / tot if tot else 0
    sc = [[s['cos'] for s in a] for a in r['sents'][:3]]
    allc = sorted([c for a in sc for c in a], reverse=True)
    return [max(h['cos'] for h in top), max(share(known, h) for h in top), max(share(counted, h) for h in top),
            max(share(rare, h, False) for h in top), kind.count('other') / n, float('acronym' in kind),
            float('name' in kind), allc[0] if allc else 0, max(sc[0], default=0), allc[1] if len(allc) > 1 else 0]


def auc(s, y):
    pos, neg = s[y == 1], s[y == 0]
    return np.mean([(a > b) + 0.5 * (a == b) for a in pos for b in neg])


def answer_or_decline(rows):
    rows = [r for r in rows if r['hits'] and r['words']]
    S = np.array([question_figures(r) for r in rows]); Q = np.array([r['qv'] for r in rows])
    y = np.array([0 if r['oos'] else 1 for r in rows], float)
    for name, wq in [('figures alone', 0), ('figures + embedding x3', 3)]:
        s = np.zeros(len(y))
        for k in range(5):
            tr = np.arange(len(y)) % 5 != k
            mu, sd = S[tr].mean(0), S[tr].std(0) + 1e-9
            A = np.hstack([(S - mu) / sd, Q * wq])
            s[~tr] = pred(fit(A[tr], y[tr], 1.0), A[~tr])
        t90 = np.sort(s[y == 1])[int(0.1 * (y == 1).sum())]
        print(f"{name}: AUC {auc(s, y):.3f}; at the 0.90-recall threshold {t90:.2f}: answerable answered "
              f"{(s[y == 1] >= t90).mean():.3f}, out of scope declined {(s[y == 0] < t90).mean():.3f}")


def sentence_rows(r):
    allc = [s['cos'] for a in r['sents'] for s in a]; allo = [s['ov'] for a in r['sents'] for s in a]
    mc, mo, top = max(allc), max(allo), r['hits'][0]['score']
    out = []
    for i, a in enumerate(r['sents']):
        h = r['hits'][i]; pm = max([s['cos'] for s in a], default=0)
        for j, s in enumerate(a):
            f = [s['cos'], s['ov'], mc - s['cos'], mo - s['ov'], pm - s['cos'], 1 / (1 + i), float(i == 0), h['cos'],
                 h['cov'], h['score'] / top, min(len(s['t']), 600) / 600, float(bool(ACTION.search(s['t']))), j / len(a)]
            out.append((f, s['ans'], h['rel'], i))
    return out


def sentences(rows):
    Qs = [sentence_rows(r) for r in rows if not r['oos'] and r['sents']]
    def cv(label):
        preds = [None] * len(Qs)
        for k in range(5):
            tr = [q for i, q in enumerate(Qs) if i % 5 != k]
            A = np.array([f for q in tr for f, *_ in q]); y = np.array([label(a, rel) for q in tr for _, a, rel, _ in q], float)
            mu, sd = A.mean(0), A.std(0) + 1e-9; w = fit((A - mu) / sd, y)
            for i in range(k, len(Qs), 5):
                preds[i] = pred(w, (np.array([f for f, *_ in Qs[i]]) - mu) / sd)
        return preds
    def pick(preds, K, lead_share, other_share, other_points):
        pts = prec = found = 0
        for q, p in zip(Qs, preds):
            order = np.argsort(-p); lead = q[order[0]][3]; chosen = []; per = {}
            for j in order:
                i = q[j][3]; need = lead_share if i == lead else other_share
                if len(chosen) == K or p[j] < need * p[order[0]] or per.get(i, 0) >= (3 if i == lead else other_points):
                    continue
                per[i] = per.get(i, 0) + 1; chosen.append(j)
            pts += len(chosen); prec += sum(q[j][2] for j in chosen); found += any(q[j][1] for j in chosen)
        return f"precision {prec / pts:.3f}, answer-sentence recall {found / len(Qs):.3f}, points {pts / len(Qs):.2f}"
    a, r = cv(lambda ans, rel: ans), cv(lambda ans, rel: rel)
    g = [np.sqrt(x * y) for x, y in zip(a, r)]
    for name, p in [('answering sentence', a), ('geometric mean', g)]:
        for setting in [(4, 0.15, 0.3, 3), (6, 0.05, 0.2, 3), (6, 0.05, 0.1, 1)]:
            print(f"{name} {setting}: {pick(p, *setting)}")


if __name__ == '__main__':
    data = [json.loads(l) for l in open(sys.argv[1])]
    answer_or_decline(data)
    sentences(data)
