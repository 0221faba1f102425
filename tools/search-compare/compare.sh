#!/usr/bin/env bash
# Starts two builds of the server on the same corpus (each its own data folder, BM25 unless DENSE=on)
# and compares their /api/search responses byte for byte (compare.py). Loopback only.
#
# usage: tools/search-compare/compare.sh OLD_JAR NEW_JAR CORPUS_DIR QUERIES [QUERIES ...]
# Env: DENSE (off|on, default off), HEAP (default 1g), OLD_PORT/NEW_PORT (default 17181/17182),
#      WORK (data folders and logs, default target/search-compare)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
USAGE="usage: $0 OLD_JAR NEW_JAR CORPUS_DIR QUERIES [QUERIES ...]"
OLD_JAR="$(realpath "${1:?$USAGE}")"
NEW_JAR="$(realpath "${2:?$USAGE}")"
CORPUS="$(realpath "${3:?$USAGE}")"
shift 3
[ $# -gt 0 ] || { echo "$USAGE" >&2; exit 2; }
DENSE="${DENSE:-off}"
HEAP="${HEAP:-1g}"
OLD_PORT="${OLD_PORT:-17181}"
NEW_PORT="${NEW_PORT:-17182}"
WORK="${WORK:-target/search-compare}"
READY_LIMIT=1800 # seconds an index build may take before the run fails
mkdir -p "$WORK"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

start() { # jar, port, name
  rm -rf "$WORK/data-$3"
  java -Xmx"$HEAP" -jar "$1" --port "$2" --corpus "$CORPUS" --data "$WORK/data-$3" --dense "$DENSE" \
    --rate-limit 0 >"$WORK/$3.log" 2>&1 &
  PIDS+=($!)
}
ready() { # port, name
  for _ in $(seq 1 $(( READY_LIMIT * 5 ))); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/health" || true)" = 200 ] && return 0
    sleep 0.2
  done
  echo "$2 not ready; see $WORK/$2.log" >&2
  exit 1
}
start "$OLD_JAR" "$OLD_PORT" old
ready "$OLD_PORT" old
start "$NEW_JAR" "$NEW_PORT" new
ready "$NEW_PORT" new
python3 "$HERE/compare.py" "$OLD_PORT" "$NEW_PORT" "$@"
