#!/usr/bin/env bash
# Hybrid /api/search with unique queries (every query embedding a cache miss) at 8 connections on the
# shipped corpus: starts the server on a fresh data folder, waits for it, warms it with WARM seconds
# of other unique queries, then measures SECS seconds with queries never asked before. Loopback only;
# bounded by time and by the number of queries (a thread that runs out of queries stops).
# usage: tools/unique-queries/run.sh        env: JAR, HEAP (256m), SECS (20), WARM (20), CONNS (8), PORT
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/tools/unique-queries"
JAR="${JAR:-$ROOT/target/guidance-assistant.jar}"
HEAP="${HEAP:-256m}"; SECS="${SECS:-20}"; WARM="${WARM:-20}"; CONNS="${CONNS:-8}"; PORT="${PORT:-17090}"
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 2; }
cd "$ROOT" # the shipped corpus is ./corpus
WORK="$(mktemp -d)"
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
# Every eval question, in three wordings each ("…", "… ?", "please … "), shuffled with a fixed seed:
# the first half warms, the second half is measured, so no measured query was ever embedded before.
cat "$ROOT"/src/test/resources/eval/*.jsonl | python3 -c '
import sys, json, random, urllib.parse
qs = sorted({json.loads(l)["q"][:400] for l in sys.stdin if l.strip()})
all = [v for q in qs for v in (q, q + " ?", "please " + q)]
random.Random(7).shuffle(all)
half = len(all) // 2
for name, part in (("warm", all[:half]), ("measure", all[half:])):
    with open(sys.argv[1] + "/" + name + ".txt", "w") as f:
        for q in part:
            f.write("/api/search?limit=10&q=" + urllib.parse.quote_plus(q) + "\n")
' "$WORK"
java -Xmx"$HEAP" -jar "$JAR" --port "$PORT" --data "$WORK/data" --rate-limit 0 >"$WORK/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 600); do
  curl -s "http://127.0.0.1:$PORT/health" | grep -q '"safetyScreen":"ready"' && break
  sleep 0.5
done
# The answer step's models train after start-up (a minute or two on a fresh data folder), and the
# search reranks with them: wait for them before the clock starts.
for _ in $(seq 1 600); do
  grep -q "Answer step models trained" "$WORK/server.log" && break
  sleep 1
done
echo "queries: $(wc -l <"$WORK/warm.txt") to warm, $(wc -l <"$WORK/measure.txt") to measure; load $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t2 -c"$CONNS" -d"${WARM}s" --latency -s "$HERE/unique.lua" "http://127.0.0.1:$PORT" -- "$WORK/warm.txt" 2 | grep '^RESULT' | sed 's/^/warm: /'
wrk -t2 -c"$CONNS" -d"${SECS}s" --latency -s "$HERE/unique.lua" "http://127.0.0.1:$PORT" -- "$WORK/measure.txt" 2 | grep '^RESULT'
echo "RSS after: $(( $(ps -o rss= -p "$PID") / 1024 )) MiB; load $(cut -d' ' -f1-3 /proc/loadavg)"
