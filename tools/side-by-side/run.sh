#!/usr/bin/env bash
# Side-by-side search benchmark, one command: this server and a real OpenSearch node, loaded with the
# same BEIR SciFact documents, driven by the same wrk over loopback with the same judged test queries,
# warmed for the same time, one engine after the other. Prints one table per corpus size.
#
# usage: tools/side-by-side/run.sh BEIR_DIR PEER_DIR [COPIES ...]
#   BEIR_DIR  e.g. ../shared/datasets/scifact (corpus.jsonl, queries.jsonl, qrels/test.tsv)
#   PEER_DIR  the OpenSearch peer project (e.g. ../shared/peers/opensearch); copied once to
#             target/side-by-side/peer, built there on first use with a JDK >= 21 (its run.sh)
#   COPIES    corpus sizes as copies of the collection: 1 = 5,183 abstracts, 20 = 103,660 (default 1)
# Env: WARM (warm-up seconds per engine, default 120), SECS (measured seconds, default 20),
#      CONNS (wrk connections, default 8), OUR_JAVA (default java), OUR_HEAP (default 256m),
#      SKIP_PEER=1 (this server only, e.g. to compare two builds), JAR (default target/guidance-assistant.jar), OUR_PORT (default 17070), PEER_PORT (default 19250), plus the peer's PEER_HEAP etc.
# Needs: the built jar (mvn -B package -DskipTests), wrk, curl, python3. Not part of mvn verify.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
USAGE="usage: $0 BEIR_DIR PEER_DIR [COPIES ...]"
BEIR="$(realpath "${1:?$USAGE}")"
PEER_SRC="$(realpath "${2:?$USAGE}")"
shift 2
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1)
WARM="${WARM:-120}"
SECS="${SECS:-20}"
CONNS="${CONNS:-8}"
OUR_JAVA="${OUR_JAVA:-java}"
OUR_HEAP="${OUR_HEAP:-256m}"
OUR_PORT="${OUR_PORT:-17070}"
# The runner only binds HTTP ports up to 9299.
PEER_PORT="${PEER_PORT:-9277}"
# Bounded waits: an engine that is not ready in this many seconds fails the run.
READY_LIMIT=1800
JAR="${JAR:-$ROOT/target/guidance-assistant.jar}"
WORK="$ROOT/target/side-by-side"
THREADS=$(( CONNS < 2 ? CONNS : 2 ))

command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 2; }
[ -f "$JAR" ] || { echo "no $JAR: run mvn -B package -DskipTests first" >&2; exit 2; }
[ -f "$BEIR/corpus.jsonl" ] || { echo "no corpus.jsonl in $BEIR" >&2; exit 2; }
mkdir -p "$WORK"
if [ ! -d "$WORK/peer" ]; then
  cp -rp "$PEER_SRC" "$WORK/peer" # -p: sources older than a jar built there, so run.sh does not rebuild
  chmod -R u+w "$WORK/peer"
  rm -rf "$WORK/peer/work"
fi
# Built here (first time: Maven downloads the runner, ~71 MB), so no engine's ready time includes a build.
JDK21="$(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV | while read -r d; do v="$("$d/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2}')"; [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] && { echo "${d%/}"; break; }; done)"
if [ ! -f "$WORK/peer/target/peer-opensearch.jar" ]; then
  (cd "$WORK/peer" && JAVA_HOME="${PEER_JAVA_HOME:-$JDK21}" mvn -B -q -DskipTests package)
fi

PID=""
cleanup() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi; }
trap cleanup EXIT

now() { date +%s.%N; }
rss_mib() { awk '{printf "%.0f", $1/1024}' <<<"$(ps -o rss= -p "$1")"; }
# wrk over loopback; prints the RESULT line. $1 port, $2 seconds, $3 script, rest: script args.
load() {
  local port=$1 secs=$2 script=$3; shift 3
  wrk -t"$THREADS" -c"$CONNS" -d"${secs}s" --latency -s "$script" "http://127.0.0.1:$port" -- "$@" | grep '^RESULT'
}
field() { grep -o "$1=[0-9.]*" <<<"$2" | cut -d= -f2; }
row() { # label, RESULT line, rss, ready s, docs/s
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$(field req_per_s "$2")" "$(field p50_ms "$2")" \
    "$(field p99_ms "$2")" "$(field non200 "$2")" "$3" "$4" "$5"
}

for COPIES in "${SIZES[@]}"; do
  IN="$WORK/in-$COPIES"
  if [ ! -f "$IN/paths.txt" ]; then
    rm -rf "$IN"
    python3 "$HERE/make_inputs.py" "$BEIR" "$IN" "$COPIES"
  fi
  DOCS=$(wc -l <"$IN/corpus.jsonl")
  echo "=== $DOCS documents; warm-up ${WARM} s, measured ${SECS} s, $CONNS connections, $(nproc) cores"

  # --- this server: BM25 only, no rate limit, a fresh data folder so the index is built here
  DATA="$WORK/data-$COPIES"
  rm -rf "$DATA"
  LOG="$WORK/ours-$COPIES.log"
  T0=$(now)
  "$OUR_JAVA" -Xmx"$OUR_HEAP" -jar "$JAR" --port "$OUR_PORT" --corpus "$IN/corpus" --data "$DATA" \
    --dense off --rate-limit 0 >"$LOG" 2>&1 &
  PID=$!
  for _ in $(seq 1 $(( READY_LIMIT * 5 ))); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$OUR_PORT/health" || true)" = 200 ] && break
    kill -0 "$PID" 2>/dev/null || { echo "server exited; see $LOG" >&2; tail -20 "$LOG" >&2; exit 1; }
    sleep 0.2
  done
  OUR_READY=$(awk -v a="$T0" -v b="$(now)" 'BEGIN{printf "%.1f", b-a}')
  OUR_RATE=$(awk -v n="$DOCS" -v s="$OUR_READY" 'BEGIN{printf "%.0f", n/s}')
  OUR_PASSAGES=$(curl -s "http://127.0.0.1:$OUR_PORT/health" | grep -o '"passages":[0-9]*' | cut -d: -f2)
  # The safety screen trains beside the index; the load waits for it, as it would share the CPU.
  for _ in $(seq 1 $(( READY_LIMIT * 5 ))); do
    curl -s "http://127.0.0.1:$OUR_PORT/health" | grep -q '"safetyScreen":"ready"' && break
    sleep 0.2
  done
  OUR_RSS_READY=$(rss_mib "$PID")
  curl -s "http://127.0.0.1:$OUR_PORT/api/search?limit=3&q=abnormal+PrP+positivity&facets=none" | head -c 300 || true; echo # curl may see the pipe close early (exit 23)
  load "$OUR_PORT" "$WARM" "$HERE/get.lua" "$IN/paths.txt" >/dev/null
  echo "load average before measuring this server: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine shows here)"
  OUR_FULL=$(load "$OUR_PORT" "$SECS" "$HERE/get.lua" "$IN/paths.txt")
  OUR_NOFACETS=$(load "$OUR_PORT" "$SECS" "$HERE/get.lua" "$IN/paths.txt" "&facets=none")
  OUR_RSS=$(rss_mib "$PID")
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
  echo "this server: ready ${OUR_READY} s, RSS ${OUR_RSS_READY} MiB at ready, ${OUR_RSS} MiB after load"
  echo "  full:        $OUR_FULL"
  echo "  facets=none: $OUR_NOFACETS"

  if [ -n "${SKIP_PEER:-}" ]; then continue; fi
  # --- OpenSearch: its own run.sh (1 GiB heap, pre-touched, force-merged to one segment)
  LOG="$WORK/peer-$COPIES.log"
  T0=$(now)
  "$WORK/peer/run.sh" "$PEER_PORT" "$IN/corpus.jsonl" >"$LOG" 2>&1 &
  PID=$!
  for _ in $(seq 1 $(( READY_LIMIT * 5 ))); do
    grep -q '^READY ' "$LOG" && break
    kill -0 "$PID" 2>/dev/null || { echo "peer exited; see $LOG" >&2; tail -20 "$LOG" >&2; exit 1; }
    sleep 0.2
  done
  PEER_READY=$(awk -v a="$T0" -v b="$(now)" 'BEGIN{printf "%.1f", b-a}')
  PEER_RATE=$(awk -v n="$DOCS" -v s="$PEER_READY" 'BEGIN{printf "%.0f", n/s}')
  PEER_RSS_READY=$(rss_mib "$PID")
  load "$PEER_PORT" "$WARM" "$WORK/peer/bench/search.lua" "$IN/bodies.jsonl" >/dev/null
  echo "load average before measuring OpenSearch: $(cut -d' ' -f1-3 /proc/loadavg)"
  PEER=$(load "$PEER_PORT" "$SECS" "$WORK/peer/bench/search.lua" "$IN/bodies.jsonl")
  PEER_RSS=$(rss_mib "$PID")
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
  echo "OpenSearch: ready ${PEER_READY} s, RSS ${PEER_RSS_READY} MiB at ready, ${PEER_RSS} MiB after load"
  echo "  multi_match: $PEER"

  echo
  echo "$DOCS documents ($OUR_PASSAGES passages in this server); $(grep '^LOADED' "$LOG" || true)"
  echo "| engine, request | req/s | p50 ms | p99 ms | non-200 | RSS after load (ready) MiB | process start → ready s | docs/s to ready |"
  echo "|---|---|---|---|---|---|---|---|"
  row "this server, full /api/search (BM25, facets, snippets)" "$OUR_FULL" "$OUR_RSS ($OUR_RSS_READY)" "$OUR_READY" "$OUR_RATE"
  row "this server, facets=none" "$OUR_NOFACETS" "$OUR_RSS" "" ""
  row "OpenSearch 3.8, multi_match top-10" "$PEER" "$PEER_RSS ($PEER_RSS_READY)" "$PEER_READY" "$PEER_RATE"
  awk -v a="$(field req_per_s "$OUR_FULL")" -v b="$(field req_per_s "$OUR_NOFACETS")" -v p="$(field req_per_s "$PEER")" \
    'BEGIN{printf "req/s ratio to OpenSearch: full %.2fx, facets=none %.2fx\n\n", a/p, b/p}'
done
