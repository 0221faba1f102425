"""p50/p90/p99 of POST /api/ask (or, with --search, GET /api/search as the page sends it) on a running
server, one client, loopback only; with --pid, also the server's CPU time per request.

Usage: python3 ask_latency.py PORT ROUNDS [--search] [--warmup N] [--pid PID] FILE.jsonl [FILE.jsonl ...]
Asks every question of the files (their "q"), ROUNDS times over, after N warm-up passes (default 1;
the first also waits for the answer step's models to train); bounded by count, never by a loop without
end. A server fresh from start-up is still compiling its hot paths: in the sixth session p99 fell from
about 20-40 ms to about 10 ms over the first five passes of the 117 bank questions, so compare servers
only after the same warm-up (5 passes) and in ABBA order. CPU time (user + system, from
/proc/PID/stat, Linux only) counts every thread of the server, its collector and compiler too.
"""
import json, os, sys, time, urllib.parse, urllib.request

args = sys.argv[1:]
port, rounds = int(args.pop(0)), int(args.pop(0))
searching = warmup = pid = None
files = []
while args:
    a = args.pop(0)
    if a == "--search":
        searching = True
    elif a == "--warmup":
        warmup = int(args.pop(0))
    elif a == "--pid":
        pid = int(args.pop(0))
    else:
        files.append(a)
warmup = 1 if warmup is None else warmup
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

def cpu_seconds():
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

for _ in range(warmup):
    for q in qs:
        ask(q)
before = cpu_seconds() if pid else 0
times = sorted(ask(q) for _ in range(rounds) for q in qs)
cpu = " cpu/request %.2f ms," % ((cpu_seconds() - before) * 1000 / len(times)) if pid else ""
pick = lambda p: times[min(len(times) - 1, int(p * len(times)))]
print("%d %s:%s p50 %.1f ms, p90 %.1f ms, p99 %.1f ms" % (len(times), "searches" if searching else "asks", cpu,
      pick(0.5), pick(0.9), pick(0.99)))
