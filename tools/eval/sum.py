#!/usr/bin/env python3
"""sum.py OUT: the figures of tools/eval/test-splits.sh per file and summed (see that script)."""
import re,sys
# sum.py OUT : per-file and grouped figures
groups={'older4':['bank-','bank3-','bank4-','bank5-'],'w19-20':['bank19-','bank20-']}
rows={}
for line in open(sys.argv[1]):
    m=re.match(r'(\S+) \[hybrid\] in-scope answered with a relevant citation (\d+)/(\d+).*?out-of-scope declined (\d+)/(\d+)(?:.*?point precision (\d+)/(\d+))?(?:.*?answer-sentence recall (\d+)/(\d+))?(?:.*?answer sentence first (\d+)/\d+)?(?:.*?points per answer \d+/(\d+))?',line)
    if m:
        rows[m.group(1)]=[int(x) if x else 0 for x in m.groups()[1:]]
    m=re.match(r'(\S+) \[hybrid\] questions=(\d+) recall@5=([\d.]+) recall@10=[\d.]+ MRR@10=([\d.]+)',line)
    if m and int(m.group(2))>0:
        rows.setdefault(m.group(1)+'#r',[int(m.group(2)),float(m.group(3)),float(m.group(4))])
def tot(prefixes,all_=False):
    s=[0]*10; r=[0,0,0]
    for k,v in rows.items():
        if k.endswith('#r'): 
            if all_ or any(k.startswith(p) for p in prefixes):
                r[0]+=v[0]; r[1]+=v[0]*v[1]; r[2]+=v[0]*v[2]
            continue
        if all_ or any(k.startswith(p) for p in prefixes):
            s=[a+b for a,b in zip(s,v)]
    f=lambda a,b: f"{a}/{b} ({a/b:.3f})" if b else "-"
    return f"answered {f(s[0],s[1])} declined {f(s[2],s[3])} prec {f(s[4],s[5])} sentrec {f(s[6],s[7])} first {f(s[8],s[7])} pts/ans {s[5]/max(1,s[9]):.2f} r@5 {r[1]/max(1,r[0]):.3f} mrr {r[2]/max(1,r[0]):.3f}"
for k,v in sorted(rows.items()):
    if not k.endswith('#r'): print(f"{k:32s} ans {v[0]}/{v[1]} dec {v[2]}/{v[3]} prec {v[4]}/{v[5]} sent {v[6]}/{v[7]} first {v[8]} answered {v[9]}")
for g,p in groups.items(): print(g, tot(p))
print('test-splits', tot(['bank']))
print('all', tot([],True))
