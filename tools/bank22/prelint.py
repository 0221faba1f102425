"""Writing-time helper: check passages.txt answers/expects against the corpus before build."""
import pathlib, sys
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / 'banks'))
import bank
here = pathlib.Path(__file__).resolve().parent
texts = {k: bank.doc_text(d) for k, d in bank.DOCS.items()}
bad = 0
for line in (here / 'passages.txt').read_text(encoding='utf-8').split('\n'):
    if not line.strip() or line.startswith('#'):
        continue
    key, ans, exp = line.split('|', 2)
    t = texts[key[0]]
    if bank.norm(ans) not in t:
        print('ANSWER', key, ans[:80]); bad += 1
    for e in exp.split('||'):
        if bank.norm(e) not in t or not 4 <= len(e.split()) <= 12:
            print('EXPECT', key, e, len(e.split())); bad += 1
print(bad, 'problems')
