"""p50/p90/p99 of POST /api/ask (or, with --search, GET /api/search as the page sends it) on a running
server, one client, loopback only.

Usage: python3 ask_latency.py PORT ROUNDS [--search] FILE.jsonl [FILE.jsonl ...]
Asks every question of the files (their "q"), ROUNDS times over, after one warm-up pass (which also
waits for the answer step's models to train); bounded by count, never by a loop without end.
"""
import json, sys, time, urllib.parse, urllib.request

port, rounds = int(sys.argv[1]), int(sys.argv[2])
searching = sys.argv[3] == "--search"
files = sys.argv[4:] if searching else sys.argv[3:]
qs = [json.loads(l)["q"] for f in files for l in open(f) if l.strip()]

def ask(q):
    if searching:
        req = "http://127.0.0.1:%d/api/search?limit=10&q=%s" % (port, urllib.parse.quote(q[:500]))
    else:
        body = json.dumps({"question": q}).encode()
        req = urllib.request.Request("http://127.0.0.1:%d/api/ask" % port, body, {"Content-Type": "application/json"})
    t = time.perf_counter()
    with urllib.request.urlopen(req, timeout=120) as r:
        r.read()
    return (time.perf_counter() - t) * 1000

for q in qs:
    ask(q)
times = sorted(ask(q) for _ in range(rounds) for q in qs)
pick = lambda p: times[min(len(times) - 1, int(p * len(times)))]
print("%d %s: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms" % (len(times), "searches" if searching else "asks", pick(0.5), pick(0.9), pick(0.99)))
