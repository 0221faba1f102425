#!/usr/bin/env bash
# Times how long the server takes, from launch, until /health says the index, the safety screen and the
# answer step's models are all ready: once on DATA as it is, then once more on the same folder (a
# restart, which reads the kept models). Loopback only; each wait is bounded (10 minutes).
#
#   JAR=target/guidance-assistant.jar DATA=/tmp/ready-data PORT=7079 tools/restart/ready.sh
#
# Run from the project folder (the server serves ./corpus). Start with an empty DATA for a fresh start.
set -euo pipefail
JAR=${JAR:-target/guidance-assistant.jar}; DATA=${DATA:?set DATA to a data folder}; PORT=${PORT:-7079}
once() {
  local t0 index="" pid
  t0=$(date +%s.%N)
  java -Xmx256m -jar "$JAR" --data "$DATA" --port "$PORT" > "$DATA.$1.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 2400); do
    sleep 0.25
    body=$(curl -s "http://127.0.0.1:$PORT/health" || true)
    if [ -z "$index" ] && grep -q '"status":"ready"' <<<"$body"; then index=$(echo "$(date +%s.%N) - $t0" | bc); fi
    if grep -q '"safetyScreen":"ready".*"answerModels":"ready"' <<<"$body"; then
      echo "$1: index ready ${index} s, screen and answer models ready $(echo "$(date +%s.%N) - $t0" | bc) s"
      break
    fi
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
once first
once restart
