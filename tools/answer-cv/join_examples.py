"""Appends a writer's train split to the answer step's examples
(src/main/resources/answer/answerable-examples.jsonl): in-scope questions with their expect phrases and
answering sentence, out-of-scope ones as not answerable. Skips a question already among the examples
or in any *-test.jsonl (compared lower-cased, whitespace normalised), so no held-out question is
learned from (AnswerableExamplesTest checks the same).
Usage, from the repository root: python3 tools/answer-cv/join_examples.py bank9 bank10
"""
import glob, json, re, sys
EVAL = 'src/test/resources/eval'
EXAMPLES = 'src/main/resources/answer/answerable-examples.jsonl'


def norm(s):
    return re.sub(r'\s+', ' ', s.strip().lower())


have = {norm(json.loads(l)['q']) for l in open(EXAMPLES, encoding='utf-8') if l.strip()}
held = {norm(json.loads(l)['q']) for f in glob.glob(f'{EVAL}/*-test.jsonl') for l in open(f, encoding='utf-8') if l.strip()}
added, skipped = [], 0
for bank in sys.argv[1:]:
    for kind, answerable in (('inscope', True), ('oos', False)):
        for line in open(f'{EVAL}/{bank}-{kind}-train.jsonl', encoding='utf-8'):
            if not line.strip():
                continue
            o = json.loads(line)
            k = norm(o['q'])
            if k in have or k in held:
                skipped += 1
                continue
            have.add(k)
            row = {'q': o['q'], 'answerable': answerable}
            if answerable:
                row.update(expect=o['expect'], answer=o['answer'])
            added.append(json.dumps(row, ensure_ascii=False))
with open(EXAMPLES, 'a', encoding='utf-8') as out:
    out.writelines(r + '\n' for r in added)
print(len(added), 'added,', skipped, 'skipped')
