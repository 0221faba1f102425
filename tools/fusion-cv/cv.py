"""Cross-validated choice of a fusion family on a BEIR train split (see README.md here).

python3 tools/fusion-cv/cv.py BEIR_DIR RUNS_DIR
"""
import collections, math, random, statistics, sys

beir, runs_dir = sys.argv[1], sys.argv[2]

def qrels(split):
    q = collections.defaultdict(dict)
    for line in open(f'{beir}/qrels/{split}.tsv'):
        f = line.strip().split('\t')
        if f[0] != 'query-id' and int(f[2]) > 0:
            q[f[0]][f[1]] = int(f[2])
    return q

def run(split, name):
    r = collections.defaultdict(list)
    for line in open(f'{runs_dir}/{split}-{name}.tsv'):
        q, d, s = line.rstrip('\n').split('\t')
        r[q].append((d, float(s)))
    return r

def ndcg(ranked, rel, k=10):  # trec_eval ndcg_cut.10: linear gains, log2 discount
    dcg = sum(rel.get(d, 0) / math.log2(i + 2) for i, d in enumerate(ranked[:k]))
    ideal = sorted(rel.values(), reverse=True)[:k]
    return dcg / sum(g / math.log2(i + 2) for i, g in enumerate(ideal))

def rrf(b, g, k, w):
    def f(q):
        s = collections.defaultdict(float)
        for lst, wt in ((b.get(q, []), 1), (g.get(q, []), w)):
            for i, (d, _) in enumerate(lst):
                s[d] += wt / (k + i + 1)
        return sorted(s, key=lambda d: (-s[d], d))
    return f

def normalised(b, g, w, how):
    def scale(lst):
        if not lst:
            return {}
        xs = [x for _, x in lst]
        if how == 'minmax':
            lo, hi = min(xs), max(xs)
            return {d: (x - lo) / (hi - lo) if hi > lo else 1.0 for d, x in lst}
        mu, sd = statistics.mean(xs), statistics.pstdev(xs) or 1.0
        floor = (min(xs) - mu) / sd
        return {d: (x - mu) / sd - floor for d, x in lst}  # shifted so a missing document scores 0
    def f(q):
        s = collections.defaultdict(float)
        for lst, wt in ((b.get(q, []), 1), (g.get(q, []), w)):
            for d, x in scale(lst).items():
                s[d] += wt * x
        return sorted(s, key=lambda d: (-s[d], d))
    return f

Q = qrels('train')
qs = sorted(Q)
b, g = run('train', 'bm25'), run('train', 'bge')
W = [0.75, 1, 1.25, 1.5, 1.75, 2, 2.5]
families = {
    'min-max sum': {('w', w): normalised(b, g, w, 'minmax') for w in W},
    'z-score sum': {('w', w): normalised(b, g, w, 'z') for w in W},
    'weighted RRF': {('k', k, 'w', w): rrf(b, g, k, w) for k in (5, 10, 20, 60) for w in (1, 1.5, 1.75, 2, 2.5)},
}
random.seed(7)
for name, settings in families.items():
    per = {s: {q: ndcg(f(q), Q[q]) for q in qs} for s, f in settings.items()}
    scores = []
    for _ in range(10):
        shuffled = qs[:]
        random.shuffle(shuffled)
        total = 0
        for i in range(5):
            held = set(shuffled[i::5])
            best = max(per, key=lambda s: sum(v for q, v in per[s].items() if q not in held))
            total += sum(per[best][q] for q in held)
        scores.append(total / len(qs))
    best = max(per, key=lambda s: sum(per[s].values()))
    print(f'{name:14s} 5-fold CV nDCG@10 {statistics.mean(scores):.4f}; '
          f'best train setting {best}: {sum(per[best].values()) / len(qs):.4f}')
