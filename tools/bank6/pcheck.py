import sys
sys.path.insert(0, 'tools/banks')
from bank import DOCS, norm, doc_text
texts = {k: doc_text(v) for k, v in DOCS.items()}
bad = 0
for line in open('tools/bank6/passages.txt', encoding='utf-8'):
    if line.startswith('#') or not line.strip(): continue
    key, ans, exp = line.rstrip('\n').split('|', 2)
    t = texts[key[0]]
    if norm(ans) not in t: print('ANS', key, ans[:80]); bad += 1
    for e in exp.split('||'):
        if norm(e) not in t: print('EXP', key, e); bad += 1
        n = len(e.split())
        if not 4 <= n <= 12: print('LEN', key, n, e)
        if norm(e) not in norm(ans): print('NOTINANS', key, e)
print('bad', bad)
