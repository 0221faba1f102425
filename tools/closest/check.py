#!/usr/bin/env python3
"""How often a declined question's `closest` list points to the passage that answers it.

Usage (a running server with --rate-limit 0, loopback only):
  python3 tools/closest/check.py PORT src/test/resources/eval/bank19-inscope-train.jsonl ...

For each non-urgent question the server declines: an in-scope one counts when a `closest` passage is
one that answers it (a passage of /api/search?limit=50 whose text holds an `expect` phrase, as the
eval's rule); an out-of-scope one counts when `closest` lists anything. One request at a time.
"""
import collections
import json
import re
import sys
import urllib.parse
import urllib.request


def norm(s):
    s = s.replace('\u2018', "'").replace('\u2019', "'").replace('\u201c', '"').replace('\u201d', '"')
    return re.sub(r'\s+', ' ', s).strip().lower()


def answers(q, text):
    h = norm(text)
    return any(norm(e) in h for e in q['expect'])


def main(port, files):
    base = f'http://127.0.0.1:{port}'
    c = collections.Counter()
    for f in files:
        for line in open(f, encoding='utf-8'):
            if not line.strip():
                continue
            q = json.loads(line)
            req = urllib.request.Request(base + '/api/ask', data=json.dumps({'question': q['q']}).encode(),
                                         headers={'content-type': 'application/json'})
            a = json.load(urllib.request.urlopen(req, timeout=60))
            if a['grounded'] or a['urgent']:
                continue
            n = len(a['closest'])
            if q.get('outOfScope'):
                c['out of scope declined'] += 1
                c['out of scope with a closest list'] += n > 0
                c['out of scope closest passages'] += n
            else:
                url = base + '/api/search?' + urllib.parse.urlencode({'q': q['q'][:500], 'limit': 50, 'facets': 'none'})
                found = json.load(urllib.request.urlopen(url, timeout=60))['results']
                ids = {r['id'] for r in found if answers(q, r['text'])}
                c['in scope declined'] += 1
                c['in scope with a closest list'] += n > 0
                c['in scope answering passage listed'] += any(x['id'] in ids for x in a['closest'])
    print(json.dumps(c, indent=1))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2:])
