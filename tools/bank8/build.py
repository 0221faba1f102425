"""Build the bank8 JSONL files from the hand-written sources in this folder.

passages.txt : key|answer sentence copied from the document|expect phrase||expect phrase
inscope.txt  : style|passage key|question
oos.txt      : style|question|why the documents do not answer it
Run from the repository root: python3 tools/bank8/build.py
"""
import hashlib, json, pathlib, sys
sys.path.insert(0, str(pathlib.Path(__file__).parent))
from common import ROOT, DOCS

HERE = pathlib.Path(__file__).parent
STYLES = {'ro': 'role', 'si': 'situation', 'ph': 'phone', 'sh': 'short', 'ns': 'nosourcewords',
          'fa': 'fact', 'ma': 'manager', 'fu': 'followup-like', 'ac': 'acronym'}

def rows(name):
    for line in (HERE / name).read_text(encoding='utf-8').split('\n'):
        if line.strip() and not line.startswith('#'):
            yield line

def split_of(q):
    return 'test' if int(hashlib.sha256(q.encode('utf-8')).hexdigest(), 16) % 4 == 0 else 'train'

passages = {}
for line in rows('passages.txt'):
    key, ans, exp = line.split('|', 2)
    assert key not in passages, key
    passages[key] = (DOCS[key[0]], ans, exp.split('||'))

used = set()

inscope = []
for line in rows('inscope.txt'):
    s, key, q = line.split('|', 2)
    doc, ans, exp = passages[key]
    used.add(key)
    inscope.append({'q': q, 'expect': exp, 'answer': ans, 'doc': doc, 'style': STYLES[s]})

oos = []
for line in rows('oos.txt'):
    s, q, why = line.split('|', 2)
    oos.append({'q': q, 'outOfScope': True, 'style': STYLES[s], 'why': why})

out = ROOT / 'src/test/resources/eval'
for name, items in (('inscope', inscope), ('oos', oos)):
    for part in ('train', 'test'):
        with open(out / f'bank8-{name}-{part}.jsonl', 'w', encoding='utf-8') as f:
            for it in items:
                if split_of(it['q']) == part:
                    f.write(json.dumps(dict(it, split=part), ensure_ascii=False) + '\n')
unused = sorted(set(passages) - used)
if unused:
    print('passages with no question:', ', '.join(unused))
print(len(inscope), 'in scope,', len(oos), 'out of scope,',
      sum(o['why'].startswith('Near miss') for o in oos), 'near misses')
