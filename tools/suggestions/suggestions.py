#!/usr/bin/env python3
"""suggestions.py PORT FILE... : for each in-scope question of the files the server answers, asks each
"You could also ask" suggestion in turn and counts those answered (grounded) and those answered from a
document the first answer cites. Loopback only; one request at a time."""
import json,sys,urllib.request
PORT=sys.argv[1]; files=sys.argv[2:]
def ask(q):
    r=urllib.request.Request(f"http://localhost:{PORT}/api/ask",data=json.dumps({"question":q}).encode(),headers={'content-type':'application/json'})
    return json.load(urllib.request.urlopen(r))
n=0; sug=0; grounded=0; samedoc=0; answered=0; cache={}
for f in files:
  for line in open(f):
    d=json.loads(line)
    if d.get('outOfScope'): continue
    a=ask(d['q'])
    if not a['grounded']: continue
    answered+=1
    docs={c['docId'] if 'docId' in c else c['id'].split('#')[0] for c in a['citations']}
    for s in a['suggestions']:
        if s not in cache: cache[s]=ask(s)
        b=cache[s]; sug+=1
        if b['grounded']:
            grounded+=1
            bd={c['docId'] if 'docId' in c else c['id'].split('#')[0] for c in b['citations']}
            samedoc+= bool(docs & bd)
print(f"answered {answered}, suggestions {sug} ({sug/max(1,answered):.2f} per answer), suggestions answered when asked {grounded}/{sug} ({grounded/max(1,sug):.3f}), answered from a document the answer cites {samedoc}/{sug} ({samedoc/max(1,sug):.3f})")
