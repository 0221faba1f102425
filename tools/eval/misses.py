# Where the answer step misses, by class, over HTTP against a running server:
#   python3 tools/eval/misses.py PORT FILE.jsonl...   (in-scope lines with "expect")
# Counts (outcome, search rank of the answering passage): ok, declined, or a citation of another
# passage with the answering one in or outside the top 10; then one line per miss.
import json,sys,glob,re,urllib.request,urllib.parse
PORT=sys.argv[1]; files=sys.argv[2:]
def norm(s): return re.sub(r'\s+',' ',s.lower().replace('‘',"'").replace('’',"'").replace('“','"').replace('”','"')).strip()
def get(u): return json.load(urllib.request.urlopen(u))
def ask(q):
    r=urllib.request.Request(f"http://localhost:{PORT}/api/ask",data=json.dumps({"question":q}).encode(),headers={'content-type':'application/json'})
    return json.load(urllib.request.urlopen(r))
from collections import Counter
c=Counter(); rows=[]
for f in files:
  for line in open(f):
    d=json.loads(line)
    if d.get('outOfScope') or not d.get('expect'): continue
    q=d['q']; ex=[norm(e) for e in d['expect']]
    rel=lambda t: any(e in norm(t) for e in ex)
    s=get(f"http://localhost:{PORT}/api/search?q={urllib.parse.quote(q[:500])}&limit=10")
    ranks=[i+1 for i,h in enumerate(s['results']) if rel(h['text'])]
    rank=ranks[0] if ranks else 0
    a=ask(q)
    if not a['grounded']:
        k='declined'
    else:
        cited=[cc['id'] for cc in a['citations']]
        relids={h['id'] for h in s['results'] if rel(h['text'])}
        k='ok' if any(ci in relids for ci in cited) else ('wrongcite-relInTop10' if rank else 'wrongcite-relNotTop10')
    key=(k, 'rank1' if rank==1 else ('rank2-5' if 2<=rank<=5 else ('rank6-10' if rank else 'none')))
    c[key]+=1
    if k!='ok': rows.append((k,rank,q[:110]))
for k,v in sorted(c.items()): print(k,v)
for r in rows: print(r)
