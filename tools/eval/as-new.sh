#!/usr/bin/env bash
# A shipped document as if a trainer had uploaded it after the examples were written: a copy of the jar
# without the answerable examples whose answer phrases are in it (answer/answerable-examples.jsonl) and
# without its passages in answer/labelled-library.tsv, then its bank test-split questions and every
# bank's out-of-scope test split through the whole answer step (eval --mode hybrid). BENCHMARKS.md §8.
# usage: tools/eval/as-new.sh DOC_ID OUT [DATA_DIR]    env: JAR (default target/guidance-assistant.jar)
#   e.g. tools/eval/as-new.sh gateshead-learning-from-reviews-2022 /tmp/gateshead.txt
# Add SPLIT=train to ask its train-split questions and the out-of-scope train splits instead.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DOC="$1"; OUT="$2"; DATA="${3:-$(mktemp -d)}"
JAR="${JAR:-$ROOT/target/guidance-assistant.jar}"; SPLIT="${SPLIT:-test}"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
[ -f "$ROOT/corpus/$DOC.md" ] || { echo "no corpus/$DOC.md" >&2; exit 2; }
mkdir -p "$WORK/stage/answer"
python3 - "$ROOT" "$DOC" "$WORK" "$SPLIT" <<'PY'
import glob, json, re, sys
root, doc, work, split = sys.argv[1:]
def norm(s):
    s = s.lower().replace('\u2018', "'").replace('\u2019', "'").replace('\u201c', '"').replace('\u201d', '"')
    return re.sub(r'\s+', ' ', s).strip()
text = norm(open(f'{root}/corpus/{doc}.md').read())
inside = lambda phrases: any(norm(p) in text for p in phrases)
with open(f'{work}/stage/answer/answerable-examples.jsonl', 'w') as w:
    for line in open(f'{root}/src/main/resources/answer/answerable-examples.jsonl'):
        d = json.loads(line)
        if not (d.get('answerable') and d.get('expect') and inside(d['expect'])):
            w.write(line)
with open(f'{work}/stage/answer/labelled-library.tsv', 'w') as w:
    for line in open(f'{root}/src/main/resources/answer/labelled-library.tsv'):
        if not line.startswith(doc + '#'):
            w.write(line)
with open(f'{work}/questions.jsonl', 'w') as w:
    for f in sorted(glob.glob(f'{root}/src/test/resources/eval/bank*-inscope-{split}.jsonl')):
        for line in open(f):
            d = json.loads(line)
            if d.get('expect') and inside(d['expect']):
                w.write(line)
PY
cp "$JAR" "$WORK/as-new.jar"
(cd "$WORK/stage" && jar uf ../as-new.jar answer/answerable-examples.jsonl answer/labelled-library.tsv)
args=(--questions "$WORK/questions.jsonl")
for f in "$ROOT"/src/test/resources/eval/bank*-oos-"$SPLIT".jsonl; do args+=(--questions "$f"); done
cd "$ROOT"
java -Xmx1g -jar "$WORK/as-new.jar" eval --mode hybrid --data "$DATA" "${args[@]}" 2>&1 | grep -v ' INFO ' >"$OUT"
grep 'questions.jsonl.*answered' "$OUT"
grep 'oos.*declined' "$OUT" | python3 -c '
import re, sys
a = b = 0
for l in sys.stdin:
    m = re.search(r"declined (\d+)/(\d+)", l); a += int(m.group(1)); b += int(m.group(2))
print(f"out of scope declined {a}/{b}")'
