#!/usr/bin/env python3
"""declined.py PORT FILE... : for each question of the files the server declines (not urgent), whether it
is offered questions (suggestions ending in "?") rather than topics, and, for an in-scope one, whether one
of them, asked in turn, is answered from a passage holding the question's expected phrase. Loopback only."""
import json,sys,re,urllib.request
PORT=sys.argv[1]; files=sys.argv[2:]
def norm(s): return re.sub(r'\s+',' ',s.lower().replace('‘',"'").replace('’',"'").replace('“','"').replace('”','"')).strip()
def ask(q):
    r=urllib.request.Request(f"http://localhost:{PORT}/api/ask",data=json.dumps({"question":q}).encode(),headers={'content-type':'application/json'})
    return json.load(urllib.request.urlopen(r))
cache={}
ins=[0,0,0]; oos=[0,0]; ex=[]
for f in files:
  for line in open(f):
    d=json.loads(line)
    a=ask(d['q'])
    if a['grounded'] or a['urgent']: continue
    offered=[s for s in a['suggestions'] if s.endswith('?')]
    if d.get('outOfScope'):
        oos[0]+=1; oos[1]+=bool(offered)
        if offered and len(ex)<400: ex.append(('OOS',d['q'][:80],offered[0][:80]))
        continue
    if not d.get('expect'): continue
    ins[0]+=1; ins[1]+=bool(offered)
    exp=[norm(e) for e in d['expect']]
    rec=False
    for s in offered:
        if s not in cache: cache[s]=ask(s)
        b=cache[s]
        if b['grounded'] and any(any(e in norm(c['excerpt']) for e in exp) for c in b['citations']): rec=True
    ins[2]+=rec
    if offered and len(ex)<400: ex.append(('IN' + ('+' if rec else '-'),d['q'][:80],offered[0][:80]))
print(f"in-scope declined {ins[0]}, offered questions {ins[1]}, a suggestion answers it {ins[2]}; out-of-scope declined {oos[0]}, offered questions {oos[1]}")
if len(sys.argv)>0:
    import random; random.seed(3)
    for e in random.sample(ex,min(12,len(ex))): print('  ',e)
