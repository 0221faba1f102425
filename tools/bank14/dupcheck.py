"""Print only the bank14 questions that duplicate (case-insensitive, whitespace-normalised)
a question in another src/test/resources/eval/*.jsonl file or in answerable-examples.jsonl.
Run from the repository root after build.py: python3 tools/bank14/dupcheck.py"""
import glob, json, re, sys
def n(s): return re.sub(r'\s+', ' ', s.strip().lower())
mine = {}
for f in glob.glob('src/test/resources/eval/bank14-*.jsonl'):
    for l in open(f, encoding='utf-8'):
        q = json.loads(l)['q']; mine[n(q)] = q
others = [f for f in glob.glob('src/test/resources/eval/*.jsonl') if 'bank14-' not in f]
others.append('src/main/resources/answer/answerable-examples.jsonl')
hits = set()
for f in others:
    for l in open(f, encoding='utf-8'):
        l = l.strip()
        if not l: continue
        try: v = json.loads(l).get('q')
        except Exception: continue
        if isinstance(v, str) and n(v) in mine: hits.add(mine[n(v)])
for h in sorted(hits): print('DUP:', h)
print(len(hits), 'duplicates')
sys.exit(1 if hits else 0)
