"""sentence_products.py DUMP W...: does the question's vector times the sentence's, number by number,
help the sentence scorer put the answering sentence first? Reads VecDump.java's DUMP.rows / DUMP.q
(split 0: the example file's questions, as trained; 1..: the held-out files, as asked), fits the
scorer on split 0 (liblinear's L2R_LR objective over standardised figures, the products weighted W
against the 16 named figures' 1; W=0 is the scorer without them) and prints, per held-out file, how
often the answering sentence scores first among the answered questions' sentences, and the MRR."""
import numpy as np, sys
from scipy.optimize import minimize
D=384; F=16
rec=np.dtype([('q','>i4'),('y','i1'),('p','i1'),('rank','>i2'),('f','>f4',(F,)),('v','>f4',(D,))])
R=np.fromfile(sys.argv[1]+'.rows',dtype=rec)
qrec=np.dtype([('q','>i4'),('split','i1'),('ans','i1'),('v','>f4',(D,))])
Q=np.fromfile(sys.argv[1]+'.q',dtype=qrec)
print(len(R),'rows',len(Q),'questions')
split=Q['split'][R['q']]
tr=split==0
fig=R['f'].astype(np.float64); qv=Q['v'][R['q']].astype(np.float64); sv=R['v'].astype(np.float64)
prod=qv*sv
y=R['y'].astype(np.float64)
def design(wprod, extra=None):
    X=fig
    mu=X[tr].mean(0); sd=X[tr].std(0); sd[sd==0]=1
    Xs=(X-mu)/sd
    parts=[Xs]
    if wprod>0:
        P=prod; pm=P[tr].mean(0); ps=P[tr].std(0); ps[ps==0]=1
        parts.append(wprod*(P-pm)/ps)
    return np.hstack(parts)
def fit(X,y,C=1.0):
    Xb=np.hstack([X,np.ones((len(X),1))])
    def f(w):
        z=Xb@w
        l=np.logaddexp(0,-z)*(y==1)+np.logaddexp(0,z)*(y==0)
        p=1/(1+np.exp(-z))
        g=Xb.T@(p-y)
        return 0.5*w@w+C*l.sum(), w+C*g
    r=minimize(f,np.zeros(Xb.shape[1]),jac=True,method='L-BFGS-B',options={'maxiter':500})
    return r.x
def evaluate(score,name):
    out=[]
    for s in range(1,int(Q['split'].max())+1):
        t1=n=0; mrr=0
        for qi in np.where((Q['split']==s)&(Q['ans']==1))[0]:
            idx=np.where(R['q']==qi)[0]
            if len(idx)==0 or R['y'][idx].sum()==0: continue
            sc=score[idx]; order=np.argsort(-sc,kind='stable')
            rk=np.where(R['y'][idx][order]==1)[0][0]
            n+=1; t1+=rk==0; mrr+=1/(1+rk)
        out.append(f"s{s} {t1}/{n} ({t1/n:.3f}) mrr {mrr/n:.3f}")
    print(name,' | '.join(out),flush=True)
qidx={}
for w in [0]+[float(x) for x in sys.argv[2:]]:
    X=design(w)
    wt=fit(X[tr],y[tr])
    sc=np.hstack([X,np.ones((len(X),1))])@wt
    evaluate(sc,f"wprod={w}")
