"""Shared build and check logic for the hand-written question banks in tools/bankN/.

Each bank folder holds its data (passages.txt, inscope.txt, oos.txt), a README.md,
a config.py with a CONFIG dict (see CONFIG KEYS below) and two thin entry points:

    python3 tools/bankN/build.py   # writes src/test/resources/eval/bankN-{inscope,oos}-{train,test}.jsonl
    python3 tools/bankN/check.py   # quality checks; exits non-zero on any failure

Data formats:
passages.txt : key|answer sentence copied from the document|expect phrase||expect phrase
inscope.txt  : style|passage key|question
oos.txt      : style|question|why the documents do not answer it

CONFIG KEYS
  name              bank name, also the prefix of the JSONL files ('bank7')
  styles            style codes the bank may use (keys of STYLE_CODES)
  situation_words   (min, max) words of a 'situation' question
  near_miss         True: every oos 'why' starts 'Near miss: ' or 'Not covered: ', at least
                    half are near misses; build and check print the near-miss count and
                    build lists passages with no question
  min_inscope       least number of in-scope questions, or None for no minimum
  min_oos           least number of out-of-scope questions, or None
  min_per_doc       least number of in-scope questions per document, or None
                    (every bank checks at least 1 per 100 document words)
"""
import hashlib, json, pathlib, re, sys
from collections import Counter

ROOT = pathlib.Path(__file__).resolve().parents[2]
EVAL = ROOT / 'src/test/resources/eval'
DOCS = {
    'w': 'child-safeguarding-practice-review-panel-webinar-2020-08',
    'g': 'gateshead-learning-from-reviews-2022',
    't': 'telford-learning-from-local-reviews-2021',
    'n': 'telford-learning-review-briefing-note-neglect',
    'c': 'newcastle-learning-from-practice-annual-report-2016-17',
}
STYLE_CODES = {'ro': 'role', 'si': 'situation', 'ph': 'phone', 'sh': 'short', 'ns': 'nosourcewords',
               'fa': 'fact', 'ma': 'manager', 'fu': 'followup-like', 'ac': 'acronym'}


def norm(s):
    s = re.sub(r'!?\[([^\]]*)\]\([^)]*\)', r'\1', s)  # link syntax -> text
    s = s.replace('*', '').replace('_', '')
    s = re.sub(r'\s+', ' ', s)
    return s.strip().lower()


def doc_text(name):
    return norm((ROOT / 'corpus' / (name + '.md')).read_text(encoding='utf-8'))


def split_of(q):
    return 'test' if int(hashlib.sha256(q.encode('utf-8')).hexdigest(), 16) % 4 == 0 else 'train'


def _rows(here, name):
    for line in (here / name).read_text(encoding='utf-8').split('\n'):
        if line.strip() and not line.startswith('#'):
            yield line


def build(cfg, here):
    """Turn the data files in folder `here` into the bank's four JSONL files."""
    styles = {c: STYLE_CODES[c] for c in cfg['styles']}
    passages = {}
    for line in _rows(here, 'passages.txt'):
        key, ans, exp = line.split('|', 2)
        assert key not in passages, key
        passages[key] = (DOCS[key[0]], ans, exp.split('||'))

    used = set()
    inscope = []
    for line in _rows(here, 'inscope.txt'):
        s, key, q = line.split('|', 2)
        doc, ans, exp = passages[key]
        used.add(key)
        inscope.append({'q': q, 'expect': exp, 'answer': ans, 'doc': doc, 'style': styles[s]})

    oos = []
    for line in _rows(here, 'oos.txt'):
        s, q, why = line.split('|', 2)
        oos.append({'q': q, 'outOfScope': True, 'style': styles[s], 'why': why})

    for name, items in (('inscope', inscope), ('oos', oos)):
        for part in ('train', 'test'):
            with open(EVAL / f'{cfg["name"]}-{name}-{part}.jsonl', 'w', encoding='utf-8') as f:
                for it in items:
                    if split_of(it['q']) == part:
                        f.write(json.dumps(dict(it, split=part), ensure_ascii=False) + '\n')
    if cfg['near_miss']:
        unused = sorted(set(passages) - used)
        if unused:
            print('passages with no question:', ', '.join(unused))
        print(len(inscope), 'in scope,', len(oos), 'out of scope,',
              sum(o['why'].startswith('Near miss') for o in oos), 'near misses')
    else:
        print(len(inscope), 'in scope,', len(oos), 'out of scope')


def check(cfg):
    """Check the bank's JSONL files; print counts; return the exit status (0 = OK)."""
    styles = {STYLE_CODES[c] for c in cfg['styles']}
    lo, hi = cfg['situation_words']
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
            p = EVAL / f'{cfg["name"]}-{name}-{part}.jsonl'
            for n, line in enumerate(p.read_text(encoding='utf-8').splitlines(), 1):
                it = json.loads(line)
                if it.get('split') != part or split_of(it['q']) != part:
                    fail.append(f'{p.name}:{n} wrong split')
                items.append(it)
        return items

    def check_style(it):
        q = it['q']
        n = len(q.split())
        if it['style'] == 'short' and n > 4: fail.append(f'short question too long ({n}): {q}')
        if it['style'] == 'situation' and not lo <= n <= hi: fail.append(f'situation length {n}: {q}')

    ins, oos = load('inscope'), load('oos')

    for it in ins:
        q = it['q']
        if it['doc'] not in texts:
            fail.append(f'unknown doc: {q}'); continue
        t = texts[it['doc']]
        if it['style'] not in styles: fail.append(f'bad style {it["style"]}: {q}')
        if norm(it['answer']) not in t: fail.append(f'answer not in {it["doc"]}: {it["answer"][:70]}')
        if not 1 <= len(it['expect']) <= 3: fail.append(f'expect count: {q}')
        for e in it['expect']:
            if norm(e) not in t: fail.append(f'expect not in {it["doc"]}: {e}')
            if not 4 <= len(e.split()) <= 12: fail.append(f'expect length {len(e.split())}: {e}')
        if norm(q).rstrip('?.: ') in headings: fail.append(f'question copies a heading: {q}')
        check_style(it)

    for it in oos:
        q = it['q']
        if it.get('outOfScope') is not True or not it.get('why'): fail.append(f'oos fields: {q}')
        if it['style'] not in styles: fail.append(f'bad style {it["style"]}: {q}')
        check_style(it)

    if cfg['near_miss']:
        near = sum(it['why'].startswith('Near miss: ') for it in oos)
        for it in oos:
            if not it['why'].startswith(('Near miss: ', 'Not covered: ')):
                fail.append(f'why must start Near miss/Not covered: {it["q"]}')
        if near * 2 < len(oos): fail.append(f'near misses {near} are fewer than half of {len(oos)}')
    if cfg['min_inscope'] is not None and len(ins) < cfg['min_inscope']:
        fail.append(f'only {len(ins)} in-scope questions')
    if cfg['min_oos'] is not None and len(oos) < cfg['min_oos']:
        fail.append(f'only {len(oos)} out-of-scope questions')

    seen = Counter(norm(it['q']).rstrip('?!. ') for it in ins + oos)
    for q, c in seen.items():
        if c > 1: fail.append(f'duplicate question: {q}')

    def show(title, items, key):
        c = Counter(key(i) for i in items)
        print(title); [print(f'  {k:60s} {v}') for k, v in sorted(c.items())]

    def splits(items):
        return f'train {sum(i["split"]=="train" for i in items)}, test {sum(i["split"]=="test" for i in items)}'

    print(f'in scope {len(ins)} ({splits(ins)})')
    if cfg['near_miss']:
        print(f'near misses {near} of {len(oos)} out of scope')
    print(f'out of scope {len(oos)} ({splits(oos)})')
    show('in scope by style', ins, lambda i: i['style'])
    show('out of scope by style', oos, lambda i: i['style'])
    show('in scope by document', ins, lambda i: i['doc'])
    words = {d: len(t.split()) for d, t in texts.items()}
    print('in-scope questions per 100 document words:')
    for d in sorted(words):
        k = sum(i['doc'] == d for i in ins)
        print(f'  {d:60s} {k:4d} / {words[d]:6d} words = {100*k/words[d]:.1f}')
        if k < words[d] / 100: fail.append(f'too few questions for {d}')
        if cfg['min_per_doc'] is not None and k < cfg['min_per_doc']:
            fail.append(f'fewer than {cfg["min_per_doc"]} questions for {d}')
    for f in fail: print('FAIL', f)
    print('OK' if not fail else f'{len(fail)} failures')
    return 1 if fail else 0


def dupcheck(cfg):
    """Prints the bank's questions that repeat (case-insensitive, whitespace-normalised) a question in
    another src/test/resources/eval/*.jsonl file or in answerable-examples.jsonl; returns 1 if any.
    A check for writing time: once a bank's train split has joined the examples, its own questions
    are found there too."""
    def n(s):
        return re.sub(r'\s+', ' ', s.strip().lower())
    name = cfg['name']
    mine = {}
    for f in sorted(EVAL.glob(f'{name}-*.jsonl')):
        for line in f.read_text(encoding='utf-8').splitlines():
            q = json.loads(line)['q']
            mine[n(q)] = q
    others = [f for f in sorted(EVAL.glob('*.jsonl')) if not f.name.startswith(name + '-')]
    others.append(ROOT / 'src/main/resources/answer/answerable-examples.jsonl')
    hits = set()
    for f in others:
        for line in f.read_text(encoding='utf-8').splitlines():
            line = line.strip()
            if not line:
                continue
            try:
                v = json.loads(line).get('q')
            except Exception:
                continue
            if isinstance(v, str) and n(v) in mine:
                hits.add(mine[n(v)])
    for h in sorted(hits):
        print('DUP:', h)
    print(len(hits), 'duplicates')
    return 1 if hits else 0
