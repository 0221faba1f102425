#!/usr/bin/env bash
# Every question bank's test split, practitioner.jsonl and dev.jsonl through the whole answer step,
# hybrid, in one eval run (trains the answer models once: about 10 minutes on 2 cores).
# usage: tools/eval/test-splits.sh OUT [DATA_DIR]      env: JAR (default target/guidance-assistant.jar)
# Then: python3 tools/eval/sum.py OUT   (per file, and summed over the four older writers, the
# nineteenth and twentieth, and every test split)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$1"
DATA="${2:-$ROOT/data/eval}"
JAR="${JAR:-$ROOT/target/guidance-assistant.jar}"
args=()
for f in "$ROOT"/src/test/resources/eval/bank*-test.jsonl "$ROOT"/src/test/resources/eval/practitioner.jsonl \
  "$ROOT"/src/test/resources/eval/dev.jsonl; do
  args+=(--questions "$f")
done
cd "$ROOT"
java -Xmx1g -jar "$JAR" eval --mode hybrid --data "$DATA" "${args[@]}" >"$OUT" 2>&1
