#!/usr/bin/env bash
# Resident memory of the server on a corpus, BM25 only and hybrid, at a given heap: starts it on a
# fresh data folder, waits for the index and the safety screen, sends every question of the eval files
# (one client, twice over), and prints RSS at ready and after, and the CPU it uses idle for IDLE
# seconds afterwards (default 30), per WINDOW seconds (default IDLE) as well, and RSS at the end of
# the idle time. Loopback only; bounded waits.
# usage: tools/side-by-side/rss.sh [HEAP] [CORPUS_DIR]     defaults: 256m, corpus
# env: JAR, PORT, IDLE, WINDOW, MODES (default "off on": --dense off, then on), JAVA_OPTS (more JVM flags)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HEAP="${1:-256m}"
CORPUS="${2:-$ROOT/corpus}"
PORT="${PORT:-17080}"
IDLE="${IDLE:-30}" # seconds of no requests over which idle CPU is measured
WINDOW="${WINDOW:-$IDLE}" # seconds per idle CPU sample, to tell a one-time job that ends from a steady load
JAR="${JAR:-$ROOT/target/guidance-assistant.jar}"
QUESTIONS=$(cat "$ROOT"/src/test/resources/eval/dev.jsonl "$ROOT"/src/test/resources/eval/practitioner.jsonl \
  | python3 -c 'import sys, json, urllib.parse
for l in sys.stdin:
    l = l.strip()
    if l: print(urllib.parse.quote_plus(json.loads(l)["q"]))')
for DENSE in ${MODES:-off on}; do
  DATA="$(mktemp -d)"
  # shellcheck disable=SC2086
  java -Xmx"$HEAP" ${JAVA_OPTS:-} -jar "$JAR" --port "$PORT" --corpus "$CORPUS" --data "$DATA" --dense "$DENSE" --rate-limit 0 \
    >"$DATA.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 600); do
    curl -s "http://127.0.0.1:$PORT/health" | grep -q '"safetyScreen":"ready"' && break
    sleep 0.5
  done
  READY=$(( $(ps -o rss= -p "$PID") / 1024 ))
  for _ in 1 2; do
    for q in $QUESTIONS; do curl -s -o /dev/null "http://127.0.0.1:$PORT/api/search?q=$q"; done
  done
  AFTER=$(( $(ps -o rss= -p "$PID") / 1024 ))
  # Idle CPU: the process's user+system clock ticks over IDLE seconds with no requests.
  T0=$(awk '{print $14 + $15}' "/proc/$PID/stat")
  WINDOWS=""
  TW=$T0
  for _ in $(seq 1 $(( IDLE / WINDOW ))); do
    sleep "$WINDOW"
    T=$(awk '{print $14 + $15}' "/proc/$PID/stat")
    WINDOWS="$WINDOWS $(awk -v a="$TW" -v b="$T" -v hz="$(getconf CLK_TCK)" -v s="$WINDOW" 'BEGIN{printf "%.1f", 100 * (b - a) / hz / s}')"
    TW=$T
  done
  T1=$(awk '{print $14 + $15}' "/proc/$PID/stat")
  IDLE_CPU=$(awk -v a="$T0" -v b="$T1" -v hz="$(getconf CLK_TCK)" -v s="$(( IDLE / WINDOW * WINDOW ))" 'BEGIN{printf "%.2f", 100 * (b - a) / hz / s}')
  IDLE_RSS=$(( $(ps -o rss= -p "$PID") / 1024 ))
  echo "dense $DENSE, -Xmx$HEAP ${JAVA_OPTS:-}: RSS ${READY} MiB when ready, ${AFTER} MiB after $(( 2 * $(wc -w <<<"$QUESTIONS") )) searches, ${IDLE_RSS} MiB after idle; idle CPU ${IDLE_CPU} % of a core over $(( IDLE / WINDOW * WINDOW )) s (per ${WINDOW} s:${WINDOWS})"
  kill "$PID"; wait "$PID" 2>/dev/null || true
  rm -rf "$DATA" "$DATA.log"
done
