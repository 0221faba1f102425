"""Quality checks for the bank8 question files. Run from the repository root:
    python3 tools/bank8/check.py
Exits non-zero on any failure."""
import hashlib, json, pathlib, re, sys
from collections import Counter
sys.path.insert(0, str(pathlib.Path(__file__).parent))
from common import ROOT, DOCS, norm, doc_text

EVAL = ROOT / 'src/test/resources/eval'
STYLES = {'role', 'situation', 'phone', 'short', 'nosourcewords', 'fact', 'manager', 'followup-like', 'acronym'}
fail = []
texts = {d: doc_text(d) for d in DOCS.values()}
headings = set()
for d in DOCS.values():
    for line in (ROOT / 'corpus' / (d + '.md')).read_text(encoding='utf-8').split('\n'):
        if line.startswith('#'):
            headings.add(norm(re.sub(r'^#+\s*(\d[\d.]*\s*)?', '', line)).rstrip('?.: '))

def load(name):
    items = []
    for part in ('train', 'test'):
        p = EVAL / f'bank8-{name}-{part}.jsonl'
        for n, line in enumerate(p.read_text(encoding='utf-8').splitlines(), 1):
            it = json.loads(line)
            want = 'test' if int(hashlib.sha256(it['q'].encode('utf-8')).hexdigest(), 16) % 4 == 0 else 'train'
            if it.get('split') != part or want != part:
                fail.append(f'{p.name}:{n} wrong split')
            items.append(it)
    return items

ins, oos = load('inscope'), load('oos')

for it in ins:
    q = it['q']
    if it['doc'] not in texts:
        fail.append(f'unknown doc: {q}'); continue
    t = texts[it['doc']]
    if it['style'] not in STYLES: fail.append(f'bad style {it["style"]}: {q}')
    if norm(it['answer']) not in t: fail.append(f'answer not in {it["doc"]}: {it["answer"][:70]}')
    if not 1 <= len(it['expect']) <= 3: fail.append(f'expect count: {q}')
    for e in it['expect']:
        if norm(e) not in t: fail.append(f'expect not in {it["doc"]}: {e}')
        if not 4 <= len(e.split()) <= 12: fail.append(f'expect length {len(e.split())}: {e}')
    if norm(q).rstrip('?.: ') in headings: fail.append(f'question copies a heading: {q}')
    n = len(q.split())
    if it['style'] == 'short' and n > 4: fail.append(f'short question too long ({n}): {q}')
    if it['style'] == 'situation' and not 30 <= n <= 80: fail.append(f'situation length {n}: {q}')

for it in oos:
    q = it['q']
    if it.get('outOfScope') is not True or not it.get('why'): fail.append(f'oos fields: {q}')
    if it['style'] not in STYLES: fail.append(f'bad style {it["style"]}: {q}')
    n = len(q.split())
    if it['style'] == 'short' and n > 4: fail.append(f'short question too long ({n}): {q}')
    if it['style'] == 'situation' and not 30 <= n <= 80: fail.append(f'situation length {n}: {q}')

near = sum(it['why'].startswith('Near miss: ') for it in oos)
for it in oos:
    if not it['why'].startswith(('Near miss: ', 'Not covered: ')): fail.append(f'why must start Near miss/Not covered: {it["q"]}')
if near * 2 < len(oos): fail.append(f'near misses {near} are fewer than half of {len(oos)}')
if len(ins) < 450: fail.append(f'only {len(ins)} in-scope questions')
if len(oos) < 250: fail.append(f'only {len(oos)} out-of-scope questions')
seen = Counter(norm(it['q']).rstrip('?!. ') for it in ins + oos)
for q, c in seen.items():
    if c > 1: fail.append(f'duplicate question: {q}')

def show(title, items, key):
    c = Counter(key(i) for i in items)
    print(title); [print(f'  {k:60s} {v}') for k, v in sorted(c.items())]

print(f'in scope {len(ins)} (train {sum(i["split"]=="train" for i in ins)}, test {sum(i["split"]=="test" for i in ins)})')
print(f'near misses {near} of {len(oos)} out of scope')
print(f'out of scope {len(oos)} (train {sum(i["split"]=="train" for i in oos)}, test {sum(i["split"]=="test" for i in oos)})')
show('in scope by style', ins, lambda i: i['style'])
show('out of scope by style', oos, lambda i: i['style'])
show('in scope by document', ins, lambda i: i['doc'])
words = {d: len(t.split()) for d, t in texts.items()}
print('in-scope questions per 100 document words:')
for d in sorted(words):
    k = sum(i['doc'] == d for i in ins)
    print(f'  {d:60s} {k:4d} / {words[d]:6d} words = {100*k/words[d]:.1f}')
    if k < words[d] / 100: fail.append(f'too few questions for {d}')
    if k < 50: fail.append(f'fewer than 50 questions for {d}')
for f in fail: print('FAIL', f)
print('OK' if not fail else f'{len(fail)} failures')
sys.exit(1 if fail else 0)
