#!/usr/bin/env bash
# Scale-out benchmark, one command: a 2-node SolrCloud (tools/solr-cluster, in a JVM of its own), then
# the shipped corpus served by one app instance and by two, both searching that SolrCloud, driven by
# wrk over loopback with the practitioner questions (GET /api/search, facets on, hybrid); and one
# embedded instance (no Solr) for reference. Prints a table for BENCHMARKS.md.
#
# usage: tools/scale-out/run.sh
# Env: WARM (warm-up seconds, default 30), SECS (measured seconds, default 20), CONNS (total wrk
#      connections, default 8), HEAP (each app's heap, default 512m), JAR (default target/guidance-assistant.jar)
# Needs: the built jar (mvn -B package -DskipTests), wrk, curl, python3. Loopback only; not part of mvn verify.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WARM="${WARM:-30}"
SECS="${SECS:-20}"
CONNS="${CONNS:-8}"
HEAP="${HEAP:-512m}"
JAR="${JAR:-$ROOT/target/guidance-assistant.jar}"
WORK="$ROOT/target/scale-out"
READY_LIMIT=900
LUA="$ROOT/tools/side-by-side/get.lua"
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 2; }
[ -f "$JAR" ] || { echo "no $JAR: run mvn -B package -DskipTests first" >&2; exit 2; }
LAUNCHER="$ROOT/tools/solr-cluster/target"
[ -f "$LAUNCHER/classpath.txt" ] || mvn -B -q -f "$ROOT/tools/solr-cluster/pom.xml" package
rm -rf "$WORK"; mkdir -p "$WORK"

PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -n "${SOLR_IN:-}" ] && exec 3>&- 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

# The questions, as search paths.
python3 - "$ROOT/src/test/resources/eval" "$WORK/paths.txt" <<'PY'
import json, sys, urllib.parse, pathlib
out = []
for f in ["practitioner.jsonl", "bank-inscope-train.jsonl"]:
    for line in open(pathlib.Path(sys.argv[1]) / f, encoding="utf-8"):
        if line.strip():
            out.append("/api/search?q=" + urllib.parse.quote(json.loads(line)["question"]))
open(sys.argv[2], "w").write("\n".join(out) + "\n")
PY
echo "$(wc -l <"$WORK/paths.txt") questions; warm-up ${WARM} s, measured ${SECS} s, $CONNS connections in all, $(nproc) cores"

# SolrCloud: 2 nodes; its answers come on stdout, commands on a fifo.
mkfifo "$WORK/solr.in"
java -Xmx768m -cp "$LAUNCHER/classes:$(cat "$LAUNCHER/classpath.txt")" uk.safeguarding.guidance.tools.SolrCluster 2 \
  "$WORK/solr" <"$WORK/solr.in" >"$WORK/solr.out" 2>"$WORK/solr.err" &
PIDS+=($!)
exec 3>"$WORK/solr.in"; SOLR_IN=1
for _ in $(seq 1 $(( READY_LIMIT * 5 ))); do grep -q "^solr-cluster ready" "$WORK/solr.out" && break; sleep 0.2; done
URLS=$(grep "^solr-cluster ready" "$WORK/solr.out" | cut -d' ' -f3- | tr ' ' ',')
[ -n "$URLS" ] || { echo "SolrCloud did not start; see $WORK/solr.err" >&2; exit 1; }
echo "SolrCloud: $URLS"

start_app() { # port, data dir, extra flags...
  local port=$1 data=$2; shift 2
  java -Xmx"$HEAP" -jar "$JAR" --port "$port" --corpus "$ROOT/corpus" --data "$data" --rate-limit 0 "$@" \
    >"$WORK/app-$port.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 $(( READY_LIMIT * 5 ))); do
    curl -s "http://127.0.0.1:$port/health" | grep -q '"safetyScreen":"ready"' && return 0
    sleep 0.2
  done
  echo "app on $port not ready; see $WORK/app-$port.log" >&2; exit 1
}
result() { grep -o "$1=[0-9.]*" <<<"$2" | cut -d= -f2; }
load() { # seconds, connections, port
  wrk -t1 -c"$2" -d"$1s" --latency -s "$LUA" "http://127.0.0.1:$3" -- "$WORK/paths.txt" | grep '^RESULT'
}

# The embedding cache is shared: a first start embeds the corpus once (data/…), later ones reuse it.
mkdir -p "$WORK/a" "$WORK/b" "$WORK/e"
[ -d "$ROOT/data/embeddings" ] && for d in a b e; do cp -r "$ROOT/data/embeddings" "$WORK/$d/"; done
start_app 17171 "$WORK/a" --solr "$URLS"
start_app 17172 "$WORK/b" --solr "$URLS"
start_app 17173 "$WORK/e"

echo "| setup | req/s | p50 ms | p99 ms | non-200 |"
echo "|---|---|---|---|---|"
load "$WARM" "$CONNS" 17173 >/dev/null
R=$(load "$SECS" "$CONNS" 17173)
echo "| one instance, embedded Lucene (reference) | $(result req_per_s "$R") | $(result p50_ms "$R") | $(result p99_ms "$R") | $(result non200 "$R") |"
load "$WARM" "$CONNS" 17171 >/dev/null
load "$WARM" "$CONNS" 17172 >/dev/null
R=$(load "$SECS" "$CONNS" 17171)
echo "| one instance → SolrCloud | $(result req_per_s "$R") | $(result p50_ms "$R") | $(result p99_ms "$R") | $(result non200 "$R") |"
HALF=$(( CONNS / 2 ))
load "$SECS" "$HALF" 17171 >"$WORK/two-a.txt" &
W1=$!
load "$SECS" "$HALF" 17172 >"$WORK/two-b.txt" &
W2=$!
wait $W1 $W2
RA=$(cat "$WORK/two-a.txt"); RB=$(cat "$WORK/two-b.txt")
SUM=$(awk -v a="$(result req_per_s "$RA")" -v b="$(result req_per_s "$RB")" 'BEGIN{printf "%.0f", a+b}')
echo "| two instances → SolrCloud ($HALF connections each) | $SUM | $(result p50_ms "$RA") / $(result p50_ms "$RB") | $(result p99_ms "$RA") / $(result p99_ms "$RB") | $(( $(result non200 "$RA") + $(result non200 "$RB") )) |"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo quit >&3
